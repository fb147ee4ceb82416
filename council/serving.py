"""Who serves on a body on a day: the people a meeting of it summons.

One function, so the summons (``summons.recipients``) and the refusal to publish an agenda
that would summon nobody (``publishing.services.publish_agenda``) agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Q

from .models import (
    Body,
    BodyKind,
    GroupMembership,
    Membership,
    Person,
    PoliticalGroup,
    Role,
    TermOfOffice,
)


def serving_members(body: Body, day: dt.date) -> list[Person]:
    """The body's members on ``day`` (every role, substitutes included, since they may be
    called on); for the full council, every councillor in office that day too."""
    who = Q(memberships__body_id=body.pk, memberships__start__lte=day) & (
        Q(memberships__end__isnull=True) | Q(memberships__end__gte=day)
    )
    if body.kind == BodyKind.COUNCIL:
        who |= Q(terms__start__lte=day) & (Q(terms__end__isnull=True) | Q(terms__end__gte=day))
    ids = Person.objects.filter(who).values_list("pk", flat=True).distinct()
    return list(Person.objects.filter(pk__in=ids).order_by("surname", "initials", "forenames"))


def term_ended(person: Person, day: dt.date) -> dt.date | None:
    """When a councillor's last term of office ended, if none is in force on ``day``; None
    for a councillor in office that day and for someone who was never a councillor (a
    co-opted member holds no term of office)."""
    terms = list(person.terms.all())
    if not terms or any(t.start <= day and (t.end is None or t.end >= day) for t in terms):
        return None
    ended = [t.end for t in terms if t.end is not None and t.end < day]
    return max(ended) if ended else None


def presiding_problem(person: Person, body: Body, day: dt.date) -> str:
    """Why ``person`` cannot chair a meeting of ``body`` on ``day`` ("" when they can): a
    councillor whose term of office has ended holds no office to chair from."""
    ended = term_ended(person, day)
    if ended is None:
        return ""
    return (
        f"{person}'s term of office as a councillor ended on {ended:%-d %B %Y}, so they "
        f"cannot chair the meeting of {body} on {day:%-d %B %Y}."
    )


def chair_and_vice(body: Body, day: dt.date) -> list[Person]:
    """The body's chair and vice-chair on ``day`` (appointments in force, terms of office not
    ended)."""
    held = (
        Membership.objects.on(day)
        .filter(body=body, role__in=(Role.CHAIRMAN, Role.VICE_CHAIRMAN), person__isnull=False)
        .select_related("person")
        .order_by("role")
    )
    people = [m.person for m in held if m.person is not None]
    return [p for p in people if not presiding_problem(p, body, day)]


def groups_on(person_ids, day: dt.date) -> dict[int, PoliticalGroup]:
    """The political group each of ``person_ids`` belonged to on ``day`` (none: not in the
    dict). One query."""
    rows = (
        GroupMembership.objects.filter(person_id__in=list(person_ids), start__lte=day)
        .exclude(end__lt=day)
        .select_related("group")
        .order_by("start")
    )
    return {gm.person_id: gm.group for gm in rows}


class ServingRecord:
    """Who serves on each of some bodies over a period, read at once (two queries, one when
    no body is the full council), so that a year of dates is checked without a query per
    body, member or date. ``members(body, day)`` agrees with ``serving_members``."""

    def __init__(self, bodies: Iterable[Body], start: dt.date, end: dt.date) -> None:
        self._bodies = {b.pk: b for b in bodies}
        self._seats: dict[int, list[tuple[Person, str, dt.date, dt.date | None]]] = {}
        self._terms: list[tuple[Person, dt.date, dt.date | None]] = []
        held = (
            Membership.objects.filter(body_id__in=list(self._bodies), start__lte=end)
            .exclude(end__lt=start)
            .filter(person__isnull=False)
            .select_related("person")
        )
        for m in held:
            if m.person is not None:
                self._seats.setdefault(m.body_id, []).append((m.person, m.role, m.start, m.end))
        if any(b.kind == BodyKind.COUNCIL for b in self._bodies.values()):
            terms = TermOfOffice.objects.filter(start__lte=end).exclude(end__lt=start)
            self._terms = [(t.person, t.start, t.end) for t in terms.select_related("person")]

    def members(self, body: Body, day: dt.date) -> dict[Person, str]:
        """The people serving on ``body`` on ``day``, each with their role (``Role``; a
        councillor on the full council by their term of office alone is a member)."""
        found: dict[Person, str] = {}
        if body.kind == BodyKind.COUNCIL:
            for person, start, end in self._terms:
                if start <= day and (end is None or end >= day):
                    found[person] = Role.MEMBER
        for person, role, start, end in self._seats.get(body.pk, []):
            if start <= day and (end is None or end >= day):
                found[person] = role
        return found
