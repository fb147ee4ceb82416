"""Recording who attended a meeting, and the quorum.

Every change validates (``proceedings.rules``), saves in one transaction and is audited.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from access import audit
from council.models import Person
from meetings.models import AgendaItem, Meeting

from .models import (
    Attendance,
    AttendanceStatus,
    Declaration,
    NilDeclarations,
    Procedure,
    QuorumKind,
)
from .rules import member_ids


def _lock(meeting: Meeting) -> None:
    # Serialise changes per meeting so two clerks cannot both record a chair.
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()


def record_attendance(
    meeting: Meeting,
    person: Person,
    status: str,
    *,
    in_chair: bool = False,
    substitute_for: Person | None = None,
    capacity: str = "",
    items: Iterable[AgendaItem] = (),
    order: int | None = None,
    actor=None,
    actor_name: str = "",
) -> Attendance:
    """Add one person to the meeting's attendance.

    Refuses (``ValidationError``, nothing saved): a person listed twice; a second chair; a
    chair who is not present; a non-member recorded as present (they are "also present")
    or a member as also present; a substitute for someone who is not a member on the
    day, who is present, or who already has a substitute; items for anyone but an officer
    in attendance, or items from another meeting.
    """
    items = list(items)
    with transaction.atomic():
        _lock(meeting)
        if order is None:
            order = Attendance.objects.filter(meeting=meeting).count() + 1
        a = audit.save(
            Attendance(
                meeting=meeting,
                person=person,
                status=status,
                in_chair=in_chair,
                substitute_for=substitute_for,
                capacity=capacity,
                order=order,
            ),
            actor,
            actor_name,
        )
        if items:
            if status != AttendanceStatus.IN_ATTENDANCE:
                raise ValidationError("Only officers in attendance are listed for named items.")
            if any(i.meeting_id != meeting.pk for i in items):
                raise ValidationError("Those items are not all on this meeting's agenda.")
            a.items.set(items)
        return a


def record_declaration(
    meeting: Meeting,
    item: AgendaItem,
    person: Person,
    nature: str,
    text: str,
    participation: str,
    dispensation: str = "",
    actor=None,
    actor_name: str = "",
) -> Declaration:
    """Record a declaration of interest. Refuses one from someone not present, for an item of
    another meeting, a pecuniary interest with participation but no dispensation, or any
    declaration at a meeting already recorded as having none."""
    return audit.save(
        Declaration(
            meeting=meeting,
            item=item,
            person=person,
            nature=nature,
            text=text,
            participation=participation,
            dispensation=dispensation,
        ),
        actor,
        actor_name,
    )


def record_nil_declarations(meeting: Meeting, actor=None, actor_name: str = "") -> NilDeclarations:
    """Record that no interests were declared. Refused when declarations exist."""
    existing = NilDeclarations.objects.filter(meeting=meeting).first()
    return existing or audit.save(NilDeclarations(meeting=meeting), actor, actor_name)


def members_of(meeting: Meeting) -> int:
    """The whole number of members of the meeting's body on the day (serving members)."""
    return len(member_ids(meeting.body_id, meeting.date))


def quorum(meeting: Meeting) -> int:
    """Members (or substitutes) who must be present for business to be transacted.

    The body's ``Procedure`` says how; without one it is one quarter of the members
    (LGA 1972 Sch 12 para 6), counted on serving members because seats are not always known.
    """
    procedure = Procedure.objects.filter(body_id=meeting.body_id).first()
    if procedure is None:
        kind, num, den, fixed = QuorumKind.FRACTION, 1, 4, None
    else:
        kind = procedure.quorum_kind
        num, den = procedure.quorum_numerator, procedure.quorum_denominator
        fixed = procedure.quorum_number
    if kind == QuorumKind.NONE:
        return 0
    if kind == QuorumKind.FIXED:
        return fixed or 0
    # Integer arithmetic: ceil(members × num / den) without float rounding.
    return math.ceil(members_of(meeting) * num / den) if den else 0


def voters_present(meeting: Meeting) -> set[int]:
    """Ids of those present as members or substitutes: the only people who may vote."""
    return set(
        Attendance.objects.filter(meeting=meeting, status=AttendanceStatus.PRESENT).values_list(
            "person_id", flat=True
        )
    )


def is_quorate(meeting: Meeting) -> bool:
    return len(voters_present(meeting)) >= quorum(meeting)


def chair(meeting: Meeting) -> Person | None:
    a = Attendance.objects.filter(meeting=meeting, in_chair=True).select_related("person").first()
    return a.person if a else None
