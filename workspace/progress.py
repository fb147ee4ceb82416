"""Where a meeting stands in democratic services' work, and what is due next.

One answer per meeting, in the order the work is done: the agenda is built, its papers
arrive, reports are cleared, the agenda is published, the meeting is held and minuted, the
draft minutes are published, and the next meeting approves them. Each stage names what
is outstanding and the next deadline, so the officer's home page and the meeting's
workspace say the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from meetings.models import ItemKind, Meeting, MeetingStatus
from papers.models import DocumentKind, ItemPaper
from proceedings.models import Minute, MinutesStatus
from publishing import deadlines
from publishing.services import publication_problems
from publishing.state import is_published
from publishing.workflow import is_approved


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
    DONE = "Minutes approved"
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


@dataclass
class Progress:
    meeting: Meeting
    stage: str
    outstanding: list[str] = field(default_factory=list)
    deadline: Deadline | None = None

    @property
    def tag(self) -> str:
        return TAG[self.stage]


def _reports_without_papers(meeting: Meeting) -> list[str]:
    with_papers = set(
        ItemPaper.objects.filter(item__meeting=meeting).values_list("item_id", flat=True)
    )
    return [
        f"Item {item.number} “{item.title}” has no report attached."
        for item in meeting.items.filter(kind=ItemKind.REPORT)
        if item.pk not in with_papers
    ]


def _unapproved_reports(meeting: Meeting) -> list[str]:
    links = ItemPaper.objects.filter(
        item__meeting=meeting, document__kind=DocumentKind.REPORT
    ).select_related("document", "item")
    return [
        f"“{link.document.title}” (item {link.item.number}) is not yet approved for publication."
        for link in links
        if not is_approved(link.document)
    ]


def _before_publication(meeting: Meeting, today: dt.date) -> Progress:
    due = deadlines.deadline(meeting)
    deadline = Deadline("Publish the agenda", due, deadlines.working_days_left(due, today))
    if not meeting.items.exists():
        return Progress(meeting, Stage.NO_AGENDA, ["The agenda has no items."], deadline)
    missing = _reports_without_papers(meeting)
    if missing:
        return Progress(meeting, Stage.PAPERS_MISSING, missing, deadline)
    unapproved = _unapproved_reports(meeting)
    if unapproved:
        return Progress(meeting, Stage.AWAITING_CLEARANCE, unapproved, deadline)
    problems = publication_problems(meeting)
    if problems:
        return Progress(meeting, Stage.PROBLEMS, problems, deadline)
    return Progress(meeting, Stage.READY, [], deadline)


def _next_meeting_of_body(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(body_id=meeting.body_id, date__gt=meeting.date)
        .exclude(status__in=[MeetingStatus.CANCELLED, MeetingStatus.POSTPONED])
        .order_by("date", "start_time")
        .first()
    )


def _after_the_meeting(meeting: Meeting) -> Progress:
    record = getattr(meeting, "minutes_record", None)
    status = record.status if record is not None else MinutesStatus.DRAFT
    if status in (MinutesStatus.APPROVED, MinutesStatus.SIGNED):
        return Progress(meeting, Stage.DONE)
    if status == MinutesStatus.PUBLISHED_DRAFT:
        following = _next_meeting_of_body(meeting)
        deadline = Deadline(f"Approval at {following}", following.date) if following else None
        outstanding = [] if following else [f"No later meeting of {meeting.body} is scheduled."]
        return Progress(meeting, Stage.MINUTES_TO_APPROVE, outstanding, deadline)
    if not Minute.objects.filter(meeting=meeting).exists():
        return Progress(meeting, Stage.TO_MINUTE, ["No minutes have been taken."])
    return Progress(meeting, Stage.MINUTES_TO_PUBLISH)


def progress_of(meeting: Meeting, today: dt.date) -> Progress:
    """Where ``meeting`` stands on ``today`` (the authority's date)."""
    if meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED):
        return Progress(meeting, Stage.NOT_HELD, [meeting.get_status_display()])
    published = is_published(meeting)
    if meeting.date < today or (meeting.date == today and published):
        return _after_the_meeting(meeting)
    if not published:
        return _before_publication(meeting, today)
    return Progress(meeting, Stage.PUBLISHED, [], Deadline("The meeting", meeting.date))
