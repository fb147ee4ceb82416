"""Building a meeting's agenda pack.

1. Collect the papers: each agenda item's documents in order, each followed by its appendices.
2. Render each HTML paper to PDF (cached by content hash; misses rendered on every core).
3. Render the front sheet, lay the papers out on odd pages, and render the front sheet again
   with the real "(Pages X - Y)" until its own length stops changing.
4. Assemble: front sheet, blank pages, papers (or "Document is Restricted" in the public pack),
   stamp "Page N" (and "NOT FOR PUBLICATION" on exempt pages of the members' pack), outline.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from django.template.loader import render_to_string

from council.composition import composition
from council.models import Authority, BodyKind, PostHolding, StatutoryDesignation, StatutoryRole
from meetings.agenda_templates import exempt_part
from meetings.formatting import cover_date, long_date, time_text
from meetings.models import Meeting
from papers.models import ItemPaper

from ..files import print_html
from ..versions import dispatch_date, pack_versions
from .layout import Layout, lay_out
from .merge import PackWriter
from .render import cached_render, from_cache, page_count, render_html, store_in_cache
from .stamp import stamp_page

Progress = Callable[[int, int, str], None]


@dataclass
class Paper:
    item: object
    document: object
    version: object
    restricted: bool  # replaced by one "Document is Restricted" page in this pack
    marking: str = ""  # printed at the head of every page (members' pack, exempt papers)
    pdf: bytes = b""
    pages: int = 0


@dataclass
class Pack:
    pdf: bytes
    page_count: int
    layout: Layout
    papers: list[Paper]
    item_pages: dict[int, tuple[int, int]]  # agenda item id → (first, last) page
    rendered: int = 0
    from_cache: int = 0
    outline: list[str] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)  # printed number of each physical page


def _quiet(done: int, total: int, what: str) -> None:
    pass


def marking_for(document) -> str:
    return (
        f"NOT FOR PUBLICATION – exempt information under paragraph {document.withheld_paragraph} "
        "of Part 1 of Schedule 12A to the Local Government Act 1972"
    )


def collect(meeting: Meeting, members: bool, link_ids=None) -> list[Paper]:
    """The papers attached to the meeting's items (or only the ``link_ids`` item papers), in
    order."""
    links = (
        ItemPaper.objects.filter(item__meeting=meeting)
        .select_related("document", "item")
        .prefetch_related("document__appendices")
        .order_by("item__order", "item_id", "order", "pk")
    )
    if link_ids is not None:
        links = links.filter(pk__in=link_ids)
    docs = [
        (link, doc)
        for link in links
        for doc in [
            link.document,
            *sorted(link.document.appendices.all(), key=lambda d: (d.order, d.pk)),
        ]
    ]
    # The published version of each paper once the agenda is published, never a later draft
    # (publishing/versions.py decides, for every surface).
    versions = pack_versions(meeting, [doc.pk for _, doc in docs])
    papers = []
    for link, doc in docs:
        version = versions.get(doc.pk)
        if version is None:
            continue
        # An appendix of a restricted report is withheld with it, whatever its own class.
        restricted = (doc.is_restricted or link.document.is_restricted) and not members
        marking = marking_for(doc) if doc.is_restricted and members else ""
        papers.append(Paper(link.item, doc, version, restricted, marking))
    return papers


def paper_html(paper: Paper, meeting: Meeting) -> str:
    """The paper as the pack renders it: the same HTML as its own PDF (``papers/files.py``)."""
    return print_html(paper.document, paper.version, meeting, paper.marking)


def _render_all(htmls: list[str], progress: Progress) -> tuple[list[bytes], list[int]]:
    """Render each HTML (cache first), the misses in parallel on every core; returns the PDFs
    and the indexes of the misses."""
    out: list[bytes | None] = [None] * len(htmls)
    misses = []
    for i, html in enumerate(htmls):
        out[i] = from_cache(html)
        if out[i] is None:
            misses.append(i)
    workers = min(len(misses), os.cpu_count() or 1)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {i: pool.submit(render_html, htmls[i]) for i in misses}
            for n, (i, fut) in enumerate(futures.items(), start=1):
                out[i] = fut.result()
                progress(n, len(misses), "rendering papers")
        for i in misses:  # store what the workers rendered
            store_in_cache(htmls[i], out[i])
    else:
        for n, i in enumerate(misses, start=1):
            out[i], _ = cached_render(htmls[i])
            progress(n, len(misses), "rendering papers")
    return out, misses


def signer(day: dt.date) -> dict | None:
    """The Head of Democratic Services on ``day``, who signs the agenda."""
    held = (
        StatutoryDesignation.objects.filter(
            role=StatutoryRole.HEAD_OF_DEMOCRATIC_SERVICES, start__lte=day
        )
        .exclude(end__lt=day)
        .select_related("person")
        .order_by("-start")
        .first()
    )
    if held is None:
        return None
    post = (
        PostHolding.objects.filter(person=held.person, start__lte=day)
        .exclude(end__lt=day)
        .select_related("post")
        .first()
    )
    return {
        "name": held.person.full_name,
        "title": post.post.title if post else held.get_role_display(),
        "telephone": held.person.telephone,
    }


def front_sheet_html(
    meeting: Meeting,
    item_pages: dict[int, tuple[int, int]],
    items,
    dispatch: dt.date,
    members: bool = False,
) -> str:
    """The agenda front sheet. Only the members' pack prints an exempt item's purpose and
    motion text; the public see its number, title and Schedule 12A paragraph."""
    authority = Authority.current()
    exempt = [i for i in items if i.is_exempt]
    paragraphs = sorted({i.exemption_paragraph for i in exempt if i.exemption_paragraph})
    rows = [{"item": i, "pages": item_pages.get(i.pk)} for i in items]
    ask = meeting.ask_for
    return render_to_string(
        "papers/print/front_sheet.html",
        {
            "meeting": meeting,
            "authority": authority,
            "is_council": meeting.body.kind == BodyKind.COUNCIL,
            "cover_date": cover_date(meeting.date),
            "long_date": long_date(meeting.date),
            "time": time_text(meeting.start_time),
            "end_time": time_text(meeting.end_time),
            "venue": meeting.venue.full_name if meeting.venue else "",
            "ask_for": ask.full_name if ask else "",
            "telephone": meeting.telephone,
            "composition": composition(meeting.body, meeting.date),
            "members": members,
            "public_rows": [r for r in rows if not r["item"].is_exempt],
            "exempt_rows": [r for r in rows if r["item"].is_exempt],
            # The motion citing the paragraphs, or the note that there is no exempt business.
            "exempt_part": exempt_part(meeting, paragraphs if exempt else []),
            "signer": signer(dispatch),
            "dispatch_date_text": long_date(dispatch),
        },
    )


def _item_pages(papers: list[Paper], layout: Layout) -> dict[int, tuple[int, int]]:
    """Each item's pages as the seeds print them: from its first paper's first page to the
    last page before the next item, so a trailing blank page is inside the range (odd–even)."""
    pages: dict[int, tuple[int, int]] = {}
    for paper, placed in zip(papers, layout.papers, strict=True):
        end = placed.last + placed.last % 2
        first, last = pages.get(paper.item.pk, (placed.first, end))
        pages[paper.item.pk] = (min(first, placed.first), max(last, end))
    return pages


def supplement_letter_html(
    meeting: Meeting, item_pages, items, dispatch: dt.date, members: bool = False
) -> str:
    return render_to_string(
        "papers/print/supplement_letter.html",
        {
            "meeting": meeting,
            "long_date": long_date(meeting.date),
            "signer": signer(dispatch),
            "dispatch_date_text": long_date(dispatch),
            "rows": [{"item": i, "pages": item_pages.get(i.pk)} for i in items],
        },
    )


def build_pack(
    meeting: Meeting,
    *,
    members: bool = False,
    dispatch: dt.date | None = None,
    link_ids=None,
    supplement: bool | None = None,
    progress: Progress = _quiet,
) -> Pack:
    """Build the public pack (or, with ``members``, the members' pack) of ``meeting``.

    ``link_ids`` limits the pack to those item papers (default: every attached paper). A
    supplementary pack (``supplement``; by default whenever ``link_ids`` is given) has a
    covering letter listing only its items, and is numbered from page 1.
    """
    supplement = (link_ids is not None) if supplement is None else supplement
    # The date the agenda (or the supplement) was published; today for a proof.
    dispatch = dispatch or dispatch_date(meeting, link_ids if supplement else None)
    papers = collect(meeting, members, link_ids)
    items = list(meeting.items.select_related("mover", "seconder"))
    if supplement:
        wanted = {p.item.pk for p in papers}
        items = [i for i in items if i.pk in wanted]
    front_html = supplement_letter_html if supplement else front_sheet_html
    restricted_pdf, _ = cached_render(render_to_string("papers/print/restricted.html"))
    blank_pdf, _ = cached_render(render_to_string("papers/print/blank.html"))
    # Exempt papers are rendered for the public pack too, but only to count their pages: the
    # public agenda prints the same ranges as the members' and its PDF never enters the pack.
    # The front sheet's first pass prints placeholder ranges of the same width, so it does not
    # depend on the papers: it renders alongside them and is cached across rebuilds.
    to_render = [p for p in papers if p.version.source_kind != "pdf"]
    placeholder = {p.item.pk: (999, 999) for p in papers}
    htmls = [paper_html(p, meeting) for p in to_render]
    htmls.append(front_html(meeting, placeholder, items, dispatch, members))
    rendered, missed = _render_all(htmls, progress)
    misses = sum(1 for i in missed if i < len(to_render))  # papers rendered, not the front sheet
    hits = len(to_render) - misses
    for paper, pdf in zip(to_render, rendered[:-1], strict=True):
        paper.pages = page_count(pdf)
        paper.pdf = restricted_pdf if paper.restricted else pdf
    for paper in papers:
        if paper.version.source_kind == "pdf":
            data = None
            if not (paper.restricted and paper.version.page_count):
                with paper.version.source_file.open("rb") as source:
                    data = source.read()
            paper.pages = paper.version.page_count or page_count(data)
            paper.pdf = restricted_pdf if paper.restricted else data

    # The front sheet's length depends on the ranges it prints, which depend on its length.
    front_pages = page_count(rendered[-1])
    for _ in range(4):
        layout = lay_out(front_pages, [p.pages for p in papers])
        item_pages = _item_pages(papers, layout)
        front, _ = cached_render(front_html(meeting, item_pages, items, dispatch, members))
        if page_count(front) == front_pages:
            break
        front_pages = page_count(front)
    else:
        raise RuntimeError("The front sheet's length did not settle.")
    progress(1, 1, "assembling")
    return _assemble(
        meeting, members, front, papers, layout, item_pages, items, blank_pdf, misses, hits
    )


def _assemble(meeting, members, front, papers, layout, item_pages, items, blank_pdf, misses, hits):
    """Put the pages together. ``labels`` holds the printed number of each physical page: in the
    public pack an exempt paper is one "Document is Restricted" page and one blank page, labelled
    with the first and last numbers of its range, so numbering matches the agenda and every paper
    still starts on a physical odd page."""
    kind = "Members' pack" if members else "Public reports pack"
    writer = PackWriter(f"{meeting.body.name}, {long_date(meeting.date)} – {kind}")
    writer.add(front, "Agenda")
    labels = list(range(1, layout.front_pages + 1))
    markings: dict[int, str] = {}
    first_of_item: dict[int, int] = {}

    def add(pdf: bytes, numbers: list[int], title: str = "", level: int = 0) -> None:
        writer.add(pdf, title, level)
        labels.extend(numbers)

    for paper, placed in zip(papers, layout.papers, strict=True):
        while labels[-1] < placed.first - 1:
            add(blank_pdf, [labels[-1] + 1])
        level = 1 if paper.item.pk in first_of_item else 0
        # A withheld paper is named in the outline by its label only: its title may be exempt too.
        title = (
            f"{paper.document.label or 'Document'} (restricted)"
            if paper.restricted
            else paper.document.title
        )
        if level == 0:
            first_of_item[paper.item.pk] = len(labels)
            title = f"{paper.item.number} {paper.item.title}"
        if paper.restricted:
            end = placed.last + placed.last % 2
            add(paper.pdf, [placed.first], title, level)
            add(blank_pdf, [end])
        else:
            add(paper.pdf, list(range(placed.first, placed.last + 1)), title, level)
        if paper.marking:
            for page in range(placed.first, placed.last + 1):
                markings[page] = paper.marking
    while labels[-1] < layout.total:
        add(blank_pdf, [labels[-1] + 1])
    if len(writer.pdf.pages) != len(labels) or len(labels) % 2:
        raise RuntimeError(
            f"Pack assembly went wrong: {len(writer.pdf.pages)} pages, labels {labels}."
        )
    for page, number in zip(writer.pdf.pages, labels, strict=True):
        stamp_page(writer.pdf, page, f"Page {number}", markings.get(number, ""))
    writer.labels = labels
    # Items without papers point at the agenda (the front sheet), so every item has an entry.
    outline_titles = []
    for item in items:
        if item.pk not in first_of_item:
            writer.outline.append((f"{item.number} {item.title}", 0, 1))
        outline_titles.append(f"{item.number} {item.title}")
    writer.outline.sort(key=lambda entry: (entry[1], entry[2]))
    out = io.BytesIO()
    writer.save(out)
    return Pack(
        out.getvalue(),
        len(labels),
        layout,
        papers,
        item_pages,
        misses,
        hits,
        outline_titles,
        labels,
    )
