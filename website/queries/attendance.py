"""A member's attendance at meetings, as published with the minutes (docs/statutory-rules.md §2.8).

Only meetings whose attendance is public count (``proceedings.public.public_attendance``:
minutes published). A meeting is *expected* of a member when they held a seat on the body
(chair, vice-chair, member, co-opted …; not as a substitute) on the day of the meeting.
For each expected meeting the published record says present, apologies or absent (or
nothing: "not recorded"). Meetings where they sat as a substitute for another member are
counted separately and are not expected. A member not listed at a meeting where a substitute
sat for them is counted as having sent apologies (substitutes stand in for absent members).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, Subquery

from council.models import Body, Membership, Person
from council.models.memberships import SEAT_ROLES
from meetings.models import Meeting
from proceedings.models import AttendanceStatus
from proceedings.public import public_attendance, public_recorded_votes

from . import in_force


@dataclass
class Tally:
    body: Body | None  # None for the overall line
    expected: int = 0
    present: int = 0
    apologies: int = 0
    absent: int = 0
    not_recorded: int = 0
    substitute: int = 0  # present as a substitute (not expected)

    @property
    def rate(self) -> int | None:
        """Present at this share of expected meetings, as a whole percentage."""
        return round(100 * self.present / self.expected) if self.expected else None


@dataclass
class AttendanceStats:
    person: Person
    overall: Tally
    bodies: list[Tally] = field(default_factory=list)
    has_votes: bool = False  # took part in a public recorded vote (voters are present)

    @property
    def any(self) -> bool:
        return bool(self.overall.expected or self.overall.substitute)


def attendance_stats(
    person: Person, memberships: list[Membership] | None = None
) -> AttendanceStats:
    """Overall and per-body tallies. One query when the member's ``memberships`` are given
    (the member page has them), two otherwise, whatever the member's history."""
    if memberships is None:
        memberships = list(Membership.objects.filter(person=person).select_related("body"))
    seats = [(m.body_id, m.start, m.end) for m in memberships if m.role in SEAT_ROLES]
    listed = public_attendance().filter(meeting_id=OuterRef("pk"))
    mine = listed.filter(person=person)
    stood_in_for = listed.filter(substitute_for=person)
    voted = public_recorded_votes().filter(person=person, vote__motion__meeting_id=OuterRef("pk"))
    meetings = (
        Meeting.objects.filter(Exists(listed))
        .filter(Q(body_id__in={b for b, _, _ in seats}) | Exists(mine) | Exists(stood_in_for))
        .annotate(
            my_status=Subquery(mine.values("status")[:1]),
            substituted=Exists(stood_in_for),
            voted=Exists(voted),
        )
        .select_related("body")
        .order_by("date", "pk")
    )
    overall = Tally(None)
    per_body: dict[int, Tally] = {}
    has_votes = False
    for m in meetings:
        has_votes = has_votes or m.voted
        expected = any(b == m.body_id and in_force(s, e, m.date) for b, s, e in seats)
        present = m.my_status == AttendanceStatus.PRESENT
        if not expected:
            if present:  # sat as a substitute (named, or a standing substitute)
                tally = per_body.setdefault(m.body_id, Tally(m.body))
                tally.substitute += 1
                overall.substitute += 1
            continue
        tally = per_body.setdefault(m.body_id, Tally(m.body))
        for t in (tally, overall):
            t.expected += 1
            if present:
                t.present += 1
            elif m.my_status == AttendanceStatus.APOLOGIES or (
                m.my_status is None and m.substituted
            ):
                t.apologies += 1
            elif m.my_status == AttendanceStatus.ABSENT:
                t.absent += 1
            else:
                t.not_recorded += 1
    bodies = sorted(per_body.values(), key=lambda t: (-t.expected, t.body.name))
    return AttendanceStats(person, overall, bodies, has_votes)
