"""What is published: the gate the website and other apps use, and who may publish."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef

from audit.actors import Actor, manages_everything
from council.dates import authority_today
from meetings.models import Meeting

from .deadlines import local_date
from .models import AgendaPublication, PublicationKind


def is_published(meeting: Meeting) -> bool:
    """Are the meeting's agenda and public papers open to inspection?"""
    return AgendaPublication.objects.filter(meeting=meeting, kind=PublicationKind.AGENDA).exists()


def published_at(meeting: Meeting) -> dt.datetime | None:
    """When the agenda was published (None: not published, or a historical record whose
    moment is not known; ``is_published`` tells the two apart)."""
    return (
        AgendaPublication.objects.filter(meeting=meeting, kind=PublicationKind.AGENDA)
        .values_list("published_at", flat=True)
        .first()
    )


def dispatch_date(meeting: Meeting, supplement_papers: Iterable[int] | None = None) -> dt.date:
    """The date a pack of the meeting is dispatched, printed on its front sheet: the date the
    agenda was published; for a supplementary pack (``supplement_papers``: its item paper
    ids), the date of the latest supplement that made any of them public. A proof built
    before publication (or for a historical record whose moment is not known) is dated
    today, the authority's date. Every pack asks here (``papers/packs.py``,
    ``papers/pack/build.py``); the publication log is the record (docs/statutory-rules.md,
    five clear days)."""
    rows = AgendaPublication.objects.filter(meeting=meeting, published_at__isnull=False)
    if supplement_papers is None:
        chosen = list(rows.filter(kind=PublicationKind.AGENDA))
    else:
        wanted = set(supplement_papers)
        chosen = [row for row in rows if wanted & set(row.papers)]
    moments = [row.published_at for row in chosen if row.published_at is not None]
    return local_date(max(moments)) if moments else authority_today()


def published_exists(ref: str = "pk") -> Exists:
    """For querysets: ``Meeting.objects.filter(published_exists())`` or, from an item,
    ``AgendaItem.objects.filter(published_exists("meeting"))``. One subquery, no extra query."""
    return Exists(
        AgendaPublication.objects.filter(meeting=OuterRef(ref), kind=PublicationKind.AGENDA)
    )


def published_paper_ids(meeting: Meeting) -> set[int]:
    """The item papers (ids) made public by the meeting's agenda and supplements so far."""
    ids: set[int] = set()
    rows = AgendaPublication.objects.filter(meeting=meeting).values_list("papers", flat=True)
    for papers in rows:
        ids.update(papers)
    return ids


PUBLISHERS_ONLY = "Only democratic services may publish or change published papers."


def require_democratic_services(actor: Actor, refusal: str = PUBLISHERS_ONLY) -> None:
    """Publication is democratic services' act; a system actor (a command, the demo) is
    trusted. Anyone else, signed out included, is refused with ``refusal``."""
    if not manages_everything(actor):  # checks the actor; democratic services, or the system
        raise PermissionDenied(refusal)
