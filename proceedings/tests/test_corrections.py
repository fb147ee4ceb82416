"""Correcting attendance and votes: each refusal names the problem and saves nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from proceedings.attendance import (
    change_attendance,
    change_chair,
    record_attendance,
    record_declaration,
    remove_attendance,
)
from proceedings.models import (
    Attendance,
    MinutesRecord,
    Motion,
    Outcome,
    RecordedVote,
    Vote,
)
from proceedings.votes import add_motion, correct_vote, delete_motion, record_vote

P = "present"


@pytest.fixture
def sitting(committee):
    """Members 0–5 present (0 in the chair), 6 apologies, an officer; a motion moved by 1."""
    c = committee
    c.att = {0: record_attendance(c.meeting, c.members[0], P, in_chair=True, actor=TEST_ACTOR)}
    for i in range(1, 6):
        c.att[i] = record_attendance(c.meeting, c.members[i], P, actor=TEST_ACTOR)
    c.att[6] = record_attendance(c.meeting, c.members[6], "apologies", actor=TEST_ACTOR)
    c.att["officer"] = record_attendance(
        c.meeting, c.officer, "in_attendance", capacity="Clerk", actor=TEST_ACTOR
    )
    c.motion = add_motion(
        c.meeting,
        "substantive",
        "That the report be noted.",
        mover=c.members[1],
        seconder=c.members[2],
        item=c.items[0],
        actor=TEST_ACTOR,
    )
    return c


def snapshot(meeting):
    """Everything of the meeting's record, to compare before and after a refusal."""
    return (
        sorted(
            Attendance.objects.filter(meeting=meeting).values_list(
                "person_id", "status", "in_chair", "substitute_for_id", "capacity"
            )
        ),
        sorted(Motion.objects.filter(meeting=meeting).values_list("pk", "text", "outcome")),
        sorted(
            Vote.objects.filter(motion__meeting=meeting).values_list(
                "pk", "method", "votes_for", "votes_against", "abstentions", "result"
            )
        ),
        sorted(
            RecordedVote.objects.filter(vote__motion__meeting=meeting).values_list(
                "person_id", "choice"
            )
        ),
        AuditEntry.objects.count(),
    )


def lock(meeting):
    MinutesRecord.objects.update_or_create(meeting=meeting, defaults={"status": "approved"})


# Attendance ---------------------------------------------------------------------------------


def test_change_attendance_corrects_and_audits(sitting):
    c = sitting
    before = AuditEntry.objects.count()
    change_attendance(c.att[6], status=P, actor=TEST_ACTOR)
    assert Attendance.objects.get(pk=c.att[6].pk).status == P
    assert AuditEntry.objects.count() == before + 1
    # An officer's title; an officer for a named item only.
    change_attendance(
        c.att["officer"],
        capacity="Democratic Services Officer",
        items=[c.items[1]],
        actor=TEST_ACTOR,
    )
    officer = Attendance.objects.get(pk=c.att["officer"].pk)
    assert officer.capacity == "Democratic Services Officer"
    assert list(officer.items.all()) == [c.items[1]]


def test_member_who_moved_cannot_be_made_absent_or_removed(sitting):
    c = sitting
    before = snapshot(c.meeting)
    with pytest.raises(
        ValidationError,
        match=r"Mr A Member1 cannot be recorded as apologies: "
        r"they moved “That the report be noted.”",
    ):
        change_attendance(c.att[1], status="apologies", actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match=r"seconded “That the report be noted.”"):
        remove_attendance(c.att[2], actor=TEST_ACTOR)
    assert snapshot(c.meeting) == before


def test_member_who_voted_or_declared_cannot_be_removed(sitting):
    c = sitting
    record_declaration(
        c.meeting, c.items[1], c.members[5], "other", "Governor", "took_part", actor=TEST_ACTOR
    )
    other = add_motion(
        c.meeting, "substantive", "That officers report back.", item=c.items[2], actor=TEST_ACTOR
    )
    record_vote(
        other,
        "recorded",
        choices=[(c.members[3], "for"), (c.members[4], "against"), (c.members[2], "for")],
        actor=TEST_ACTOR,
    )
    before = snapshot(c.meeting)
    with pytest.raises(ValidationError, match=r"voted \(For\) on “That officers report back.”"):
        remove_attendance(c.att[3], actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="declared an interest in item 2"):
        remove_attendance(c.att[5], actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match=r"voted \(Against\)"):
        change_attendance(c.att[4], status="absent", actor=TEST_ACTOR)
    assert snapshot(c.meeting) == before


def test_remove_attendance_of_someone_who_took_no_part(sitting):
    c = sitting
    pk = c.att[6].pk
    remove_attendance(c.att[6], actor=TEST_ACTOR)
    assert not Attendance.objects.filter(pk=pk).exists()
    entry = AuditEntry.objects.filter(action="delete").order_by("-pk").first()
    assert entry.object_id == str(pk)


def test_second_chair_refused_through_the_service(sitting):
    c = sitting
    before = snapshot(c.meeting)
    with pytest.raises(ValidationError, match="Mr A Member0 is already recorded in the chair"):
        change_attendance(c.att[3], in_chair=True, actor=TEST_ACTOR)
    assert snapshot(c.meeting) == before
    # Handing over the chair is one change: the vice-chairman takes it.
    change_chair(c.meeting, c.members[3], actor=TEST_ACTOR)
    assert list(
        Attendance.objects.filter(meeting=c.meeting, in_chair=True).values_list(
            "person_id", flat=True
        )
    ) == [c.members[3].pk]
    change_chair(c.meeting, None, actor=TEST_ACTOR)
    assert not Attendance.objects.filter(meeting=c.meeting, in_chair=True).exists()


def test_chair_must_be_present(sitting):
    c = sitting
    before = snapshot(c.meeting)
    with pytest.raises(ValidationError, match="not recorded as present"):
        change_chair(c.meeting, c.members[6], actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="Only someone present can be in the chair"):
        change_attendance(c.att[6], in_chair=True, actor=TEST_ACTOR)
    assert snapshot(c.meeting) == before


def test_unknown_field_refused(sitting):
    with pytest.raises(ValidationError, match="no field person"):
        change_attendance(sitting.att[6], person=sitting.members[7], actor=TEST_ACTOR)


def test_approved_minutes_lock_attendance(sitting):
    c = sitting
    lock(c.meeting)
    before = snapshot(c.meeting)
    for attempt in (
        lambda: change_attendance(c.att[6], status=P, actor=TEST_ACTOR),
        lambda: remove_attendance(c.att[6], actor=TEST_ACTOR),
        lambda: change_chair(c.meeting, c.members[3], actor=TEST_ACTOR),
        lambda: record_attendance(c.meeting, c.members[7], P, actor=TEST_ACTOR),
    ):
        with pytest.raises(ValidationError, match="can no longer be changed"):
            attempt()
    assert snapshot(c.meeting) == before


# Votes ---------------------------------------------------------------------------------------


def recorded(c, n_for=3, n_against=1):
    m = c.members
    return [(m[i], "for") for i in range(1, 1 + n_for)] + [
        (m[i], "against") for i in range(1 + n_for, 1 + n_for + n_against)
    ]


def test_counts_that_do_not_match_the_names_refused(sitting):
    c = sitting
    before = snapshot(c.meeting)
    with pytest.raises(ValidationError, match="For: 4 given but 3 names"):
        record_vote(c.motion, "recorded", counts=(4, 1, 0), choices=recorded(c), actor=TEST_ACTOR)
    assert snapshot(c.meeting) == before
    vote = record_vote(
        c.motion, "recorded", counts=(3, 1, 0), choices=recorded(c), actor=TEST_ACTOR
    )
    before = snapshot(c.meeting)
    with pytest.raises(ValidationError, match="Against: 2 given but 1 name"):
        correct_vote(vote, counts=(3, 2, 0), choices=recorded(c), actor=TEST_ACTOR)
    assert snapshot(c.meeting) == before


def test_absent_non_member_and_double_voters_named(sitting):
    c = sitting
    before = snapshot(c.meeting)
    choices = recorded(c) + [(c.members[6], "for"), (c.officer, "against"), (c.members[1], "for")]
    with pytest.raises(ValidationError) as refused:
        record_vote(c.motion, "recorded", choices=choices, actor=TEST_ACTOR)
    message = " ".join(refused.value.messages)
    assert "Mr A Member1 is listed twice" in message
    assert "Mr A Member6 and Ms C Officer are not recorded as a member present" in message
    assert snapshot(c.meeting) == before


def test_correct_show_of_hands_flips_outcome(sitting):
    c = sitting
    vote = record_vote(c.motion, "show_of_hands", counts=(4, 1, 0), actor=TEST_ACTOR)
    assert Motion.objects.get(pk=c.motion.pk).outcome == Outcome.CARRIED
    correct_vote(vote, counts=(1, 4, 0), actor=TEST_ACTOR)
    vote.refresh_from_db()
    assert (vote.votes_for, vote.votes_against, vote.result) == (1, 4, "lost")
    assert Motion.objects.get(pk=c.motion.pk).outcome == Outcome.LOST
    assert AuditEntry.objects.filter(object_id=str(vote.pk), action="update").exists()


def test_correct_recorded_vote_replaces_names(sitting):
    c = sitting
    m = c.members
    vote = record_vote(c.motion, "recorded", choices=recorded(c), actor=TEST_ACTOR)
    correct_vote(
        vote,
        choices=[(m[1], "for"), (m[2], "against"), (m[3], "against"), (m[5], "abstain")],
        actor=TEST_ACTOR,
    )
    vote.refresh_from_db()
    assert (vote.votes_for, vote.votes_against, vote.abstentions) == (1, 2, 1)
    assert vote.result == "lost"
    assert dict(vote.choices.values_list("person_id", "choice")) == {
        m[1].pk: "for",
        m[2].pk: "against",
        m[3].pk: "against",
        m[5].pk: "abstain",
    }
    assert Motion.objects.get(pk=c.motion.pk).outcome == Outcome.LOST


def test_correcting_an_amendment_undoes_or_carries_it(sitting):
    c = sitting
    amendment = add_motion(
        c.meeting,
        "amendment",
        "Add “in March”.",
        mover=c.members[3],
        seconder=c.members[4],
        amends=c.motion,
        resulting_text="That the report be noted in March.",
        actor=TEST_ACTOR,
    )
    vote = record_vote(amendment, "show_of_hands", counts=(4, 1, 0), actor=TEST_ACTOR)
    assert Motion.objects.filter(arose_from=amendment).exists()
    correct_vote(vote, counts=(1, 4, 0), actor=TEST_ACTOR)
    assert not Motion.objects.filter(arose_from=amendment).exists()
    assert Motion.objects.get(pk=c.motion.pk).outcome == Outcome.PENDING
    assert Motion.objects.get(pk=amendment.pk).outcome == Outcome.LOST
    correct_vote(vote, counts=(5, 0, 0), actor=TEST_ACTOR)
    assert Motion.objects.get(pk=c.motion.pk).outcome == Outcome.SUPERSEDED
    assert Motion.objects.get(arose_from=amendment).text == "That the report be noted in March."


def test_correction_refused_when_the_amended_motion_was_decided(sitting):
    c = sitting
    amendment = add_motion(
        c.meeting,
        "amendment",
        "Add “in March”.",
        mover=c.members[3],
        amends=c.motion,
        actor=TEST_ACTOR,
    )
    vote = record_vote(amendment, "show_of_hands", counts=(4, 1, 0), actor=TEST_ACTOR)
    agree = Motion.objects.get(arose_from=amendment)
    record_vote(agree, "show_of_hands", counts=(5, 0, 0), actor=TEST_ACTOR)
    before = snapshot(c.meeting)
    with pytest.raises(ValidationError, match="has since been debated or decided"):
        correct_vote(vote, counts=(1, 4, 0), actor=TEST_ACTOR)
    assert snapshot(c.meeting) == before


def test_approved_minutes_lock_votes_and_motions(sitting):
    c = sitting
    vote = record_vote(c.motion, "show_of_hands", counts=(4, 1, 0), actor=TEST_ACTOR)
    other = add_motion(c.meeting, "procedural", "That the question be put.", actor=TEST_ACTOR)
    lock(c.meeting)
    before = snapshot(c.meeting)
    for attempt in (
        lambda: correct_vote(vote, counts=(1, 4, 0), actor=TEST_ACTOR),
        lambda: delete_motion(c.motion, actor=TEST_ACTOR),
        lambda: record_vote(other, "show_of_hands", counts=(3, 0, 0), actor=TEST_ACTOR),
        lambda: add_motion(
            c.meeting, "procedural", "That the meeting be adjourned.", actor=TEST_ACTOR
        ),
    ):
        with pytest.raises(ValidationError, match="can no longer be changed"):
            attempt()
    assert snapshot(c.meeting) == before


def test_delete_motion_with_its_vote(sitting):
    c = sitting
    vote = record_vote(c.motion, "recorded", choices=recorded(c), actor=TEST_ACTOR)
    delete_motion(c.motion, actor=TEST_ACTOR)
    assert not Motion.objects.filter(pk=c.motion.pk).exists()
    assert not Vote.objects.filter(pk=vote.pk).exists()
    deleted = set(AuditEntry.objects.filter(action="delete").values_list("object_repr", flat=True))
    assert any("That the report be noted" in r for r in deleted)


def test_delete_carried_amendment_restores_the_motion(sitting):
    c = sitting
    amendment = add_motion(
        c.meeting,
        "amendment",
        "Add “in March”.",
        mover=c.members[3],
        amends=c.motion,
        actor=TEST_ACTOR,
    )
    record_vote(amendment, "show_of_hands", counts=(4, 1, 0), actor=TEST_ACTOR)
    resulting = Motion.objects.get(arose_from=amendment)
    before = snapshot(c.meeting)
    with pytest.raises(ValidationError, match="carried amendment produced"):
        delete_motion(resulting, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="superseded this motion"):
        delete_motion(c.motion, actor=TEST_ACTOR)
    assert snapshot(c.meeting) == before
    delete_motion(amendment, actor=TEST_ACTOR)
    assert not Motion.objects.filter(pk__in=[amendment.pk, resulting.pk]).exists()
    assert Motion.objects.get(pk=c.motion.pk).outcome == Outcome.PENDING


def test_delete_motion_refused_when_a_resolution_records_it(sitting):
    from proceedings.minutes import add_minute, add_resolution

    c = sitting
    record_vote(c.motion, "show_of_hands", counts=(4, 1, 0), actor=TEST_ACTOR)
    minute = add_minute(c.meeting, "Report", item=c.items[0], actor=TEST_ACTOR)
    add_resolution(minute, "RESOLVED that the report be noted.", motion=c.motion, actor=TEST_ACTOR)
    before = snapshot(c.meeting)
    with pytest.raises(ValidationError, match=f"resolution of minute {minute.number}"):
        delete_motion(c.motion, actor=TEST_ACTOR)
    assert snapshot(c.meeting) == before
