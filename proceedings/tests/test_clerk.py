"""The clerk's record-or-correct decisions (``proceedings.clerk``): a submission records a new
entry or corrects the one already there; refusals are a PermissionDenied or ValidationError
and save nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError

from access.models import Account
from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from council.models import Person
from council.services import save_person
from proceedings import clerk
from proceedings.attendance import record_attendance
from proceedings.models import Attendance, MinutesRecord, Motion, RecordedVote, Vote
from proceedings.votes import add_motion


@pytest.fixture
def officer_user(db):
    user = User.objects.create_user("dso", password="Long-enough-pass-1")
    Account.objects.create(user=user, democratic_services=True)
    return user


@pytest.fixture
def councillor_user(db):
    user = User.objects.create_user("cllr", password="Long-enough-pass-1")
    Account.objects.create(user=user, democratic_services=False)
    return user


def save_person_named(surname: str) -> Person:
    return save_person(Person(title="Mr", initials="D", surname=surname), actor=TEST_ACTOR)


def statuses(meeting) -> dict[int, str]:
    return dict(Attendance.objects.filter(meeting=meeting).values_list("person_id", "status"))


def sit(c, n: int = 8) -> None:
    for i, m in enumerate(c.members[:n]):
        record_attendance(c.meeting, m, "present", in_chair=i == 0, actor=TEST_ACTOR)


# Attendance -----------------------------------------------------------------------------------


def test_marks_record_new_entries_then_correct_them(committee, officer_user):
    c = committee
    done = clerk.mark_attendance(
        c.meeting,
        {c.members[1].pk: "present", str(c.members[2].pk): "apologies"},
        actor=officer_user,
    )
    assert done == [(c.members[1], "present"), (c.members[2], "apologies")]
    assert statuses(c.meeting) == {c.members[1].pk: "present", c.members[2].pk: "apologies"}
    entry = Attendance.objects.get(meeting=c.meeting, person=c.members[2])
    # A change of mind corrects the same entry; an unchanged mark is left alone.
    done = clerk.mark_attendance(
        c.meeting, {c.members[1].pk: "present", c.members[2].pk: "present"}, actor=officer_user
    )
    assert done == [(c.members[2], "present")]
    assert Attendance.objects.get(pk=entry.pk).status == "present"
    assert Attendance.objects.filter(meeting=c.meeting).count() == 2
    latest = AuditEntry.objects.order_by("-pk").first()
    assert (latest.object_id, latest.actor_name) == (str(entry.pk), "dso")


@pytest.mark.parametrize(
    "marks, message",
    [
        ({"M1": "present", "M2": "asleep"}, "“asleep” is not present, apologies or absent"),
        ({"M1": "present", "OUTSIDER": "present"}, "Only members of Test Scrutiny Committee"),
        ({"M1": "present", "abc": "present"}, "Only members of Test Scrutiny Committee"),
    ],
)
def test_bad_marks_are_refused_and_nothing_is_saved(committee, officer_user, marks, message):
    c = committee
    ids = {"M1": c.members[1].pk, "M2": c.members[2].pk, "OUTSIDER": c.outsider.pk}
    marks = {ids.get(k, k): v for k, v in marks.items()}
    count = AuditEntry.objects.count()
    with pytest.raises(ValidationError, match=message):
        clerk.mark_attendance(c.meeting, marks, actor=officer_user)
    assert statuses(c.meeting) == {}
    assert AuditEntry.objects.count() == count


def test_a_refused_correction_leaves_the_whole_batch_unsaved(committee, officer_user):
    c = committee
    sit(c, 3)
    add_motion(
        c.meeting,
        "substantive",
        "That the report be noted.",
        mover=c.members[1],
        item=c.items[0],
        actor=TEST_ACTOR,
    )
    count = AuditEntry.objects.count()
    with pytest.raises(ValidationError, match="cannot be recorded as absent: they moved"):
        clerk.mark_attendance(
            c.meeting,
            {c.members[2].pk: "apologies", c.members[1].pk: "absent", c.members[5].pk: "present"},
            actor=officer_user,
        )
    assert set(statuses(c.meeting).values()) == {"present"}
    assert len(statuses(c.meeting)) == 3
    assert AuditEntry.objects.count() == count


def test_marks_refused_once_the_minutes_are_approved(committee, officer_user):
    c = committee
    sit(c, 2)
    MinutesRecord.objects.create(meeting=c.meeting, status="approved")
    with pytest.raises(ValidationError, match="can no longer be changed"):
        clerk.mark_attendance(c.meeting, {c.members[1].pk: "apologies"}, actor=officer_user)
    assert statuses(c.meeting)[c.members[1].pk] == "present"


def test_only_democratic_services_mark_attendance(committee, councillor_user):
    c = committee
    for actor in (councillor_user, None):
        with pytest.raises(PermissionDenied):
            clerk.mark_attendance(c.meeting, {c.members[1].pk: "present"}, actor=actor)
        with pytest.raises(PermissionDenied):
            clerk.add_substitute(c.meeting, c.outsider, c.members[2], actor=actor)
        with pytest.raises(PermissionDenied):
            clerk.add_officer(c.meeting, person=c.officer, capacity="Clerk", actor=actor)
    assert statuses(c.meeting) == {}


def test_a_substitute_for_an_unlisted_member_records_their_apologies(committee, officer_user):
    c = committee
    sub = clerk.add_substitute(c.meeting, c.outsider, c.members[2], actor=officer_user)
    assert (sub.status, sub.substitute_for) == ("present", c.members[2])
    assert statuses(c.meeting)[c.members[2].pk] == "apologies"
    # A member already listed keeps their entry.
    record_attendance(c.meeting, c.members[3], "absent", actor=TEST_ACTOR)
    other = save_person_named("Second")
    clerk.add_substitute(c.meeting, other, c.members[3], actor=officer_user)
    assert statuses(c.meeting)[c.members[3].pk] == "absent"


def test_a_refused_substitute_saves_not_even_the_apologies(committee, officer_user):
    c = committee
    sit(c, 3)
    clerk.add_substitute(c.meeting, c.outsider, c.members[5], actor=officer_user)
    count = AuditEntry.objects.count()
    # The substitute is already listed: member 6, not yet listed, gets no apologies either.
    with pytest.raises(ValidationError, match="already listed"):
        clerk.add_substitute(c.meeting, c.outsider, c.members[6], actor=officer_user)
    assert c.members[6].pk not in statuses(c.meeting)
    other = save_person_named("Third")
    count = AuditEntry.objects.count()
    with pytest.raises(ValidationError):  # member 1 is present
        clerk.add_substitute(c.meeting, other, c.members[1], actor=officer_user)
    assert other.pk not in statuses(c.meeting)
    assert AuditEntry.objects.count() == count


def test_an_officer_known_or_new(committee, officer_user):
    c = committee
    known = clerk.add_officer(
        c.meeting, person=c.officer, capacity=" Head of Legal ", actor=officer_user
    )
    assert (known.status, known.capacity) == ("in_attendance", "Head of Legal")
    new = clerk.add_officer(
        c.meeting,
        title="Dr",
        initials="E",
        surname=" Newcomer ",
        capacity="Clerk",
        actor=officer_user,
    )
    assert (new.person.surname, new.person.title, new.status) == ("Newcomer", "Dr", "in_attendance")


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"capacity": "Clerk"}, "Choose the officer, or give a new officer's surname"),
        ({"capacity": "Clerk", "surname": "Both", "person": "OFFICER"}, "not both"),
        ({"capacity": " ", "surname": "Nojob"}, "job title"),
        ({"capacity": "Clerk", "person": "OFFICER"}, "already listed"),
    ],
)
def test_bad_officers_are_refused_and_nothing_is_saved(committee, officer_user, kwargs, message):
    c = committee
    record_attendance(
        c.meeting, c.officer, "in_attendance", capacity="Head of Legal", actor=TEST_ACTOR
    )
    kwargs = {k: (c.officer if v == "OFFICER" else v) for k, v in kwargs.items()}
    people, count = Person.objects.count(), AuditEntry.objects.count()
    with pytest.raises(ValidationError, match=message):
        clerk.add_officer(c.meeting, actor=officer_user, **kwargs)
    assert (Person.objects.count(), AuditEntry.objects.count()) == (people, count)
    assert Attendance.objects.filter(meeting=c.meeting).count() == 1


# Votes ----------------------------------------------------------------------------------------


@pytest.fixture
def motion(committee):
    sit(committee, 6)
    return add_motion(
        committee.meeting,
        "substantive",
        "That the programme be approved.",
        mover=committee.members[1],
        item=committee.items[1],
        actor=TEST_ACTOR,
    )


def test_a_show_of_hands_is_recorded_then_corrected(committee, officer_user, motion):
    vote = clerk.record_or_correct_vote(
        motion, "show_of_hands", counts=(4, 1, 1), majority="simple", actor=officer_user
    )
    assert (vote.votes_for, vote.result) == (4, "carried")
    corrected = clerk.record_or_correct_vote(
        motion, "show_of_hands", counts=(1, 4, 1), majority="simple", actor=officer_user
    )
    assert corrected.pk == vote.pk and Vote.objects.filter(motion=motion).count() == 1
    assert Vote.objects.get(pk=vote.pk).votes_against == 4
    assert Motion.objects.get(pk=motion.pk).outcome == "lost"


def test_a_recorded_vote_names_people_by_id_and_corrects_a_show_of_hands(
    committee, officer_user, motion
):
    m = committee.members
    clerk.record_or_correct_vote(
        motion, "show_of_hands", counts=(3, 0, 0), majority="simple", actor=officer_user
    )
    names = {str(p.pk): "for" for p in m[:4]} | {m[4].pk: "against", m[5].pk: "abstain"}
    vote = clerk.record_or_correct_vote(
        motion, "recorded", names=names, counts=(4, 1, 1), majority="simple", actor=officer_user
    )
    assert (vote.method, vote.votes_for, vote.votes_against) == ("recorded", 4, 1)
    assert RecordedVote.objects.get(vote=vote, person=m[4]).choice == "against"
    assert Vote.objects.filter(motion=motion).count() == 1


@pytest.mark.parametrize(
    "names, counts, message",
    [
        ({"ABSENT": "for"}, None, "is not recorded as a member present"),
        ({"999999": "for"}, None, "not in the record"),
        ({"x": "for"}, None, "not in the record"),
        ({"M1": "for"}, (3, 0, 0), "For: 3 given but 1 name"),
    ],
)
def test_bad_recorded_votes_are_refused_and_nothing_is_saved(
    committee, officer_user, motion, names, counts, message
):
    ids = {"M1": committee.members[1].pk, "ABSENT": committee.members[7].pk}
    names = {str(ids.get(k, k)): v for k, v in names.items()}
    count = AuditEntry.objects.count()
    with pytest.raises(ValidationError, match=message):
        clerk.record_or_correct_vote(
            motion, "recorded", names=names, counts=counts, majority="simple", actor=officer_user
        )
    assert not Vote.objects.filter(motion=motion).exists()
    assert Motion.objects.get(pk=motion.pk).outcome == ""
    assert AuditEntry.objects.count() == count


def test_a_refused_correction_keeps_the_vote_as_it_was(committee, officer_user, motion):
    vote = clerk.record_or_correct_vote(
        motion, "show_of_hands", counts=(4, 1, 1), majority="simple", actor=officer_user
    )
    count = AuditEntry.objects.count()
    with pytest.raises(ValidationError, match="7 votes are counted"):
        clerk.record_or_correct_vote(
            motion, "show_of_hands", counts=(6, 1, 0), majority="simple", actor=officer_user
        )
    assert Vote.objects.get(pk=vote.pk).votes_for == 4
    assert AuditEntry.objects.count() == count


@pytest.mark.parametrize(
    "method, kwargs, message",
    [
        ("show_of_hands", {}, "Give the numbers"),
        ("ballot", {"counts": (1, 0, 0)}, "show of hands or a recorded vote"),
    ],
)
def test_a_vote_without_its_counts_or_method_is_refused(
    committee, officer_user, motion, method, kwargs, message
):
    with pytest.raises(ValidationError, match=message):
        clerk.record_or_correct_vote(
            motion, method, majority="simple", actor=officer_user, **kwargs
        )
    assert not Vote.objects.filter(motion=motion).exists()


def test_only_democratic_services_take_down_a_vote(committee, councillor_user, motion):
    with pytest.raises(PermissionDenied):
        clerk.record_or_correct_vote(
            motion, "show_of_hands", counts=(4, 1, 1), majority="simple", actor=councillor_user
        )
    assert not Vote.objects.filter(motion=motion).exists()
