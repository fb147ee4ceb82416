"""Which version of a paper the public see: the latest one published.

A version is published when it carries ``published_at`` (publishing marks it) or when the
meeting's history records it as the version published or the replacement (a historical
record whose moment is not known leaves ``published_at`` empty but names the version). A
newer version still in draft never replaces it. A paper with no published version is not
public at all (e.g. an appendix added to a published report, until a supplement publishes it).
"""

from __future__ import annotations

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q

from papers.models import DocumentVersion
from publishing.models import EventKind, PublicationEvent

RELEASES = [EventKind.PAPER_PUBLISHED, EventKind.PAPER_REPLACED]


def _released() -> Exists:
    return Exists(PublicationEvent.objects.filter(version=OuterRef("pk"), kind__in=RELEASES))


def public_versions(doc_ids) -> dict[int, DocumentVersion]:
    """Each document's public version by document id, without its (possibly large) ``html``
    and ``text``. One query (none for no documents)."""
    doc_ids = list(doc_ids)
    if not doc_ids:
        return {}
    released = ExpressionWrapper(Q(published_at__isnull=False) | _released(),
                                 output_field=BooleanField())
    rows = (DocumentVersion.objects.filter(document_id__in=doc_ids).annotate(released=released)
            .defer("html", "text").order_by("document_id", "number"))
    published: dict[int, DocumentVersion] = {}
    for version in rows:  # in number order: the last released one wins
        if version.released:
            published[version.document_id] = version
    return published


def public_version(doc_id: int, *, full: bool = False) -> DocumentVersion | None:
    """One document's public version; with ``full``, its content loaded too (two queries)."""
    version = public_versions([doc_id]).get(doc_id)
    if version is None or not full:
        return version
    return DocumentVersion.objects.get(pk=version.pk)
