"""The audit trail: every change to the record goes through ``save`` or ``delete`` here.

Each entry names its actor (``audit.actors``: required, never guessed) and a semantic event:
what the service did (``proceedings.vote_recorded``), or by default
``<app_label>.<model>_created``, ``_changed`` or ``_deleted``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.fields.files import FieldFile

from . import generation
from .actors import Actor, name_of, user_of
from .models import AuditEntry

M = TypeVar("M", bound=models.Model)

_SUFFIX = {
    AuditEntry.Action.CREATE: "created",
    AuditEntry.Action.UPDATE: "changed",
    AuditEntry.Action.DELETE: "deleted",
}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (dt.date, dt.time, dt.datetime, Decimal)):
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    if isinstance(value, FieldFile):
        return value.name or ""
    return str(value)


def snapshot(instance: models.Model) -> dict[str, Any]:
    """The instance's concrete field values as plain JSON-able data (foreign keys as ids)."""
    return {
        f.attname: _plain(getattr(instance, f.attname))
        for f in instance._meta.concrete_fields
        if not f.primary_key
    }


def default_event(action: str, instance: models.Model | type[models.Model]) -> str:
    """``<app_label>.<model>_created|_changed|_deleted``: the event of a plain change."""
    opts = instance._meta
    return f"{opts.app_label}.{opts.model_name}_{_SUFFIX[AuditEntry.Action(action)]}"


def record(
    action: str,
    instance: models.Model,
    changes: dict[str, Any],
    *,
    actor: Actor,
    event: str | None = None,
) -> AuditEntry:
    """Write one entry. Refuses (``audit.actors.check``) what is not a signed-in user or a
    system actor. Every entry is a change to the record: the public generation moves on once
    it commits (``audit.generation``), so no cached public page outlives it."""
    user, name = user_of(actor), name_of(actor)
    generation.changed()
    return AuditEntry.objects.create(
        actor=user,
        actor_name=name,
        action=action,
        event=event or default_event(action, instance),
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=True),
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        changes=changes,
    )


def diff(before: dict, after: dict) -> dict[str, list]:
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}


def save(instance: M, *, actor: Actor, event: str | None = None, validate: bool = True) -> M:
    """Validate (``full_clean``), save and audit ``instance`` in one transaction.

    Raises ``django.core.exceptions.ValidationError`` and saves nothing when invalid, and
    refuses a missing or anonymous actor before anything is saved.
    """
    user_of(actor)
    with transaction.atomic():
        creating = instance._state.adding or instance.pk is None
        before = {} if creating else snapshot(type(instance)._default_manager.get(pk=instance.pk))
        if validate:
            instance.full_clean()
        instance.save()
        changes = diff(before, snapshot(instance))
        if creating or changes:
            record(
                AuditEntry.Action.CREATE if creating else AuditEntry.Action.UPDATE,
                instance,
                changes,
                actor=actor,
                event=event,
            )
    return instance


def delete(instance: models.Model, *, actor: Actor, event: str | None = None) -> None:
    """Delete ``instance`` and audit it and every row deleted with it (a meeting's items, a
    person's memberships …), keeping their last values in the entries. ``event`` names the
    act for every entry it writes; by default each row's own ``…_deleted``."""
    from django.db import router
    from django.db.models.deletion import Collector

    user_of(actor)
    with transaction.atomic():
        collector = Collector(using=router.db_for_write(type(instance)))
        collector.collect([instance])
        doomed = [obj for objs in collector.data.values() for obj in objs]
        for obj in [instance] + [o for o in doomed if o is not instance and o != instance]:
            if isinstance(obj, AuditEntry):
                continue
            before = snapshot(obj)
            record(
                AuditEntry.Action.DELETE,
                obj,
                {k: [v, None] for k, v in before.items()},
                actor=actor,
                event=event,
            )
        instance.delete()
