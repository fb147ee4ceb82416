"""Keeping the index up to date as the record changes.

Publishing's signals (agenda, supplement, minutes published; a paper withdrawn or replaced)
re-index the meeting(s) concerned; saving or deleting a meeting or an agenda item re-indexes
its meeting, saving a paper (reclassified as exempt, say) the meetings it is on, and saving
a minute or a resolution (made exempt, corrected) its meeting; changes to a person, their
terms, seats, groups, name forms or posts re-index that person. The work runs once per
transaction, after it commits (nothing is indexed that was rolled back), and a failure is
logged, never passed to the person who made the change: ``moot reindex`` repairs the index.
Once the index is written, the public generation moves on (audit/generation.py): a search
cached before it is not served again.
"""

from __future__ import annotations

import logging
import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from audit import generation
from council.models import GroupMembership, Membership, Person, PersonNameForm, TermOfOffice
from council.models.posts import PostHolding
from meetings.models import AgendaItem, Meeting
from papers.models import Document, ItemPaper
from proceedings.models import Minute, Resolution
from publishing import signals as publishing

logger = logging.getLogger(__name__)
_pending = threading.local()


def _queue(kind: str, ids) -> None:
    if not hasattr(_pending, "meetings"):
        _pending.meetings, _pending.people = set(), set()
    getattr(_pending, kind).update(i for i in ids if i)
    transaction.on_commit(_flush)


def _flush() -> None:
    from . import indexing

    meetings, people = set(getattr(_pending, "meetings", ())), set(getattr(_pending, "people", ()))
    _pending.meetings, _pending.people = set(), set()
    try:
        if meetings:
            indexing.index_meetings(meetings)
        if people:
            indexing.index_people(people)
    except Exception:
        logger.exception("Search index not updated (run 'moot reindex')")
    if meetings or people:
        generation.changed()  # the index changed after the commit: cached searches are stale


def queue_meetings(ids) -> None:
    _queue("meetings", ids)


def queue_people(ids) -> None:
    _queue("people", ids)


def _published(sender, meeting=None, **kwargs):
    if meeting is not None:
        queue_meetings([meeting.pk])


def _replaced(sender, meetings=(), **kwargs):
    queue_meetings([m.pk for m in meetings])


def _document_saved(sender, instance, **kwargs):
    """A paper changed (reclassified as exempt after publication, retitled …): the meetings
    it is on, itself or as an appendix, are indexed again, so that search never keeps what
    the public may no longer see (docs/statutory-rules.md §1B)."""
    papers = [pk for pk in (instance.pk, instance.parent_id) if pk]
    queue_meetings(
        ItemPaper.objects.filter(document_id__in=papers).values_list("item__meeting", flat=True)
    )


def _minute_saved(sender, instance, **kwargs):
    """A minute or resolution changed (made exempt after the minutes were published, corrected
    …): its meeting is indexed again."""
    if isinstance(instance, Minute):
        queue_meetings([instance.meeting_id])
    else:  # by the minute's id: deleted with its minute, the resolution has none to read
        queue_meetings(
            Minute.objects.filter(pk=instance.minute_id).values_list("meeting_id", flat=True)
        )


def _meeting_saved(sender, instance, **kwargs):
    queue_meetings([instance.pk])


def _item_saved(sender, instance, **kwargs):
    queue_meetings([instance.meeting_id])


def _person_saved(sender, instance, **kwargs):
    queue_people([instance.pk])


def _person_part_saved(sender, instance, **kwargs):
    queue_people([instance.person_id])


def connect() -> None:

    for signal in (
        publishing.agenda_published,
        publishing.supplement_published,
        publishing.minutes_published,
        publishing.paper_withdrawn,
    ):
        signal.connect(_published, dispatch_uid=f"search-{id(signal)}")
    publishing.paper_replaced.connect(_replaced, dispatch_uid="search-paper-replaced")
    for signal in (post_save, post_delete):
        name = "save" if signal is post_save else "delete"
        signal.connect(_meeting_saved, sender=Meeting, dispatch_uid=f"search-meeting-{name}")
        signal.connect(_document_saved, sender=Document, dispatch_uid=f"search-document-{name}")
        for model in (Minute, Resolution):
            signal.connect(
                _minute_saved, sender=model, dispatch_uid=f"search-{model.__name__}-{name}"
            )
        signal.connect(_item_saved, sender=AgendaItem, dispatch_uid=f"search-item-{name}")
        signal.connect(_person_saved, sender=Person, dispatch_uid=f"search-person-{name}")
        for model in (TermOfOffice, Membership, GroupMembership, PersonNameForm, PostHolding):
            signal.connect(
                _person_part_saved, sender=model, dispatch_uid=f"search-{model.__name__}-{name}"
            )
