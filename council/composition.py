"""The membership of a body as the seeds print it.

Membership (15)
Conservative (12): Mr B J Sweetland (Chairman), Mr R A Marsh (Vice-Chairman), … and Mr I Thomas
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from council.dates import authority_today

from .models import Authority, Body, GroupMembership, Membership, Role

ROLE_ORDER = {Role.CHAIRMAN: 0, Role.VICE_CHAIRMAN: 1}
NOT_RECORDED = "Group not recorded"


@dataclass
class Seat:
    membership: Membership
    label: str  # "Mr B J Sweetland (Chairman)"


@dataclass
class GroupLine:
    name: str
    seats: list[Seat] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.seats)

    @property
    def names(self) -> str:
        labels = [s.label for s in self.seats]
        return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]

    @property
    def text(self) -> str:
        return f"{self.name} ({self.count}): {self.names}"


@dataclass
class Composition:
    total: int
    groups: list[GroupLine]
    vacancies: int
    others: list[Seat]  # substitutes, alternates: not counted in "Membership (N)"

    @property
    def heading(self) -> str:
        return f"Membership ({self.total})"


def groups_on(person_ids, day: dt.date) -> dict[int, str]:
    """Each person's political group name on ``day`` (one query)."""
    rows = (
        GroupMembership.objects.filter(person_id__in=person_ids, start__lte=day)
        .exclude(end__lt=day)
        .select_related("group")
        .order_by("start")
    )
    return {gm.person_id: gm.group.name for gm in rows}


def composition(body: Body, day: dt.date | None = None, memberships=None) -> Composition:
    """The body's membership on ``day`` grouped by political group, largest group first.

    The seat's allocated group is used when set; otherwise the person's group on the day.
    """
    day = day or authority_today()
    authority = Authority.current()
    if memberships is None:
        memberships = list(
            Membership.objects.on(day).filter(body=body).select_related("person", "group")
        )
    person_groups = groups_on([m.person_id for m in memberships if m.person_id], day)
    lines: dict[str, GroupLine] = {}
    others, vacancies = [], 0
    for m in memberships:
        if not m.holds_seat:
            if m.person_id:
                others.append(Seat(m, f"{m.person.formal_name} ({m.get_role_display()})"))
            continue
        if m.person_id is None:
            vacancies += 1
            continue
        label = m.person.formal_name
        if m.role in ROLE_ORDER:
            label += f" ({authority.role_label(m.role) if authority else m.get_role_display()})"
        elif m.role != Role.MEMBER:
            label += f" ({m.get_role_display()})"
        name = m.group.name if m.group_id else person_groups.get(m.person_id, NOT_RECORDED)
        lines.setdefault(name, GroupLine(name)).seats.append(Seat(m, label))
    for line in lines.values():
        line.seats.sort(
            key=lambda s: (ROLE_ORDER.get(s.membership.role, 9), s.membership.person.sort_key)
        )
    ordered = sorted(lines.values(), key=lambda g: (g.name == NOT_RECORDED, -g.count, g.name))
    total = sum(g.count for g in ordered)
    return Composition(total=total, groups=ordered, vacancies=vacancies, others=others)
