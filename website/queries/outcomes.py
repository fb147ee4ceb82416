"""What happened at a meeting, for the top of its page once it is held: the minutes (or that
they are not yet published) and, from the published minutes, its decisions, votes,
attendance and declarations of interest, each in summary with a link to the detail.

Everything comes through ``proceedings.public`` (the one gate): nothing of the proceedings
is shown before the minutes are published, and nothing minuted in closed session ever is
(../shared/docs/statutory-rules.md). One query without published minutes (the gate), up to
seven with them, whatever the number of rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q

from meetings.models import Meeting, MeetingStatus
from proceedings import public
from proceedings.models import (
    AttendanceStatus,
    Declaration,
    MinutesRecord,
    NilDeclarations,
    Resolution,
    Vote,
)
from proceedings.render.build import status_label

from . import today

NOT_HELD = (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED)


@dataclass
class Attendance:
    present: int = 0
    substitutes: int = 0  # of those present, sitting as a substitute
    apologies: int = 0
    absent: int = 0
    also_present: int = 0
    officers: int = 0

    @property
    def any(self) -> bool:
        return bool(
            self.present or self.apologies or self.absent or self.also_present or self.officers
        )


@dataclass
class Outcomes:
    minutes: MinutesRecord
    status: str  # "Draft – unconfirmed", "Approved as a correct record at …"
    decisions: list[Resolution] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    attendance: Attendance = field(default_factory=Attendance)
    declarations: list[Declaration] = field(default_factory=list)
    no_interests: bool = False  # the minutes record that none were declared


def is_held(meeting: Meeting, outcomes: Outcomes | None) -> bool:
    """Whether the page leads with what happened: the meeting's day has passed (or its
    minutes are out) and it was not cancelled or postponed."""
    if meeting.status in NOT_HELD:
        return False
    return outcomes is not None or meeting.date < today()


def outcomes(meeting: Meeting) -> Outcomes | None:
    """The published record of the meeting, or None until its minutes are published."""
    if not public.minutes_are_public(meeting):
        return None
    record = MinutesRecord.objects.select_related(
        "approved_by_minute__meeting__body", "signed_by"
    ).get(meeting=meeting)
    found = Outcomes(minutes=record, status=status_label(record))
    found.decisions = list(
        public.public_resolutions()
        .filter(minute__meeting=meeting)
        .select_related("minute__item")
        .order_by("minute__number", "pk")
    )
    found.votes = list(
        public.public_votes()
        .filter(motion__meeting=meeting)
        .select_related("motion__item")
        .order_by("motion__order", "motion_id")
    )
    found.attendance = _attendance(meeting)
    found.declarations = list(
        public.public_declarations()
        .filter(meeting=meeting)
        .select_related("person", "item")
        .order_by("item__order", "item_id", "pk")
    )
    if not found.declarations:
        found.no_interests = NilDeclarations.objects.filter(meeting=meeting).exists()
    return found


def _attendance(meeting: Meeting) -> Attendance:
    def n(status: str, **more) -> Count:
        return Count("pk", filter=Q(status=status, **more))

    counts = (
        public.public_attendance()
        .filter(meeting=meeting)
        .aggregate(
            present=n(AttendanceStatus.PRESENT),
            substitutes=n(AttendanceStatus.PRESENT, substitute_for__isnull=False),
            apologies=n(AttendanceStatus.APOLOGIES),
            absent=n(AttendanceStatus.ABSENT),
            also_present=n(AttendanceStatus.ALSO_PRESENT),
            officers=n(AttendanceStatus.IN_ATTENDANCE),
        )
    )
    return Attendance(**counts)
