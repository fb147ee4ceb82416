"""Clash checks (meetings/clashes.py): warnings for a meeting or a proposed one."""

import datetime as dt

import pytest

from audit.testing import TEST_ACTOR
from council import services as council_services
from council.models import Authority, BodyKind, Role, TermOfOffice
from meetings.clashes import (
    DEFAULT_MEETING_LENGTH,
    ClashKind,
    Proposal,
    clashes_for,
    clashes_for_each,
)
from meetings.models import ClosureDay, MeetingStatus
from moot import testing as t

pytestmark = pytest.mark.django_db

D = dt.date
DAY = D(2030, 1, 15)  # a Tuesday, years after the demo's meetings
TEN = dt.time(10)
FROM = D(2029, 5, 1)  # the memberships start


def appoint(body, person, role=Role.MEMBER, start=FROM):
    return council_services.appoint(body, person, role, start=start, actor=TEST_ACTOR)


@pytest.fixture
def council():
    """Two committees sharing a member and a venue; the cabinet meets at 10 on DAY."""
    room = t.venue("Clash Room")
    planning, cabinet = t.body("Clash Planning"), t.body("Clash Cabinet")
    chair, shared, only_planning = t.person("Chairperson"), t.person("Both"), t.person("Planner")
    appoint(planning, chair, Role.CHAIRMAN)
    appoint(planning, shared)
    appoint(planning, only_planning)
    appoint(cabinet, shared)
    meeting = t.meeting(cabinet, DAY, start_time=TEN, venue=room)
    return {
        "room": room,
        "planning": planning,
        "cabinet": cabinet,
        "chair": chair,
        "shared": shared,
        "meeting": meeting,
    }


def kinds(clashes):
    return sorted(c.kind for c in clashes)


def test_the_venue_and_a_member_clash_with_another_meeting(council):
    clashes = clashes_for(Proposal(council["planning"], DAY, dt.time(11), council["room"]))
    assert kinds(clashes) == [ClashKind.MEMBERS, ClashKind.VENUE]
    venue, members = sorted(clashes, key=lambda c: c.kind, reverse=True)
    assert venue.other == members.other == council["meeting"]
    assert venue.message == (
        "Clash Room, Test House is booked for the meeting of Clash Cabinet "
        "at 10.00 am on Tuesday, 15 January 2030."
    )
    assert members.people == (council["shared"],)
    assert members.message == (
        f"{council['shared']} serves on both Clash Planning and Clash Cabinet, which meets at "
        "10.00 am on Tuesday, 15 January 2030."
    )


def test_a_meeting_lasts_the_default_length_unless_its_end_is_recorded(council):
    length = int(DEFAULT_MEETING_LENGTH.total_seconds() // 60)
    end = dt.datetime.combine(DAY, TEN) + dt.timedelta(minutes=length)
    just_after, just_before = end.time(), (end - dt.timedelta(minutes=1)).time()
    assert clashes_for(Proposal(council["planning"], DAY, just_after, council["room"])) == []
    assert clashes_for(Proposal(council["planning"], DAY, just_before, council["room"]))
    council["meeting"].end_time = dt.time(11)
    council["meeting"].save()
    assert clashes_for(Proposal(council["planning"], DAY, dt.time(11), council["room"])) == []
    # A meeting with no start time recorded may be at any time that day.
    assert kinds(clashes_for(Proposal(council["planning"], DAY, None, council["room"]))) == [
        ClashKind.MEMBERS,
        ClashKind.VENUE,
    ]


def test_the_chair_is_named_first_with_the_office(council):
    appoint(council["cabinet"], council["chair"])
    (clash,) = clashes_for(Proposal(council["planning"], DAY, TEN))
    chair = Authority.current().role_label(Role.CHAIRMAN)
    assert clash.people == (council["chair"], council["shared"])
    assert clash.message.startswith(
        f"{council['chair']} ({chair} of Clash Planning) and {council['shared']} serve on both"
    )


def test_a_cancelled_meeting_and_the_meeting_itself_clash_with_nothing(council):
    assert clashes_for(council["meeting"]) == []
    council["meeting"].status = MeetingStatus.CANCELLED
    council["meeting"].save()
    assert clashes_for(Proposal(council["planning"], DAY, TEN, council["room"])) == []


def test_moving_a_meeting_is_checked_without_its_old_date(council):
    moved = t.meeting(council["planning"], D(2030, 1, 22), start_time=TEN, venue=council["room"])
    moved.date = DAY
    assert kinds(clashes_for(moved)) == [ClashKind.MEMBERS, ClashKind.VENUE]
    assert kinds(clashes_for(Proposal.of(moved))) == [ClashKind.MEMBERS, ClashKind.VENUE]


def test_the_body_meeting_twice_at_once(council):
    (clash,) = clashes_for(Proposal(council["cabinet"], DAY, dt.time(12)))
    assert (clash.kind, clash.other) == (ClashKind.BODY, council["meeting"])
    assert (
        clash.message
        == "Clash Cabinet already has a meeting at 10.00 am on Tuesday, 15 January 2030."
    )


def test_the_proposals_of_a_programme_are_checked_against_each_other(council):
    later = D(2030, 2, 12)
    first, second = clashes_for_each(
        [
            Proposal(council["planning"], later, TEN, council["room"]),
            Proposal(council["cabinet"], later, dt.time(12), council["room"]),
        ]
    )
    assert kinds(first) == kinds(second) == [ClashKind.MEMBERS, ClashKind.VENUE]
    assert {c.other for c in first + second} == {None}
    assert (
        "the proposed meeting of Clash Cabinet at 12.00 pm" in first[1].message + first[0].message
    )


def test_a_councillor_on_the_full_council_by_their_term_of_office(council):
    full = t.body("Clash Council", kind=BodyKind.COUNCIL)
    TermOfOffice.objects.create(person=council["shared"], start=D(2029, 5, 1))
    t.meeting(full, D(2030, 3, 5), start_time=TEN)
    (clash,) = clashes_for(Proposal(council["cabinet"], D(2030, 3, 5), dt.time(11)))
    assert clash.kind == ClashKind.MEMBERS and council["shared"] in clash.people


@pytest.mark.parametrize(
    "day, message",
    [
        (D(2030, 12, 25), "Wednesday, 25 December 2030 is a bank holiday (Christmas Day)."),
        (D(2030, 1, 19), "Saturday, 19 January 2030 is a weekend day."),
        (D(2030, 1, 16), "The offices are closed on Wednesday, 16 January 2030 (Office move)."),
    ],
)
def test_a_day_the_offices_are_closed(council, day, message):
    ClosureDay.objects.create(date=D(2030, 1, 16), reason="Office move")
    (clash,) = clashes_for(Proposal(council["planning"], day, TEN))
    assert (clash.kind, clash.message, clash.other) == (ClashKind.DAY, message, None)


@pytest.mark.parametrize(
    "day, message",
    [
        # The demo's today is Saturday 16 September 2017.
        (D(2017, 9, 20), "published by Tuesday, 12 September 2017 to give 5 clear days"),
        (D(2017, 9, 1), "Friday, 1 September 2017 has passed."),
    ],
)
def test_the_papers_deadline_passed(council, day, message):
    (clash,) = clashes_for(Proposal(council["planning"], day, TEN))
    assert clash.kind == ClashKind.DEADLINE and message in clash.message


def test_a_deadline_still_to_come_is_no_clash(council):
    # Publishing by Thursday 21 September still gives five clear days before 29 September.
    assert clashes_for(Proposal(council["planning"], D(2017, 9, 29), TEN)) == []
    ClosureDay.objects.create(date=D(2017, 9, 22), reason="Closed")
    # With the 22nd closed, the deadline is the 20th: still to come.
    assert clashes_for(Proposal(council["planning"], D(2017, 9, 29), TEN)) == []


def test_a_year_s_programme_is_checked_in_a_few_queries(council, django_assert_max_num_queries):
    days = [D(2030, month, 15) for month in range(1, 13)]
    for n in range(6):
        appoint(council["cabinet"], t.person(f"Cabinet{n}"))
        appoint(council["planning"], t.person(f"Planning{n}"))
    for day in days[1:]:
        t.meeting(council["cabinet"], day, start_time=TEN, venue=council["room"])
    proposals = [Proposal(council["planning"], day, TEN, council["room"]) for day in days]
    with django_assert_max_num_queries(6):
        found = clashes_for_each(proposals)
    assert [kinds(clashes) for clashes in found] == [
        sorted([ClashKind.MEMBERS, ClashKind.VENUE] + ([ClashKind.DAY] if d.weekday() >= 5 else []))
        for d in days
    ]
    meetings = list(council["cabinet"].meetings.all())
    with django_assert_max_num_queries(7):  # the meetings' bodies and venues besides
        assert len(clashes_for_each(meetings)) == 12
