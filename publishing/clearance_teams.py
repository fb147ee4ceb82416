"""The team that signs off a clearance step: a Django group whose members may each sign the
step off (``publishing.clearance.who_acts``). Democratic services manage it in the workspace
(``workspace.views.clearance_team``) through these services, each checking the actor,
validating and auditing the change as ``publishing.clearance_team_changed`` with the team's
members by name before and after.

A team is only a team: a group that carries any permission (the Administrators, or a group
giving back-office rights) is refused, so that adding someone to a step's team can never give
them more than the step.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.db import transaction

from access.rules import ADMINISTRATORS
from audit import trail
from audit.actors import Actor, require_model_permission
from audit.models import AuditEntry

from .clearance_steps import signer_choices
from .models import ClearanceStep

TEAM_CHANGED = "publishing.clearance_team_changed"


def name_of(user: User) -> str:
    return user.get_full_name() or user.get_username()


def members(group: Group) -> list[User]:
    return list(group.user_set.order_by("last_name", "first_name", "username"))


def locked(group: Group) -> str:
    """Why the workspace may not change ``group``'s members ("" when it may)."""
    if group.name == ADMINISTRATORS or group.permissions.exists():
        return (
            f"The group {group.name} gives its members permissions beyond signing off reports: "
            "only an administrator can change who is in it."
        )
    return ""


def _check(step: ClearanceStep, actor: Actor) -> Group:
    require_model_permission(actor, step)
    group = step.group
    if group is None:
        raise ValidationError(f"The clearance step {step} has no team: create one first.")
    why = locked(group)
    if why:
        raise ValidationError(why)
    return group


def _audit(step: ClearanceStep, group: Group, before: list[str], *, actor: Actor) -> None:
    after = sorted(name_of(u) for u in group.user_set.all())
    trail.record(
        AuditEntry.Action.UPDATE,
        step,
        {f"team {group.name}": [", ".join(before), ", ".join(after)]},
        actor=actor,
        event=TEAM_CHANGED,
    )


def add_to_team(step: ClearanceStep, user: User, *, actor: Actor) -> Group:
    """Add ``user`` to the team of ``step``. Refuses an actor who may not change clearance
    steps (``PermissionDenied``); (``ValidationError``, nothing saved) a step with no team, a
    team that carries permissions, an account that is not an active officer's, and one
    already in the team."""
    with transaction.atomic():
        group = _check(step, actor)
        if not signer_choices().filter(pk=user.pk).exists():
            raise ValidationError(
                {"user": f"{name_of(user)}: only active officers' accounts can be in a team."}
            )
        before = sorted(name_of(u) for u in group.user_set.all())
        if group.user_set.filter(pk=user.pk).exists():
            raise ValidationError({"user": f"{name_of(user)} is already in {group.name}."})
        user.groups.add(group)
        _audit(step, group, before, actor=actor)
    return group


def remove_from_team(step: ClearanceStep, user: User, *, actor: Actor) -> Group:
    """Take ``user`` out of the team of ``step``. Refuses as ``add_to_team`` does, and an
    account not in the team."""
    with transaction.atomic():
        group = _check(step, actor)
        before = sorted(name_of(u) for u in group.user_set.all())
        if not group.user_set.filter(pk=user.pk).exists():
            raise ValidationError(f"{name_of(user)} is not in {group.name}.")
        user.groups.remove(group)
        _audit(step, group, before, actor=actor)
    return group


def create_team(step: ClearanceStep, name: str, *, actor: Actor) -> Group:
    """A new team, named ``name``, made the team of ``step`` (which has none). Refuses an
    actor who may not change clearance steps; a blank name, one another group has, and a step
    that has a team already."""
    require_model_permission(actor, step)
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Enter the team's name, e.g. Legal Services."})
    with transaction.atomic():
        saved = ClearanceStep.objects.select_for_update().get(pk=step.pk)
        if saved.group_id is not None:
            raise ValidationError(f"The clearance step {step} already has a team.")
        if Group.objects.filter(name__iexact=name).exists():
            raise ValidationError(
                {"name": f"There is already a group called {name}: choose another name."}
            )
        group = Group.objects.create(name=name)
        trail.record(AuditEntry.Action.CREATE, group, {"name": [None, name]}, actor=actor)
        before = trail.snapshot(saved)
        saved.group = group
        saved.save(update_fields=["group"])
        trail.record(
            AuditEntry.Action.UPDATE,
            saved,
            trail.diff(before, trail.snapshot(saved)),
            actor=actor,
            event=TEAM_CHANGED,
        )
        step.group = group
    return group
