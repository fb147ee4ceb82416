"""Every proceedings service checks its actor first: democratic services (who record the
proceedings), a system actor, or the back office's Django permission on the row. Anyone else,
signed out included, is refused and nothing is written. The named services write their own
events to the audit trail (``proceedings.vote_recorded`` …)."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from moot import testing as t
from proceedings import actions, approval, attendance, clerk, elections, minutes, votes
from proceedings.models import Attendance, MinutesRecord, Motion, Vote
from proceedings.removal import remove_from_record
from proceedings.versions import withhold_from_versions

pytestmark = pytest.mark.django_db


@pytest.fixture
def done(committee):
    """The committee's meeting minuted so far: attendance, a declaration, an action, a minute
    with a resolution, a motion with a vote and one undecided."""
    c, a = committee, TEST_ACTOR
    for i, member in enumerate(c.members[:6]):
        attendance.record_attendance(c.meeting, member, "present", in_chair=i == 0, actor=a)
    declaration = attendance.record_declaration(
        c.meeting, c.items[0], c.members[1], "other", "A neighbour", "took_part", actor=a
    )
    minute = minutes.add_minute(c.meeting, "Budget", item=c.items[0], actor=a)
    resolution = minutes.add_resolution(minute, "RESOLVED that the budget be noted.", actor=a)
    decided = votes.add_motion(
        c.meeting, "substantive", "That it be noted", mover=c.members[1], actor=a
    )
    vote = votes.record_vote(decided, "show_of_hands", counts=(5, 1, 0), actor=a)
    pending = votes.add_motion(
        c.meeting, "substantive", "That it be deferred", mover=c.members[2], actor=a
    )
    return SimpleNamespace(
        c=c,
        attendance=Attendance.objects.get(meeting=c.meeting, person=c.members[3]),
        declaration=declaration,
        action=actions.add_action(c.meeting, "Report back", owner_text="Treasurer", actor=a),
        minute=minute,
        resolution=resolution,
        vote=vote,
        pending=pending,
    )


CASES = {
    "record_attendance": lambda d, a: attendance.record_attendance(
        d.c.meeting, d.c.members[7], "present", actor=a
    ),
    "record_declaration": lambda d, a: attendance.record_declaration(
        d.c.meeting, d.c.items[1], d.c.members[2], "other", "Refused", "took_part", actor=a
    ),
    "record_nil_declarations": lambda d, a: attendance.record_nil_declarations(
        d.c.meeting, actor=a
    ),
    "change_attendance": lambda d, a: attendance.change_attendance(
        d.attendance, status="apologies", actor=a
    ),
    "remove_attendance": lambda d, a: attendance.remove_attendance(d.attendance, actor=a),
    "change_chair": lambda d, a: attendance.change_chair(d.c.meeting, d.c.members[3], actor=a),
    "remove_declaration": lambda d, a: attendance.remove_declaration(d.declaration, actor=a),
    "remove_nil_declarations": lambda d, a: attendance.remove_nil_declarations(
        d.c.meeting, actor=a
    ),
    "add_action": lambda d, a: actions.add_action(
        d.c.meeting, "Refused", owner_text="Clerk", actor=a
    ),
    "update_action": lambda d, a: actions.update_action(d.action, status="done", actor=a),
    "delete_action": lambda d, a: actions.delete_action(d.action, actor=a),
    "add_minute": lambda d, a: minutes.add_minute(d.c.meeting, "Refused", actor=a),
    "add_resolution": lambda d, a: minutes.add_resolution(d.minute, "Refused", actor=a),
    "edit_minute": lambda d, a: minutes.edit_minute(d.minute, text="Refused", actor=a),
    "delete_minute": lambda d, a: minutes.delete_minute(d.minute, actor=a),
    "delete_resolution": lambda d, a: minutes.delete_resolution(d.resolution, actor=a),
    "withhold_from_versions": lambda d, a: withhold_from_versions(
        d.minute, d.minute.number, actor=a
    ),
    "publish_minutes": lambda d, a: minutes.publish_minutes(d.c.meeting, actor=a),
    "approve_minutes": lambda d, a: approval.approve_minutes(d.c.meeting, d.minute, actor=a),
    "sign_minutes": lambda d, a: approval.sign_minutes(
        d.c.meeting, d.c.members[0], dt.date(2016, 11, 1), actor=a
    ),
    "add_motion": lambda d, a: votes.add_motion(d.c.meeting, "substantive", "Refused", actor=a),
    "agree_without_vote": lambda d, a: votes.agree_without_vote(d.pending, actor=a),
    "withdraw": lambda d, a: votes.withdraw(d.pending, actor=a),
    "record_vote": lambda d, a: votes.record_vote(
        d.pending, "show_of_hands", counts=(1, 5, 0), actor=a
    ),
    "correct_vote": lambda d, a: votes.correct_vote(d.vote, counts=(1, 5, 0), actor=a),
    "delete_motion": lambda d, a: votes.delete_motion(d.pending, actor=a),
    "add_election": lambda d, a: elections.add_election(
        d.c.meeting, "chair", d.c.members[0], d.c.members[1], actor=a
    ),
    "agree_election": lambda d, a: votes.agree_election(d.pending, actor=a),
    "vote_on_election": lambda d, a: votes.vote_on_election(
        d.pending, "show_of_hands", counts=(5, 0, 0), actor=a
    ),
    "remove_from_record": lambda d, a: remove_from_record(d.declaration, actor=a),
    "clerk.mark_attendance": lambda d, a: clerk.mark_attendance(
        d.c.meeting, {d.c.members[7].pk: "apologies"}, actor=a
    ),
    "clerk.add_substitute": lambda d, a: clerk.add_substitute(
        d.c.meeting, d.c.outsider, d.c.members[7], actor=a
    ),
    "clerk.add_officer": lambda d, a: clerk.add_officer(
        d.c.meeting, person=d.c.officer, capacity="Clerk", actor=a
    ),
    "clerk.record_or_correct_vote": lambda d, a: clerk.record_or_correct_vote(
        d.pending, "show_of_hands", counts=(1, 5, 0), majority="simple", actor=a
    ),
}


def _state(d) -> tuple:
    meeting = d.c.meeting
    return (
        sorted(Attendance.objects.filter(meeting=meeting).values_list("pk", "status", "in_chair")),
        meeting.declarations.count(),
        sorted(meeting.minutes.values_list("pk", "text")),
        sorted(Motion.objects.filter(meeting=meeting).values_list("pk", "outcome")),
        sorted(Vote.objects.filter(motion__meeting=meeting).values_list("pk", "votes_for")),
        MinutesRecord.objects.filter(meeting=meeting).exists(),
        meeting.actions.count(),
    )


@pytest.mark.parametrize("service", CASES)
def test_anyone_but_democratic_services_or_the_permission_is_refused(done, service):
    before = _state(done)
    for actor in (t.account(), AnonymousUser(), None):
        with t.writes_nothing(), pytest.raises(PermissionDenied):
            CASES[service](done, actor)
    assert _state(done) == before


def test_the_back_office_permission_allows_a_staff_officer_what_it_names(done):
    editor = t.account(perms=("proceedings.change_action",))
    actions.update_action(done.action, progress="Drafted", actor=editor)
    with pytest.raises(PermissionDenied, match="permission to remove actions"):
        actions.delete_action(done.action, actor=editor)
    clerk_only = t.account(perms=("proceedings.add_attendance",))
    with pytest.raises(PermissionDenied, match="Only democratic services"):
        clerk.mark_attendance(done.c.meeting, {done.c.members[7].pk: "apologies"}, actor=clerk_only)


def _events(model: str, pk) -> set[str]:
    rows = AuditEntry.objects.filter(content_type__model=model, object_id=str(pk))
    return set(rows.values_list("event", flat=True))


def test_the_proceedings_services_write_their_events(done, committee):
    c = committee
    assert _events("attendance", done.attendance.pk) == {"proceedings.attendance_recorded"}
    assert _events("vote", done.vote.pk) == {"proceedings.vote_recorded"}
    decided = done.vote.motion
    assert _events("motion", decided.pk) == {
        "proceedings.motion_moved",
        "proceedings.vote_recorded",
    }
    votes.correct_vote(done.vote, counts=(1, 5, 0), actor=TEST_ACTOR)
    assert _events("vote", done.vote.pk) == {
        "proceedings.vote_recorded",
        "proceedings.vote_corrected",
    }
    attendance.change_attendance(done.attendance, status="apologies", actor=TEST_ACTOR)
    assert "proceedings.attendance_changed" in _events("attendance", done.attendance.pk)

    minutes.publish_minutes(c.meeting, actor=TEST_ACTOR)
    record = MinutesRecord.objects.get(meeting=c.meeting)
    later = t.meeting(c.body, date=dt.date(2016, 11, 1))
    approving = minutes.add_minute(later, "Minutes of the last meeting", actor=TEST_ACTOR)
    approval.approve_minutes(c.meeting, approving, actor=TEST_ACTOR)
    assert _events("minutesrecord", record.pk) == {
        "proceedings.minutes_published",
        "proceedings.minutes_approved",
    }
    versions = AuditEntry.objects.filter(content_type__model="minutesversion")
    assert {"proceedings.minutes_published", "proceedings.minutes_approved"} <= set(
        versions.values_list("event", flat=True)
    )
