"""Where a meeting stands in democratic services' work, and what is due next.

One answer per meeting, in the order the work is done: the agenda is built, its papers
arrive, reports are cleared, the agenda is published, the meeting is held and minuted, the
draft minutes are published, the next meeting approves them and its chair signs them. Each
stage names what is outstanding and the next deadline, so the officer's home page and the
meeting's workspace say the same thing. The home page asks for all its meetings at once
(``progress_of_all``), in the same few queries however many there are.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from meetings.deadlines import AGENDA_CLEAR_DAYS, closure_days
from meetings.models import ItemKind, Meeting, MeetingStatus
from papers.models import DocumentKind
from proceedings.models import Minute, MinutesStatus
from publishing import deadlines
from publishing.models import AgendaPublication, PublicationKind
from publishing.readiness import Readiness


class Stage:
    """The stages, in the order a meeting goes through them (names are shown as tags)."""

    NO_AGENDA = "Agenda to build"
    PAPERS_MISSING = "Papers missing"
    AWAITING_CLEARANCE = "Awaiting clearance"
    PROBLEMS = "Problems to resolve"
    READY = "Ready to publish"
    PUBLISHED = "Published"
    TO_MINUTE = "To be minuted"
    MINUTES_TO_PUBLISH = "Minutes to publish"
    MINUTES_TO_APPROVE = "Minutes to approve"
    MINUTES_TO_SIGN = "Minutes to sign"
    DONE = "Minutes signed"
    NOT_HELD = "Not held"


# GOV.UK tag colours: what needs action now stands out; what is done is quiet.
TAG = {
    Stage.NO_AGENDA: "govuk-tag--red",
    Stage.PAPERS_MISSING: "govuk-tag--red",
    Stage.AWAITING_CLEARANCE: "govuk-tag--yellow",
    Stage.PROBLEMS: "govuk-tag--orange",
    Stage.READY: "govuk-tag--blue",
    Stage.PUBLISHED: "govuk-tag--green",
    Stage.TO_MINUTE: "govuk-tag--red",
    Stage.MINUTES_TO_PUBLISH: "govuk-tag--yellow",
    Stage.MINUTES_TO_APPROVE: "govuk-tag--purple",
    Stage.MINUTES_TO_SIGN: "govuk-tag--blue",
    Stage.DONE: "govuk-tag--grey",
    Stage.NOT_HELD: "govuk-tag--grey",
}


@dataclass
class Deadline:
    what: str
    day: dt.date
    days_left: int | None = None  # working days (publication deadlines only)

    @property
    def passed(self) -> bool:
        return self.days_left is not None and self.days_left < 0


# The task on the minutes page (``workspace.views.minutes``) that each stage waits for.
MINUTES_TASK = {
    Stage.MINUTES_TO_PUBLISH: "Publish the minutes as a draft",
    Stage.MINUTES_TO_APPROVE: "Approve the minutes",
    Stage.MINUTES_TO_SIGN: "Record the chair's signature",
}


@dataclass
class Progress:
    meeting: Meeting
    stage: str
    outstanding: list[str] = field(default_factory=list)
    deadline: Deadline | None = None

    @property
    def tag(self) -> str:
        return TAG[self.stage]

    @property
    def minutes_task(self) -> str:
        """What the minutes page has to do next for this meeting ("" for nothing)."""
        return MINUTES_TASK.get(self.stage, "")


# How far before the first meeting closure days are read: as far as its deadline can fall
# (``meetings.deadlines.latest_publication``).
CLOSURES_BEFORE = dt.timedelta(days=3 * AGENDA_CLEAR_DAYS + 60)


class Record:
    """What ``progress_of`` reads, for many meetings at once: one query for each kind of
    thing (publications, closure days, items and papers, minutes, the bodies' next meetings),
    however many meetings the page shows."""

    def __init__(self, meetings: Sequence[Meeting], today: dt.date) -> None:
        ids = [m.pk for m in meetings]
        self.today = today
        self.published = set(
            AgendaPublication.objects.filter(
                meeting_id__in=ids, kind=PublicationKind.AGENDA
            ).values_list("meeting_id", flat=True)
        )
        unpublished = [m for m in meetings if m.pk not in self.published]
        self.papers = Readiness(unpublished)
        days = [m.date for m in meetings] + [today]
        self.closed = closure_days(min(days) - CLOSURES_BEFORE, max(days) + dt.timedelta(days=1))
        self.minuted = set(
            Minute.objects.filter(meeting_id__in=ids).values_list("meeting_id", flat=True)
        )
        self._later = self._following(meetings)

    @staticmethod
    def _following(meetings: Sequence[Meeting]) -> dict[int, list[Meeting]]:
        """The later meetings (held or to come) of the bodies whose draft minutes wait for
        approval, soonest first."""
        waiting = [m for m in meetings if _minutes_status(m) == MinutesStatus.PUBLISHED_DRAFT]
        later: dict[int, list[Meeting]] = defaultdict(list)
        if not waiting:
            return later
        rows = (
            Meeting.objects.filter(
                body_id__in={m.body_id for m in waiting}, date__gt=min(m.date for m in waiting)
            )
            .exclude(status__in=[MeetingStatus.CANCELLED, MeetingStatus.POSTPONED])
            .select_related("body")
            .order_by("date", "start_time")
        )
        for row in rows:
            later[row.body_id].append(row)
        return later

    def next_meeting_of_body(self, meeting: Meeting) -> Meeting | None:
        return next((m for m in self._later[meeting.body_id] if m.date > meeting.date), None)


def _minutes_status(meeting: Meeting) -> str:
    record = getattr(meeting, "minutes_record", None)
    return record.status if record is not None else MinutesStatus.DRAFT


def _reports_without_papers(meeting: Meeting, record: Record) -> list[str]:
    with_papers = {link.item_id for link in record.papers.links(meeting)}
    return [
        f"Item {item.number} “{item.title}” has no report attached."
        for item in sorted(record.papers.items(meeting), key=lambda i: (i.order, i.pk))
        if item.kind == ItemKind.REPORT and item.pk not in with_papers
    ]


def _unapproved_reports(meeting: Meeting, record: Record) -> list[str]:
    return [
        f"“{link.document.title}” (item {link.item.number}) is not yet approved for publication."
        for link in record.papers.links(meeting)
        if link.document.kind == DocumentKind.REPORT
        and not record.papers.is_approved(link.document)
    ]


def _before_publication(meeting: Meeting, record: Record) -> Progress:
    due = deadlines.deadline(meeting, record.closed)
    left = deadlines.working_days_left(due, record.today, record.closed)
    deadline = Deadline("Publish the agenda", due, left)
    if not record.papers.items(meeting):
        return Progress(meeting, Stage.NO_AGENDA, ["The agenda has no items."], deadline)
    missing = _reports_without_papers(meeting, record)
    if missing:
        return Progress(meeting, Stage.PAPERS_MISSING, missing, deadline)
    unapproved = _unapproved_reports(meeting, record)
    if unapproved:
        return Progress(meeting, Stage.AWAITING_CLEARANCE, unapproved, deadline)
    problems = record.papers.problems(meeting)
    if problems:
        return Progress(meeting, Stage.PROBLEMS, problems, deadline)
    return Progress(meeting, Stage.READY, [], deadline)


def _after_the_meeting(meeting: Meeting, record: Record) -> Progress:
    status = _minutes_status(meeting)
    if status == MinutesStatus.SIGNED:
        return Progress(meeting, Stage.DONE)
    if status == MinutesStatus.APPROVED:
        return Progress(meeting, Stage.MINUTES_TO_SIGN, ["The chair's signature is not recorded."])
    if status == MinutesStatus.PUBLISHED_DRAFT:
        following = record.next_meeting_of_body(meeting)
        deadline = Deadline(f"Approval at {following}", following.date) if following else None
        outstanding = [] if following else [f"No later meeting of {meeting.body} is scheduled."]
        return Progress(meeting, Stage.MINUTES_TO_APPROVE, outstanding, deadline)
    if meeting.pk not in record.minuted:
        return Progress(meeting, Stage.TO_MINUTE, ["No minutes have been taken."])
    return Progress(meeting, Stage.MINUTES_TO_PUBLISH)


def _progress(meeting: Meeting, record: Record) -> Progress:
    if meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED):
        return Progress(meeting, Stage.NOT_HELD, [meeting.get_status_display()])
    published = meeting.pk in record.published
    today = record.today
    if meeting.date < today or (meeting.date == today and published):
        return _after_the_meeting(meeting, record)
    if not published:
        return _before_publication(meeting, record)
    return Progress(meeting, Stage.PUBLISHED, [], Deadline("The meeting", meeting.date))


def progress_of_all(meetings: Sequence[Meeting], today: dt.date) -> list[Progress]:
    """Where each of ``meetings`` (with their bodies and minutes records selected) stands on
    ``today``: the same few queries for two meetings or two hundred."""
    record = Record(meetings, today)
    return [_progress(meeting, record) for meeting in meetings]


def progress_of(meeting: Meeting, today: dt.date) -> Progress:
    """Where ``meeting`` stands on ``today`` (the authority's date)."""
    return progress_of_all([meeting], today)[0]
