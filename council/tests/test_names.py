"""People's names are data: display forms are built from parts, and written forms resolve."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.testing import TEST_ACTOR
from council import services
from council.models import Person
from council.names import parse, resolve
from moot import testing as t

pytestmark = pytest.mark.django_db


def test_display_forms():
    p = Person(title="Mrs", forenames="Ann", initials="A D", surname="Allen", honours="MBE")
    assert p.formal_name == "Mrs A D Allen, MBE"
    assert p.short_name == "Mrs Allen"
    assert p.councillor_name == "Councillor A D Allen, MBE"
    assert p.full_name == "Ann Allen"


def test_display_forms_without_initials_or_honours():
    p = Person(title="Mr", surname="Baldock")
    assert p.formal_name == "Mr Baldock"
    assert p.councillor_name == "Councillor Baldock"
    assert p.full_name == "Mr Baldock"


def test_two_honours_and_hyphenated_surname():
    p = Person(title="Mr", initials="P V", surname="Barrington-King", honours="OBE, TD")
    assert p.formal_name == "Mr P V Barrington-King, OBE, TD"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mrs A D Allen, MBE", ("Mrs", "", "A D", "Allen", "MBE")),
        ("Mr R L H Long, TD", ("Mr", "", "R L H", "Long", "TD")),
        ("Mr Charlie Simkin", ("Mr", "Charlie", "", "Simkin", "")),
        ("Mr P V Barrington-King", ("Mr", "", "P V", "Barrington-King", "")),
        ("Dr M R Eddy", ("Dr", "", "M R", "Eddy", "")),
        ("Mr J D Simmonds, MBE", ("Mr", "", "J D", "Simmonds", "MBE")),
        ("Mr Baldock", ("Mr", "", "", "Baldock", "")),
    ],
)
def test_parse(text, expected):
    p = parse(text)
    assert (p.title, p.forenames, p.initials, p.surname, p.honours) == expected


# Surnames not in the demo council, which the test database holds.
def test_resolve_by_initial_subset_and_by_recorded_form():
    marsh = t.person("Marshwood", initials="R A")
    chard = t.person("Chardley", initials="N J D")
    t.person("Harriston", initials="M J")
    ms_harriston = t.person("Harriston", title="Ms", initials="A")
    assert resolve("Mr A Marshwood") == marsh
    assert resolve("Ms A Harriston") == ms_harriston
    assert resolve("Mr Harriston") is not None  # only one Mr Harriston
    assert resolve("Mr Nick Chardley") == chard  # initial N agrees with the forename
    services.add_name_form(marsh, "Bob Marshwood", "informal", actor=TEST_ACTOR)
    assert resolve("Bob Marshwood") == marsh


def test_resolve_refuses_ambiguity_and_disagreement():
    t.person("Elenorby", initials="J")
    t.person("Elenorby", initials="M")
    assert resolve("Mr Elenorby") is None  # both are written "Mr" here: ambiguous
    assert resolve("Mr J Elenorby") is not None
    assert resolve("Mr Q Elenorby") is None  # no such initial
    assert resolve("Mr Nobody Nowhere") is None


def test_resolve_within_candidates():
    a = t.person("Smithers", initials="C P")
    b = t.person("Smithers", initials="C R")
    assert resolve("Mr C Smithers") is None
    assert resolve("Mr C Smithers", candidates=[a]) == a
    assert resolve("Mr C Smithers", candidates=Person.objects.filter(pk=b.pk)) == b


NAME = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), min_size=2, max_size=12)


@given(
    title=st.sampled_from(["Mr", "Mrs", "Ms", "Miss", "Dr"]),
    initials=st.lists(st.sampled_from("ABCDEFGHJKLMNPRSTW"), max_size=3),
    surname=NAME.map(lambda s: s[0].upper() + s[1:].lower()),
    honours=st.sampled_from(["", "MBE", "OBE", "CBE", "TD", "OBE, TD"]),
)
def test_parse_reads_back_every_formal_name(title, initials, surname, honours):
    person = Person(title=title, initials=" ".join(initials), surname=surname, honours=honours)
    parsed = parse(person.formal_name)
    assert (parsed.title, parsed.initials, parsed.surname, parsed.honours) == (
        title,
        " ".join(initials),
        surname,
        honours,
    )
