"""Statutory records made on the clerk's screen come out right, or are refused with a 400
and nothing saved: a vote after a declaration, declarations under the declarations item,
possible counts, resolutions on their own item's motion, who may chair, and no minutes
before the meeting (docs/statutory-rules.md §2.7, §5.4)."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.testing import TEST_ACTOR
from council.dates import authority_today
from council.models import TermOfOffice
from meetings.models import ItemKind
from moot import testing
from proceedings.attendance import record_attendance, record_declaration
from proceedings.minutes import add_minute
from proceedings.models import (
    Attendance,
    Declaration,
    MinutesRecord,
    MinutesStatus,
    RecordedVote,
    Resolution,
    Vote,
)
from proceedings.votes import add_motion

from .helpers import committee, signed_in_clerk

pytestmark = pytest.mark.django_db


@pytest.fixture
def c(client):
    c = committee()
    c.declarations_item = testing.item(
        c.meeting, "3", "Declarations of interest", kind=ItemKind.DECLARATIONS, order=0
    )
    c.client = signed_in_clerk(client)
    c.url = f"/clerk/meetings/{c.meeting.pk}/?item={c.items[1].pk}"
    for i, m in enumerate(c.members):
        record_attendance(c.meeting, m, "present", in_chair=i == 0, actor=TEST_ACTOR)
    c.motion = add_motion(
        c.meeting,
        "substantive",
        "That the programme be approved.",
        mover=c.members[1],
        seconder=c.members[2],
        item=c.items[1],
        actor=TEST_ACTOR,
    )
    return c


def grid(c, **choices) -> dict:
    """The recorded-vote grid as the page posts it: everyone present, "did not vote" unless
    told otherwise."""
    key = f"rec-{c.motion.pk}"
    data = {"op": "recorded", "motion": c.motion.pk, f"{key}-majority": "simple"}
    for n, m in enumerate(c.members):
        data[f"{key}-vote-{m.pk}"] = choices.get(f"m{n}", "did_not_vote")
    return data


def left_the_room(c) -> None:
    """The fourth member declares a pecuniary interest in the item and leaves the room."""
    record_declaration(
        c.meeting,
        c.items[1],
        c.members[3],
        "dpi",
        "Owns land on the route",
        "left_room",
        actor=TEST_ACTOR,
    )


def test_a_member_who_left_the_room_is_recorded_as_not_voting_and_the_vote_is_taken(c):
    left_the_room(c)
    response = c.client.post(c.url, grid(c, m1="for", m2="for", m4="against"))
    assert response.status_code == 303
    vote = Vote.objects.get(motion=c.motion)
    assert (vote.votes_for, vote.votes_against, vote.result) == (2, 1, "carried")
    assert RecordedVote.objects.get(vote=vote, person=c.members[3]).choice == "did_not_vote"


def test_the_grid_shows_a_member_who_left_the_room_as_not_voting_with_no_keys(c):
    left_the_room(c)
    page = c.client.get(c.url).content.decode()
    barred, voting = c.members[3], c.members[2]
    assert f'name="rec-{c.motion.pk}-vote-{voting.pk}"' in page
    assert f'name="rec-{c.motion.pk}-vote-{barred.pk}"' not in page
    assert "Declared an interest in this item (left the room): recorded as not voting." in page


def test_a_member_who_left_the_room_given_a_vote_is_refused_naming_them(c):
    left_the_room(c)
    response = c.client.post(c.url, grid(c, m1="for", m3="for"))
    assert response.status_code == 400
    assert f"{c.members[3]} declared an interest in this item" in response.content.decode()
    assert not Vote.objects.filter(motion=c.motion).exists()


def test_a_declaration_under_the_declarations_item_attaches_to_the_item_named(c):
    url = f"/clerk/meetings/{c.meeting.pk}/?item={c.declarations_item.pk}"
    page = c.client.get(url).content.decode()
    assert 'name="decl-item"' in page
    response = c.client.post(
        url,
        {
            "op": "declaration",
            "decl-person": c.members[3].pk,
            "decl-item": c.items[1].pk,
            "decl-nature": "dpi",
            "decl-text": "Owns land on the route",
            "decl-participation": "left_room",
        },
    )
    assert response.status_code == 303
    declaration = Declaration.objects.get(meeting=c.meeting)
    assert declaration.item == c.items[1]
    # ... and is checked there: the member cannot vote on item 2.
    refused = c.client.post(c.url, grid(c, m1="for", m3="for"))
    assert refused.status_code == 400
    assert not Vote.objects.filter(motion=c.motion).exists()


def test_a_declaration_left_on_the_declarations_item_itself_is_refused(c):
    url = f"/clerk/meetings/{c.meeting.pk}/?item={c.declarations_item.pk}"
    response = c.client.post(
        url,
        {
            "op": "declaration",
            "decl-person": c.members[3].pk,
            "decl-nature": "other",
            "decl-text": "A governor of the school",
            "decl-participation": "took_part",
        },
    )
    assert response.status_code == 400
    assert "say which item the interest is in" in response.content.decode()
    assert not Declaration.objects.filter(meeting=c.meeting).exists()


def test_a_show_of_hands_larger_than_those_present_is_refused(c):
    key = f"hands-{c.motion.pk}"
    response = c.client.post(
        c.url,
        {
            "op": "hands",
            "motion": c.motion.pk,
            f"{key}-votes_for": 6,
            f"{key}-votes_against": 1,
            f"{key}-abstentions": 0,
            f"{key}-majority": "simple",
        },
    )
    assert response.status_code == 400
    assert "7 votes are counted" in response.content.decode()
    assert not Vote.objects.filter(motion=c.motion).exists()
    c.motion.refresh_from_db()
    assert c.motion.outcome == ""


def test_a_resolution_offers_and_accepts_only_its_own_items_motions(c):
    other = add_motion(
        c.meeting,
        "substantive",
        "That the other item's offer be accepted.",
        mover=c.members[1],
        item=c.items[0],
        actor=TEST_ACTOR,
    )
    minute = add_minute(
        c.meeting, "Highways maintenance programme", item=c.items[1], actor=TEST_ACTOR
    )
    key = f"res-{minute.pk}"
    page = c.client.get(c.url).content.decode()
    choices = page.split(f'name="{key}-motion"')[1].split("</select>")[0]
    assert "That the programme be approved." in choices
    assert "offer be accepted" not in choices
    refused = c.client.post(
        c.url,
        {
            "op": "resolution",
            "minute": minute.pk,
            f"{key}-text": "RESOLVED that:-",
            f"{key}-motion": other.pk,
        },
    )
    assert refused.status_code == 400
    assert not Resolution.objects.filter(minute=minute).exists()
    ok = c.client.post(
        c.url,
        {
            "op": "resolution",
            "minute": minute.pk,
            f"{key}-text": "RESOLVED that:-",
            f"{key}-motion": c.motion.pk,
        },
    )
    assert ok.status_code == 303
    assert Resolution.objects.get(minute=minute).motion == c.motion


def test_a_councillor_whose_term_of_office_ended_cannot_take_the_chair(c):
    TermOfOffice.objects.create(
        person=c.members[1], start=dt.date(2025, 5, 1), end=c.meeting.date - dt.timedelta(days=10)
    )
    response = c.client.post(c.url, {"op": "chair", "chair-person": c.members[1].pk})
    assert response.status_code == 400
    assert "term of office as a councillor ended" in response.content.decode()
    assert Attendance.objects.get(meeting=c.meeting, in_chair=True).person == c.members[0]


def test_minutes_of_a_meeting_still_to_come_cannot_be_published(c):
    assert c.meeting.date > authority_today()
    add_minute(c.meeting, "Highways maintenance programme", item=c.items[1], actor=TEST_ACTOR)
    response = c.client.post(c.url, {"op": "publish"})
    assert response.status_code == 400
    assert "has not yet taken place" in response.content.decode()
    assert not MinutesRecord.objects.filter(
        meeting=c.meeting, status=MinutesStatus.PUBLISHED_DRAFT
    ).exists()
