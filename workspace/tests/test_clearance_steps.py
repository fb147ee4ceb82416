"""Clearance steps in the workspace (``/office/clearance-steps/``): who signs off each step,
whether it is in use and whether its author may sign off their own report, saved through
``publishing.clearance_steps.save_step``; for democratic services and officers holding the
permission, and nobody else. Bad input: the error summary, what was typed kept, a 400 and
nothing saved."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from audit.models import AuditEntry
from moot import testing as t
from publishing.clearance_steps import SAVED
from publishing.models import ClearanceStep

from .helpers import error_summary, officer, others, text, value_of

pytestmark = pytest.mark.django_db

LIST = "/office/clearance-steps/"
NEW = "/office/clearance-steps/new/"


def url(step) -> str:
    return f"/office/clearance-steps/{step.pk}/"


@pytest.fixture
def legal():
    team = Group.objects.create(name="Legal Services")
    step = ClearanceStep.objects.create(name="Legal", order=1, group=team)
    return step


def signer(name: str = "Ann", surname: str = "Allen") -> User:
    user = t.account()
    user.first_name, user.last_name = name, surname
    user.save()
    return user


def test_the_steps_are_listed_with_who_signs_them_off(legal):
    ClearanceStep.objects.create(name="Finance", order=2, active=False)
    page = officer().get(LIST)
    assert page.status_code == 200
    words = text(page)
    assert "Legal Legal Services Not the report's author In use" in words
    assert "Finance Any officer Not the report's author Not in use" in words
    assert f'href="{url(legal)}"' in page.content.decode()
    assert f'href="{LIST}"' in officer().get("/office/").content.decode()  # from the home page


def test_who_signs_off_a_step_is_changed_and_audited(legal):
    ann = signer()
    data = {
        "name": "Legal",
        "order": "1",
        "group": "",
        "users": [ann.pk],
        "separate_from_author": "",
        "active": "on",
    }
    client = officer()
    response = client.post(url(legal), data)
    assert response.status_code == 303 and response["Location"] == LIST
    legal.refresh_from_db()
    assert legal.group is None and list(legal.users.all()) == [ann]
    assert legal.separate_from_author is False
    entry = AuditEntry.objects.get(event=SAVED, object_id=str(legal.pk))
    assert entry.changes["signers"] == ["", "Ann Allen"]
    assert entry.changes["group_id"][1] is None
    assert "The clearance step “Legal” is saved." in text(client.get(LIST))


def test_a_new_step():
    data = {
        "name": "Finance",
        "order": "",
        "group": "",
        "separate_from_author": "on",
        "active": "on",
    }
    assert officer().post(NEW, data).status_code == 303
    step = ClearanceStep.objects.get(name="Finance")
    assert (step.order, step.active, step.separate_from_author) == (0, True, True)
    assert AuditEntry.objects.filter(event=SAVED, object_id=str(step.pk), action="create").exists()


@pytest.mark.parametrize(
    ("change", "message", "link"),
    [
        ({"name": ""}, "Enter the step's name, e.g. Legal.", "#id_name"),
        (
            {"name": "Finance"},
            "There is already a clearance step called Finance: choose another name.",
            "#id_name",
        ),
        ({"order": "soon"}, "Enter the order as a whole number, e.g. 2.", "#id_order"),
        ({"group": "999999"}, "Choose a team from the list.", "#id_group"),
        ({"users": ["999999"]}, "Choose officers from the list.", "#id_users_0"),
    ],
)
def test_bad_input_is_refused_with_what_was_typed_kept(legal, change, message, link):
    ClearanceStep.objects.create(name="Finance", order=2)
    data = {"name": "Legal services", "order": "3", "group": legal.group_id, "active": "on"}
    data |= change
    with t.writes_nothing():
        response = officer().post(url(legal), data)
    assert response.status_code == 400
    assert error_summary(response) == [message]
    assert f'<a href="{link}">' in response.content.decode()
    if "name" not in change:
        assert value_of(response, "name") == "Legal services"
    legal.refresh_from_db()
    assert (legal.name, legal.order) == ("Legal", 1)


def test_a_councillor_cannot_be_named_to_sign_off(legal):
    """Only active officers' accounts are offered; one posted anyway is refused."""
    councillor = User.objects.create_user("councillor-steps")
    page = officer().get(url(legal)).content.decode()
    assert f'name="users" type="checkbox" value="{councillor.pk}"' not in page
    assert 'name="users" type="checkbox"' in page  # officers' accounts are offered
    with t.writes_nothing():
        response = officer().post(url(legal), {"name": "Legal", "users": [councillor.pk]})
    assert response.status_code == 400
    assert error_summary(response) == ["Choose officers from the list."]


def test_an_officer_with_the_permission_may_and_others_may_not(legal):
    allowed = t.verified_login(Client(), t.account(perms=("publishing.change_clearancestep",)))
    assert allowed.get(url(legal)).status_code == 200
    assert allowed.get(LIST).status_code == 200
    assert allowed.get(NEW).status_code == 403  # adding needs the add permission
    data = {"name": "Legal", "order": "1", "active": "on", "separate_from_author": "on"}
    assert allowed.post(url(legal), data).status_code == 303
    for who, client, status in others():
        with t.writes_nothing():
            for address in (LIST, url(legal), NEW):
                assert client.get(address).status_code == status, (who, address)
            assert client.post(url(legal), data).status_code == status, who
    assert officer().get("/office/clearance-steps/999999/").status_code == 404
