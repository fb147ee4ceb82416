"""The audit trail: every change to the record goes through ``save`` or ``delete`` here."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.fields.files import FieldFile

from .middleware import current_user
from .models import AuditEntry


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


def _actor(actor):
    actor = actor if actor is not None else current_user()
    if actor is not None and getattr(actor, "is_authenticated", False):
        return actor, actor.get_username()
    return None, ""


def record(
    action: str, instance: models.Model, changes: dict, actor=None, actor_name: str = ""
) -> AuditEntry:
    user, name = _actor(actor)
    return AuditEntry.objects.create(
        actor=user,
        actor_name=name or actor_name,
        action=action,
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=True),
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        changes=changes,
    )


def diff(before: dict, after: dict) -> dict[str, list]:
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}


def save(
    instance: models.Model, actor=None, actor_name: str = "", validate: bool = True
) -> models.Model:
    """Validate (``full_clean``), save and audit ``instance`` in one transaction.

    Raises ``django.core.exceptions.ValidationError`` and saves nothing when invalid.
    """
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
                actor,
                actor_name,
            )
    return instance


def delete(instance: models.Model, actor=None, actor_name: str = "") -> None:
    """Delete ``instance`` and audit it and every row deleted with it (a meeting's items, a
    person's memberships …), keeping their last values in the entries."""
    from django.db import router
    from django.db.models.deletion import Collector

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
                actor,
                actor_name,
            )
        instance.delete()
