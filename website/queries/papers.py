"""Papers on the public site: what each agenda item lists, one paper's page, the home page's
recent papers and the sitemap's paper pages.

The rules everything here follows: a paper is public when it is unrestricted and, for an
appendix, its report is unrestricted too (an appendix goes with its report); and when its
attachment to the meeting has been published, by the agenda or a supplementary agenda
(``publication.paper_ids``). A restricted paper never reaches a template as a Document, only
as a ``Restricted`` notice carrying its label and Schedule 12A paragraph, so no template can
print its title by mistake. The version shown is the latest one published (``versions``): a
newer draft never replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from types import SimpleNamespace

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from meetings.models import AgendaItem, Meeting
from papers import files
from papers.models import (
    Classification,
    Document,
    DocumentVersion,
    ItemPaper,
    SourceKind,
    on_exempt_item_q,
    remember_exempt_items,
)
from publishing.state import published_exists

from .. import paper_body
from . import publication
from .versions import public_version, public_versions

UNRESTRICTED = Classification.UNRESTRICTED


def public_q(prefix: str = "") -> Q:
    """Documents the public may see (``prefix`` reaches the document from another model):
    ``is_public`` in SQL. A paper attached to exempt business is never public, whatever its
    own classification (``papers.models.on_exempt_item_q``)."""
    return Q(**{f"{prefix}classification": UNRESTRICTED}) & (
        Q(**{f"{prefix}parent__isnull": True})
        | Q(**{f"{prefix}parent__classification": UNRESTRICTED})
    ) & ~on_exempt_item_q(prefix)


def is_public(doc: Document) -> bool:
    """``Document.is_restricted`` (classification, or attached to exempt business) of the
    paper and, for an appendix, of its report."""
    return not doc.is_restricted and not (doc.parent_id and doc.parent.is_restricted)


def paper_url(meeting: Meeting, doc: Document) -> str:
    return reverse("website:paper", args=[meeting.pk, meeting.slug, doc.pk])


def has_version(ref: str = "pk") -> Exists:
    return Exists(DocumentVersion.objects.filter(document=OuterRef(ref)))


def file_size(version: DocumentVersion) -> int | None:
    """The uploaded PDF's size in bytes; None when the file is missing (its link then 404s,
    but the page listing it must still render)."""
    try:
        return version.source_file.size
    except OSError:
        return None


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
            return (f"Restricted document (exempt under paragraph {self.paragraph} of Part 1 of "
                    "Schedule 12A)")
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
        appendices.setdefault(a.parent_id, []).append(a)
    versions = public_versions(
        [d.pk for d in docs] + [a.pk for group in appendices.values() for a in group])
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
            top.appendices = [e for a in appendices.get(doc.pk, [])
                              if (e := entry(a, True, a.is_restricted)) is not None]
        if top is not None:
            result[doc.pk] = top
    return result


def attach_papers(meeting: Meeting, items: list[AgendaItem]) -> None:
    """Set ``item.listed_papers`` on each of ``items`` (sub-items included): the published
    papers only. Four queries, however many papers (none when nothing is published)."""
    published = publication.paper_ids(meeting)
    links = [link for link in ItemPaper.objects.filter(item__meeting=meeting)
             .select_related("document__parent").order_by("order", "pk")
             if link.pk in published] if published else []
    listed = entries(list({link.document_id: link.document for link in links}.values()))
    by_item: dict[int, list[Entry]] = {}
    for link in links:
        if link.document_id in listed:
            by_item.setdefault(link.item_id, []).append(listed[link.document_id])
    for i in items:
        i.listed_papers = by_item.get(i.pk, [])


# --- one paper's page ----------------------------------------------------------------------


@dataclass
class PaperPage:
    meeting: Meeting
    item: AgendaItem
    document: Document
    version: DocumentVersion
    entry: Paper  # the document as listed, with its appendices

    @property
    def is_pdf(self) -> bool:
        return self.entry.is_pdf

    @property
    def published(self):
        """When this version was published; None for a historical record whose moment is not
        known (the page then gives no date rather than the date the record was made)."""
        return self.version.published_at

    @property
    def from_pdf(self) -> bool:
        """No HTML: the page shows the text extracted from the uploaded PDF."""
        return not self.version.html and bool(self.version.text.strip())

    @cached_property
    def pdf(self) -> files.StoredFile | None:
        """The paper's PDF if there is one to describe now: the uploaded PDF, or a rendering
        already stored (``papers/files.py``; the PDF's own address renders one otherwise)."""
        return files.paper_pdf(self.document, self.version, self.meeting, render=False)

    @cached_property
    def original(self) -> files.StoredFile | None:
        """The Word (or other) file the paper was uploaded as, when it is not its PDF."""
        if self.version.source_kind == SourceKind.PDF:
            return None
        return files.original(self.version)

    @property
    def body(self) -> SimpleNamespace:
        """What paper_content.html prints as the body (it reads ``version.html``)."""
        if self.from_pdf:
            return SimpleNamespace(html=paper_body.as_html(self.version.text))
        html = paper_body.tidy_headings(self.version.html)
        return SimpleNamespace(html=paper_body.scrollable_tables(html))


REPORT_PARTS = ["report__signers__person", "report__recommendations", "report__pathway__body",
                "report__divisions"]


def public_document(meeting: Meeting, doc_pk: int) -> tuple[Document, ItemPaper] | None:
    """The document if the public may see it and its meeting's agenda (or a supplement) has
    published it here (itself, or as an appendix of a report that is). Three queries, one
    when nothing of the meeting is published."""
    published = publication.paper_ids(meeting)
    if not published:
        return None
    doc = Document.objects.select_related("parent").filter(pk=doc_pk).first()
    if doc is None or not is_public(doc):
        return None
    link = (ItemPaper.objects.filter(item__meeting=meeting, document_id=doc.parent_id or doc.pk,
                                     pk__in=published)
            .select_related("item").order_by("item__order", "order", "pk").first())
    if link is None:
        return None
    return doc, link


def paper_page(meeting: Meeting, doc_pk: int) -> PaperPage | None:
    """Everything a paper's page shows, or None when the public may not see it here. The
    version shown is the one published (``versions``), never a newer draft."""
    found = public_document(meeting, doc_pk)
    if found is None:
        return None
    doc, link = found
    doc = (Document.objects.select_related("report__to_body", "report__author",
                                           "report__director", "parent")
           .prefetch_related(*REPORT_PARTS).get(pk=doc.pk))
    if doc.parent_id is None:
        entry = entries([doc]).get(doc.pk)
        if not isinstance(entry, Paper):
            return None
        version = DocumentVersion.objects.get(pk=entry.version.pk)  # with its content
    else:
        version = public_version(doc.pk, full=True)
        if version is None:
            return None
        entry = Paper(doc, version)
    return PaperPage(meeting, link.item, doc, version, entry)


def public_original(meeting: Meeting, doc_pk: int) -> DocumentVersion | None:
    """The published version of a public paper of this meeting, if it was uploaded as a file
    (Word or PDF)."""
    found = public_document(meeting, doc_pk)
    if found is None:
        return None
    version = public_version(found[0].pk)
    if version is None or not version.source_file:
        return None
    return version


# --- lists across meetings -----------------------------------------------------------------


RECENT_CANDIDATES = 5  # times the limit: papers of published agendas, before the ids check


def _published_links():
    """Public papers with content on published agendas (their own attachment may still await
    a supplement: check the ids)."""
    return (ItemPaper.objects.filter(public_q("document__")).filter(has_version("document"))
            .filter(published_exists("item__meeting"))
            .select_related("document", "item__meeting__body"))


def recent(limit: int = 10) -> list[ItemPaper]:
    """The published papers most recently attached to meetings, public ones only. Two
    queries (one when there are none)."""
    candidates = list(_published_links().order_by("-added_at", "-pk")[:limit * RECENT_CANDIDATES])
    if not candidates:
        return []
    published = publication.all_paper_ids({link.item.meeting_id for link in candidates})
    return [link for link in candidates if link.pk in published][:limit]


def sitemap_pages() -> list[tuple[Meeting, Document, object]]:
    """(meeting, document, last changed) for every published public paper page. Three
    queries."""
    published = publication.all_paper_ids()
    links = [link for link in _published_links().order_by(
        "item__meeting__date", "item__meeting_id", "item__order", "order", "pk")
        if link.pk in published]
    appendices: dict[int, list[Document]] = {}
    # A subquery, not a list of ids: a large council's papers would exceed SQLite's limit
    # on query parameters.
    attached = ItemPaper.objects.values("document_id")
    for a in (Document.objects.filter(public_q(), parent_id__in=attached)
              .filter(has_version()).order_by("order", "pk")):
        appendices.setdefault(a.parent_id, []).append(a)
    pages, seen = [], set()
    for link in links:
        meeting = link.item.meeting
        for doc in [link.document, *appendices.get(link.document_id, [])]:
            if (meeting.pk, doc.pk) not in seen:  # a report on two items of one meeting
                seen.add((meeting.pk, doc.pk))
                pages.append((meeting, doc, doc.updated_at))
    return pages
