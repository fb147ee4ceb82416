"""Elections of a chair or vice-chair: proposed, seconded, agreed without a vote or by vote."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from audit.testing import TEST_ACTOR
from council.models import Membership, Role
from proceedings.attendance import record_attendance
from proceedings.elections import add_election, election_result
from proceedings.models import Motion, MotionKind, Outcome, Vote
from proceedings.votes import agree_election, record_vote, vote_on_election


@pytest.fixture
def sitting(committee):
    c = committee
    for m in c.members[:6]:
        record_attendance(c.meeting, m, "present", actor=TEST_ACTOR)
    return c


def test_elected_without_a_vote(sitting):
    c = sitting
    roles = sorted(Membership.objects.filter(body=c.body).values_list("person_id", "role"))
    motion = add_election(
        c.meeting, "chair", c.members[2], c.members[3], c.members[4], actor=TEST_ACTOR
    )
    assert motion.kind == MotionKind.ELECTION and motion.mover == c.members[3]
    assert motion.text == "That Mr A Member2 be elected Chair of Test Scrutiny Committee."
    assert election_result(motion) is None
    result = agree_election(motion, actor=TEST_ACTOR)
    assert result.elected and result.nominee == c.members[2] and result.office == "chair"
    assert str(result) == "Mr A Member2 was elected chair of Test Scrutiny Committee."
    assert Motion.objects.get(pk=motion.pk).outcome == Outcome.WITHOUT_VOTE
    # The caller records the office; memberships are untouched.
    assert sorted(Membership.objects.filter(body=c.body).values_list("person_id", "role")) == roles
    assert Membership.objects.get(body=c.body, person=c.members[0]).role == Role.CHAIRMAN


def test_elected_by_vote_and_lost(sitting):
    c = sitting
    first = add_election(
        c.meeting, "vice_chair", c.members[1], c.members[2], c.members[3], actor=TEST_ACTOR
    )
    rival = add_election(c.meeting, "vice_chair", c.members[5], c.members[4], actor=TEST_ACTOR)
    lost = vote_on_election(rival, "show_of_hands", counts=(2, 3, 1), actor=TEST_ACTOR)
    assert not lost.elected and str(lost).endswith(
        "was not elected vice-chair of Test Scrutiny Committee."
    )
    won = vote_on_election(
        first,
        "recorded",
        choices=[
            (c.members[0], "for"),
            (c.members[1], "abstain"),
            (c.members[2], "for"),
            (c.members[3], "for"),
            (c.members[4], "against"),
        ],
        actor=TEST_ACTOR,
    )
    assert won.elected and Vote.objects.get(motion=first).votes_for == 3


def test_office_filled_once(sitting):
    c = sitting
    agree_election(
        add_election(c.meeting, "chair", c.members[2], c.members[3], actor=TEST_ACTOR),
        actor=TEST_ACTOR,
    )
    count = Motion.objects.count()
    with pytest.raises(ValidationError, match="Mr A Member2 has already been elected chair"):
        add_election(c.meeting, "chair", c.members[1], c.members[3], actor=TEST_ACTOR)
    assert Motion.objects.count() == count


def test_second_nomination_cannot_also_be_carried(sitting):
    c = sitting
    a = add_election(c.meeting, "chair", c.members[2], c.members[3], actor=TEST_ACTOR)
    b = add_election(c.meeting, "chair", c.members[1], c.members[4], actor=TEST_ACTOR)
    agree_election(a, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="already been elected chair"):
        record_vote(b, "show_of_hands", counts=(4, 1, 0), actor=TEST_ACTOR)
    assert not Vote.objects.filter(motion=b).exists()
    assert Motion.objects.get(pk=b.pk).outcome == ""


def test_election_refusals_save_nothing(sitting):
    c = sitting
    count = Motion.objects.count()
    with pytest.raises(ValidationError, match="not a member of Test Scrutiny Committee"):
        add_election(c.meeting, "chair", c.outsider, c.members[3], actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="is not an office"):
        add_election(c.meeting, "leader", c.members[2], c.members[3], actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="not recorded as a member present"):
        add_election(c.meeting, "chair", c.members[2], c.members[7], actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="not an election"):
        agree_election(Motion(kind="substantive"), actor=TEST_ACTOR)
    assert Motion.objects.count() == count
