"""Building the index from the record.

What is indexed, and as what:

- every meeting (its notice is public from the start): body, date, venue and, once the agenda
  is published, the items' titles;
- once the agenda is published: each agenda item (title, purpose, motion). An exempt item has
  a public row with its title only (the title is public) and an exempt row with the rest;
- each paper whose attachment a published agenda or supplement has released
  (``publishing.state.published_paper_ids``), with its appendices, using the released version
  (``publishing.versions``; a newer draft is never indexed). A restricted paper, or any
  appendix of one, is an exempt row; an uploaded PDF keeps its pages apart (form feeds) so
  results can link to the page;
- minutes and decisions as ``proceedings.public`` releases them (nothing else of them);
- councillors and members of bodies: their names, divisions, groups, bodies and posts.

``index_meetings``/``index_people`` replace the rows of what they are given; ``rebuild`` all
(``moot reindex``).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable

from django.db import transaction
from django.urls import NoReverseMatch, reverse

from council.models import Person
from meetings.models import AgendaItem, Meeting
from papers.models import (
    Document,
    DocumentKind,
    DocumentVersion,
    ItemPaper,
    SourceKind,
    remember_exempt_items,
)
from proceedings import public
from publishing.models import AgendaPublication, PublicationKind
from publishing.versions import published_versions

from .models import MARK_END, MARK_START, PAGE_BREAK, Entry, Kind
from .tables import searchable_html, searchable_text

logger = logging.getLogger(__name__)

CHUNK = 200  # meetings (or people) built at once
MAX_TEXT = 400_000  # characters of one paper indexed (PostgreSQL's tsvector is limited to 1 MB)

_KINDS = {
    DocumentKind.REPORT: Kind.REPORT,
    DocumentKind.APPENDIX: Kind.APPENDIX,
    DocumentKind.MINUTES: Kind.MINUTES,
    DocumentKind.OTHER: Kind.PAPER,
}


def clean(text: str, limit: int = MAX_TEXT) -> str:
    """Text as indexed: without NULs and without the snippet marks."""
    return (text or "").replace("\x00", " ").replace(MARK_START, " ").replace(MARK_END, " ")[:limit]


def _join(*parts) -> str:
    return "\n".join(p.strip() for p in parts if p and p.strip())


# --- meetings ------------------------------------------------------------------------------


def _pdf_pages(version: DocumentVersion) -> str | None:
    """The text of an uploaded PDF page by page (form feeds between), or None if unreadable."""
    try:
        from pypdf import PdfReader

        with version.source_file.open("rb") as f:
            data = f.read()
        pages = [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]
    except Exception:  # a missing or unreadable file: fall back to the stored text
        logger.warning("Could not read the pages of %s", version, exc_info=True)
        return None
    return PAGE_BREAK.join(p.replace(PAGE_BREAK, " ") for p in pages)


def _version_text(version: DocumentVersion, is_pdf: bool) -> str:
    """The text as indexed: tables after prose (``search.tables``); a PDF's page by page."""
    if is_pdf:
        pages = _pdf_pages(version)
        if pages is not None:
            return PAGE_BREAK.join(searchable_text(page) for page in pages.split(PAGE_BREAK))
    if version.html:
        text = searchable_html(version.html)
    else:
        text = searchable_text(version.text)
    return text.replace(PAGE_BREAK, " ")


def _published(meeting_ids: list[int]) -> tuple[set[int], dict[int, set[int]]]:
    """Meetings whose agenda is published, and each meeting's released item papers."""
    agenda, papers = set(), {}
    for mid, kind, ids in AgendaPublication.objects.filter(meeting_id__in=meeting_ids).values_list(
        "meeting_id", "kind", "papers"
    ):
        if kind == PublicationKind.AGENDA:
            agenda.add(mid)
        papers.setdefault(mid, set()).update(ids or [])
    return agenda, papers


def _meeting_entries(meetings: list[Meeting]) -> list[Entry]:
    ids = [m.pk for m in meetings]
    agenda, released = _published(ids)
    items_by_meeting: dict[int, list[AgendaItem]] = {}
    for item in (
        AgendaItem.objects.filter(meeting_id__in=agenda)
        .select_related("parent__parent")
        .order_by("meeting_id", "order", "pk")
    ):
        items_by_meeting.setdefault(item.meeting_id, []).append(item)
    entries: list[Entry] = []
    for m in meetings:
        url = m.get_absolute_url()
        base = {"meeting": m, "body_id": m.body_id, "date": m.date}
        items = items_by_meeting.get(m.pk, [])
        notice = _join(
            m.venue.full_name if m.venue_id else "",
            m.get_status_display(),
            *(f"{i.number} {i.title}" for i in items),
        )
        entries.append(
            Entry(
                kind=Kind.MEETING,
                object_id=m.pk,
                title=clean(str(m), 500),
                text=clean(notice),
                url=url,
                **base,
            )
        )
        for i in items:
            title = clean(f"Item {i.number}: {i.title}", 500)
            rest = clean(_join(i.purpose, i.motion_text))
            if i.is_exempt:
                entries.append(
                    Entry(
                        kind=Kind.ITEM,
                        object_id=i.pk,
                        title=title,
                        text="",
                        url=f"{url}#{i.anchor}",
                        redacted=True,
                        **base,
                    )
                )
                if rest:
                    entries.append(
                        Entry(
                            kind=Kind.ITEM,
                            object_id=i.pk,
                            title=title,
                            text=rest,
                            url=f"{url}#{i.anchor}",
                            exempt=True,
                            exempt_paragraph=i.exemption_paragraph,
                            **base,
                        )
                    )
            else:
                entries.append(
                    Entry(
                        kind=Kind.ITEM,
                        object_id=i.pk,
                        title=title,
                        text=rest,
                        url=f"{url}#{i.anchor}",
                        **base,
                    )
                )
    entries += _paper_entries(meetings, agenda, released)
    entries += _proceedings_entries(meetings)
    return entries


def _paper_entries(
    meetings: list[Meeting], agenda: set[int], released: dict[int, set[int]]
) -> list[Entry]:
    by_pk = {m.pk: m for m in meetings}
    links = [
        link
        for link in ItemPaper.objects.filter(item__meeting_id__in=agenda)
        .select_related("document", "item")
        .order_by("item__order", "order", "pk")
        if link.pk in released.get(link.item.meeting_id, ())
    ]
    if not links:
        return []
    tops = {link.document_id: link.document for link in links}
    appendices: dict[int, list[Document]] = {}
    for a in Document.objects.filter(parent_id__in=list(tops)).order_by("order", "pk"):
        appendices.setdefault(a.parent_id, []).append(a)
    all_docs = list(tops.values()) + [a for group in appendices.values() for a in group]
    # Whether each paper is exempt with its item: one query, not one per paper.
    remember_exempt_items([link.document for link in links] + all_docs)
    versions = published_versions(d.pk for d in all_docs)
    content = {
        v.pk: v
        for v in DocumentVersion.objects.filter(pk__in=[v.pk for v in versions.values()]).only(
            "pk", "document_id", "number", "text", "html", "source_kind", "source_file"
        )
    }
    entries, seen = [], set()
    for link in links:
        meeting = by_pk[link.item.meeting_id]
        top = link.document
        for doc in [top, *appendices.get(top.pk, [])]:
            version = versions.get(doc.pk)
            if version is None or (meeting.pk, doc.pk) in seen:
                continue
            seen.add((meeting.pk, doc.pk))
            version = content[version.pk]
            exempt = doc.is_restricted or top.is_restricted
            is_pdf = version.source_kind == SourceKind.PDF and bool(version.source_file)
            args = [meeting.pk, meeting.slug, doc.pk]
            if exempt:
                url = reverse("website:restricted_paper", args=[meeting.pk, doc.pk])
                pdf = reverse("website:restricted_paper_pdf", args=[meeting.pk, doc.pk])
            else:
                url = reverse("website:paper", args=args)
                pdf = reverse("website:paper_pdf", args=args)
            kind = Kind.APPENDIX if doc.parent_id else _KINDS.get(doc.kind, Kind.PAPER)
            paragraph = doc.exempt_paragraph if doc.is_restricted else top.exempt_paragraph
            entries.append(
                Entry(
                    kind=kind,
                    object_id=doc.pk,
                    document_id=doc.pk,
                    meeting=meeting,
                    body_id=meeting.body_id,
                    date=meeting.date,
                    title=clean(str(doc), 500),
                    text=clean(_version_text(version, is_pdf)),
                    url=url,
                    pdf_url=pdf if is_pdf else "",
                    exempt=exempt,
                    exempt_paragraph=paragraph if exempt else None,
                )
            )
    return entries


def _minutes_url(meeting: Meeting, number: int) -> str:
    try:
        url = reverse("proceedings:minutes", args=[meeting.pk, meeting.slug])
    except NoReverseMatch:  # no minutes page: the meeting's
        url = meeting.get_absolute_url()
    return f"{url}#minute-{number}"


def _decision_url(pk: int) -> str:
    try:
        return reverse("decisions:decision", args=[pk])
    except NoReverseMatch:
        return ""


def _proceedings_entries(meetings: list[Meeting]) -> list[Entry]:
    """Minutes and decisions, as far as ``proceedings.public`` makes them public."""
    by_pk = {m.pk: m for m in meetings}
    entries = []
    for minute in public.public_minutes().filter(meeting_id__in=list(by_pk)):
        m = by_pk[minute.meeting_id]
        entries.append(
            Entry(
                kind=Kind.MINUTES,
                object_id=minute.pk,
                meeting=m,
                body_id=m.body_id,
                date=m.date,
                title=clean(f"Minute {minute.number}: {minute.title}", 500),
                text=clean(searchable_text(minute.text)),
                url=_minutes_url(m, minute.number),
            )
        )
    for res in (
        public.public_resolutions()
        .filter(minute__meeting_id__in=list(by_pk))
        .select_related("minute")
    ):
        minute = res.minute
        m = by_pk[minute.meeting_id]
        parts = [f"({chr(ord('a') + n)}) {p}" for n, p in enumerate(res.parts or [])]
        delegated = f"Delegated to {res.delegated_to}" if res.delegated_to else ""
        consult = (
            f"in consultation with {res.in_consultation_with}" if res.in_consultation_with else ""
        )
        entries.append(
            Entry(
                kind=Kind.DECISION,
                object_id=res.pk,
                meeting=m,
                body_id=m.body_id,
                date=m.date,
                title=clean(f"Decision, minute {minute.number}: {minute.title}", 500),
                text=clean(_join(res.text, *map(str, parts), delegated, consult)),
                url=_decision_url(res.pk) or _minutes_url(m, minute.number),
            )
        )
    return entries


# --- people --------------------------------------------------------------------------------


def _people_entries(people: list[Person]) -> list[Entry]:
    entries = []
    for p in people:
        terms = list(p.terms.all())
        memberships = list(p.memberships.all())
        if not terms and not memberships:
            continue  # officers and others named in papers have no page of their own
        divisions = sorted({t.division.name for t in terms if t.division_id})
        groups = sorted({g.group.name for g in p.group_memberships.all()})
        bodies = sorted({ms.body.name for ms in memberships})
        posts = sorted({h.post.title for h in p.posts_held.all()})
        names = [
            p.councillor_name if terms else "",
            p.formal_name,
            *(f.text for f in p.name_forms.all()),
        ]
        entries.append(
            Entry(
                kind=Kind.MEMBER,
                object_id=p.pk,
                person=p,
                title=clean(p.full_name, 500),
                text=clean(_join(*names, *divisions, *groups, *bodies, *posts)),
                url=p.get_absolute_url(),
            )
        )
    return entries


def _people(ids=None):
    qs = Person.objects.prefetch_related(
        "terms__division",
        "memberships__body",
        "group_memberships__group",
        "posts_held__post",
        "name_forms",
    ).order_by("pk")
    return qs if ids is None else qs.filter(pk__in=list(ids))


# --- writing -------------------------------------------------------------------------------


def _meetings(ids=None):
    qs = Meeting.objects.select_related("body", "venue").order_by("pk")
    return qs if ids is None else qs.filter(pk__in=list(ids))


def index_meetings(ids: Iterable[int]) -> int:
    """Replace the rows of these meetings (and everything on them). Returns rows written."""
    ids = sorted(set(ids))
    written = 0
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        with transaction.atomic():
            entries = _meeting_entries(list(_meetings(chunk)))
            Entry.objects.filter(meeting_id__in=chunk).delete()
            written += len(Entry.objects.bulk_create(entries, batch_size=500))
    return written


def index_people(ids: Iterable[int]) -> int:
    """Replace the rows of these people. Returns rows written."""
    ids = sorted(set(ids))
    written = 0
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        with transaction.atomic():
            entries = _people_entries(list(_people(chunk)))
            Entry.objects.filter(kind=Kind.MEMBER, object_id__in=chunk).delete()
            written += len(Entry.objects.bulk_create(entries, batch_size=500))
    return written


def rebuild(progress=None) -> int:
    """Replace the whole index from the record. Returns the number of rows."""
    Entry.objects.all().delete()
    meeting_ids = list(Meeting.objects.order_by("pk").values_list("pk", flat=True))
    written = 0
    for start in range(0, len(meeting_ids), CHUNK):
        written += index_meetings(meeting_ids[start : start + CHUNK])
        if progress:
            progress(min(start + CHUNK, len(meeting_ids)), len(meeting_ids))
    written += index_people(Person.objects.values_list("pk", flat=True))
    return written
