"""The rules for memberships of bodies. Each raises ``ValidationError`` with a plain message.

Called from ``Membership.clean`` so the back office, the services and the commands all
apply them alike.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db.models import Q

from .models.memberships import SEAT_ROLES, Membership, Role

FOREVER = dt.date.max


def _overlapping(m: Membership):
    """Other memberships of the same body whose dates overlap ``m``'s."""
    qs = Membership.objects.filter(body_id=m.body_id).filter(
        Q(end__isnull=True) | Q(end__gte=m.start)
    )
    if m.end:
        qs = qs.filter(start__lte=m.end)
    if m.pk:
        qs = qs.exclude(pk=m.pk)
    return qs


def _when(d: dt.date | None) -> str:
    return "continuing" if d is None else d.strftime("%-d %B %Y")


def _period(m: Membership) -> str:
    return f"from {_when(m.start)}" + (f" to {_when(m.end)}" if m.end else " (continuing)")


def _role_name(m: Membership) -> str:
    """ "a member", "the chairman" … as the authority styles the chair."""
    from .models import Authority

    if m.role in (Role.CHAIRMAN, Role.VICE_CHAIRMAN):
        authority = Authority.current()
        label = authority.role_label(m.role) if authority else m.get_role_display().split(" /")[0]
        return f"the {label.lower()}"
    label = m.get_role_display().lower()
    return f"an {label}" if label[0] in "aeiou" else f"a {label}"


def check_dates(m: Membership) -> None:
    if m.start and m.end and m.end < m.start:
        raise ValidationError({"end": "The membership cannot end before it starts."})


def check_no_overlap(m: Membership) -> None:
    """A person holds at most one membership of a body at a time (end one before starting
    another)."""
    if not m.person_id:
        return
    clash = _overlapping(m).filter(person_id=m.person_id).first()
    if clash:
        raise ValidationError(
            f"{m.person} is already {_role_name(clash)} of {m.body} "
            f"{_period(clash)}. End that membership before this one starts."
        )


def check_one_chair(m: Membership) -> None:
    """One chairman and one vice-chairman at a time per body."""
    if m.role not in (Role.CHAIRMAN, Role.VICE_CHAIRMAN):
        return
    clash = _overlapping(m).filter(role=m.role).select_related("person").first()
    if clash:
        raise ValidationError(
            {
                "role": f"{m.body} already has a "
                f"{clash.get_role_display().split(' /')[0].lower()}, "
                f"{clash.person}, {_period(clash)}. "
                "End that appointment first."
            }
        )


def check_seats(m: Membership) -> None:
    """Seats filled or allocated never exceed the body's number of seats."""
    seats = m.body.seats
    if seats is None or m.role not in SEAT_ROLES:
        return
    others = list(_overlapping(m).filter(role__in=SEAT_ROLES).values_list("start", "end"))
    # The count can only peak on m's start or on another membership's start within m's period.
    days = {m.start} | {s for s, _ in others if s > m.start and (m.end is None or s <= m.end)}
    for day in sorted(days):
        in_force = 1 + sum(1 for s, e in others if s <= day and (e is None or e >= day))
        if in_force > seats:
            raise ValidationError(
                f"{m.body} has {seats} seats and all are filled or allocated on {_when(day)}. "
                "End a membership or increase the number of seats first."
            )


def check_membership(m: Membership) -> None:
    if not (m.body_id and m.start):
        return  # field validation reports the missing values
    check_dates(m)
    check_no_overlap(m)
    check_one_chair(m)
    check_seats(m)
