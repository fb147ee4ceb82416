"""``proceedings.actions.save_action``, the back office's save of an action: a new one and a
change of what it is go through the rules of the meeting's record (refused once its minutes
are approved, nothing saved); its progress is updated at any time, audited as the clerk's
screen audits it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from clerking.tests.helpers import approved, committee
from moot import testing as t
from proceedings.actions import add_action, save_action
from proceedings.models import Action

pytestmark = pytest.mark.django_db


@pytest.fixture
def c():
    c = committee()
    c.action = add_action(
        c.meeting, "Report back.", owner_text="Head of Highways", actor=TEST_ACTOR
    )
    return c


def test_progress_after_approval_but_not_a_new_or_changed_action(c):
    approved(c)
    c.action.status, c.action.progress = "done", "Reported in April."
    c.action.completed_on = c.meeting.date + dt.timedelta(days=10)
    save_action(c.action, actor=TEST_ACTOR)
    saved = Action.objects.get(pk=c.action.pk)
    assert (saved.status, saved.completed_on) == ("done", c.action.completed_on)
    assert AuditEntry.objects.filter(event="proceedings.action_updated").exists()
    c.action.text = "Report back in May."
    with t.writes_nothing(), pytest.raises(ValidationError, match="the record can"):
        save_action(c.action, actor=TEST_ACTOR)
    new = Action(meeting=c.meeting, text="Another.", owner_text="Clerk")
    with t.writes_nothing(), pytest.raises(ValidationError, match="the record can"):
        save_action(new, actor=TEST_ACTOR)
    assert Action.objects.filter(meeting=c.meeting).count() == 1


def test_the_back_office_adds_an_action_through_the_service(admin_client, c):
    approved(c)
    data = {
        "meeting": c.meeting.pk,
        "kind": "action",
        "text": "Circulate the list of schemes.",
        "owner_text": "Head of Highways",
        "due": (c.meeting.date + dt.timedelta(days=30)).isoformat(),
        "status": "open",
        "progress": "",
    }
    with t.writes_nothing():
        response = admin_client.post(reverse("admin:proceedings_action_add"), data)
    assert response.status_code == 200 and "the record can" in response.content.decode()
    assert Action.objects.filter(meeting=c.meeting).count() == 1
