"""Actions and undertakings: added with the meeting's record, progressed afterwards."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from proceedings.actions import add_action, delete_action, update_action
from proceedings.minutes import add_minute
from proceedings.models import Action, MinutesRecord
from proceedings.tests.conftest import DAY


def test_undertaking_with_a_person_and_an_action_with_a_title(committee):
    c = committee
    minute = add_minute(c.meeting, "Highways update", item=c.items[0], actor=TEST_ACTOR)
    u = add_action(
        c.meeting,
        "Provide the figures for each division.",
        "undertaking",
        owner=c.members[3],
        due=DAY + dt.timedelta(days=30),
        minute=minute,
        actor=TEST_ACTOR,
    )
    a = add_action(
        c.meeting, "Report back in March.", owner_text="Head of Highways", actor=TEST_ACTOR
    )
    assert (u.owner_name, u.kind, u.status, u.minute) == (
        "Mr A Member3",
        "undertaking",
        "open",
        minute,
    )
    assert a.owner_name == "Head of Highways" and a.kind == "action" and a.due is None
    assert AuditEntry.objects.filter(object_id=str(u.pk), action="create").exists()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"text": "x"}, "Say who is to do it"),
        ({"text": "x", "owner_text": "Clerk", "owner": "member"}, "either a person or a title"),
        ({"text": "  ", "owner_text": "Clerk"}, "Say what is to be done"),
        ({"text": "x", "owner_text": "Clerk", "kind": "wish"}, "not a kind of action"),
        (
            {"text": "x", "owner_text": "Clerk", "due": DAY - dt.timedelta(days=1)},
            "before the meeting",
        ),
        ({"text": "x", "owner_text": "Clerk", "due": "2016-10-01"}, "must be a date"),
    ],
)
def test_add_action_refusals_save_nothing(committee, kwargs, message):
    c = committee
    if kwargs.get("owner") == "member":
        kwargs["owner"] = c.members[1]
    count = Action.objects.count()
    with pytest.raises(ValidationError, match=message):
        add_action(c.meeting, actor=TEST_ACTOR, **kwargs)
    assert Action.objects.count() == count


def test_minute_of_another_meeting_refused(committee):
    from moot import testing

    c = committee
    other = testing.meeting(c.body, DAY + dt.timedelta(days=7))
    minute = add_minute(other, "Elsewhere", actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="not one of this meeting's minutes"):
        add_action(c.meeting, "x", owner_text="Clerk", minute=minute, actor=TEST_ACTOR)
    assert not Action.objects.filter(meeting=c.meeting).exists()


def test_progress_after_approval_but_no_new_actions(committee):
    c = committee
    a = add_action(c.meeting, "Report back.", owner_text="Head of Highways", actor=TEST_ACTOR)
    MinutesRecord.objects.create(meeting=c.meeting, status="approved")
    update_action(a, progress="Report drafted.", actor=TEST_ACTOR)
    done = update_action(
        a, status="done", completed_on=DAY + dt.timedelta(days=20), actor=TEST_ACTOR
    )
    assert (done.status, done.completed_on, done.progress) == (
        "done",
        DAY + dt.timedelta(days=20),
        "Report drafted.",
    )
    assert Action.objects.get(pk=a.pk).status == "done"
    reopened = update_action(a, status="open", actor=TEST_ACTOR)
    assert reopened.completed_on is None
    with pytest.raises(ValidationError, match="can no longer be changed"):
        add_action(c.meeting, "Another.", owner_text="Clerk", actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="can no longer be changed"):
        delete_action(a, actor=TEST_ACTOR)
    assert Action.objects.filter(meeting=c.meeting).count() == 1


def test_update_refusals_save_nothing(committee):
    c = committee
    a = add_action(c.meeting, "Report back.", owner_text="Head of Highways", actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="not a status"):
        update_action(a, status="maybe", actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="Only a done action has a completion date"):
        update_action(a, completed_on=DAY, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="before the meeting"):
        update_action(a, status="done", completed_on=DAY - dt.timedelta(days=3), actor=TEST_ACTOR)
    stored = Action.objects.get(pk=a.pk)
    assert (stored.status, stored.completed_on) == ("open", None)
