"""Whether a meeting's agenda is published: publishing's to decide, asked here by the agenda
builder's services (``meetings.agenda``, ``meetings.agenda_templates``), which refuse to
change a published agenda. Meetings sit below publishing (docs/architecture.md, "Layers"), so
publishing registers its rule when the apps load; without it these services refuse to work
rather than guess that an agenda is not published.

``meetings.services.save_agenda_item`` does not ask (the back office, the demo and
``publishing.changes`` use it and decide for themselves): see ``publishing/changes.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.core.exceptions import ImproperlyConfigured, ValidationError

if TYPE_CHECKING:
    from .models import Meeting

IsPublished = Callable[["Meeting"], bool]

_registered: list[IsPublished] = []


def register(*, is_published: IsPublished) -> None:
    """``is_published(meeting) -> bool`` (``publishing.state.is_published``)."""
    _registered[:] = [is_published]


def is_published(meeting: Meeting) -> bool:
    if not _registered:
        raise ImproperlyConfigured(
            "The publishing app decides whether an agenda is published; it is not installed."
        )
    return _registered[0](meeting)


def refuse_if_published(meeting: Meeting, change: str) -> None:
    """``ValidationError`` naming ``change`` (e.g. "renumber its items") when the meeting's
    agenda is published: the published numbers and items are cited from then on."""
    if is_published(meeting):
        raise ValidationError(
            f"The agenda of {meeting} has been published, so you can no longer {change}: "
            "its items and their numbers are cited as published. Add urgent business as an "
            "urgent item; withdraw or replace papers from the meeting's publication."
        )
