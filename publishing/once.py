"""Done once for each publication of a meeting's agenda, a supplement or its minutes.

The publication signals (``publishing.signals``) can reach a receiver twice — a retry, two
officers publishing at once — and what a receiver does must still happen once: the summons
issued (``summons.SummonsIssue``), the subscribers told (``feeds.PublicationNotice``). Each is
a model on ``OncePerPublication``: unique on (meeting, kind, publication), so the database
refuses a second row, and ``record_once`` makes the row and writes its audit entry, or says
that it was made before.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils import timezone

from audit import trail
from audit.actors import Actor
from audit.models import AuditEntry
from meetings.models import Meeting


class OncePerPublication(models.Model):
    """One publication (its key and moment) handled for a meeting; subclasses give the
    ``meeting`` and ``kind`` fields and the unique constraint over (meeting, kind,
    publication_key)."""

    publication_key = models.CharField(max_length=100)
    published_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-published_at", "-pk"]


Once = TypeVar("Once", bound=OncePerPublication)


def publication_key(publication: Any) -> str:
    """What identifies a publication: its id when it has one, and its time."""
    pk = getattr(publication, "pk", None)
    published_at = getattr(publication, "published_at", None)
    stamp = published_at.isoformat() if published_at else ""
    return f"{pk if pk is not None else ''}@{stamp}"[:100]


def publication_day(publication: Any) -> tuple[dt.datetime, dt.date]:
    """When the publication was made (now, for one that does not say), and its local day."""
    published_at = getattr(publication, "published_at", None) or timezone.now()
    if timezone.is_naive(published_at):
        published_at = timezone.make_aware(published_at)
    return published_at, timezone.localdate(published_at)


def record_once(
    model: type[Once], meeting: Meeting, kind: str, publication: Any, *, actor: Actor, event: str
) -> Once | None:
    """The row recording that ``publication`` of ``meeting`` was handled as ``kind``, made now
    and audited as ``event``; None when it was made before (nothing is written). Run it in the
    transaction of what it records, so a failure afterwards leaves no row behind."""
    published_at, _ = publication_day(publication)
    with transaction.atomic():
        row, created = model._default_manager.get_or_create(
            meeting=meeting,
            kind=kind,
            publication_key=publication_key(publication),
            defaults={"published_at": published_at},
        )
        if not created:
            return None
        trail.record(
            AuditEntry.Action.CREATE,
            row,
            trail.diff({}, trail.snapshot(row)),
            actor=actor,
            event=event,
        )
    return row
