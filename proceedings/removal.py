"""Removing a row of a meeting's record, from any screen: an attendance, a declaration, a
motion, a minute, a resolution, an action…

Approved minutes are immutable (``rules.check_record_open``): once a meeting's minutes are
approved, nothing of its record is removed and the rule's message says why. A minute or a
resolution is removed by its own service (``minutes.delete_minute``,
``minutes.delete_resolution``), which applies its own refusals too.
"""

from __future__ import annotations

from django.db import transaction

from audit import trail
from audit.actors import Actor, require_model_permission

from . import minutes
from .models import Minute, Resolution
from .rules import check_record_open

# How a row of the record reaches its meeting, in the order tried.
_MEETING_PATHS = ("meeting_id", "minute.meeting_id", "motion.meeting_id", "vote.motion.meeting_id")


def meeting_id_of(obj) -> int | None:
    """The id of the meeting whose record ``obj`` is part of; None for a row of no meeting."""
    for path in _MEETING_PATHS:
        value = obj
        try:
            for part in path.split("."):
                value = getattr(value, part)
        except AttributeError:
            continue
        if value:
            return int(value)
    return None


def remove_from_record(obj, *, actor: Actor) -> None:
    """Remove ``obj`` from its meeting's record. Refused (``PermissionDenied``) for an actor
    without permission to remove such rows, and (``ValidationError``, nothing deleted) once
    the meeting's minutes are approved."""
    require_model_permission(actor, obj, "delete")
    with transaction.atomic():
        check_record_open(meeting_id_of(obj))
        if isinstance(obj, Minute):
            minutes.delete_minute(obj, actor=actor)
        elif isinstance(obj, Resolution):
            minutes.delete_resolution(obj, actor=actor)
        else:
            trail.delete(obj, actor=actor, event="proceedings.removed_from_record")
