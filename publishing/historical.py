"""The record of an agenda published before Moot kept the record (e.g. the dispatch date
printed on an imported pack): an agenda publication, marked historical, with the papers'
history. Not a publication: nobody is summoned and nothing is checked. (The public history
of a meeting's publications is ``publishing.history``.)
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from audit import trail
from audit.actors import Actor, name_of, user_of
from meetings.models import Meeting
from papers.models import ItemPaper

from . import deadlines
from .models import AgendaPublication, EventKind, PublicationEvent, PublicationKind
from .services import _documents, _event
from .state import require_democratic_services

RECORDED = "publishing.historical_publication_recorded"


def record_historical_publication(
    meeting: Meeting,
    published_at: dt.datetime | None,
    on_time: bool | None = None,
    *,
    actor: Actor,
) -> AgendaPublication:
    """Record that the agenda was published in the past (e.g. the printed dispatch date of
    an imported pack). Idempotent: an existing agenda publication is returned unchanged.

    ``published_at=None`` records a publication whose moment is not known; ``on_time=None``
    computes it from ``published_at`` (or leaves it unknown). Current versions of the papers
    are marked published at ``published_at`` when it is known. Sends no signal: nobody is
    to be summoned to a past meeting. No approval or deadline checks: this is a record of
    what happened, not a publication. Refuses (``PermissionDenied``) an actor who is not
    democratic services (the demo loader is a system actor).
    """
    require_democratic_services(actor)
    existing = AgendaPublication.objects.filter(meeting=meeting, kind=PublicationKind.AGENDA)
    if existing.exists():
        return existing.get()
    due = deadlines.deadline(meeting)
    if on_time is None and published_at is not None:
        on_time = deadlines.on_time(meeting, published_at, due)
    with transaction.atomic():
        links = list(ItemPaper.objects.filter(item__meeting=meeting).select_related("document"))
        publication = trail.save(
            AgendaPublication(
                meeting=meeting,
                kind=PublicationKind.AGENDA,
                number=0,
                published_at=published_at,
                published_by=user_of(actor),
                published_by_name=name_of(actor),
                deadline=due,
                on_time=on_time,
                historical=True,
                papers=[link.pk for link in links],
            ),
            actor=actor,
            event=RECORDED,
        )
        _event(
            publication,
            EventKind.AGENDA_PUBLISHED,
            "Recorded from the dispatch date printed on the agenda"
            if published_at
            else "Published before this record began; the date is not known",
            actor=actor,
            event=RECORDED,
        )
        for doc in _documents(links):
            version = doc.current_version()
            if version is None:
                continue
            if published_at is not None and version.published_at is None:
                version.published_at = published_at
                trail.save(version, actor=actor, event=RECORDED, validate=False)
            trail.save(
                PublicationEvent(
                    meeting=meeting,
                    document=doc,
                    version=version,
                    publication=publication,
                    kind=EventKind.PAPER_PUBLISHED,
                    at=published_at,
                    by=user_of(actor),
                    by_name=name_of(actor),
                    note=f"Version {version.number}",
                ),
                actor=actor,
                event=RECORDED,
            )
    return publication
