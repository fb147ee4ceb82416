"""Removing a row of a meeting's record (``proceedings.removal``): allowed, and audited, while
the minutes are open; refused with the rule's message, nothing deleted, once they are approved
— whichever screen asks."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from audit.actors import SystemActor
from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from meetings.models import Meeting
from meetings.services import save_meeting
from proceedings.actions import add_action
from proceedings.approval import approve_minutes
from proceedings.attendance import record_attendance, record_declaration
from proceedings.minutes import add_minute, add_resolution, publish_minutes
from proceedings.models import Action, Attendance, Declaration, Minute, Motion, Resolution
from proceedings.removal import meeting_id_of, remove_from_record
from proceedings.votes import add_motion, record_vote


@pytest.fixture
def minuted(committee):
    c = committee
    c.chair = record_attendance(c.meeting, c.members[0], "present", in_chair=True, actor=TEST_ACTOR)
    c.present = record_attendance(c.meeting, c.members[1], "present", actor=TEST_ACTOR)
    record_attendance(c.meeting, c.members[2], "present", actor=TEST_ACTOR)
    c.declaration = record_declaration(
        c.meeting,
        c.items[0],
        c.members[2],
        "other",
        "A school governor",
        "took_part",
        actor=TEST_ACTOR,
    )
    c.minute = add_minute(
        c.meeting,
        "Member ICT",
        item=c.items[0],
        number=8,
        text="The Committee discussed the new tablets.",
        actor=TEST_ACTOR,
    )
    c.resolution = add_resolution(
        c.minute, "RESOLVED that:", ["the report be noted."], actor=TEST_ACTOR
    )
    c.action = add_action(
        c.meeting,
        "Circulate the tablet policy.",
        owner_text="Head of ICT",
        minute=c.minute,
        actor=TEST_ACTOR,
    )
    c.motion = add_motion(
        c.meeting,
        "substantive",
        "That the report be noted.",
        mover=c.members[1],
        item=c.items[0],
        actor=TEST_ACTOR,
    )
    c.vote = record_vote(
        c.motion,
        "recorded",
        choices=[(c.members[1], "for"), (c.members[2], "for")],
        actor=TEST_ACTOR,
    )
    return c


def _approve(c) -> None:
    publish_minutes(c.meeting, actor=TEST_ACTOR)
    later = save_meeting(
        Meeting(body=c.body, date=dt.date(2016, 11, 1)), default_venue=False, actor=TEST_ACTOR
    )
    approve_minutes(
        c.meeting, add_minute(later, "Minutes", number=20, actor=TEST_ACTOR), actor=TEST_ACTOR
    )


def test_every_row_reaches_its_meeting(minuted):
    c = minuted
    rows = [
        c.present,
        c.declaration,
        c.minute,
        c.resolution,
        c.action,
        c.motion,
        c.vote,
        c.vote.choices.first(),
    ]
    assert [meeting_id_of(row) for row in rows] == [c.meeting.pk] * len(rows)


def test_removal_is_allowed_and_audited_while_the_minutes_are_open(minuted):
    c = minuted
    remove_from_record(c.present, actor=SystemActor("clerk"))
    remove_from_record(c.resolution, actor=SystemActor("clerk"))
    assert not Attendance.objects.filter(pk=c.present.pk).exists()
    assert not Resolution.objects.filter(pk=c.resolution.pk).exists()
    removed = AuditEntry.objects.filter(action="delete", actor_name="clerk")
    assert removed.count() == 2


@pytest.mark.parametrize(
    "name", ["present", "declaration", "minute", "resolution", "action", "motion"]
)
def test_removal_is_refused_once_the_minutes_are_approved(minuted, name):
    c = minuted
    _approve(c)
    row = getattr(c, name)
    deletes = AuditEntry.objects.filter(action="delete").count()
    with pytest.raises(ValidationError, match="the record can no longer be changed"):
        remove_from_record(row, actor=SystemActor("clerk"))
    assert type(row).objects.filter(pk=row.pk).exists()
    assert AuditEntry.objects.filter(action="delete").count() == deletes
    # Nothing else of the record went either.
    assert Minute.objects.filter(pk=c.minute.pk).exists()
    assert Resolution.objects.filter(pk=c.resolution.pk).exists()
    assert Motion.objects.filter(pk=c.motion.pk).exists()
    assert Declaration.objects.filter(pk=c.declaration.pk).exists()
    assert Action.objects.filter(pk=c.action.pk).exists()


def test_a_minute_that_approved_other_minutes_is_not_removed(minuted):
    """A minute goes through its own service, with that service's refusals."""
    c = minuted
    publish_minutes(c.meeting, actor=TEST_ACTOR)
    later = save_meeting(
        Meeting(body=c.body, date=dt.date(2016, 11, 1)), default_venue=False, actor=TEST_ACTOR
    )
    approving = add_minute(later, "Minutes", number=20, actor=TEST_ACTOR)
    approve_minutes(c.meeting, approving, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="records the approval of another meeting"):
        remove_from_record(approving, actor=TEST_ACTOR)
    assert Minute.objects.filter(pk=approving.pk).exists()
