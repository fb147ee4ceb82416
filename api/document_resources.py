"""Documents in the open-data API: the public papers on published agendas, and how a paper
is listed wherever it appears (``document_link``: a restricted one as a stub). What is public
is publishing's gate (``publishing.public``, ``publishing.inspection``)."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse

from papers.models import DocumentKind, ItemPaper, SourceKind
from publishing import inspection
from publishing.public import Paper, Restricted, entries, paper_url
from publishing.versions import published_versions

from . import queries
from .declare import Context, Field, Resource, attr, blank_none
from .fields import (
    BODY,
    FROM,
    MEETING,
    TO,
    UPDATED,
    UPDATED_SINCE,
    id_field,
    ref,
    ref_field,
    since,
)


def document_link(ctx: Context, entry, meeting=None) -> dict:
    """A paper as listed: a public one with its address; a restricted one as a stub that
    says only that it is restricted (no id, no title, no address)."""
    if isinstance(entry, Restricted):
        return {
            "id": None,
            "url": None,
            "html_url": None,
            "title": "Restricted",
            "restricted": True,
            "exempt_paragraph": entry.paragraph,
        }
    doc = entry.document
    return {
        "id": doc.pk,
        "url": ctx.api(f"documents/{doc.pk}/"),
        "html_url": ctx.site(paper_url(meeting, doc)) if meeting else None,
        "title": str(doc),
        "restricted": False,
        "exempt_paragraph": None,
    }


# --- documents ------------------------------------------------------------------------------


def _documents():
    ids, _ = queries.public_document_ids()
    return queries.documents_queryset(ids)


def _documents_filter(rows, v):
    rows = since(rows, v)
    q = Q()
    if "body" in v:
        q &= Q(item__meeting__body_id=v["body"])
    if "meeting" in v:
        q &= Q(item__meeting_id=v["meeting"])
    if "from" in v:
        q &= Q(item__meeting__date__gte=v["from"])
    if "to" in v:
        q &= Q(item__meeting__date__lte=v["to"])
    if q:
        rows = rows.filter(queries.meeting_documents_q(q))
    return rows


def _documents_prepare(records, ctx):
    versions = published_versions([d.pk for d in records])
    tops = {d.parent_id or d.pk for d in records}
    published = inspection.all_paper_ids()
    places: dict[int, list] = {}
    for link in (
        ItemPaper.objects.filter(document_id__in=tops)
        .select_related("item__meeting__body")
        .order_by("item__meeting__date", "pk")
    ):
        if link.pk in published:
            places.setdefault(link.document_id, []).append(link)
    listed = entries([d for d in records if d.parent_id is None])
    return {"versions": versions, "places": places, "listed": listed}


def _places(o, c):
    version = c.data["versions"].get(o.pk)
    is_pdf = (
        version is not None and version.source_kind == SourceKind.PDF and bool(version.source_file)
    )
    result, seen = [], set()
    for link in c.data["places"].get(o.parent_id or o.pk, []):
        meeting = link.item.meeting
        if meeting.pk in seen:
            continue
        seen.add(meeting.pk)
        result.append(
            {
                "meeting": ref(c, "meetings", meeting.pk),
                "agenda_item": ref(c, "agenda_items", link.item_id),
                "html_url": c.site(paper_url(meeting, o)),
                "pdf_url": c.site(
                    reverse("website:paper_pdf", args=[meeting.pk, meeting.slug, o.pk])
                )
                if is_pdf
                else None,
            }
        )
    return result


def _appendices(o, c):
    entry = c.data["listed"].get(o.pk)
    if not isinstance(entry, Paper):
        return []
    return [document_link(c, a) for a in entry.appendices]


def _version(name):
    def get(o, c):
        version = c.data["versions"].get(o.pk)
        return getattr(version, name) if version is not None else None

    return get


PLACE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["meeting", "agenda_item", "html_url", "pdf_url"],
    "properties": {
        "meeting": {"$ref": "#/components/schemas/Ref"},
        "agenda_item": {"$ref": "#/components/schemas/Ref"},
        "html_url": {"type": "string", "format": "uri"},
        "pdf_url": {"type": "string", "format": "uri", "nullable": True},
    },
}

DOCUMENTS = Resource(
    name="documents",
    title="Documents",
    singular="document",
    description="Public papers on published agendas: reports, appendices, minutes. Exempt and "
    "confidential papers are not listed; where an agenda item or report has one, "
    'it appears there as a stub titled "Restricted" with no id or address.',
    fields=[
        *id_field("documents"),
        Field("title", "string", "The paper's title.", attr("title")),
        Field("label", "string", 'e.g. "Appendix A".', blank_none("label"), nullable=True),
        Field(
            "kind",
            "string",
            "Report, appendix, minutes or other.",
            attr("kind"),
            enum=DocumentKind.values,
        ),
        ref_field("parent", "documents", "The report this appendix belongs to."),
        Field(
            "appendices",
            "array",
            "The report's appendices; restricted ones as stubs.",
            _appendices,
            items="document_link",
        ),
        Field("version", "integer", "The published version's number.", _version("number")),
        Field(
            "format",
            "string",
            "How the paper was written: html, docx or pdf.",
            _version("source_kind"),
            enum=SourceKind.values,
        ),
        Field(
            "page_count",
            "integer",
            "Pages, where known (PDFs).",
            _version("page_count"),
            nullable=True,
        ),
        Field(
            "published_at",
            "date-time",
            "When this version was published (null for a "
            "historical record whose moment is not known).",
            _version("published_at"),
            nullable=True,
        ),
        Field(
            "content_hash", "string", "SHA-256 of the version's content.", _version("content_hash")
        ),
        Field(
            "meetings",
            "array",
            "Where the paper was published: meeting, item, and its "
            "page and PDF download on the website.",
            _places,
            items=PLACE,
        ),
        UPDATED,
    ],
    rows=_documents,
    reuse_rows=False,  # which documents are public is asked afresh each time
    filters=[UPDATED_SINCE, BODY, MEETING, FROM, TO],
    apply=_documents_filter,
    prepare=_documents_prepare,
    example_filter="meeting=1",
)
