"""What of a meeting is open to inspection, as every public reader asks it.

A meeting's notice (time, place, status) is public from the start; its agenda, papers and
packs only once the agenda is published, and a paper attached since only once a supplementary
agenda publishes it (``publishing.state``). The answers are remembered on the meeting
instance, so the several queries behind one page ask the database once.
"""

from __future__ import annotations

import datetime as dt

from council.dates import authority_today
from meetings.models import Meeting, MeetingStatus

from . import deadlines, state
from .models import AgendaPublication

# The attributes the answers are remembered in, on the meeting instance.
_PUBLISHED = "_moot_published"
_PAPER_IDS = "_moot_paper_ids"


def is_published(meeting: Meeting) -> bool:
    published: bool | None = getattr(meeting, _PUBLISHED, None)
    if published is None:
        published = state.is_published(meeting)
        setattr(meeting, _PUBLISHED, published)
    return published


def paper_ids(meeting: Meeting) -> frozenset[int]:
    """The meeting's item papers (ItemPaper ids) made public so far. One query, at most (none
    when the meeting is already known to be unpublished: supplements follow the agenda)."""
    ids: frozenset[int] | None = getattr(meeting, _PAPER_IDS, None)
    if ids is None:
        known_unpublished = getattr(meeting, _PUBLISHED, None) is False
        ids = frozenset() if known_unpublished else frozenset(state.published_paper_ids(meeting))
        setattr(meeting, _PAPER_IDS, ids)
    return ids


def all_paper_ids(meeting_ids=None) -> set[int]:
    """Every item paper made public, on any meeting (or on ``meeting_ids``). One query."""
    rows = AgendaPublication.objects.all()
    if meeting_ids is not None:
        rows = rows.filter(meeting_id__in=list(meeting_ids))
    ids: set[int] = set()
    for papers in rows.values_list("papers", flat=True):
        ids.update(papers)
    return ids


def due_by(meeting: Meeting) -> dt.date | None:
    """For a meeting still to come whose agenda is not published: the last day for publishing
    it with five clear days (None for a past or cancelled meeting, or once published)."""
    if meeting.date < authority_today() or meeting.status == MeetingStatus.CANCELLED:
        return None
    if is_published(meeting):
        return None
    return deadlines.deadline(meeting)
