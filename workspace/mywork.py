"""The officer's home page: the work waiting for them, each piece one click from its task."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from meetings.models import Meeting, MeetingStatus
from papers.models import AgendaPack, PackStatus
from publishing.models import ReportState, ReportWorkflow
from publishing.workflow import unsigned_steps_of
from summons.models import DispatchEntry

from .progress import Progress, Stage, progress_of_all

# How far the home page looks: meetings in the coming weeks, and held meetings whose minutes
# are still outstanding (older ones are on the programme page).
AHEAD = dt.timedelta(weeks=8)
BEHIND = dt.timedelta(weeks=13)


@dataclass
class Clearance:
    workflow: ReportWorkflow
    steps: list[str]  # the steps still to sign off


@dataclass
class MyWork:
    today: dt.date
    coming: list[Progress]
    to_minute: list[Progress]
    clearances: list[Clearance]
    dispatch: list[DispatchEntry]
    packs: list[AgendaPack]


def _meetings(start: dt.date, end: dt.date):
    return (
        Meeting.objects.filter(date__range=(start, end))
        .exclude(status__in=[MeetingStatus.CANCELLED, MeetingStatus.POSTPONED])
        .select_related("body", "venue", "minutes_record")
        .order_by("date", "start_time", "body__name")
    )


def clearances() -> list[Clearance]:
    """Reports submitted for clearance and not yet cleared, oldest submission first."""
    waiting = list(
        ReportWorkflow.objects.filter(state=ReportState.SUBMITTED)
        .select_related("document")
        .order_by("submitted_at")
    )
    unsigned = unsigned_steps_of(waiting)
    return [Clearance(w, [step.name for step in unsigned[w.document_id]]) for w in waiting]


def my_work(today: dt.date) -> MyWork:
    """The home page's work: where each meeting of the coming weeks and of the last few
    months stands (all read at once: ``progress_of_all``), the reports waiting, the
    summonses to post and the packs building."""
    ahead = list(_meetings(today, today + AHEAD))
    behind = list(_meetings(today - BEHIND, today - dt.timedelta(days=1)))
    rows = progress_of_all(ahead + behind, today)
    coming, to_minute = [], []
    for row in rows[: len(ahead)]:
        (to_minute if row.stage == Stage.TO_MINUTE else coming).append(row)
    to_minute += [row for row in rows[len(ahead) :] if row.stage != Stage.DONE]
    to_minute.sort(key=lambda row: (row.meeting.date, row.meeting.start_time or dt.time.min))
    dispatch = list(
        DispatchEntry.objects.filter(posted_on__isnull=True, issue__meeting__date__gte=today)
        .select_related("issue__meeting__body", "person")
        .order_by("issue__meeting__date", "person__surname")
    )
    packs = list(
        AgendaPack.objects.filter(status__in=[PackStatus.QUEUED, PackStatus.BUILDING])
        .select_related("meeting__body")
        .order_by("requested_at")
    )
    return MyWork(today, coming, to_minute, clearances(), dispatch, packs)
