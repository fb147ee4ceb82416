"""``publishing.clearance_steps.save_step``: the one way a clearance step changes, from the
workspace and from the back office: the actor checked, only officers named to sign it off,
nothing saved when refused, one audit entry naming the signers."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from audit.models import AuditEntry
from moot import testing as t
from publishing.clearance import may_act
from publishing.clearance_steps import SAVED, may_manage_steps, save_step
from publishing.models import ClearanceStep

pytestmark = pytest.mark.django_db


def test_the_signers_are_set_and_audited_by_name():
    officer = t.account(democratic_services=True)
    ann = t.account("ann")
    step = save_step(ClearanceStep(name="Legal"), group=None, users=[ann], actor=officer)
    assert may_act(ann, step) and not may_act(t.account(), step)
    entry = AuditEntry.objects.get(event=SAVED, action="create")
    assert entry.changes["signers"] == ["", "ann"] and entry.actor == officer
    team = Group.objects.create(name="Finance Team")
    save_step(step, group=team, users=[], actor=officer)
    changed = AuditEntry.objects.get(event=SAVED, action="update")
    assert changed.changes["signers"] == ["ann", ""]
    assert changed.changes["group_id"] == [None, team.pk]
    save_step(step, group=team, users=[], actor=officer)  # no change: no entry
    assert AuditEntry.objects.filter(event=SAVED).count() == 2


def test_only_officers_sign_off_and_nothing_is_saved_when_refused():
    councillor = User.objects.create_user("councillor-signer")
    gone = t.account("gone")
    gone.is_active = False
    gone.save()
    for who in (councillor, gone):
        with t.writes_nothing(), pytest.raises(ValidationError, match="only active officers"):
            save_step(
                ClearanceStep(name="Legal"),
                group=None,
                users=[who],
                actor=t.account(democratic_services=True),
            )
    assert not ClearanceStep.objects.filter(name="Legal").exists()
    ClearanceStep.objects.create(name="Finance")
    with t.writes_nothing(), pytest.raises(ValidationError):
        save_step(
            ClearanceStep(name="Finance"),
            group=None,
            users=[],
            actor=t.account(democratic_services=True),
        )


def test_who_may_set_up_clearance():
    holder = t.account(perms=("publishing.change_clearancestep",))
    step = ClearanceStep.objects.create(name="Legal")
    assert may_manage_steps(holder) and not may_manage_steps(holder, adding=True)
    save_step(step, group=None, users=[], actor=holder)
    for actor in (t.account(), None):
        assert not may_manage_steps(actor)
        with t.writes_nothing(), pytest.raises(PermissionDenied):
            save_step(step, group=None, users=[], actor=actor)


def test_the_back_office_saves_through_the_service(admin_client):
    ann = t.account("ann-admin")
    data = {"name": "Legal", "order": "1", "active": "on", "separate_from_author": "on"}
    response = admin_client.post(
        reverse("admin:publishing_clearancestep_add"), data | {"users": [ann.pk]}
    )
    assert response.status_code == 302
    step = ClearanceStep.objects.get(name="Legal")
    assert list(step.users.all()) == [ann]
    assert AuditEntry.objects.get(event=SAVED).changes["signers"] == ["", "ann-admin"]
    councillor = User.objects.create_user("councillor-admin")
    url = reverse("admin:publishing_clearancestep_change", args=[step.pk])
    with t.writes_nothing():
        refused = admin_client.post(url, data | {"users": [councillor.pk]})
    assert refused.status_code == 200
    assert "only active officers" in refused.content.decode()
    assert list(step.users.all()) == [ann]
