"""Figures for democratic services' publication dashboard: where each upcoming meeting stands
against its deadline, and the share of meetings whose papers were published on time (the
seeds' KPI "GL01 Council and Committee papers published at least five clear days before
meetings"), computed from the AgendaPublication log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch

from meetings.models import Meeting, MeetingStatus

from . import deadlines
from .models import AgendaPublication, PublicationKind


class State:
    ON_TRACK = "on track"
    DUE_SOON = "due soon"
    LATE = "late"
    PUBLISHED_ON_TIME = "published on time"
    PUBLISHED_LATE = "published late"
    PUBLISHED = "published"  # a historical record whose timing is not known


NOT_HELD = [MeetingStatus.CANCELLED, MeetingStatus.POSTPONED]


@dataclass
class Row:
    meeting: Meeting
    deadline: dt.date
    days_left: int
    state: str
    publication: AgendaPublication | None

    @property
    def supplements(self) -> int:
        return sum(1 for p in self.meeting.publications.all() if p.number)


def state_of(due: dt.date, publication: AgendaPublication | None, today: dt.date) -> str:
    if publication is not None:
        if publication.on_time is None:
            return State.PUBLISHED
        return State.PUBLISHED_ON_TIME if publication.on_time else State.PUBLISHED_LATE
    left = deadlines.working_days_left(due, today)
    if left < 0:
        return State.LATE
    return State.DUE_SOON if left <= deadlines.DUE_SOON_DAYS else State.ON_TRACK


def _with_publications(meetings):
    return meetings.select_related("body").prefetch_related(
        Prefetch("publications", queryset=AgendaPublication.objects.order_by("number"))
    )


def _agenda(meeting: Meeting) -> AgendaPublication | None:
    return next((p for p in meeting.publications.all() if p.kind == PublicationKind.AGENDA), None)


def upcoming(today: dt.date, limit: int = 100) -> list[Row]:
    """Meetings from ``today`` on (not cancelled or postponed), soonest first."""
    meetings = _with_publications(
        Meeting.objects.filter(date__gte=today).exclude(status__in=NOT_HELD).order_by("date")
    )[:limit]
    rows = []
    for meeting in meetings:
        due = deadlines.deadline(meeting)
        publication = _agenda(meeting)
        rows.append(
            Row(
                meeting,
                due,
                deadlines.working_days_left(due, today),
                state_of(due, publication, today),
                publication,
            )
        )
    return rows


@dataclass
class Share:
    start: dt.date
    end: dt.date
    meetings: int  # held or due in the period (not cancelled or postponed)
    counted: int  # with a publication whose timing is known
    on_time: int
    unknown: int  # published before the record began: timing not known
    unpublished: int  # no publication recorded

    @property
    def percent(self) -> int | None:
        """Whole percent, rounded down so that 99.6% never shows as a met 100% target."""
        return None if not self.counted else (100 * self.on_time) // self.counted


def on_time_share(start: dt.date, end: dt.date) -> Share:
    """Of the meetings dated ``start``–``end`` whose agenda publication is recorded, how many
    had every paper published on time. A meeting counts as on time only if its agenda and all
    its supplementary agendas were: GL01 counts papers, and the seeds' misses were individual
    reports that "were not available in time"."""
    meetings = _with_publications(
        Meeting.objects.filter(date__range=(start, end)).exclude(status__in=NOT_HELD)
    )
    counted = on_time = unknown = unpublished = total = 0
    for meeting in meetings:
        total += 1
        publications = list(meeting.publications.all())
        if _agenda(meeting) is None:
            unpublished += 1
        elif any(p.on_time is None for p in publications):
            unknown += 1
        else:
            counted += 1
            on_time += all(p.on_time for p in publications)
    return Share(start, end, total, counted, on_time, unknown, unpublished)
