"""Councillors: who counts (people with a term of office), the index by division and by
group, former councillors, and one person's page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Max, Prefetch, Q

from council.models import (
    Body,
    Division,
    GroupMembership,
    Membership,
    Person,
    PoliticalGroup,
    TermOfOffice,
)
from council.serving import groups_on

from . import in_force, today

NOT_RECORDED = "Not recorded"


def _terms_on(day: dt.date):
    return TermOfOffice.objects.filter(start__lte=day).filter(Q(end__isnull=True) | Q(end__gte=day))


def as_at() -> dt.date | None:
    """The day the members index describes: today when any term is in force, else the last
    day of the most recent terms (the demo's record ends in 2021). None when no terms exist."""
    now = today()
    if _terms_on(now).exists():
        return now
    return TermOfOffice.objects.filter(start__lte=now).aggregate(d=Max("end"))["d"]


@dataclass
class Councillor:
    person: Person
    division: Division | None
    group: PoliticalGroup | None


@dataclass
class GroupSection:
    name: str
    slug: str
    councillors: list[Councillor] = field(default_factory=list)


@dataclass
class MembersIndex:
    day: dt.date | None
    is_today: bool
    councillors: list[Councillor]

    @property
    def by_division(self) -> list[tuple[Division | None, list[Councillor]]]:
        """Divisions by name; councillors whose division is not recorded come last."""
        rows: dict[int | None, list[Councillor]] = {}
        for c in self.councillors:
            rows.setdefault(c.division.pk if c.division else None, []).append(c)
        named = sorted(
            (v for k, v in rows.items() if k is not None), key=lambda v: v[0].division.name
        )
        ordered = [(v[0].division, v) for v in named]
        if None in rows:
            ordered.append((None, rows[None]))
        return ordered

    @property
    def by_group(self) -> list[GroupSection]:
        """Groups, largest first; councillors whose group is not recorded come last."""
        sections: dict[str, GroupSection] = {}
        for c in self.councillors:
            name, slug = (c.group.name, c.group.slug) if c.group else (NOT_RECORDED, "not-recorded")
            sections.setdefault(name, GroupSection(name, slug)).councillors.append(c)
        return sorted(
            sections.values(), key=lambda s: (s.name == NOT_RECORDED, -len(s.councillors), s.name)
        )


def members_index() -> MembersIndex:
    """Councillors in office on ``as_at()``, with division and group. Three queries."""
    day = as_at()
    if day is None:
        return MembersIndex(None, True, [])
    terms = _terms_on(day).select_related("person", "division").order_by("start", "pk")
    # One row per person: a councillor for two divisions at once is listed under the first.
    seen: dict[int, TermOfOffice] = {}
    for t in terms:
        seen.setdefault(t.person_id, t)
    groups = groups_on(seen, day)
    councillors = sorted(
        (Councillor(t.person, t.division, groups.get(pid)) for pid, t in seen.items()),
        key=lambda c: c.person.sort_key,
    )
    return MembersIndex(day, day == today(), councillors)


@dataclass
class FormerCouncillor:
    person: Person
    last_term: TermOfOffice
    group: PoliticalGroup | None


def former_councillors() -> tuple[dt.date | None, list[FormerCouncillor]]:
    """People whose terms had all ended by the index's day. Three queries."""
    day = as_at()
    if day is None:
        return None, []
    serving = _terms_on(day).values("person_id")
    people = (
        Person.objects.filter(terms__isnull=False)
        .exclude(pk__in=serving)
        .distinct()
        .prefetch_related(
            Prefetch(
                "terms", queryset=TermOfOffice.objects.select_related("division").order_by("-start")
            ),
            Prefetch(
                "group_memberships",
                queryset=GroupMembership.objects.select_related("group").order_by("-start"),
            ),
        )
    )
    result = []
    for p in people:
        terms = list(p.terms.all())
        gms = list(p.group_memberships.all())
        result.append(FormerCouncillor(p, terms[0], gms[0].group if gms else None))
    result.sort(key=lambda f: f.person.sort_key)
    return day, result


@dataclass
class MemberPage:
    person: Person
    is_councillor: bool
    is_current: bool  # in office on the members index's day
    terms: list[TermOfOffice]
    current_terms: list[TermOfOffice]
    divisions: list[Division | None]  # of the current terms, else of the latest term
    group: PoliticalGroup | None
    group_history: list[GroupMembership]
    changed_group: bool  # the history names more than one group
    group_roles: list[str]
    posts: list
    designations: list
    contact_for: list[Body]  # bodies whose agendas name this person under "Ask for"
    current_memberships: list[Membership]
    past_memberships: list[Membership]

    @property
    def has_feed(self) -> bool:
        """Member feeds cover the bodies they sat on and the council while in office."""
        return self.is_councillor or bool(self.current_memberships or self.past_memberships)


def member_page(slug: str) -> MemberPage | None:
    """One person's page. A fixed number of queries (about eight) whatever their history."""
    person = Person.objects.filter(slug=slug).first()
    if person is None:
        return None
    day = as_at() or today()
    terms = list(person.terms.select_related("division").order_by("-start"))
    current_terms = [t for t in terms if in_force(t.start, t.end, day)]
    history = list(person.group_memberships.select_related("group").order_by("-start"))
    on_day = [g for g in history if in_force(g.start, g.end, day)]
    group = on_day[0].group if on_day else (history[0].group if history else None)
    roles = []
    for g in PoliticalGroup.objects.filter(Q(leader=person) | Q(deputy_leader=person)):
        title = g.group_name or f"{g.name} Group"
        roles.append(f"{'Leader' if g.leader_id == person.pk else 'Deputy Leader'} of the {title}")
    memberships = list(person.memberships.select_related("body").order_by("-start", "body__name"))
    now = today()
    return MemberPage(
        person=person,
        is_councillor=bool(terms),
        is_current=bool(current_terms),
        terms=terms,
        current_terms=current_terms,
        divisions=[t.division for t in (current_terms or terms[:1])],
        group=group,
        group_history=history,
        changed_group=len({g.group_id for g in history}) > 1,
        group_roles=roles,
        posts=list(person.posts_held.select_related("post").order_by("-start")),
        designations=list(person.statutory_designations.order_by("-start")),
        contact_for=list(Body.objects.filter(contact_officer=person).order_by("name")),
        current_memberships=[m for m in memberships if in_force(m.start, m.end, now)],
        past_memberships=[m for m in memberships if not in_force(m.start, m.end, now)],
    )
