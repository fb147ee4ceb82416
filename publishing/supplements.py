"""Supplementary agendas (LGA 1972 s.100B): the papers attached after the agenda was
published, published as supplementary agenda 1, 2 …, with their history and supplementary
packs. Like ``publishing.services``, of whose helpers it is made, it validates, changes the
record in one transaction, writes the audit trail, and raises ``ValidationError`` (nothing
saved) when it refuses; ``supplement_published`` goes out only after the transaction commits.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from audit import trail
from audit.actors import Actor, name_of, user_of
from meetings.models import Meeting
from papers import packs
from papers.models import AgendaPack, PackKind, PackStatus

from . import deadlines, signals
from .models import AgendaPublication, EventKind, PublicationKind
from .services import (
    _announce,
    _event,
    _lock_meeting,
    _problems,
    _publish_papers,
    pending_papers,
)
from .state import is_published, require_democratic_services


def _needs_supplementary_pack(meeting: Meeting, kind: str, link_ids: list[int]) -> bool:
    """Whether papers' pack service has anything to add for ``kind``. A pack not yet built
    takes every paper attached when it builds, so it will already include these."""
    built = AgendaPack.objects.filter(meeting=meeting, kind=kind, status=PackStatus.BUILT)
    if not built.exists():
        return False
    included = {pk for ids in built.values_list("papers", flat=True) for pk in ids}
    return any(pk not in included for pk in link_ids)


PUBLISHED = "publishing.supplement_published"


def publish_supplement(
    meeting: Meeting, *, actor: Actor, now: dt.datetime | None = None
) -> AgendaPublication:
    """Publish, as supplementary agenda 1, 2 …, the papers attached since the agenda was
    published: their versions are marked published, the history recorded, supplementary
    packs requested, and ``supplement_published`` sent after commit. A supplement after the
    deadline is recorded as late but not refused: late papers for items already on the agenda
    are flagged, not blocked (statutory-rules §1.6).

    Refuses (nothing saved): an actor who is not democratic services; a meeting whose agenda
    is not published; no papers added since; papers not ready or reports not approved.
    """
    require_democratic_services(actor)
    now = now or timezone.now()
    with transaction.atomic():
        _lock_meeting(meeting)
        if not is_published(meeting):
            raise ValidationError(
                f"The agenda of {meeting} is not published yet: publish the "
                "agenda, which includes every paper attached so far."
            )
        links = pending_papers(meeting)
        if not links:
            raise ValidationError("No papers have been added since the agenda was published.")
        problems = _problems(meeting, links)
        if problems:
            raise ValidationError(problems)
        number = (
            AgendaPublication.objects.filter(meeting=meeting).aggregate(n=Max("number"))["n"] or 0
        ) + 1
        due = deadlines.deadline(meeting)
        publication = trail.save(
            AgendaPublication(
                meeting=meeting,
                kind=PublicationKind.SUPPLEMENT,
                number=number,
                published_at=now,
                published_by=user_of(actor),
                published_by_name=name_of(actor),
                deadline=due,
                on_time=deadlines.on_time(meeting, now, due),
                papers=[link.pk for link in links],
            ),
            actor=actor,
            event=PUBLISHED,
        )
        titles = "; ".join(f"item {link.item.number}" for link in links)
        _event(
            publication,
            EventKind.SUPPLEMENT_PUBLISHED,
            f"Supplementary agenda {number}: papers for {titles}",
            actor=actor,
            event=PUBLISHED,
        )
        _publish_papers(publication, links, actor=actor, event=PUBLISHED)
        ids = [link.pk for link in links]
        for kind in (PackKind.PUBLIC, PackKind.MEMBERS):
            if _needs_supplementary_pack(meeting, kind, ids):
                packs.request_pack(meeting, kind, supplementary=True, actor=actor)
        transaction.on_commit(partial(_announce, signals.supplement_published, publication))
    return publication
