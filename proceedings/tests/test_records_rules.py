"""The rules behind the statutory record, at the service (every screen, command and loader
calls these): votes after declarations, declarations' items, possible counts, resolutions on
their own item's motion, who may chair, and no minutes before the meeting."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.testing import TEST_ACTOR
from council.models import TermOfOffice
from meetings.models import AgendaItem, ItemKind
from meetings.services import save_agenda_item
from proceedings.attendance import change_chair, record_attendance, record_declaration
from proceedings.minutes import add_minute, add_resolution, publish_minutes
from proceedings.models import Declaration, MinutesRecord, RecordedVote, Resolution
from proceedings.votes import add_motion, correct_vote, record_vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def sitting(committee):
    c = committee
    for i, m in enumerate(c.members[:6]):
        record_attendance(c.meeting, m, "present", in_chair=i == 0, actor=TEST_ACTOR)
    c.motion = add_motion(
        c.meeting,
        "substantive",
        "That the report be noted.",
        mover=c.members[1],
        seconder=c.members[2],
        item=c.items[1],
        actor=TEST_ACTOR,
    )
    return c


def test_a_barred_member_not_named_is_recorded_as_not_voting(sitting):
    c = sitting
    record_declaration(
        c.meeting, c.items[1], c.members[3], "dpi", "Owns the site", "left_room", actor=TEST_ACTOR
    )
    vote = record_vote(
        c.motion,
        "recorded",
        choices=[(c.members[1], "for"), (c.members[2], "against")],
        casting_vote="for",
        actor=TEST_ACTOR,
    )
    assert RecordedVote.objects.get(vote=vote, person=c.members[3]).choice == "did_not_vote"
    assert (vote.votes_for, vote.votes_against) == (1, 1)


def test_a_barred_member_named_as_not_voting_is_accepted_and_a_vote_refused(sitting):
    c = sitting
    record_declaration(
        c.meeting, c.items[1], c.members[3], "other", "Governor", "took_no_part", actor=TEST_ACTOR
    )
    with pytest.raises(ValidationError, match="declared an interest in this item"):
        record_vote(c.motion, "recorded", choices=[(c.members[3], "for")], actor=TEST_ACTOR)
    vote = record_vote(
        c.motion,
        "recorded",
        choices=[(c.members[1], "for"), (c.members[3], "did_not_vote")],
        actor=TEST_ACTOR,
    )
    assert vote.result == "carried"
    with pytest.raises(ValidationError, match="declared an interest in this item"):
        correct_vote(
            vote, choices=[(c.members[1], "for"), (c.members[3], "against")], actor=TEST_ACTOR
        )


def test_a_declaration_on_the_declarations_item_itself_is_refused(committee):
    c = committee
    record_attendance(c.meeting, c.members[1], "present", actor=TEST_ACTOR)
    item = save_agenda_item(
        AgendaItem(meeting=c.meeting, number="4", title="Declarations", kind=ItemKind.DECLARATIONS),
        actor=TEST_ACTOR,
    )
    with pytest.raises(ValidationError, match="say which item the interest is in"):
        record_declaration(
            c.meeting, item, c.members[1], "other", "Governor", "took_part", actor=TEST_ACTOR
        )
    assert not Declaration.objects.filter(meeting=c.meeting).exists()
    record_declaration(
        c.meeting, c.items[2], c.members[1], "other", "Governor", "took_part", actor=TEST_ACTOR
    )


def test_hands_are_no_more_than_those_present_on_recording_and_correction(sitting):
    c = sitting
    with pytest.raises(ValidationError, match="only 6 members are recorded present"):
        record_vote(c.motion, "show_of_hands", counts=(5, 1, 1), actor=TEST_ACTOR)
    vote = record_vote(c.motion, "show_of_hands", counts=(5, 1, 0), actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="7 votes are counted"):
        correct_vote(vote, counts=(5, 1, 1), actor=TEST_ACTOR)
    vote.refresh_from_db()
    assert (vote.votes_for, vote.votes_against, vote.abstentions) == (5, 1, 0)


def test_a_resolution_records_only_a_motion_on_its_minutes_item(sitting):
    c = sitting
    elsewhere = add_motion(
        c.meeting,
        "substantive",
        "That the exempt offer be accepted.",
        mover=c.members[1],
        item=c.items[2],
        actor=TEST_ACTOR,
    )
    minute = add_minute(c.meeting, "Report", item=c.items[1], actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="cannot record a motion on item 3"):
        add_resolution(
            minute, "RESOLVED that:", ["the offer be accepted"], motion=elsewhere, actor=TEST_ACTOR
        )
    assert not Resolution.objects.filter(minute=minute).exists()
    assert (
        add_resolution(
            minute, "RESOLVED that:", ["noted"], motion=c.motion, actor=TEST_ACTOR
        ).motion
        == c.motion
    )
    no_item = add_minute(c.meeting, "Exclusion of the press and public", actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="is on no agenda item"):
        add_resolution(no_item, "RESOLVED that:", ["excluded"], motion=c.motion, actor=TEST_ACTOR)


def test_the_admin_limits_a_resolutions_motions_and_refuses_another_items(sitting, admin_client):
    c = sitting
    elsewhere = add_motion(
        c.meeting,
        "substantive",
        "That the exempt offer be accepted.",
        mover=c.members[1],
        item=c.items[2],
        actor=TEST_ACTOR,
    )
    minute = add_minute(c.meeting, "Report", item=c.items[1], actor=TEST_ACTOR)
    resolution = add_resolution(minute, "RESOLVED that:", ["noted"], actor=TEST_ACTOR)
    url = reverse("admin:proceedings_resolution_change", args=[resolution.pk])
    page = admin_client.get(url).content.decode()
    choices = page.split('name="motion"')[1].split("</select>")[0]
    assert "That the report be noted." in choices and "exempt offer" not in choices
    posted = admin_client.post(
        url,
        {
            "minute": minute.pk,
            "motion": elsewhere.pk,
            "text": "RESOLVED that:",
            "parts": '["noted"]',
            "delegated_to": "",
            "in_consultation_with": "",
        },
    )
    assert posted.status_code == 200  # the form again, with the error
    resolution.refresh_from_db()
    assert resolution.motion is None


def test_a_councillor_whose_term_has_ended_cannot_chair(committee):
    c = committee
    TermOfOffice.objects.create(
        person=c.members[1], start=dt.date(2013, 5, 1), end=c.meeting.date - dt.timedelta(days=1)
    )
    with pytest.raises(ValidationError, match="term of office as a councillor ended"):
        record_attendance(c.meeting, c.members[1], "present", in_chair=True, actor=TEST_ACTOR)
    record_attendance(c.meeting, c.members[1], "present", actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="term of office as a councillor ended"):
        change_chair(c.meeting, c.members[1], actor=TEST_ACTOR)
    TermOfOffice.objects.create(person=c.members[2], start=dt.date(2013, 5, 1))
    record_attendance(c.meeting, c.members[2], "present", in_chair=True, actor=TEST_ACTOR)


def test_minutes_are_not_published_before_the_meeting(committee, monkeypatch):
    c = committee
    add_minute(c.meeting, "Report", item=c.items[1], actor=TEST_ACTOR)
    monkeypatch.setattr(
        "proceedings.minutes.authority_today", lambda: c.meeting.date - dt.timedelta(days=1)
    )
    with pytest.raises(ValidationError, match="has not yet taken place"):
        publish_minutes(c.meeting, actor=TEST_ACTOR)
    assert not MinutesRecord.objects.filter(meeting=c.meeting, status="published_draft").exists()
    monkeypatch.undo()
    assert publish_minutes(c.meeting, actor=TEST_ACTOR).status == "published_draft"
