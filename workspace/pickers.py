"""Choosing a record on a workspace form: every choice says which meeting it belongs to, so an
officer never picks an item of another meeting that happens to share its number and title."""

from __future__ import annotations

from django import forms

from meetings.models import AgendaItem


def item_label(item: AgendaItem) -> str:
    """ "Item 6: Budget monitoring (Policy and Resources Cabinet Committee, 15 Sep 2017)"."""
    meeting = item.meeting
    return f"Item {item.number}: {item.title} ({meeting.body}, {meeting.date:%-d %b %Y})"


class ItemChoiceField(forms.ModelChoiceField):
    """An agenda item, labelled with its meeting (give it a queryset with
    ``select_related("meeting__body")``)."""

    def label_from_instance(self, obj: AgendaItem) -> str:
        return item_label(obj)
