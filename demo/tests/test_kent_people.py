"""The Kent demo's people: names exactly as printed, every written form resolvable, and
divisions and groups only where a pack states them."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from council.models import Division, GroupMembership, Membership, Person, TermOfOffice
from council.names import resolve
from demo.kent import people as P

pytestmark = pytest.mark.django_db

SEEDS = Path(os.environ.get("MOOT_SEEDS_DIR", "/work/shared/seeds"))
SEED_2015 = SEEDS / "kcc-2015-12-10-county-council-summons-and-agenda-pack.txt"
# Minute 43 of 22 October 2015 (002:255–289), kept here so the test runs without the seeds.
EXCERPT = Path(__file__).with_name("seed_votes_2015_10_22.txt")


def vote_lists(text: str) -> list[tuple[str, int, list[str]]]:
    """Each "For (64)" / "Against (4)" / "Abstain (4)" heading with the names listed under it."""
    lines = [line.strip() for line in text.splitlines()]
    found = []
    for i, line in enumerate(lines):
        heading = re.fullmatch(r"(For|Against|Abstain) \((\d+)\)", line)
        if heading:
            names_line = next(x for x in lines[i + 1 :] if x)
            names = [n.strip() for n in names_line.split(",") if n.strip()]
            found.append((heading[1], int(heading[2]), names))
    return found


def test_the_vote_excerpt_is_the_seed_text():
    assert SEED_2015.exists(), f"the seed packs belong at {SEEDS} (or set MOOT_SEEDS)"
    assert EXCERPT.read_text() in SEED_2015.read_text()


def test_every_vote_list_name_resolves_to_one_councillor_present_that_day():
    lists = vote_lists(EXCERPT.read_text())
    assert [(label, count) for label, count, _ in lists] == [
        ("For", 64),
        ("Against", 4),
        ("Abstain", 4),
        ("For", 62),
        ("Against", 3),
        ("Abstain", 1),
    ]
    on_the_day = set(
        Membership.objects.on(dt.date(2015, 10, 22))
        .filter(body__name="County Council")
        .values_list("person_id", flat=True)
    )
    for label, count, names in lists:
        assert len(names) == count, label
        for name in names:
            person = resolve(name)
            assert person is not None, f"{name} ({label}) does not resolve"
            assert person.surname == name.split()[-1]
            assert person.pk in on_the_day, name


def test_namesakes_resolve_apart():
    assert resolve("Mr M Harrison").formal_name == "Mr M J Harrison"
    assert resolve("Ms A Harrison").formal_name == "Ms A Harrison"
    assert resolve("Mr J Elenor").formal_name == "Mr J Elenor"
    assert resolve("Mrs M Elenor").formal_name == "Mrs M Elenor"
    assert resolve("Mr N Bond").formal_name == "Mr N J Bond"
    assert resolve("Mr T Bond").formal_name == "Mr T Bond"


def test_everyone_present_on_22_october_2015_is_recorded_as_printed():
    printed = [P.CHAIRMAN_2015, P.VICE_CHAIRMAN_2015, *P.split_list(P.PRESENT_2015)]
    assert len(printed) == 74
    formal = set(Person.objects.values_list("title", "initials", "surname", "honours"))
    formal_names = {
        Person(title=t, initials=i, surname=s, honours=h).formal_name for t, i, s, h in formal
    }
    missing = [name for name in printed if name not in formal_names]
    assert missing == []
    assert "Mrs A D Allen, MBE" in printed and "Mr R L H Long, TD" in printed
    assert "Dr M R Eddy" in printed


@pytest.mark.parametrize(
    "written, formal",
    [
        ("Mr Baldock", "Mr Baldock"),
        ("Mrs Brivio", "Mrs Brivio"),
        ("Mr Chittenden", "Mr Chittenden"),
        ("Mrs Dagger", "Mrs Dagger"),
        ("Mr King", "Mr A J King, MBE"),
        ("Mr Koowaree", "Mr Koowaree"),
        ("Mr Latchford", "Mr R A Latchford, OBE"),
        ("Mr MacDowall", "Mr B E MacDowall"),
        ("Mr Truelove", "Mr Truelove"),
    ],
)
def test_the_apologies_of_22_october_2015_are_councillors(written, formal):
    person = resolve(written)
    assert person is not None and person.formal_name == formal
    assert TermOfOffice.objects.filter(person=person, start=dt.date(2013, 5, 2)).exists()


def test_forenames_only_where_a_pack_states_them():
    assert Person.objects.get(slug="george-koowaree").full_name == "George Koowaree"
    assert Person.objects.get(surname="Brookbank").forenames == "Robert"
    assert Person.objects.get(surname="Carter").forenames == "Paul"
    assert Person.objects.get(surname="Sweetland").forenames == ""
    assert Person.objects.get(surname="Simkins").forenames == ""  # "Charlie Simkin" is a variant


@pytest.mark.parametrize(
    "form, formal",
    [
        ("Mr A Marsh", "Mr R A Marsh"),
        ("Mr M Hill", "Mr P M Hill, OBE"),
        ("Mr A Wickham", "Mr M A Wickham"),
        ("Ms S Howes", "Mrs S Howes"),
        ("Mr Leyland Ridings", "Mr L B Ridings, MBE"),
        ("Mr Nick Chard", "Mr N J D Chard"),
        ("Mrs Paulina Stockell", "Mrs P A V Stockell"),
        ("Mrs Pauline Stockell", "Mrs P A V Stockell"),
        ("Mrs Zita Wilshire", "Mrs Z Wiltshire"),
        ("Mr Bob Neeves", "Mr B Neaves"),
        ("Mr Charlie Simkin", "Mr C Simkins"),
    ],
)
def test_name_forms_are_recorded_and_resolve(form, formal):
    person = resolve(form)
    assert person is not None and person.formal_name == formal
    assert person.name_forms.filter(text=form).exists()


def test_officers_are_recorded_with_forenames_as_given():
    assert Person.objects.get(slug="john-lynch").full_name == "John Lynch"
    watts = Person.objects.get(surname="Watts")
    assert (watts.title, watts.initials, watts.forenames) == ("Mr", "B", "Ben")
    assert Person.objects.get(surname="Wickenden").formal_name == "Mr P D Wickenden"
    for surname in ("Sass", "Tait", "Hunter", "Cockburn", "Wild"):
        assert Person.objects.filter(surname=surname).count() == 1, surname


def test_divisions_where_stated_and_absent_where_not():
    term_2013 = dt.date(2013, 5, 2)
    divisions = dict(
        TermOfOffice.objects.filter(start=term_2013, division__isnull=False).values_list(
            "person__surname", "division__name"
        )
    )
    assert divisions == {
        "Brookbank": "Swanley",
        "Cribbon": "Gravesham East",
        "Koowaree": "Ashford East",
        "Neaves": "Folkestone South",
        "Northey": "Canterbury South East",
        "Parry": "Sevenoaks West",
        "Stockell": "Maidstone Rural West",
        "Whittle": "Maidstone Rural East",
        "Wiltshire": "Broadstairs and Sir Moses Montefiore",
    }
    sweetland = TermOfOffice.objects.get(person__surname="Sweetland", start=term_2013)
    assert sweetland.division is None and sweetland.end == dt.date(2017, 5, 3)
    assert TermOfOffice.objects.filter(start=term_2013).count() == 84
    whelan = TermOfOffice.objects.filter(person__surname="Whelan").order_by("start")
    assert [(t.start.year, t.end.year, t.division.name) for t in whelan] == [
        (1989, 1993, "Margate East"),
        (2001, 2005, "Margate East"),
    ]
    assert Division.objects.count() == 10


def test_second_terms_only_for_those_known_to_sit_in_2017():
    sitting = set(
        TermOfOffice.objects.filter(start=dt.date(2017, 5, 4)).values_list(
            "person__surname", flat=True
        )
    )
    assert {"Sweetland", "Marsh", "Constantine", "Hotson", "Homewood"} <= sitting
    assert "Allen" not in sitting and "Latchford" not in sitting
    assert len(sitting) == len(P.SITTING_2017)


def test_groups_only_where_stated():
    def group_on(surname: str, day: dt.date, **kw) -> str | None:
        gm = (
            GroupMembership.objects.filter(
                person__surname=surname, start__lte=day, end__gte=day, **kw
            ).first()
            or GroupMembership.objects.filter(
                person__surname=surname, start__lte=day, end__isnull=True, **kw
            ).first()
        )
        return gm.group.name if gm else None

    in_2015, in_2017 = dt.date(2015, 10, 22), dt.date(2017, 9, 15)
    assert group_on("Allen", in_2015) == "Conservative"
    assert group_on("Wiltshire", in_2015) == "UKIP"
    assert group_on("Whybrow", in_2015) == "Independents Group"
    assert group_on("Cowan", in_2015) == "Labour"
    assert group_on("Constantine", in_2017) == "Labour"
    assert group_on("Bird", in_2017) == "Liberal Democrat"
    # Not stated: nothing recorded (the website says "not recorded").
    assert group_on("Elenor", in_2015) is None
    assert group_on("Bird", in_2015) is None
    # Stated only as Cabinet Members in 2017 (004:98, 348–350, 671): no group recorded.
    for cabinet_member in ("Carey", "Hotson", "Simmonds", "Oakford"):
        assert group_on(cabinet_member, in_2017) is None
    # A substitute for a Conservative member at P&R on 16 June 2017 (004:114) sits for the
    # member's group (people.GROUPS_2017).
    assert group_on("Cooke", in_2017) == group_on("Homewood", in_2017) == "Conservative"
    assert not GroupMembership.objects.filter(
        person__surname="Harrison", person__initials="M J"
    ).exists()
    assert group_on("Whelan", dt.date(1990, 1, 1)) == "Conservative"
