"""Setting up report clearance: the steps a report needs signed off (legal, finance …), who
signs each off and whether its author may sign off their own report.

``save_step`` is the one way a step changes — the workspace's clearance steps screen and the
back office both call it: it checks the actor, validates, saves in a transaction and writes
one audit entry naming the step's signers by name as well as its fields.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from audit import trail
from audit.actors import Actor, require_model_permission
from audit.models import AuditEntry

from .models import ClearanceStep

SAVED = "publishing.clearance_step_saved"


def may_manage_steps(user, adding: bool = False) -> bool:
    """Democratic services, or an officer holding the back office's permission to change (or
    add) clearance steps."""
    try:
        require_model_permission(user, ClearanceStep, "add" if adding else "change")
    except PermissionDenied:
        return False
    return True


def signer_choices():
    """The accounts a step may name: active officers' (staff) accounts, by name."""
    return User.objects.filter(is_active=True, is_staff=True).order_by(
        "last_name", "first_name", "username"
    )


def _names(users: Iterable[User]) -> list[str]:
    return sorted(u.get_full_name() or u.get_username() for u in users)


def save_step(
    step: ClearanceStep, *, group: Group | None, users: Iterable[User], actor: Actor
) -> ClearanceStep:
    """Create or change a clearance step: its name, order, whether it is in use, who signs
    it off (the members of ``group`` and the accounts ``users``; no one named: any officer)
    and whether it keeps duties separate (the report's author may not sign it off). Audited
    as ``publishing.clearance_step_saved``, the signers by name.

    Refuses (``PermissionDenied``) an actor who may not add or change clearance steps
    (democratic services may); (``ValidationError``, nothing saved) a blank name or one
    another step has, and an account that is not an active officer's (a councillor's, or
    one that can no longer sign in, could never sign the step off).
    """
    require_model_permission(actor, step)
    users = list(users)
    officers = set(signer_choices().filter(pk__in=[u.pk for u in users]))
    strangers = [u for u in users if u not in officers]
    if strangers:
        raise ValidationError(
            {
                "users": f"{', '.join(_names(strangers))}: only active officers' accounts "
                "can sign off a clearance step."
            }
        )
    with transaction.atomic():
        creating = step.pk is None
        if creating:
            before, signers_before = {}, []
        else:
            saved = ClearanceStep.objects.select_for_update().get(pk=step.pk)
            before, signers_before = trail.snapshot(saved), _names(saved.users.all())
        step.group = group
        step.full_clean()
        step.save()
        step.users.set(users)
        changes = trail.diff(before, trail.snapshot(step))
        signers = _names(users)
        if signers != signers_before:
            changes["signers"] = [", ".join(signers_before), ", ".join(signers)]
        if creating or changes:
            action = AuditEntry.Action.CREATE if creating else AuditEntry.Action.UPDATE
            trail.record(action, step, changes, actor=actor, event=SAVED)
    return step
