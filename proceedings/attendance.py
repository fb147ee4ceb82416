"""Recording who attended a meeting, and the quorum.

Every change checks the actor first (democratic services, a system actor, or the back
office's Django permission on the row: ``audit.actors.require_model_permission``), validates
(``proceedings.rules``), saves in one transaction and is audited.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from audit import trail
from audit.actors import Actor, require_model_permission
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
from .rules import check_may_chair, check_record_open, member_ids


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
    actor: Actor,
) -> Attendance:
    """Add one person to the meeting's attendance.

    Refuses (``PermissionDenied``) an actor without permission to add attendance, and
    (``ValidationError``, nothing saved): a person listed twice; a second chair; a
    chair who is not present; a non-member recorded as present (they are "also present")
    or a member as also present; a substitute for someone who is not a member on the
    day, who is present, or who already has a substitute; items for anyone but an officer
    in attendance, or items from another meeting.
    """
    require_model_permission(actor, Attendance, "add")
    items = list(items)
    with transaction.atomic():
        _lock(meeting)
        if order is None:
            order = Attendance.objects.filter(meeting=meeting).count() + 1
        a = trail.save(
            Attendance(
                meeting=meeting,
                person=person,
                status=status,
                in_chair=in_chair,
                substitute_for=substitute_for,
                capacity=capacity,
                order=order,
            ),
            actor=actor,
            event="proceedings.attendance_recorded",
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
    *,
    actor: Actor,
) -> Declaration:
    """Record a declaration of interest. Refuses an actor without permission to add
    declarations, and one from someone not present, for an item of another meeting, a
    pecuniary interest with participation but no dispensation, or any declaration at a
    meeting already recorded as having none."""
    require_model_permission(actor, Declaration, "add")
    return trail.save(
        Declaration(
            meeting=meeting,
            item=item,
            person=person,
            nature=nature,
            text=text,
            participation=participation,
            dispensation=dispensation,
        ),
        actor=actor,
        event="proceedings.declaration_recorded",
    )


def record_nil_declarations(meeting: Meeting, *, actor: Actor) -> NilDeclarations:
    """Record that no interests were declared. Refused for an actor without permission to add
    it, and when declarations exist."""
    require_model_permission(actor, NilDeclarations, "add")
    existing = NilDeclarations.objects.filter(meeting=meeting).first()
    return existing or trail.save(
        NilDeclarations(meeting=meeting), actor=actor, event="proceedings.nil_declarations_recorded"
    )


def members_of(meeting: Meeting) -> int:
    """The whole number of members of the meeting's body on the day (serving members)."""
    return len(member_ids(meeting.body_id, meeting.date))


def quorum(meeting: Meeting) -> int:
    """Members (or substitutes) who must be present for business to be transacted.

    The body's ``Procedure`` says how; without one it is one quarter of the members
    (LGA 1972 Sch 12 para 6), counted on serving members because seats are not always known.
    """
    procedure = Procedure.objects.filter(body_id=meeting.body_id).first()
    kind: str
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


# Corrections -------------------------------------------------------------------------------

_CHANGEABLE = {"status", "in_chair", "substitute_for", "capacity", "order", "items"}


def _part_taken(meeting_id: int, person_id: int) -> list[str]:
    """What the person did at the meeting that needs them present: moved, seconded, voted,
    declared, was proposed for office. Plain phrases, for a refusal message."""
    from .models import Motion, RecordedVote

    done: list[str] = []
    for motion in Motion.objects.filter(meeting_id=meeting_id).order_by("order", "pk"):
        label = f"“{motion.text[:60]}”"
        if motion.mover_id == person_id:
            done.append(f"moved {label}")
        if motion.seconder_id == person_id:
            done.append(f"seconded {label}")
        if motion.nominee_id == person_id:
            done.append(f"was proposed in {label}")
    for rv in RecordedVote.objects.filter(
        vote__motion__meeting_id=meeting_id, person_id=person_id
    ).select_related("vote__motion"):
        done.append(f"voted ({rv.get_choice_display()}) on “{rv.vote.motion.text[:60]}”")
    for d in Declaration.objects.filter(meeting_id=meeting_id, person_id=person_id).select_related(
        "item"
    ):
        done.append(f"declared an interest in item {d.item.number}")
    return done


def _refuse_if_took_part(attendance: Attendance, doing: str) -> None:
    done = _part_taken(attendance.meeting_id, attendance.person_id)
    if done:
        raise ValidationError(
            f"{attendance.person} cannot be {doing}: they {'; '.join(done)}. "
            "Correct those records first."
        )


def change_attendance(attendance: Attendance, *, actor: Actor, **fields) -> Attendance:
    """Correct one entry of the attendance: ``status``, ``in_chair``, ``substitute_for``,
    ``capacity``, ``order`` or ``items``.

    Refuses (nothing saved): an actor without permission to change attendance; any change
    once the minutes are approved; unknown fields; a second chair; someone who moved,
    seconded, voted or declared an interest being made anything but present or also
    present; and whatever ``record_attendance`` refuses.
    """
    require_model_permission(actor, Attendance, "change")
    unknown = set(fields) - _CHANGEABLE
    if unknown:
        raise ValidationError(f"Attendance has no field {', '.join(sorted(unknown))} to change.")
    with transaction.atomic():
        _lock(attendance.meeting)
        check_record_open(attendance.meeting_id)
        current = Attendance.objects.get(pk=attendance.pk)
        before = current.status
        items = fields.pop("items", None)
        for name, value in fields.items():
            setattr(current, name, value)
        if current.status != AttendanceStatus.PRESENT and current.in_chair:
            if "in_chair" in fields:
                raise ValidationError("Only someone present can be in the chair.")
            current.in_chair = False  # leaving the room leaves the chair
        if current.status != AttendanceStatus.PRESENT and current.substitute_for_id:
            if "substitute_for" in fields:
                raise ValidationError("Only someone present can be a substitute.")
            current.substitute_for = None
        if current.status != AttendanceStatus.IN_ATTENDANCE and current.capacity:
            if "capacity" in fields:
                raise ValidationError("Only officers in attendance have a job title here.")
            current.capacity = ""
        if current.status != before:
            _refuse_if_took_part(current, f"recorded as {current.get_status_display().lower()}")
        trail.save(current, actor=actor, event="proceedings.attendance_changed")
        if items is not None:
            items = list(items)
            if items and current.status != AttendanceStatus.IN_ATTENDANCE:
                raise ValidationError("Only officers in attendance are listed for named items.")
            if any(i.meeting_id != current.meeting_id for i in items):
                raise ValidationError("Those items are not all on this meeting's agenda.")
            current.items.set(items)
        elif current.status != AttendanceStatus.IN_ATTENDANCE:
            current.items.clear()
        for name in _CHANGEABLE - {"items"}:
            setattr(attendance, name, getattr(current, name))
        return current


def remove_attendance(attendance: Attendance, *, actor: Actor) -> None:
    """Take someone out of the attendance (recorded by mistake).

    Refuses (nothing removed) an actor without permission to remove attendance; once the
    minutes are approved; and when the person moved, seconded, voted, declared an interest
    or was proposed for office — naming what — or when someone is recorded as their
    substitute.
    """
    require_model_permission(actor, Attendance, "delete")
    with transaction.atomic():
        _lock(attendance.meeting)
        check_record_open(attendance.meeting_id)
        _refuse_if_took_part(attendance, "taken out of the attendance")
        sub = (
            Attendance.objects.filter(
                meeting_id=attendance.meeting_id, substitute_for_id=attendance.person_id
            )
            .select_related("person")
            .first()
        )
        if sub:
            raise ValidationError(
                f"{sub.person} is recorded as substituting for {attendance.person}; "
                "correct that entry first."
            )
        trail.delete(attendance, actor=actor, event="proceedings.attendance_removed")


def change_chair(meeting: Meeting, person: Person | None, *, actor: Actor) -> Attendance | None:
    """Record who presided: ``person`` (who must be present) takes the chair and whoever held
    it no longer does; ``None`` records nobody in the chair. Returns the chair's entry.
    Refuses an actor without permission to change attendance."""
    require_model_permission(actor, Attendance, "change")
    with transaction.atomic():
        _lock(meeting)
        check_record_open(meeting.pk)
        target = None
        if person is not None:
            target = Attendance.objects.filter(meeting=meeting, person=person).first()
            if target is None or target.status != AttendanceStatus.PRESENT:
                raise ValidationError(
                    f"{person} is not recorded as present, so cannot be in the chair."
                )
            check_may_chair(meeting, person)
        for old in Attendance.objects.filter(meeting=meeting, in_chair=True):
            if target is None or old.pk != target.pk:
                old.in_chair = False
                trail.save(old, actor=actor, event=CHAIR_CHANGED)
        if target is not None and not target.in_chair:
            target.in_chair = True
            trail.save(target, actor=actor, event=CHAIR_CHANGED)
        return target


CHAIR_CHANGED = "proceedings.chair_changed"


def remove_declaration(declaration: Declaration, *, actor: Actor) -> None:
    """Remove a declaration recorded by mistake (refused for an actor without permission to
    remove declarations, and once the minutes are approved)."""
    require_model_permission(actor, Declaration, "delete")
    with transaction.atomic():
        check_record_open(declaration.meeting_id)
        trail.delete(declaration, actor=actor, event="proceedings.declaration_removed")


def remove_nil_declarations(meeting: Meeting, *, actor: Actor) -> None:
    """Remove the record that no interests were declared (refused for an actor without
    permission to remove it, and once the minutes are approved)."""
    require_model_permission(actor, NilDeclarations, "delete")
    with transaction.atomic():
        check_record_open(meeting.pk)
        nil = NilDeclarations.objects.filter(meeting=meeting).first()
        if nil:
            trail.delete(nil, actor=actor, event="proceedings.nil_declarations_removed")
