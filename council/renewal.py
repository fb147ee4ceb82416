"""Annual appointments: a body's memberships renewed for the new municipal year in one step
(issue 13 §2).

``renewal_plan`` lists each membership in force on the last day of the old year, to carry
over as it is by default; the officer marks those to end or change (role, political group of
the seat, or the person in it) and adds new appointments. It writes nothing, so the changes
are shown before they are saved. ``renew_memberships`` applies the plan through
``council.services`` (ends first, then appointments), all of it or none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.db import transaction

from audit import trail
from audit.actors import Actor, require_permission
from audit.models import AuditEntry

from .dates import authority_scope, current_authority
from .models import Body, Membership, Person, PoliticalGroup, Role
from .services import appoint, end_membership

RENEWED = "council.memberships_renewed"  # the audit event on the body for the whole step


class Change(StrEnum):
    CARRY_OVER = "carry_over"  # the membership goes on into the new year as it is
    END = "end"  # it ends with the old year
    CHANGE = "change"  # it ends with the old year and the seat is held anew: role, group, person


@dataclass
class PlanLine:
    """What happens to one membership. ``role``, ``group`` and ``person`` are the seat's in the
    new year (the membership's own unless changed); ``seen`` is the membership as the plan
    read it, so a plan overtaken by another change is refused rather than applied."""

    membership: Membership
    action: Change
    role: str
    group: PoliticalGroup | None
    person: Person | None
    seen: tuple[object, ...]

    @property
    def changed(self) -> bool:
        m = self.membership
        return (self.role, _pk(self.group), _pk(self.person)) != (m.role, m.group_id, m.person_id)

    @property
    def effective(self) -> Change:
        """The action taken: a change that changes nothing carries the membership over."""
        return (
            Change.CARRY_OVER if self.action == Change.CHANGE and not self.changed else self.action
        )


@dataclass
class Addition:
    """A new appointment from the start of the new year (``person`` None: a vacant seat)."""

    person: Person | None
    role: str = Role.MEMBER
    group: PoliticalGroup | None = None


@dataclass
class Plan:
    """The renewal of ``body``'s memberships from ``new_year_start``: ``lines`` for the
    memberships in force the day before, ``additions``, and (to show, untouched)
    ``already_appointed``: memberships starting in the new year already recorded."""

    body: Body
    new_year_start: dt.date
    lines: list[PlanLine]
    additions: list[Addition] = field(default_factory=list)
    already_appointed: list[Membership] = field(default_factory=list)

    @property
    def old_year_end(self) -> dt.date:
        return self.new_year_start - dt.timedelta(days=1)

    @property
    def new_year_end(self) -> dt.date:
        """The day before the same date a year on (the end of a fixed-term membership)."""
        s = self.new_year_start
        on = s.replace(year=s.year + 1, day=28 if (s.month, s.day) == (2, 29) else s.day)
        return on - dt.timedelta(days=1)

    def line(self, membership: Membership | int) -> PlanLine:
        """The line of a membership (or its id); ``KeyError`` for one not in the plan."""
        pk = membership if isinstance(membership, int) else membership.pk
        for line in self.lines:
            if line.membership.pk == pk:
                return line
        raise KeyError(f"Membership {pk} is not one of those to renew.")

    def carry_over(self, membership: Membership | int) -> None:
        line = self.line(membership)
        line.action, line.role, line.group, line.person = _as_is(line.membership)

    def end(self, membership: Membership | int) -> None:
        self.carry_over(membership)
        self.line(membership).action = Change.END

    def change(
        self,
        membership: Membership | int,
        *,
        role: str | None = None,
        group: PoliticalGroup | None | bool = False,
        person: Person | None | bool = False,
    ) -> None:
        """The seat is held anew from the new year: in ``role``, allocated to ``group``, by
        ``person`` (each left as it is when not given; None: no group, a vacant seat)."""
        line = self.line(membership)
        line.action = Change.CHANGE
        if role is not None:
            line.role = role
        if group is not False:
            line.group = group if isinstance(group, PoliticalGroup) else None
        if person is not False:
            line.person = person if isinstance(person, Person) else None

    def add(
        self, person: Person | None, role: str = Role.MEMBER, group: PoliticalGroup | None = None
    ) -> None:
        self.additions.append(Addition(person, role, group))

    def steps(self) -> list[str]:
        """The changes in plain words, as they will be saved."""
        with authority_scope():
            return [_describe(self, line) for line in self.lines] + [
                f"{_seat(a.person, a.role, a.group)}, from {_day(self.new_year_start)}."
                for a in self.additions
            ]


def renewal_plan(body: Body, new_year_start: dt.date) -> Plan:
    """The plan to renew ``body``'s memberships from ``new_year_start``: every membership in
    force the day before, carried over as it is. Reads only (two queries); refuses
    (``ValidationError``) a start that is not a date."""
    if not isinstance(new_year_start, dt.date) or isinstance(new_year_start, dt.datetime):
        raise ValidationError("The new municipal year must start on a date.")
    before = new_year_start - dt.timedelta(days=1)
    held = Membership.objects.filter(body=body).select_related("person", "group")
    lines = [PlanLine(m, *_as_is(m), seen=_seen(m)) for m in sorted(held.on(before), key=_order)]
    later = sorted(held.filter(start__gte=new_year_start), key=_order)
    return Plan(body, new_year_start, lines, already_appointed=later)


def renew_memberships(body: Body, plan: Plan, *, actor: Actor) -> list[Membership]:
    """Apply ``plan``: memberships ended or changed end on the old year's last day, changed
    seats and additions are appointed from the new year's first (a fixed-term membership
    carried over is appointed again for a year). One audit entry on the body sums it up
    (``council.memberships_renewed``) besides each membership's own. Returns the memberships
    written.

    Refuses (``PermissionDenied``) an actor who may not add and change memberships, and
    (``ValidationError``, nothing saved) a plan for another body, one overtaken by other
    changes since it was made, an unknown role, one with nothing to save, and whatever the
    membership rules refuse (two chairs at once, more seats than the body has …).
    """
    require_permission(
        actor,
        "council.add_membership",
        "council.change_membership",
        refusal="You do not have permission to add or change memberships.",
    )
    if plan.body.pk != body.pk:
        raise ValidationError(f"This plan is for {plan.body}, not {body}.")
    for role in [line.role for line in plan.lines] + [a.role for a in plan.additions]:
        if role not in Role.values:
            raise ValidationError(f'"{role}" is not a role on a body.')
    written: list[Membership] = []
    with transaction.atomic():
        Body.objects.select_for_update().filter(pk=body.pk).first()
        # Fresh rows, so that the plan's own stay as they were shown, whatever happens here.
        current = _refuse_if_overtaken(body, plan)
        start, end = plan.new_year_start, plan.old_year_end
        for line in plan.lines:
            m = current[line.membership.pk]
            if line.effective != Change.CARRY_OVER and (m.end is None or m.end > end):
                written.append(end_membership(m, end, actor=actor))
        for line in plan.lines:
            was = line.membership.end
            again = line.effective == Change.CARRY_OVER and was == end
            if again or line.effective == Change.CHANGE:
                finish = None if was is None else plan.new_year_end
                written.append(
                    appoint(body, line.person, line.role, start, line.group, finish, actor=actor)
                )
        for a in plan.additions:
            written.append(appoint(body, a.person, a.role, start, a.group, actor=actor))
        if not written:
            raise ValidationError(
                f"Nothing would change: every membership of {body} carries over as it is."
            )
        trail.record(
            AuditEntry.Action.UPDATE,
            body,
            {
                "renewed_from": [None, start.isoformat()],
                "memberships": [None, sorted({m.pk for m in written})],
            },
            actor=actor,
            event=RENEWED,
        )
    return written


def _refuse_if_overtaken(body: Body, plan: Plan) -> dict[int, Membership]:
    """The memberships the plan renews as they are now; refused if they are not as shown."""
    now = {m.pk: m for m in Membership.objects.on(plan.old_year_end).filter(body=body)}
    seen = {pk: _seen(m) for pk, m in now.items()}
    if seen != {line.membership.pk: line.seen for line in plan.lines}:
        raise ValidationError(
            f"The memberships of {body} have changed since these changes were shown. "
            "Look at them again before saving."
        )
    return now


def _as_is(m: Membership) -> tuple[Change, str, PoliticalGroup | None, Person | None]:
    return Change.CARRY_OVER, m.role, m.group, m.person


def _seen(m: Membership) -> tuple[object, ...]:
    return (m.person_id, m.role, m.group_id, m.start, m.end)


def _pk(obj: Person | PoliticalGroup | None) -> int | None:
    return None if obj is None else obj.pk


_ROLE_ORDER = {role: i for i, role in enumerate(Role.values)}


def _order(m: Membership) -> tuple[int, str, str]:
    person = m.person
    return (_ROLE_ORDER.get(m.role, 99), *(person.sort_key if person else ("~", "")))


def _day(d: dt.date) -> str:
    return f"{d.day} {d:%B %Y}"


def _role(role: str) -> str:
    authority = current_authority()
    if role in (Role.CHAIRMAN, Role.VICE_CHAIRMAN) and authority is not None:
        return str(authority.role_label(role))
    return Role(role).label.split(" /")[0] if role in Role.values else role


def _seat(person: Person | None, role: str, group: PoliticalGroup | None) -> str:
    who = str(person) if person is not None else "A vacant seat"
    allocated = f" ({group})" if group is not None else ""
    return f"{who}{allocated}: {_role(role)}"


def _describe(plan: Plan, line: PlanLine) -> str:
    m, start, end = line.membership, plan.new_year_start, plan.old_year_end
    was = _seat(m.person, m.role, m.group)
    if line.effective == Change.END:
        return f"{was}, ends on {_day(min(m.end or end, end))}."
    if line.effective == Change.CHANGE:
        now = _seat(line.person, line.role, line.group)
        return f"{was}, ends on {_day(end)}; then {now}, from {_day(start)}."
    if m.end == end:
        return f"{was}, again from {_day(start)} to {_day(plan.new_year_end)}."
    return f"{was}, continues."
