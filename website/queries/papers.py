"""Papers on the public site: one paper's page, the home page's recent papers and the
sitemap's paper pages. Which papers are public, and what an agenda item lists, is
publishing's gate (``publishing/public.py``), asked by every reader alike."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from types import SimpleNamespace

from meetings.models import AgendaItem, Meeting
from papers import files
from papers.models import Document, DocumentVersion, ItemPaper, SourceKind
from publishing import inspection
from publishing.public import Paper, entries, has_version, public_document, public_q
from publishing.state import published_exists
from publishing.versions import published_version

from .. import paper_body

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
        return files.original(self.version, page=True)

    @property
    def body(self) -> SimpleNamespace:
        """What paper_content.html prints as the body (it reads ``version.html``)."""
        if self.from_pdf:
            return SimpleNamespace(html=paper_body.as_html(self.version.text))
        html = paper_body.tidy_headings(self.version.html)
        return SimpleNamespace(html=paper_body.scrollable_tables(html))


REPORT_PARTS = [
    "report__signers__person",
    "report__recommendations",
    "report__pathway__body",
    "report__divisions",
]


def paper_page(meeting: Meeting, doc_pk: int) -> PaperPage | None:
    """Everything a paper's page shows, or None when the public may not see it here. The
    version shown is the one published (``versions``), never a newer draft."""
    found = public_document(meeting, doc_pk)
    if found is None:
        return None
    doc, link = found
    doc = (
        Document.objects.select_related(
            "report__to_body", "report__author", "report__director", "parent"
        )
        .prefetch_related(*REPORT_PARTS)
        .get(pk=doc.pk)
    )
    if doc.parent_id is None:
        entry = entries([doc]).get(doc.pk)
        if not isinstance(entry, Paper):
            return None
        version = DocumentVersion.objects.get(pk=entry.version.pk)  # with its content
    else:
        version = published_version(doc.pk, full=True)
        if version is None:
            return None
        entry = Paper(doc, version)
    return PaperPage(meeting, link.item, doc, version, entry)


# --- lists across meetings -----------------------------------------------------------------


RECENT_CANDIDATES = 5  # times the limit: papers of published agendas, before the ids check


def _published_links():
    """Public papers with content on published agendas (their own attachment may still await
    a supplement: check the ids)."""
    return (
        ItemPaper.objects.filter(public_q("document__"))
        .filter(has_version("document"))
        .filter(published_exists("item__meeting"))
        .select_related("document", "item__meeting__body")
    )


def recent(limit: int = 10) -> list[ItemPaper]:
    """The published papers most recently attached to meetings, public ones only. Two
    queries (one when there are none)."""
    candidates = list(_published_links().order_by("-added_at", "-pk")[: limit * RECENT_CANDIDATES])
    if not candidates:
        return []
    published = inspection.all_paper_ids({link.item.meeting_id for link in candidates})
    return [link for link in candidates if link.pk in published][:limit]


def sitemap_pages() -> list[tuple[Meeting, Document, object]]:
    """(meeting, document, last changed) for every published public paper page. Three
    queries."""
    published = inspection.all_paper_ids()
    links = [
        link
        for link in _published_links().order_by(
            "item__meeting__date", "item__meeting_id", "item__order", "order", "pk"
        )
        if link.pk in published
    ]
    appendices: dict[int, list[Document]] = {}
    # A subquery, not a list of ids: a large council's papers would exceed SQLite's limit
    # on query parameters.
    attached = ItemPaper.objects.values("document_id")
    for a in (
        Document.objects.filter(public_q(), parent_id__in=attached)
        .filter(has_version())
        .order_by("order", "pk")
    ):
        appendices.setdefault(a.parent_id, []).append(a)
    pages, seen = [], set()
    for link in links:
        meeting = link.item.meeting
        for doc in [link.document, *appendices.get(link.document_id, [])]:
            if (meeting.pk, doc.pk) not in seen:  # a report on two items of one meeting
                seen.add((meeting.pk, doc.pk))
                pages.append((meeting, doc, doc.updated_at))
    return pages
