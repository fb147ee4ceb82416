"""The record of an agenda published before Moot kept the record (e.g. the dispatch date
printed on an imported pack): an agenda publication, marked historical, with the papers'
history. Not a publication: nobody is summoned and nothing is checked. (The public history
of a meeting's publications is ``publishing.history``.)
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from audit import trail
from meetings.models import Meeting
from papers.models import ItemPaper

from . import deadlines
from .models import AgendaPublication, EventKind, PublicationEvent, PublicationKind
from .services import _documents, _event


def record_historical_publication(
    meeting: Meeting,
    published_at: dt.datetime | None,
    on_time: bool | None = None,
    *,
    actor_name: str = "demo",
) -> AgendaPublication:
    """Record that the agenda was published in the past (e.g. the printed dispatch date of
    an imported pack). Idempotent: an existing agenda publication is returned unchanged.

    ``published_at=None`` records a publication whose moment is not known; ``on_time=None``
    computes it from ``published_at`` (or leaves it unknown). Current versions of the papers
    are marked published at ``published_at`` when it is known. Sends no signal: nobody is
    to be summoned to a past meeting. No approval or deadline checks: this is a record of
    what happened, not a publication.
    """
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
                published_by_name=actor_name,
                deadline=due,
                on_time=on_time,
                historical=True,
                papers=[link.pk for link in links],
            ),
            actor_name=actor_name,
        )
        _event(
            publication,
            EventKind.AGENDA_PUBLISHED,
            "Recorded from the dispatch date printed on the agenda"
            if published_at
            else "Published before this record began; the date is not known",
            None,
            actor_name,
        )
        for doc in _documents(links):
            version = doc.current_version()
            if version is None:
                continue
            if published_at is not None and version.published_at is None:
                version.published_at = published_at
                trail.save(version, actor_name=actor_name, validate=False)
            trail.save(
                PublicationEvent(
                    meeting=meeting,
                    document=doc,
                    version=version,
                    publication=publication,
                    kind=EventKind.PAPER_PUBLISHED,
                    at=published_at,
                    by_name=actor_name,
                    note=f"Version {version.number}",
                ),
                actor_name=actor_name,
            )
    return publication
