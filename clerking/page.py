"""Everything the clerk's screen shows of a meeting at one of its items, as one template
context: the whole page draws it, and each part htmx swaps in (``clerking.fragments``) draws
its share of it. The panels are built when first used, so a part costs only its own queries
(and the preview's, which every part sent after a change carries)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from meetings.models import AgendaItem, Meeting
from proceedings.models import AttendanceStatus, Choice, MinutesStatus
from proceedings.rules import minutes_status

from . import choices, screen
from . import forms as f
from .item_screen import item_screen
from .preview import published_form

S = AttendanceStatus
ONE_KEY = [(S.PRESENT, "Present", "p"), (S.APOLOGIES, "Apologies", "a"), (S.ABSENT, "Absent", "x")]
VOTE_KEYS = [
    (Choice.FOR, "For", "f"),
    (Choice.AGAINST, "Against", "a"),
    (Choice.ABSTAIN, "Abstain", "b"),
    (Choice.DID_NOT_VOTE, "Did not vote", "n"),
]


def screen_url(meeting: Meeting, item: AgendaItem | None, anchor: str = "") -> str:
    url = reverse("clerking:meeting", args=[meeting.pk])
    if item is not None:
        url += f"?item={item.pk}"
    return url + (f"#{anchor}" if anchor else "")


def context(
    meeting: Meeting,
    rows: list[screen.ItemInOrder],
    item: AgendaItem | None,
    *,
    errors=(),
    bound: screen.Bound | None = None,
) -> dict:
    """The screen of ``meeting`` at ``item``; the forms in ``bound`` (by prefix) shown as
    posted, refused with ``errors``."""
    bound = bound or {}
    previous_item, next_item = screen.neighbours(rows, item)
    attendance = SimpleLazyObject(lambda: screen.attendance_panel(meeting, bound))
    return {
        "meeting": meeting,
        "items": rows,
        "item": item,
        "previous_item": previous_item,
        "next_item": next_item,
        "post_url": screen_url(meeting, item),
        "errors": errors,
        "one_key": ONE_KEY,
        "vote_keys": VOTE_KEYS,
        "attendance": attendance,
        "panel": SimpleLazyObject(lambda: item_screen(meeting, item, attendance.present, bound)),
        "actions": SimpleLazyObject(lambda: screen.action_cards(meeting, bound)),
        "action_form": SimpleLazyObject(
            lambda: screen.form(
                bound, "action", f.ActionForm, {"owner": choices.action_owners(meeting)}
            )
        ),
        "minutes_status": SimpleLazyObject(lambda: MinutesStatus(minutes_status(meeting.pk))),
        "preview": SimpleLazyObject(lambda: published_form(meeting)),
    }
