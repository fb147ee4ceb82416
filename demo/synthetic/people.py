"""Synthetic councillors, officers, divisions, political groups and terms of office."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from django.utils.text import slugify

from council.models import (
    Division,
    GroupMembership,
    HowElected,
    Person,
    PoliticalGroup,
    TermOfOffice,
)

from . import words
from .options import Options

# Officers the generator names, by key, with the post each holds.
OFFICER_POSTS = {
    "chief": "Chief Executive",
    "law": "Director of Law and Governance",
    "finance": "Corporate Director of Finance",
    "children": "Corporate Director Children, Young People and Education",
    "adults": "Corporate Director Adult Social Care and Health",
    "health": "Director of Public Health",
    "democracy": "Head of Democratic Services",
    **{f"dso{i}": "Democratic Services Officer" for i in range(1, 6)},
}


@dataclass
class Seat:
    """One councillor's spell in office for a division (a term, possibly cut short)."""

    person: Person
    division: Division
    group: PoliticalGroup
    start: dt.date
    end: dt.date | None
    how: str = HowElected.ORDINARY

    def covers(self, start: dt.date, end: dt.date | None) -> bool:
        return self.start <= start and (self.end is None or (end is not None and self.end >= end))


@dataclass
class People:
    """What this module generates, unsaved; ``seats`` is every spell in office."""

    divisions: list[Division] = field(default_factory=list)
    groups: list[PoliticalGroup] = field(default_factory=list)
    councillors: list[Person] = field(default_factory=list)
    officers: dict[str, Person] = field(default_factory=dict)
    seats: list[Seat] = field(default_factory=list)
    group_memberships: list[GroupMembership] = field(default_factory=list)
    terms: list[TermOfOffice] = field(default_factory=list)

    def in_office(self, day: dt.date) -> list[Seat]:
        return [s for s in self.seats if s.start <= day and (s.end is None or s.end >= day)]


class Namer:
    """Realistic, unique people: titles, initials, surnames and the odd honour."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.slugs: set[str] = set()

    def _weighted(self, pairs):
        return self.rng.choices([p for p, _ in pairs], [w for _, w in pairs])[0]

    def person(
        self, title: str | None = None, honours_rate: float = 0.06, forenames_rate: float = 0.7
    ) -> Person:
        rng = self.rng
        title = title or self._weighted(words.TITLES)
        female = title in words.FEMALE_TITLES or (title == "Dr" and rng.random() < 0.45)
        forename = rng.choice(words.FEMALE_FORENAMES if female else words.MALE_FORENAMES)
        initials = [forename[0]] + rng.sample(words.MIDDLE_INITIALS, rng.choice([0, 1, 1, 2]))
        surname = rng.choice(words.SURNAMES)
        if rng.random() < 0.03:
            surname = f"{surname}-{rng.choice(words.SURNAMES)}"
        honours = self._weighted(words.HONOURS) if rng.random() < honours_rate else ""
        base = slugify(f"{' '.join(initials)} {surname}")
        slug, n = base, 2
        while slug in self.slugs:
            slug, n = f"{base}-{n}", n + 1
        self.slugs.add(slug)
        return Person(
            title=title,
            initials=" ".join(initials),
            surname=surname,
            honours=honours,
            forenames=forename if rng.random() < forenames_rate else "",
            slug=slug,
        )


def _divisions(rng: random.Random, members: int) -> list[Division]:
    """Single-member divisions, with about one in ten electing two, seating ``members``."""
    names: set[str] = set()
    divisions: list[Division] = []
    left = members
    while left:
        while True:
            name = (
                rng.choice(words.PLACE_STARTS)
                + rng.choice(words.PLACE_ENDS)
                + rng.choice(words.DIVISION_SUFFIXES)
            )
            if name not in names:
                break
        names.add(name)
        seats = 2 if left >= 2 and rng.random() < 0.1 else 1
        left -= seats
        divisions.append(Division(name=name, slug=slugify(name), seats=seats))
    return divisions


def _groups(rng: random.Random, members: int) -> tuple[list[PoliticalGroup], list[int]]:
    """4–6 groups (fewer on a tiny council) and each one's share of the seats, largest first."""
    count = min(rng.randint(4, 6), max(1, members // 3))
    chosen = [words.GROUP_NAMES[0], words.GROUP_NAMES[1]] + rng.sample(
        words.GROUP_NAMES[2:], count - 2
    )
    rng.shuffle(chosen)
    # A governing group near half the seats, the rest shrinking: a typical county council.
    weights = sorted(
        [rng.uniform(0.45, 0.6)] + [rng.uniform(0.05, 0.3) for _ in chosen[1:]], reverse=True
    )
    total = sum(weights)
    quotas = [members * w / total for w in weights]
    sizes = [max(1, int(q)) for q in quotas]
    # Largest remainder for what is left (taking back from the largest if the floor overshot).
    order = sorted(range(count), key=lambda i: quotas[i] - int(quotas[i]), reverse=True)
    i = 0
    while sum(sizes) < members:
        sizes[order[i % count]] += 1
        i += 1
    while sum(sizes) > members:
        sizes[sizes.index(max(sizes))] -= 1
    groups = [
        PoliticalGroup(
            name=name,
            group_name=gname,
            party_name=party,
            slug=slugify(name),
            kind=PoliticalGroup.Kind.GROUP,
        )
        for name, gname, party in chosen
    ]
    return groups, sizes


def generate(opts: Options) -> People:
    rng = opts.rng("people")
    namer = Namer(rng)
    out = People()
    out.divisions = _divisions(rng, opts.members)
    out.groups, sizes = _groups(rng, opts.members)
    # Seats in division order, each given a group so that group sizes match the shares.
    places = [d for d in out.divisions for _ in range(d.seats)]
    party_of_place = [g for g, n in zip(out.groups, sizes, strict=True) for _ in range(n)]
    rng.shuffle(party_of_place)

    sitting: list[Seat] = []
    for number, election in enumerate(opts.elections()):
        end = opts.term_end(election)
        new: list[Seat] = []
        for i, division in enumerate(places):
            previous = sitting[i] if sitting else None
            # About seven in ten councillors stand again and are re-elected.
            if previous and previous.end and rng.random() < 0.7:
                person, group = previous.person, previous.group
            else:
                person = namer.person()
                out.councillors.append(person)
                group = party_of_place[i] if number == 0 else rng.choice(out.groups[:3])
            new.append(Seat(person, division, group, election, end))
        sitting = new
        # A few by-elections in each term: the member leaves; another is elected six weeks on.
        for i in rng.sample(range(len(sitting)), k=max(0, round(len(sitting) * 0.03))):
            seat = sitting[i]
            leaves = seat.start + dt.timedelta(days=rng.randint(300, 1000))
            if seat.end is not None and leaves >= seat.end - dt.timedelta(days=60):
                continue
            if leaves > opts.end - dt.timedelta(days=60):
                continue
            seat.end = leaves
            out.seats.append(seat)
            person = namer.person()
            out.councillors.append(person)
            sitting[i] = Seat(
                person,
                seat.division,
                rng.choice(out.groups[:3]),
                leaves + dt.timedelta(weeks=6),
                end,
                HowElected.BY_ELECTION,
            )
        out.seats.extend(sitting)

    out.seats.sort(key=lambda s: (s.start, s.division.name))
    for s in out.seats:
        out.terms.append(
            TermOfOffice(
                person=s.person, division=s.division, start=s.start, end=s.end, how_elected=s.how
            )
        )
        out.group_memberships.append(
            GroupMembership(person=s.person, group=s.group, start=s.start, end=s.end)
        )
    # Group leaders from the council first elected.
    first = [s for s in out.seats if s.start == opts.start]
    for group in out.groups:
        members = [s.person for s in first if s.group is group]
        if members:
            group.leader = members[0]
            group.deputy_leader = members[1] if len(members) > 1 else None

    for key in OFFICER_POSTS:
        officer = namer.person(honours_rate=0.02, forenames_rate=1.0)
        officer.telephone = f"03000 4{rng.randint(10000, 19999)}"
        out.officers[key] = officer
    return out
