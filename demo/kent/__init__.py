"""Kent County Council, loaded from the facts in the seed agenda packs (see the data modules)."""

from __future__ import annotations

import datetime as dt

from django.utils.text import slugify

from council.models import Body, Person, PoliticalGroup, Role
from council.names import parse
from demo.loader import ACTOR, Loader
from meetings.models import Venue

from . import agenda_templates as TEMPLATES
from . import bodies as B
from . import meetings as M
from . import papers as PAPERS
from . import people as P
from . import publications as PUBLICATIONS
from .council_2015 import load_22_october_2015
from .dates import AS_AT, MUNICIPAL_2015, TERM_2013, TERM_2017

NAME = B.AUTHORITY["name"]
DAY = dt.timedelta(days=1)
People = dict[str, Person | None]  # printed formal name (officers: their key) → person
# Mr Whelan, "former Conservative Member for Margate East from 1989-1993 and 2001-2005"
# (002:135): the pack gives years only, so each span runs from that year's ordinary county
# election (4 May 1989, 7 June 2001: public record, not in the pack) to the day before the next.
WHELAN_TERMS = [
    (dt.date(1989, 5, 4), dt.date(1993, 5, 5)),
    (dt.date(2001, 6, 7), dt.date(2005, 5, 4)),
]


def _slug(parts: dict) -> str:
    return slugify(f"{parts.get('initials') or parts.get('forenames', '')} {parts['surname']}")


def _fields(printed: str) -> dict:
    p = parse(printed)
    fields = dict(
        title=p.title,
        initials=p.initials,
        surname=p.surname,
        honours=p.honours,
        forenames=p.forenames or P.FORENAMES.get(printed, ""),
    )
    return {k: v for k, v in fields.items() if v}


def councillor_names() -> tuple[list[str], list[str]]:
    """The printed names of the 2013–17 councillors and of those first seen in 2017."""
    apologies = [P.APOLOGY_FULL_FORMS.get(n, n) for n in P.split_list(P.APOLOGIES_2015)]
    term_2013 = [
        P.CHAIRMAN_2015,
        P.VICE_CHAIRMAN_2015,
        *P.split_list(P.PRESENT_2015),
        *apologies,
        *P.OTHER_COUNCILLORS_2013,
    ]
    return term_2013, P.NEW_COUNCILLORS_2017


def load(loader: Loader, as_at: dt.date | None = AS_AT) -> None:
    """Create whatever of the Kent demo is missing. Call inside a transaction. A new council
    record is shown as at ``as_at`` (None: the real date); an existing one keeps its date."""
    loader.authority(**B.AUTHORITY, as_at=as_at)
    venues = {room: loader.venue(room, **B.SESSIONS_HOUSE) for room in B.VENUES}

    # People, keyed by printed formal name (officers by their key).
    term_2013, new_2017 = councillor_names()
    people: People = {}
    for printed in [*term_2013, *new_2017, P.FORMER_MEMBER]:
        fields = _fields(printed)
        people[printed] = loader.person(_slug(fields), **fields)
    for key, fields in P.OFFICERS.items():
        people[key] = loader.person(_slug(fields), **fields)
    for printed, text, kind, source in P.NAME_FORMS:
        loader.name_form(people[printed], text, kind, source)

    _groups(loader, people)
    _terms(loader, people, term_2013)
    bodies = _bodies(loader, people, venues)
    _seats(loader, people, bodies, term_2013)
    _posts(loader, people)
    _meetings(loader, people, bodies, venues)
    for name, kind, numbering, items in TEMPLATES.TEMPLATES:
        loader.agenda_template(bodies[name] if name else None, kind, numbering, items)
    PAPERS.load(loader)
    PUBLICATIONS.load(ACTOR)
    # The County Council of 22 October 2015 as it happened: attendance, minutes 35–43, votes.
    load_22_october_2015()


def _groups(loader: Loader, people: People) -> None:
    groups = {}
    for fields in P.GROUPS:
        leader, deputy = P.GROUP_LEADERS.get(fields["name"], (None, None))
        groups[fields["name"]] = loader.group(
            **fields, leader=people.get(leader), deputy_leader=people.get(deputy)
        )
    # A group stated in a pack is taken to hold for the council term in which it is stated.
    for printed, name in P.GROUPS_2013.items():
        loader.group_membership(people[printed], groups[name], *TERM_2013)
    for printed, name in P.GROUPS_2017.items():
        loader.group_membership(people[printed], groups[name], *TERM_2017)
    whelan = people[P.FORMER_MEMBER]
    margate_east = loader.division("Margate East")
    for start, end in WHELAN_TERMS:
        loader.group_membership(whelan, groups["Conservative"], start, end)
        loader.term(whelan, start, end, margate_east)


def _terms(loader: Loader, people: People, term_2013: list[str]) -> None:
    # Every 2013–17 councillor has a term from the 2013 election (how elected: ordinary; a
    # by-election is never stated), with the division only where the packs give it.
    for printed in term_2013:
        name = P.DIVISIONS_2013.get(printed)
        loader.term(people[printed], *TERM_2013, loader.division(name) if name else None)
    for printed in P.SITTING_2017:
        loader.term(people[printed], *TERM_2017)


def _bodies(loader: Loader, people: People, venues: dict[str, Venue]) -> dict[str, Body]:
    bodies = {}
    for spec in B.BODIES:
        spec = dict(spec)
        if "parent" in spec:
            spec["parent"] = bodies[spec["parent"]]
        if "contact" in spec:
            spec["contact_officer"] = people[spec.pop("contact")]
        if "venue" in spec:
            spec["default_venue"] = venues[spec.pop("venue")]
        bodies[spec["name"]] = loader.body(**spec)
    return bodies


def _seats(loader: Loader, people: People, bodies: dict[str, Body], term_2013: list[str]) -> None:
    groups = {g.name: g for g in PoliticalGroup.objects.all()}
    council = bodies[B.COUNCIL]
    year_start, year_end = MUNICIPAL_2015
    for printed in term_2013:
        person = people[printed]
        role = B.COUNCIL_CHAIRS_2015.get(printed)
        if role is None:
            loader.membership(council, person, Role.MEMBER, *TERM_2013)
            continue
        # One membership at a time per body: member, then the chair for 2015/16, then member.
        loader.membership(council, person, Role.MEMBER, TERM_2013[0], year_start - DAY)
        loader.membership(council, person, role, year_start, year_end)
        loader.membership(council, person, Role.MEMBER, year_end + DAY, TERM_2013[1])
    for printed in P.SITTING_2017:
        loader.membership(council, people[printed], Role.MEMBER, *TERM_2017)
    for body, printed, role, (start, end), group in B.SEATS:
        loader.membership(
            bodies[body], people[printed], role, start, end, groups.get(group) if group else None
        )


def _posts(loader: Loader, people: People) -> None:
    posts = {title: loader.post(title, kind=kind) for title, kind in B.POSTS.items()}
    for title, who, start, end in B.HOLDINGS:
        loader.post_holding(people[who], posts[title], start, end)
    for role, who, start, end in B.DESIGNATIONS:
        loader.designation(role, people[who], start, end)


def _meetings(
    loader: Loader, people: People, bodies: dict[str, Body], venues: dict[str, Venue]
) -> None:
    for body, date, fields, items in M.MEETINGS:
        fields = dict(fields)
        if "venue" in fields:
            fields["venue"] = venues[fields["venue"]]
        meeting = loader.meeting(bodies[body], date, **fields)
        if meeting is None:
            continue
        for position, (number, title, purpose, kind, extra) in enumerate(items, start=1):
            extra = dict(extra)
            for role in ("mover", "seconder"):
                if role in extra:
                    extra[role] = people[extra[role]]
            loader.item(meeting, number, title, position * 10, purpose=purpose, kind=kind, **extra)
