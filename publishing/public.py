"""The public gate for papers: which papers the public may see, and in what form every
reader (the website, the API, search, the modern.gov service, the decisions register) is
given them.

The rules everything here follows: a paper is public when it is unrestricted and, for an
appendix, its report is unrestricted too (an appendix goes with its report); and when its
attachment to the meeting has been published, by the agenda or a supplementary agenda
(``inspection.paper_ids``). A restricted paper never reaches a template as a Document, only
as a ``Restricted`` notice carrying its label and Schedule 12A paragraph, so no template can
print its title by mistake. The version shown is the latest one published (``versions``): a
newer draft never replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import cast

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from meetings.models import AgendaItem, Meeting
from papers.models import (
    Classification,
    Document,
    DocumentVersion,
    ItemPaper,
    SourceKind,
    on_exempt_item_q,
    remember_exempt_items,
)
from papers.storage import StorageUnavailable

from . import inspection
from .versions import published_version, published_versions

UNRESTRICTED = Classification.UNRESTRICTED


def public_q(prefix: str = "") -> Q:
    """Documents the public may see (``prefix`` reaches the document from another model):
    ``is_public`` in SQL. A paper attached to exempt business is never public, whatever its
    own classification (``papers.models.on_exempt_item_q``)."""
    return (
        Q(**{f"{prefix}classification": UNRESTRICTED})
        & (
            Q(**{f"{prefix}parent__isnull": True})
            | Q(**{f"{prefix}parent__classification": UNRESTRICTED})
        )
        & ~on_exempt_item_q(prefix)
    )


def is_public(doc: Document) -> bool:
    """``Document.is_restricted`` (classification, or attached to exempt business) of the
    paper and, for an appendix, of its report."""
    return not doc.is_restricted and not (doc.parent is not None and doc.parent.is_restricted)


def paper_url(meeting: Meeting, doc: Document) -> str:
    return reverse("website:paper", args=[meeting.pk, meeting.slug, doc.pk])


def has_version(ref: str = "pk") -> Exists:
    return Exists(DocumentVersion.objects.filter(document=OuterRef(ref)))


def file_size(version: DocumentVersion) -> int | None:
    """The uploaded PDF's size in bytes; None when the file is missing (its link then 404s,
    but the page listing it must still render) or the file store is down."""
    try:
        size: int = version.source_file.size  # FileField is untyped in django-stubs
    except (OSError, StorageUnavailable):
        return None
    return size


# --- what an agenda item lists -------------------------------------------------------------


@dataclass
class Restricted:
    """A restricted paper as the public sees it: that it exists, and why it is withheld."""

    label: str  # "Appendix A" for an appendix; the title is deliberately not carried
    paragraph: int | None
    is_appendix: bool
    is_restricted: bool = True

    @property
    def notice(self) -> str:
        if self.is_appendix:
            reason = f"paragraph {self.paragraph}" if self.paragraph else "confidential"
            return f"{self.label or 'Appendix'}: restricted ({reason})"
        if self.paragraph:
            return (
                f"Restricted document (exempt under paragraph {self.paragraph} of Part 1 of "
                "Schedule 12A)"
            )
        return "Restricted document (confidential information)"


@dataclass
class Paper:
    """A public paper with its current version (its ``html`` and ``text`` not loaded)."""

    document: Document
    version: DocumentVersion
    appendices: list[Paper | Restricted] = field(default_factory=list)
    is_restricted: bool = False

    @property
    def is_pdf(self) -> bool:
        return self.version.source_kind == SourceKind.PDF and bool(self.version.source_file)

    @cached_property
    def size(self) -> int | None:
        return file_size(self.version) if self.is_pdf else None


Entry = Paper | Restricted


def entries(docs: list[Document]) -> dict[int, Entry]:
    """Attached documents (``parent`` loaded) by id as listed: public ones with their
    appendices, restricted ones as a notice only. Documents with no content yet are left
    out, as the pack leaves them out. Two queries (none when ``docs`` is empty)."""
    if not docs:
        return {}
    appendices: dict[int, list[Document]] = {}
    for a in Document.objects.filter(parent_id__in=[d.pk for d in docs]).order_by("order", "pk"):
        # An appendix has its parent (the query asks for those of ``docs``).
        appendices.setdefault(cast(int, a.parent_id), []).append(a)
    versions = published_versions(
        [d.pk for d in docs] + [a.pk for group in appendices.values() for a in group]
    )
    remember_exempt_items([*docs, *(a for group in appendices.values() for a in group)])

    def entry(doc: Document, appendix: bool, restricted: bool) -> Entry | None:
        if doc.pk not in versions:
            return None
        if restricted:
            return Restricted(doc.label, doc.withheld_paragraph, appendix)
        return Paper(doc, versions[doc.pk])

    result = {}
    for doc in docs:
        top = entry(doc, appendix=False, restricted=not is_public(doc))
        if isinstance(top, Paper):
            # A restricted report's appendices are not listed at all: they go with it.
            top.appendices = [
                e
                for a in appendices.get(doc.pk, [])
                if (e := entry(a, True, a.is_restricted)) is not None
            ]
        if top is not None:
            result[doc.pk] = top
    return result


def attach_papers(meeting: Meeting, items: list[AgendaItem]) -> None:
    """Set ``item.listed_papers`` on each of ``items`` (sub-items included): the published
    papers only. Four queries, however many papers (none when nothing is published)."""
    published = inspection.paper_ids(meeting)
    links = (
        [
            link
            for link in ItemPaper.objects.filter(item__meeting=meeting)
            .select_related("document__parent")
            .order_by("order", "pk")
            if link.pk in published
        ]
        if published
        else []
    )
    listed = entries(list({link.document_id: link.document for link in links}.values()))
    by_item: dict[int, list[Entry]] = {}
    for link in links:
        if link.document_id in listed:
            by_item.setdefault(link.item_id, []).append(listed[link.document_id])
    for i in items:
        i.listed_papers = by_item.get(i.pk, [])


def public_document(meeting: Meeting, doc_pk: int) -> tuple[Document, ItemPaper] | None:
    """The document if the public may see it and its meeting's agenda (or a supplement) has
    published it here (itself, or as an appendix of a report that is). Three queries, one
    when nothing of the meeting is published."""
    published = inspection.paper_ids(meeting)
    if not published:
        return None
    doc = Document.objects.select_related("parent").filter(pk=doc_pk).first()
    if doc is None or not is_public(doc):
        return None
    link = (
        ItemPaper.objects.filter(
            item__meeting=meeting, document_id=doc.parent_id or doc.pk, pk__in=published
        )
        .select_related("item")
        .order_by("item__order", "order", "pk")
        .first()
    )
    if link is None:
        return None
    return doc, link


def public_original(meeting: Meeting, doc_pk: int) -> DocumentVersion | None:
    """The published version of a public paper of this meeting, if it was uploaded as a file
    (Word or PDF)."""
    found = public_document(meeting, doc_pk)
    if found is None:
        return None
    version = published_version(found[0].pk)
    if version is None or not version.source_file:
        return None
    return version
