"""Synthetic bodies, seats on them, posts and statutory designations.

Seats follow the membership rules (``council.rules``) by construction, because they are
bulk-created without per-row validation: one chairman and one vice-chairman per body at a
time, no person twice on a body at once, never more seats filled than the body has.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field

from django.utils.text import slugify

from council.models import (
    Body,
    BodyKind,
    Membership,
    PoliticalGroup,
    Post,
    PostHolding,
    PostKind,
    Role,
    StatutoryDesignation,
)

from .body_specs import BODY_SPECS, DESIGNATED, PORTFOLIOS
from .options import DAY, Options, earlier_end
from .people import OFFICER_POSTS, People, Seat

K = BodyKind


@dataclass
class BodyPlan:
    body: Body
    theme: str
    per_year: int
    # Municipal-year indexes the body sits in (select committees sit for one year only).
    years: range | None = None


@dataclass
class Bodies:
    plans: list[BodyPlan] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    holdings: list[PostHolding] = field(default_factory=list)
    designations: list[StatutoryDesignation] = field(default_factory=list)


def _make_bodies(opts: Options, people: People) -> list[BodyPlan]:
    rng = opts.rng("bodies")
    dsos = [p for k, p in people.officers.items() if k.startswith("dso")]
    plans: dict[str, BodyPlan] = {}
    select_year = 0
    for i, (name, kind, category, seats, parent, theme, per_year) in enumerate(BODY_SPECS):
        body = Body(
            name=name,
            slug=slugify(name),
            kind=kind,
            category=category,
            seats=min(seats, opts.members) if seats else opts.members,
            parent=plans[parent].body if parent else None,
        )
        years = None
        if kind == K.SELECT_COMMITTEE:
            # Each select committee reviews one topic over one municipal year, then ends.
            years = range(select_year, select_year + 1)
            select_year += 1
            if years.start >= opts.years:
                continue
            _, last = opts.municipal_years()[years.start]
            if last is not None and last < opts.as_at:
                body.active, body.expired_on = False, last
        if kind != K.OUTSIDE_BODY:
            contact = dsos[i % len(dsos)]
            body.contact_officer, body.contact_telephone = contact, contact.telephone
        if kind == K.BOARD:
            body.terms_of_reference = (
                "<p>To promote integrated working between health and "
                "social care and to oversee the health and wellbeing "
                "strategy.</p>"
            )
        plans[name] = BodyPlan(
            body, theme, per_year + rng.choice([-1, 0, 0, 1]) if per_year else 0, years
        )
    return list(plans.values())


class Seater:
    """Fills a body's seats for one municipal year in proportion to the groups."""

    def __init__(self, rng: random.Random, pool: list[Seat], start: dt.date, end: dt.date | None):
        self.rng, self.pool, self.start, self.end = rng, pool, start, end
        self.load: Counter = Counter()
        # Keyed by group name: unsaved model instances cannot be dictionary keys.
        self.by_group: dict[str, list[Seat]] = {}
        for seat in pool:
            self.by_group.setdefault(seat.group.name, []).append(seat)
        self.groups = sorted(self.by_group, key=lambda g: (-len(self.by_group[g]), g))

    def quotas(self, seats: int) -> dict[str, int]:
        total = len(self.pool)
        exact = {g: seats * len(self.by_group[g]) / total for g in self.groups}
        quotas = {g: int(q) for g, q in exact.items()}
        for g in sorted(self.groups, key=lambda g: exact[g] - quotas[g], reverse=True):
            if sum(quotas.values()) >= seats:
                break
            quotas[g] += 1
        return quotas

    def choose(self, seats: int, previous: set[int]) -> list[Seat]:
        """The seats' holders, majority group first, keeping most of last year's members."""
        chosen: list[Seat] = []
        for group, n in self.quotas(seats).items():
            candidates = sorted(
                self.by_group[group],
                key=lambda s: (
                    id(s.person) not in previous or self.rng.random() < 0.2,
                    self.load[id(s.person)],
                    self.rng.random(),
                ),
            )
            chosen.extend(candidates[:n])
        for seat in chosen:
            self.load[id(seat.person)] += 1
        return chosen

    def membership(
        self, body: Body, seat: Seat, role: str, group: PoliticalGroup | None = None
    ) -> Membership:
        return Membership(
            body=body,
            person=seat.person,
            role=role,
            group=group,
            start=max(self.start, seat.start),
            end=earlier_end(self.end, seat.end),
        )


def _council_seats(opts: Options, people: People, body: Body, rng: random.Random) -> list:
    """Every councillor sits on the council; a chairman and vice-chairman each municipal year."""
    out = []
    years = opts.municipal_years()
    for start, end in years:
        pool = people.in_office(start)
        ruling = Seater(rng, pool, start, end).groups[0]
        ruling_seats = [s for s in pool if s.group.name == ruling]
        chairs = rng.sample(ruling_seats, k=min(2, len(ruling_seats)))
        roles = dict(
            zip([id(s) for s in chairs], [Role.CHAIRMAN, Role.VICE_CHAIRMAN], strict=False)
        )
        for seat in people.seats:
            first, last = max(seat.start, start), earlier_end(seat.end, end)
            if seat.start > (end or opts.end) or (last is not None and last < first):
                continue
            out.append(
                Membership(
                    body=body,
                    person=seat.person,
                    start=first,
                    end=last,
                    role=roles.get(id(seat), Role.MEMBER),
                )
            )
    # Councillors elected before the first annual meeting sit from their election day.
    first_year = years[0][0]
    for seat in people.seats:
        if seat.start < first_year:
            end = min(first_year - DAY, seat.end or first_year)
            out.append(
                Membership(
                    body=body, person=seat.person, role=Role.MEMBER, start=seat.start, end=end
                )
            )
    return out


def generate(opts: Options, people: People) -> Bodies:
    rng = opts.rng("seats")
    out = Bodies(plans=_make_bodies(opts, people))
    previous: dict[str, set[int]] = {}
    for index, (start, end) in enumerate(opts.municipal_years()):
        pool = people.in_office(start)
        seater = Seater(rng, pool, start, end)
        ruling = seater.by_group[seater.groups[0]]
        for plan in out.plans:
            body = plan.body
            if body.kind == K.COUNCIL or (plan.years is not None and index not in plan.years):
                continue
            if body.kind == K.OUTSIDE_BODY:
                if start in [opts.annual_meeting(e.year) for e in opts.elections()]:
                    for seat in rng.sample(pool, k=min(body.seats, len(pool))):
                        term_end = earlier_end(seat.end, None)
                        out.memberships.append(
                            Membership(
                                body=body,
                                person=seat.person,
                                role=Role.REPRESENTATIVE,
                                start=start,
                                end=term_end,
                            )
                        )
                continue
            if body.kind == K.CABINET:
                chosen = sorted(
                    ruling,
                    key=lambda s: (
                        s.person is not s.group.leader,
                        seater.load[id(s.person)],
                        rng.random(),
                    ),
                )
                chosen = chosen[: min(body.seats, len(ruling))]
            else:
                chosen = seater.choose(min(body.seats, len(pool)), previous.get(body.name, set()))
            previous[body.name] = {id(s.person) for s in chosen}
            # The chairman and vice-chairman come from the largest group among the chosen.
            roles = [Role.CHAIRMAN, Role.VICE_CHAIRMAN] + [Role.MEMBER] * (len(chosen) - 2)
            for seat, role in zip(chosen, roles, strict=False):
                group = seat.group if body.kind != K.CABINET else None
                out.memberships.append(seater.membership(body, seat, role, group))
            # A standing substitute from each of the two largest groups, where one is free.
            for group in seater.groups[:2]:
                taken = previous[body.name]
                free = [s for s in seater.by_group[group] if id(s.person) not in taken]
                if free and body.kind != K.CABINET:
                    out.memberships.append(
                        seater.membership(body, rng.choice(free), Role.SUBSTITUTE)
                    )
            if body.kind == K.CABINET:
                _portfolios(out, chosen, start, end)
    council = next(p.body for p in out.plans if p.body.kind == K.COUNCIL)
    out.memberships.extend(_council_seats(opts, people, council, opts.rng("council-seats")))
    _officer_posts(opts, people, out)
    return out


def _portfolios(out: Bodies, cabinet: list[Seat], start: dt.date, end: dt.date | None) -> None:
    titles = ["Leader of the Council", "Deputy Leader"] + [
        f"Cabinet Member for {p}" for p in PORTFOLIOS
    ]
    posts = {p.title: p for p in out.posts}
    for seat, title in zip(cabinet, titles, strict=False):
        post = posts.get(title)
        if post is None:
            post = Post(title=title, kind=PostKind.PORTFOLIO)
            out.posts.append(post)
            posts[title] = post
        out.holdings.append(
            PostHolding(
                person=seat.person,
                post=post,
                start=max(start, seat.start),
                end=earlier_end(end, seat.end),
            )
        )


def _officer_posts(opts: Options, people: People, out: Bodies) -> None:
    rng = opts.rng("posts")
    posts: dict[str, Post] = {}
    for key, person in people.officers.items():
        title = OFFICER_POSTS[key]
        if title not in posts:
            posts[title] = Post(title=title, kind=PostKind.OFFICER)
            out.posts.append(posts[title])
        start = opts.start - dt.timedelta(days=rng.randint(30, 3000))
        out.holdings.append(PostHolding(person=person, post=posts[title], start=start))
        for role in DESIGNATED.get(key, []):
            out.designations.append(StatutoryDesignation(role=role, person=person, start=start))
