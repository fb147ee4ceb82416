"""The demo's agenda packs: ``moot demo`` queues, for the task worker (``make run`` starts
one; ``papers/tasks.py``), the public and members' packs of every published demo meeting, so
that the demo shows the product with its packs. Nothing is built here.

Idempotent: a pack already queued, building or built is not queued again (a failed one is).
A pack not yet built takes every paper attached when it builds, so a supplement's papers go
in a supplementary pack only once the agenda pack holding the earlier papers is built.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from audit.actors import Actor
from meetings.models import Meeting
from papers import packs
from papers.models import AgendaPack, PackKind, PackStatus
from publishing.state import published_exists, published_paper_ids

LIVE = [PackStatus.QUEUED, PackStatus.BUILDING, PackStatus.BUILT]
KINDS = (PackKind.PUBLIC, PackKind.MEMBERS)


def queue_packs(actor: Actor) -> tuple[list[AgendaPack], list[str]]:
    """Queue the packs missing from the published meetings; returns the packs queued and,
    in plain words, the packs that could not be (e.g. a paper not ready for a pack)."""
    queued: list[AgendaPack] = []
    refused: list[str] = []
    meetings = Meeting.objects.filter(published_exists()).select_related("body")
    for meeting in meetings.order_by("date", "pk"):
        for kind in KINDS:
            try:
                with transaction.atomic():
                    pack = _queue_missing(meeting, kind, actor)
            except ValidationError as exc:
                refused.append(f"{meeting} ({PackKind(kind).label}): {'; '.join(exc.messages)}")
                continue
            if pack is not None:
                queued.append(pack)
    return queued, refused


def _queue_missing(meeting: Meeting, kind: str, actor: Actor) -> AgendaPack | None:
    live = AgendaPack.objects.filter(meeting=meeting, kind=kind, status__in=LIVE)
    if not live.filter(supplement=0).exists():
        return packs.request_pack(meeting, kind, actor=actor)
    if live.exclude(status=PackStatus.BUILT).exists():
        return None  # a pack still to build takes the papers attached when it builds
    included = {pk for ids in live.values_list("papers", flat=True) for pk in ids}
    if published_paper_ids(meeting) - included:
        return packs.request_pack(meeting, kind, supplementary=True, actor=actor)
    return None
