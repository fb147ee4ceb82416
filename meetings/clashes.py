"""Clash checks for meetings and proposed meetings (issue 13 §2): warnings, never refusals.

``clashes_for`` checks one meeting or proposal; ``clashes_for_each`` a whole programme with
the same few queries whatever its length (the other meetings on those days, who serves on the
bodies concerned, the closure days). Each ``Clash`` has a kind, a plain message and the other
meeting when there is one:

- the venue booked twice (meetings overlapping in time at the same venue);
- the body meeting twice at once, or a member summoned to two meetings at once (the people
  serving on both bodies that day, chair first);
- a meeting on a weekend, a bank holiday or a closure day;
- the papers' deadline (five clear days, ``meetings.deadlines.latest_publication``) passed.

A meeting with no end time is taken to last ``DEFAULT_MEETING_LENGTH``; one with no start
time, all day. Cancelled and postponed meetings clash with nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from django.db.models import prefetch_related_objects

from council.dates import authority_scope, authority_today, current_authority
from council.models import Body, Person, Role
from council.serving import ServingRecord

from .deadlines import AGENDA_CLEAR_DAYS, bank_holiday_name, latest_publication
from .formatting import long_date, time_text
from .models import ClosureDay, Meeting, MeetingStatus, Venue

DEFAULT_MEETING_LENGTH = dt.timedelta(hours=3)
NOT_MEETING = (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED)
NAMES_LISTED = 6  # people named in a message; the rest are counted
# Far enough back for five clear days across Christmas and any closure around it.
_DEADLINE_REACH = dt.timedelta(days=3 * AGENDA_CLEAR_DAYS + 60)


class ClashKind(StrEnum):
    VENUE = "venue"  # the venue is booked for another meeting at the time
    BODY = "body"  # the body already meets at the time
    MEMBERS = "members"  # people serving on both bodies are summoned to both meetings
    DAY = "day"  # a weekend, bank holiday or closure day
    DEADLINE = "deadline"  # the papers can no longer be published in time


@dataclass(frozen=True)
class Proposal:
    """A meeting not yet created (or a meeting's proposed new date): what the checks need.
    ``meeting`` is the meeting being moved, which does not clash with itself."""

    body: Body
    date: dt.date
    start_time: dt.time | None = None
    venue: Venue | None = None
    end_time: dt.time | None = None
    meeting: Meeting | None = None

    @classmethod
    def of(cls, meeting: Meeting) -> Proposal:
        return cls(
            meeting.body, meeting.date, meeting.start_time, meeting.venue, meeting.end_time, meeting
        )

    def __str__(self) -> str:
        return f"{self.body}, {long_date(self.date)}"


@dataclass(frozen=True)
class Clash:
    """A warning: its ``kind``, a plain ``message``, the ``other`` meeting it clashes with (None
    for a day or deadline, or a proposal of the same batch) and the ``people`` concerned."""

    kind: ClashKind
    message: str
    other: Meeting | None = None
    people: tuple[Person, ...] = ()


def clashes_for(meeting_or_proposal: Meeting | Proposal) -> list[Clash]:
    """The clashes of one meeting or proposal (``clashes_for_each`` of one)."""
    return clashes_for_each([meeting_or_proposal])[0]


def clashes_for_each(items: Sequence[Meeting | Proposal]) -> list[list[Clash]]:
    """The clashes of each meeting or proposal, in the order given. The proposals of the batch
    are checked against each other as well as against the meetings recorded. Reads the record
    once for the whole batch (at most seven queries, however many dates and members)."""
    meetings = [i for i in items if isinstance(i, Meeting)]
    prefetch_related_objects(meetings, "body", "venue")
    if not items:
        return []
    with authority_scope():
        return _Checker(list(items)).run()


@dataclass(frozen=True)
class _Booking:
    """A meeting or proposal as the checks see it: a body in a venue from ``start`` to ``end``
    minutes past midnight (all day when no start time is recorded)."""

    body: Body
    date: dt.date
    start_time: dt.time | None
    venue: Venue | None
    start: int
    end: int
    meeting: Meeting | None  # the meeting recorded (or being moved)
    proposed: bool

    @classmethod
    def of(cls, p: Proposal | Meeting) -> _Booking:
        start, end = 0, 24 * 60
        if p.start_time is not None:
            start = p.start_time.hour * 60 + p.start_time.minute
            if p.end_time is not None and p.end_time > p.start_time:
                end = p.end_time.hour * 60 + p.end_time.minute
            else:
                end = min(start + int(DEFAULT_MEETING_LENGTH.total_seconds()) // 60, end)
        if isinstance(p, Meeting):
            return cls(p.body, p.date, p.start_time, p.venue, start, end, p, p.pk is None)
        return cls(p.body, p.date, p.start_time, p.venue, start, end, p.meeting, True)

    def overlaps(self, other: _Booking) -> bool:
        return self.date == other.date and self.start < other.end and other.start < self.end

    def when(self) -> str:
        """ "at 10.00 am on Wednesday 17 June 2026" (or "on …" with no start time)."""
        at = f"at {time_text(self.start_time)} " if self.start_time is not None else ""
        return f"{at}on {long_date(self.date)}"

    def name(self) -> str:
        if self.proposed:
            return f"the proposed meeting of {self.body}"
        return f"the meeting of {self.body}"

    @property
    def recorded(self) -> Meeting | None:
        """The other meeting a clash names: a recorded one, not a proposal of the batch."""
        return None if self.proposed else self.meeting


class _Checker:
    def __init__(self, items: list[Meeting | Proposal]) -> None:
        self.bookings = [_Booking.of(i) for i in items]
        days = sorted({b.date for b in self.bookings})
        moved = {b.meeting.pk for b in self.bookings if b.meeting is not None and b.meeting.pk}
        recorded = (
            Meeting.objects.filter(date__in=days)
            .exclude(status__in=NOT_MEETING)
            .exclude(pk__in=moved)
            .select_related("body", "venue")
        )
        self.recorded = [_Booking.of(m) for m in recorded]
        bodies = {b.body.pk: b.body for b in self.bookings + self.recorded}
        self.serving = ServingRecord(bodies.values(), days[0], days[-1])
        self.closed = dict(
            ClosureDay.objects.filter(
                date__range=(days[0] - _DEADLINE_REACH, days[-1])
            ).values_list("date", "reason")
        )
        self.today = authority_today()
        authority = current_authority()
        self.chair = authority.role_label(Role.CHAIRMAN) if authority else "Chair"

    def run(self) -> list[list[Clash]]:
        return [self.clashes(i, b) for i, b in enumerate(self.bookings)]

    def clashes(self, index: int, booking: _Booking) -> list[Clash]:
        others = [o for j, o in enumerate(self.bookings) if j != index] + self.recorded
        found = [*self.day_clashes(booking), *self.deadline_clashes(booking)]
        for other in others:
            if not booking.overlaps(other):
                continue
            if booking.venue is not None and other.venue is not None:
                if booking.venue.pk == other.venue.pk:
                    found.append(self.clash(ClashKind.VENUE, booking, other))
            if booking.body.pk == other.body.pk:
                found.append(self.clash(ClashKind.BODY, booking, other))
            else:
                found += self.member_clashes(booking, other)
        return found

    def clash(self, kind: ClashKind, booking: _Booking, other: _Booking) -> Clash:
        if kind == ClashKind.VENUE:
            assert booking.venue is not None
            text = f"{booking.venue.full_name} is booked for {other.name()} {other.when()}."
        elif other.proposed:
            text = f"This programme already proposes a meeting of {booking.body} {other.when()}."
        else:
            text = f"{booking.body} already has a meeting {other.when()}."
        return Clash(kind, text, other.recorded)

    def member_clashes(self, booking: _Booking, other: _Booking) -> list[Clash]:
        ours = self.serving.members(booking.body, booking.date)
        theirs = self.serving.members(other.body, other.date)
        shared = sorted(
            set(ours) & set(theirs),
            key=lambda p: (Role.CHAIRMAN not in (ours[p], theirs[p]), p.sort_key),
        )
        if not shared:
            return []
        names = [self.named(p, ours[p], theirs[p], booking, other) for p in shared]
        if len(names) > NAMES_LISTED:
            names = names[:NAMES_LISTED] + [f"{len(shared) - NAMES_LISTED} others"]
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        serve = "serves" if len(shared) == 1 else "serve"
        text = (
            f"{listed} {serve} on both {booking.body} and {other.body}, which meets {other.when()}."
        )
        return [
            Clash(
                ClashKind.MEMBERS,
                text,
                other.recorded,
                tuple(shared),
            )
        ]

    def named(self, person: Person, ours: str, theirs: str, a: _Booking, b: _Booking) -> str:
        if ours == Role.CHAIRMAN:
            return f"{person} ({self.chair} of {a.body})"
        if theirs == Role.CHAIRMAN:
            return f"{person} ({self.chair} of {b.body})"
        return str(person)

    def day_clashes(self, booking: _Booking) -> list[Clash]:
        day, named = booking.date, long_date(booking.date)
        holiday = bank_holiday_name(day)
        if holiday is not None:
            return [Clash(ClashKind.DAY, f"{named} is a bank holiday ({holiday}).")]
        if day in self.closed:
            text = f"The offices are closed on {named} ({self.closed[day]})."
            return [Clash(ClashKind.DAY, text)]
        if day.weekday() >= 5:
            return [Clash(ClashKind.DAY, f"{named} is a weekend day.")]
        return []

    def deadline_clashes(self, booking: _Booking) -> list[Clash]:
        if booking.date < self.today:
            return [Clash(ClashKind.DEADLINE, f"{long_date(booking.date)} has passed.")]
        deadline = latest_publication(booking.date, closed=frozenset(self.closed))
        if deadline >= self.today:
            return []
        return [
            Clash(
                ClashKind.DEADLINE,
                f"The papers' deadline has passed: the agenda had to be published by "
                f"{long_date(deadline)} to give {AGENDA_CLEAR_DAYS} clear days. It can now "
                "only be published late, with the reasons for the lateness.",
            )
        ]
