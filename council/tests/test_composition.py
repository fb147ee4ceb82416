"""The membership of a body in the seeds' printed form."""

import datetime as dt

import pytest

from audit.testing import TEST_ACTOR
from council import services
from council.composition import composition
from council.models import Authority, Role
from moot import testing as t

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def committee():
    if not Authority.objects.exists():
        Authority.objects.create(name="Test Council", short_name="TC", chair_form="Chairman")
    b = t.body(seats=6)
    con, lab = t.group("Conservative"), t.group("Labour")
    start = D(2017, 5, 25)
    for surname, initials, role, g in [
        ("Thomas", "I", Role.MEMBER, con),
        ("Sweetland", "B J", Role.CHAIRMAN, con),
        ("Bond", "T", Role.MEMBER, con),
        ("Marsh", "R A", Role.VICE_CHAIRMAN, con),
    ]:
        services.appoint(
            b, t.person(surname, initials=initials), role, start, group=g, actor=TEST_ACTOR
        )
    constantine = t.person("Constantine", title="Ms", initials="K")
    t.join_group(constantine, lab, D(2013, 5, 2))
    services.appoint(
        b, constantine, Role.MEMBER, start, actor=TEST_ACTOR
    )  # group from her group membership
    services.appoint(b, None, Role.MEMBER, start, actor=TEST_ACTOR)  # a vacant seat
    services.appoint(b, t.person("Cooke", initials="G"), Role.SUBSTITUTE, start, actor=TEST_ACTOR)
    return b


def test_groups_ordered_largest_first_with_chairs_first(committee):
    c = composition(committee, D(2017, 9, 15))
    assert c.heading == "Membership (5)"
    assert [g.text for g in c.groups] == [
        "Conservative (4): Mr B J Sweetland (Chairman), Mr R A Marsh (Vice-Chairman), "
        "Mr T Bond and Mr I Thomas",
        "Labour (1): Ms K Constantine",
    ]
    assert c.vacancies == 1
    assert [s.label for s in c.others] == ["Mr G Cooke (Substitute)"]


def test_the_authority_style_of_chair_is_used(committee):
    Authority.objects.update(chair_form="Chair")
    c = composition(committee, D(2017, 9, 15))
    assert c.groups[0].names.startswith("Mr B J Sweetland (Chair), Mr R A Marsh (Vice-Chair)")


def test_composition_is_as_at_the_day(committee):
    assert composition(committee, D(2017, 5, 24)).total == 0


def test_member_with_no_recorded_group_is_shown_as_not_recorded():
    b = t.body()
    services.appoint(b, t.person("Unknown"), Role.MEMBER, D(2017, 1, 1), actor=TEST_ACTOR)
    assert composition(b, D(2017, 2, 1)).groups[0].text == "Group not recorded (1): Mr A Unknown"


def test_composition_query_count_does_not_grow_with_members(
    committee, django_assert_max_num_queries
):
    for _ in range(3):
        services.appoint(t.body(), t.person(), Role.MEMBER, D(2017, 5, 25), actor=TEST_ACTOR)
    with django_assert_max_num_queries(3):
        composition(committee, D(2017, 9, 15))
