"""Motions, amendments and votes."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from audit.testing import TEST_ACTOR
from proceedings.attendance import record_attendance, record_declaration
from proceedings.models import Motion, Outcome, RecordedVote, Vote
from proceedings.votes import add_motion, agree_without_vote, record_vote, withdraw

P = "present"


@pytest.fixture
def sitting(committee):
    """Members 0–5 present (0 in the chair), 6 apologies, an officer and an outsider."""
    c = committee
    record_attendance(c.meeting, c.members[0], P, in_chair=True, actor=TEST_ACTOR)
    for m in c.members[1:6]:
        record_attendance(c.meeting, m, P, actor=TEST_ACTOR)
    record_attendance(c.meeting, c.members[6], "apologies", actor=TEST_ACTOR)
    record_attendance(c.meeting, c.outsider, "also_present", actor=TEST_ACTOR)
    record_attendance(c.meeting, c.officer, "in_attendance", capacity="Clerk", actor=TEST_ACTOR)
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


def test_recorded_vote_happy_path(sitting):
    c = sitting
    m = c.members
    vote = record_vote(
        c.motion,
        "recorded",
        counts=(3, 1, 1),
        choices=[
            (m[1], "for"),
            (m[2], "for"),
            (m[3], "for"),
            (m[4], "against"),
            (m[5], "abstain"),
            (m[0], "did_not_vote"),
        ],
        actor=TEST_ACTOR,
    )
    assert (vote.votes_for, vote.votes_against, vote.abstentions) == (3, 1, 1)
    assert vote.result == "carried" and vote.warnings == ""
    assert RecordedVote.objects.filter(vote=vote).count() == 6
    c.motion.refresh_from_db()
    assert c.motion.outcome == Outcome.CARRIED


@pytest.mark.parametrize(
    ("who", "message"),
    [
        (6, "not recorded as a member present"),
        ("outsider", "not recorded as a member present"),
        ("officer", "not recorded as a member present"),
    ],
)
def test_recorded_vote_refuses_those_not_entitled(sitting, who, message):
    c = sitting
    person = c.members[who] if isinstance(who, int) else getattr(c, who)
    with pytest.raises(ValidationError, match=message):
        record_vote(
            c.motion, "recorded", choices=[(c.members[1], "for"), (person, "for")], actor=TEST_ACTOR
        )
    assert not Vote.objects.filter(motion=c.motion).exists()
    assert not RecordedVote.objects.filter(vote__motion=c.motion).exists()
    c.motion.refresh_from_db()
    assert c.motion.outcome == ""


def test_recorded_vote_refuses_duplicates_and_mismatched_counts(sitting):
    c = sitting
    with pytest.raises(ValidationError, match="listed twice"):
        record_vote(
            c.motion,
            "recorded",
            choices=[(c.members[1], "for"), (c.members[1], "against")],
            actor=TEST_ACTOR,
        )
    with pytest.raises(ValidationError, match="do not match the names"):
        record_vote(
            c.motion,
            "recorded",
            counts=(2, 0, 0),
            choices=[(c.members[1], "for")],
            actor=TEST_ACTOR,
        )
    assert not Vote.objects.filter(motion=c.motion).exists()


def test_member_who_left_the_room_cannot_vote(sitting):
    c = sitting
    record_declaration(
        c.meeting, c.items[1], c.members[3], "dpi", "Owns the site", "left_room", actor=TEST_ACTOR
    )
    with pytest.raises(ValidationError, match="declared an interest"):
        record_vote(c.motion, "recorded", choices=[(c.members[3], "for")], actor=TEST_ACTOR)


def test_tie_needs_casting_vote(sitting):
    c = sitting
    with pytest.raises(ValidationError, match="record the chair's casting vote"):
        record_vote(c.motion, "show_of_hands", counts=(2, 2, 1), actor=TEST_ACTOR)
    vote = record_vote(
        c.motion, "show_of_hands", counts=(2, 2, 1), casting_vote="against", actor=TEST_ACTOR
    )
    assert vote.result == "lost"


def test_casting_vote_without_tie_refused(sitting):
    with pytest.raises(ValidationError, match="only when the votes are equal"):
        record_vote(
            sitting.motion, "show_of_hands", counts=(3, 2, 0), casting_vote="for", actor=TEST_ACTOR
        )


def test_inquorate_vote_is_warned(committee):
    c = committee
    record_attendance(c.meeting, c.members[0], P, in_chair=True, actor=TEST_ACTOR)
    motion = add_motion(c.meeting, "procedural", "That the meeting be adjourned.", actor=TEST_ACTOR)
    vote = record_vote(motion, "show_of_hands", counts=(1, 0, 0), actor=TEST_ACTOR)
    assert "inquorate" in vote.warnings
    assert vote.result == "carried"


def test_more_hands_than_members_present_is_refused(committee):
    c = committee
    record_attendance(c.meeting, c.members[0], P, in_chair=True, actor=TEST_ACTOR)
    motion = add_motion(c.meeting, "procedural", "That the meeting be adjourned.", actor=TEST_ACTOR)
    with pytest.raises(
        ValidationError, match="7 votes are counted .* only 1 member is recorded present"
    ):
        record_vote(motion, "show_of_hands", counts=(6, 1, 0), actor=TEST_ACTOR)
    assert not Vote.objects.filter(motion=motion).exists()
    motion.refresh_from_db()
    assert motion.outcome == ""


def test_second_vote_and_decided_motion_refused(sitting):
    c = sitting
    record_vote(c.motion, "show_of_hands", counts=(4, 1, 0), actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="already been voted on"):
        record_vote(c.motion, "show_of_hands", counts=(4, 1, 0), actor=TEST_ACTOR)
    other = add_motion(c.meeting, "substantive", "Another.", mover=c.members[3], actor=TEST_ACTOR)
    withdraw(other, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="already been decided"):
        agree_without_vote(other, actor=TEST_ACTOR)


def test_two_thirds_of_members_uses_whole_membership(sitting):
    # 8 members: 5 for is less than two-thirds of 8 even with nobody against.
    vote = record_vote(
        sitting.motion,
        "show_of_hands",
        counts=(5, 0, 0),
        majority="two_thirds_members",
        actor=TEST_ACTOR,
    )
    assert vote.members == 8 and vote.result == "lost"


def test_carried_amendment_becomes_substantive_motion(sitting):
    c = sitting
    amendment = add_motion(
        c.meeting,
        "amendment",
        'Add "and officers report back in March."',
        mover=c.members[3],
        seconder=c.members[4],
        amends=c.motion,
        resulting_text="That the report be noted and officers report back in March.",
        actor=TEST_ACTOR,
    )
    record_vote(amendment, "show_of_hands", counts=(4, 1, 0), actor=TEST_ACTOR)
    c.motion.refresh_from_db()
    assert c.motion.outcome == Outcome.SUPERSEDED
    new = Motion.objects.get(arose_from=amendment)
    assert new.kind == "substantive" and new.outcome == ""
    assert new.text.endswith("report back in March.") and new.mover == c.members[1]
    with pytest.raises(ValidationError, match="no longer be amended"):
        add_motion(
            c.meeting, "amendment", "x", mover=c.members[3], amends=c.motion, actor=TEST_ACTOR
        )


def test_motion_rules(sitting):
    c = sitting
    with pytest.raises(ValidationError, match="seconded by its mover"):
        add_motion(
            c.meeting,
            "substantive",
            "x",
            mover=c.members[1],
            seconder=c.members[1],
            actor=TEST_ACTOR,
        )
    with pytest.raises(ValidationError, match="not recorded as a member present"):
        add_motion(c.meeting, "substantive", "x", mover=c.outsider, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="Say which motion"):
        add_motion(c.meeting, "amendment", "x", mover=c.members[1], actor=TEST_ACTOR)
    proc = add_motion(c.meeting, "procedural", "That the question be put.", actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="must amend a substantive motion"):
        add_motion(c.meeting, "amendment", "x", amends=proc, actor=TEST_ACTOR)
