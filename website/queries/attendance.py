"""A member's attendance at meetings, as published with the minutes (issue 5 §1).

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

from council.models import Body, Membership, Person
from council.models.memberships import SEAT_ROLES
from meetings.models import Meeting
from proceedings.models import AttendanceStatus
from proceedings.public import public_attendance

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

    @property
    def any(self) -> bool:
        return bool(self.overall.expected or self.overall.substitute)


def attendance_stats(person: Person) -> AttendanceStats:
    """Overall and per-body tallies. Four or five queries whatever the member's history."""
    seats = list(
        Membership.objects.filter(person=person, role__in=SEAT_ROLES).values_list(
            "body_id", "start", "end")
    )
    own = {a.meeting_id: a for a in public_attendance().filter(person=person)}
    substituted = set(public_attendance().filter(substitute_for=person)
                      .values_list("meeting_id", flat=True))
    published = public_attendance().values("meeting_id")
    meetings = (
        Meeting.objects.filter(pk__in=published)
        .filter(body_id__in={s[0] for s in seats})
        .select_related("body")
    )
    # Meetings of the member's bodies with published attendance, plus any where the member
    # is in the published attendance (a substitute on another body).
    candidates = {m.pk: m for m in meetings}
    if set(own) - set(candidates):
        for m in Meeting.objects.filter(pk__in=set(own) - set(candidates)).select_related("body"):
            candidates[m.pk] = m
    overall = Tally(None)
    per_body: dict[int, Tally] = {}
    for m in sorted(candidates.values(), key=lambda m: (m.date, m.pk)):
        a = own.get(m.pk)
        expected = any(b == m.body_id and in_force(s, e, m.date) for b, s, e in seats)
        present = a is not None and a.status == AttendanceStatus.PRESENT
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
            elif (a is not None and a.status == AttendanceStatus.APOLOGIES) or (
                a is None and m.pk in substituted
            ):
                t.apologies += 1
            elif a is not None and a.status == AttendanceStatus.ABSENT:
                t.absent += 1
            else:
                t.not_recorded += 1
    bodies = sorted(per_body.values(), key=lambda t: (-t.expected, t.body.name))
    return AttendanceStats(person, overall, bodies)
