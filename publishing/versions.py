"""Which version of a paper each reader gets: the one rule every surface asks.

A version is published when it carries ``published_at`` (publishing marks it, with the agenda,
a supplement or a replacement) or when the meeting's history records it as the version
published or the replacement (a historical record whose moment is not known leaves
``published_at`` empty but names the version). A newer version still in draft never replaces
it. A paper with no published version is not public at all (e.g. an appendix added to a
published report, until a supplement publishes it).

- The public (paper pages, PDFs, the API, search, the public pack): the published version.
- The members' pack and the restricted paper pages: the published version too, once the
  agenda is published. Before that only democratic services and the officers named on the
  report read drafts (``readable_version``); a councillor sees nothing until publication
  (statutory-rules §1B: the papers are the ones open to inspection, shared/docs).
- A pack built before publication (a proof for democratic services) holds the current drafts.
"""

from __future__ import annotations

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q

from access.rules import is_democratic_services, named_on, person_of
from meetings.models import Meeting
from papers.models import Document, DocumentVersion

from .models import EventKind, PublicationEvent
from .state import is_published

RELEASES = [EventKind.PAPER_PUBLISHED, EventKind.PAPER_REPLACED]


def _released() -> Exists:
    return Exists(PublicationEvent.objects.filter(version=OuterRef("pk"), kind__in=RELEASES))


def published_versions(doc_ids) -> dict[int, DocumentVersion]:
    """Each document's published version by document id, without its (possibly large)
    ``html`` and ``text``. One query (none for no documents)."""
    doc_ids = list(doc_ids)
    if not doc_ids:
        return {}
    released = ExpressionWrapper(
        Q(published_at__isnull=False) | _released(), output_field=BooleanField()
    )
    rows = (
        DocumentVersion.objects.filter(document_id__in=doc_ids)
        .annotate(released=released)
        .defer("html", "text")
        .order_by("document_id", "number")
    )
    published: dict[int, DocumentVersion] = {}
    for version in rows:  # in number order: the last released one wins
        if version.released:
            published[version.document_id] = version
    return published


def published_version(doc_id: int, *, full: bool = False) -> DocumentVersion | None:
    """One document's published version; with ``full``, its content loaded too."""
    version = published_versions([doc_id]).get(doc_id)
    if version is None or not full:
        return version
    return DocumentVersion.objects.get(pk=version.pk)


def pack_versions(meeting: Meeting, doc_ids) -> dict[int, DocumentVersion]:
    """The version of each document that goes into a pack of ``meeting`` (public or members'),
    with its content: the published one once the agenda is published (a paper without one is
    left out: it waits for its supplement); the current draft for a proof built before."""
    doc_ids = list(doc_ids)
    if is_published(meeting):
        chosen = [v.pk for v in published_versions(doc_ids).values()]
    else:
        latest: dict[int, int] = {}
        for pk, doc_id in (
            DocumentVersion.objects.filter(document_id__in=doc_ids)
            .order_by("number")
            .values_list("pk", "document_id")
        ):
            latest[doc_id] = pk
        chosen = list(latest.values())
    return {v.document_id: v for v in DocumentVersion.objects.filter(pk__in=chosen)}


def may_read_drafts(user, document: Document) -> bool:
    """Democratic services, and the officers named on the report, read unpublished papers."""
    if is_democratic_services(user):
        return True
    person = person_of(user)
    return person is not None and user.is_active and named_on(person, document)


def readable_version(user, meeting: Meeting, document: Document) -> DocumentVersion | None:
    """The version of a restricted paper an entitled ``user`` reads: the published one once
    the agenda is published; before that the draft, for ``may_read_drafts`` only."""
    if is_published(meeting):
        return published_version(document.pk, full=True)
    if may_read_drafts(user, document):
        return document.current_version()
    return None
