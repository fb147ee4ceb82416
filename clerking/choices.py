"""Who and what each of the clerk's forms offers: the querysets behind its choices.

The screen offers them and the posted form is checked against them, so a choice the page did
not offer (someone absent as a mover, a councillor not on the body as a member) is refused.
"""

from __future__ import annotations

from django.db.models import QuerySet

from council.models import Membership, Person
from meetings.models import AgendaItem, ItemKind, Meeting
from proceedings.models import Attendance, AttendanceStatus, Motion, MotionKind
from proceedings.rules import member_ids

S = AttendanceStatus


def members(meeting: Meeting) -> QuerySet[Person]:
    """The members of the meeting's body on its date."""
    return Person.objects.filter(pk__in=member_ids(meeting.body_id, meeting.date))


def _councillor_ids(meeting: Meeting) -> set[int]:
    return set(
        Membership.objects.on(meeting.date)
        .filter(person__isnull=False)
        .values_list("person_id", flat=True)
    )


def councillors_not_members(meeting: Meeting) -> QuerySet[Person]:
    """Councillors on the day who do not sit on this body: substitutes, also present."""
    ids = _councillor_ids(meeting) - member_ids(meeting.body_id, meeting.date)
    return Person.objects.filter(pk__in=ids)


def officer_candidates(meeting: Meeting) -> QuerySet[Person]:
    """People who are not councillors on the day: officers and others in the record."""
    return Person.objects.exclude(pk__in=_councillor_ids(meeting))


def _attending(meeting: Meeting, *statuses: str) -> QuerySet[Person]:
    entries = Attendance.objects.filter(meeting=meeting)
    if statuses:
        entries = entries.filter(status__in=statuses)
    return Person.objects.filter(pk__in=entries.values("person_id"))


def present(meeting: Meeting) -> QuerySet[Person]:
    """Those present (members and substitutes): who may chair, move, second and vote."""
    return _attending(meeting, S.PRESENT)


def in_room(meeting: Meeting) -> QuerySet[Person]:
    """Those present or also present: who may declare an interest."""
    return _attending(meeting, S.PRESENT, S.ALSO_PRESENT)


def listed(meeting: Meeting) -> QuerySet[Person]:
    """Everyone in the attendance, officers included: who may own an action."""
    return _attending(meeting)


def declarable(meeting: Meeting) -> QuerySet[AgendaItem]:
    """The items an interest can be declared in: every item but the declarations item."""
    return meeting.items.exclude(kind=ItemKind.DECLARATIONS).order_by("order", "pk")


def undecided_substantive(meeting: Meeting) -> QuerySet[Motion]:
    """The motions an amendment may amend."""
    return Motion.objects.filter(meeting=meeting, kind=MotionKind.SUBSTANTIVE, outcome="")
