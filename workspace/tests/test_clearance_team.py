"""A clearance step's team in the workspace (``/office/clearance-steps/<pk>/team/``): people
added and taken out, or a team created for a step without one, through
``publishing.clearance_teams`` (checked, audited); a group that carries permissions is never
changed here; bad input and refusals in the error summary, nothing saved; only democratic
services and officers allowed to change clearance steps."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from access.rules import ADMINISTRATORS
from audit.models import AuditEntry
from moot import testing as t
from publishing.clearance import steps_of
from publishing.clearance_teams import TEAM_CHANGED
from publishing.models import ClearanceStep

from .helpers import error_summary, officer, others, text
from .test_clearance_steps import legal, signer  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


def url(step) -> str:
    return f"/office/clearance-steps/{step.pk}/team/"


def test_people_are_added_and_taken_out_audited(legal):  # noqa: F811
    ann, bob = signer(), signer("Bob", "Brown")
    client = officer()
    page = client.get(url(legal))
    assert page.status_code == 200 and "Nobody is in the team yet." in text(page)
    assert f'href="{url(legal)}"' in client.get("/office/clearance-steps/").content.decode()
    done = client.post(url(legal), {"op": "add", "user": ann.pk})
    assert done.status_code == 303
    client.post(url(legal), {"op": "add", "user": bob.pk})
    assert set(legal.group.user_set.all()) == {ann, bob}
    assert legal in steps_of(ann)  # Ann now signs off the Legal step
    page = text(client.get(url(legal)))
    assert "Bob Brown is added to Legal Services." in page
    assert "Take out Ann Allen" in page
    out = client.post(url(legal), {"op": "remove", "user": ann.pk})
    assert out.status_code == 303
    assert list(legal.group.user_set.all()) == [bob]
    entries = AuditEntry.objects.filter(event=TEAM_CHANGED).order_by("pk")
    assert [e.changes for e in entries] == [
        {"team Legal Services": ["", "Ann Allen"]},
        {"team Legal Services": ["Ann Allen", "Ann Allen, Bob Brown"]},
        {"team Legal Services": ["Ann Allen, Bob Brown", "Bob Brown"]},
    ]
    assert all(e.actor_name.startswith("account") for e in entries)


def test_bad_input_is_refused_nothing_saved(legal):  # noqa: F811
    ann = signer()
    ann.groups.add(legal.group)
    councillor = t.account(staff=False)
    closed = signer("Cy", "Closed")
    closed.is_active = False
    closed.save()
    client = officer()
    for data, message in (
        ({"op": "add", "user": ""}, "Choose the officer to add to the team."),
        ({"op": "add", "user": "x"}, "Choose an officer from the list."),
        ({"op": "add", "user": ann.pk}, "Choose an officer from the list."),  # already in
        ({"op": "add", "user": councillor.pk}, "Choose an officer from the list."),
        ({"op": "add", "user": closed.pk}, "Choose an officer from the list."),
        ({"op": "remove", "user": closed.pk}, "Cy Closed is not in Legal Services."),
        ({"op": "remove", "user": "999999"}, "That account is no longer recorded: look again."),
        ({"op": "create", "name": "Finance Team"}, "The clearance step Legal already has a team."),
        ({"op": "promote", "user": ann.pk}, "That is not a change this page makes."),
    ):
        with t.writes_nothing():
            response = client.post(url(legal), data)
        assert response.status_code == 400, data
        assert message in error_summary(response), (data, error_summary(response))
    assert list(legal.group.user_set.all()) == [ann]
    assert not Group.objects.filter(name="Finance Team").exists()


def test_a_team_is_created_for_a_step_without_one():
    step = ClearanceStep.objects.create(name="Finance", order=2)
    Group.objects.create(name="Legal Services")
    client = officer()
    page = text(client.get(url(step)))
    assert "The Finance step has no team: any officer may sign it off." in page
    for name, message in (
        ("", "Enter the team's name, e.g. Legal Services."),
        ("legal services", "There is already a group called legal services: choose another name."),
        (ADMINISTRATORS, f"There is already a group called {ADMINISTRATORS}"),
    ):
        with t.writes_nothing():
            response = client.post(url(step), {"op": "create", "name": name})
        assert response.status_code == 400
        assert any(e.startswith(message) for e in error_summary(response)), error_summary(response)
    done = client.post(url(step), {"op": "create", "name": "Finance Team"})
    assert done.status_code == 303
    step.refresh_from_db()
    assert step.group.name == "Finance Team"
    assert "The team Finance Team is created for Finance." in text(client.get(url(step)))
    assert AuditEntry.objects.filter(event=TEAM_CHANGED, object_id=str(step.pk)).exists()


def test_a_group_with_permissions_is_never_changed_here():
    """Adding someone to a step's team gives them the step alone: the Administrators, or a
    group carrying back-office permissions, are changed only by an administrator."""
    powerful = Group.objects.create(name="Finance Officers")
    powerful.permissions.add(Permission.objects.get(codename="change_meeting"))
    admins = Group.objects.get_or_create(name=ADMINISTRATORS)[0]
    ann = signer()
    client = officer()
    for group in (powerful, admins):
        step = ClearanceStep.objects.create(name=f"Step {group.pk}", group=group)
        page = text(client.get(url(step)))
        assert "only an administrator can change who is in it" in page
        assert "Add to the team" not in page
        with t.writes_nothing():
            response = client.post(url(step), {"op": "add", "user": ann.pk})
        assert response.status_code == 400
        assert error_summary(response) == [
            f"The group {group.name} gives its members permissions beyond signing off "
            "reports: only an administrator can change who is in it."
        ]
    assert not ann.groups.exists()


def test_only_those_who_may_change_clearance_steps(legal):  # noqa: F811
    ann = signer()
    for _, client, code in others():
        assert client.get(url(legal)).status_code == code
        assert client.post(url(legal), {"op": "add", "user": ann.pk}).status_code == code
    author = t.verified_login(Client(), t.account())
    assert author.get(url(legal)).status_code == 403
    assert author.post(url(legal), {"op": "add", "user": ann.pk}).status_code == 403
    allowed = t.verified_login(Client(), t.account(perms=("publishing.change_clearancestep",)))
    assert allowed.post(url(legal), {"op": "add", "user": ann.pk}).status_code == 303
    assert list(legal.group.user_set.all()) == [ann]
