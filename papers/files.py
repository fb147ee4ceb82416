"""Every paper as a file: its PDF, and the file it was uploaded as.

A paper uploaded as a PDF is its own PDF. Any other paper (written in the browser, or a Word
document converted to HTML) is rendered by the pack's renderer (``pack/render.py``, with its
safe fetcher) from the HTML its page shows, the print template the pack uses, and kept in the
private storage under a name made of the version's content hash and the hash of exactly what
was rendered: a new version, a changed report header or a restricted copy's marking is a new
file, and a cached file is never served for anything but what it was rendered from. The
copies are built by the worker after each pack build (the pack has just rendered the same
HTML, so storing them costs a copy), and otherwise on the first request for the PDF (a
rendering takes about a second, too long to spend on the paper's page).

Nothing here decides who may have a file: the views ask first (``website.views.papers``,
``website.views.restricted``) and only then come here.

When the store is down (``papers.storage.StorageUnavailable``), a page that only describes a
file (``original(..., page=True)``, ``paper_pdf(..., render=False)``) still renders, without
the link; fetching the file raises, and the request gets a 503.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.template.loader import render_to_string

from .convert import content_hash
from .models import DocumentVersion, SourceKind
from .pack.render import RENDER_VERSION, from_cache, render_html
from .storage import StorageUnavailable, private_storage

log = logging.getLogger(__name__)
FOLDER = "paper-pdfs"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: What each kind of upload is called on a page, and the type it is served as.
ORIGINAL_TYPES = {
    SourceKind.DOCX: (DOCX, "Word document", ".docx"),
    SourceKind.PDF: (PDF, "PDF", ".pdf"),
}


@dataclass(frozen=True)
class StoredFile:
    """A file in the private storage, as a page describes it and a view serves it."""

    name: str  # in the private storage
    size: int
    content_type: str
    type_label: str  # "PDF", "Word document"
    suffix: str  # ".pdf", ".docx"
    etag: str  # identifies the content

    def open(self, mode: str = "rb"):
        return private_storage().open(self.name, mode)


def print_html(document, version: DocumentVersion, meeting, marking: str = "") -> str:
    """The complete HTML document the PDF is rendered from: the pack's print template, so a
    paper's own PDF and its pages in the pack are the same rendering."""
    return render_to_string(
        "papers/print/paper.html",
        {"document": document, "version": version, "meeting": meeting, "marking": marking},
    )


def _stored(name: str, kind: SourceKind, etag: str, *, page: bool = False) -> StoredFile | None:
    try:
        size = private_storage().size(name)
    except OSError:
        return None
    except StorageUnavailable:
        if not page:
            raise
        log.warning("The file store did not answer; %s is not linked", name)
        return None
    content_type, label, suffix = ORIGINAL_TYPES[kind]
    return StoredFile(name, size, content_type, label, suffix, etag)


def original(version: DocumentVersion, *, page: bool = False) -> StoredFile | None:
    """The file the version was uploaded as; None when it was written in the browser or the
    file is missing (a page then offers no link rather than one that fails), or, for a
    ``page``, when the store is down."""
    if version.source_kind not in ORIGINAL_TYPES or not version.source_file:
        return None
    return _stored(version.source_file.name, version.source_kind, version.content_hash, page=page)


def rendered_name(version: DocumentVersion, html: str) -> str:
    return f"{FOLDER}/{version.content_hash[:16]}-{content_hash(RENDER_VERSION, html)[:32]}.pdf"


def paper_pdf(
    document, version: DocumentVersion, meeting, marking: str = "", *, render: bool = True
) -> StoredFile | None:
    """The paper's PDF: the uploaded PDF itself, or its rendering (built now unless it is
    stored already or ``render`` is false; a rendering the pack build left in its cache is
    stored without rendering again). None when there is none (yet)."""
    if version.source_kind == SourceKind.PDF:
        return original(version, page=not render)
    html = print_html(document, version, meeting, marking)
    name = rendered_name(version, html)
    etag = PurePosixPath(name).stem
    found = _stored(name, SourceKind.PDF, etag, page=not render)
    if found is not None:
        return found
    try:
        pdf = from_cache(html)
        if pdf is None:
            if not render:
                return None
            pdf = render_html(html)
        storage = private_storage()
        saved = storage.save(name, ContentFile(pdf))
        if saved != name:  # a parallel request stored the same rendering first
            storage.delete(saved)
    except StorageUnavailable:
        if render:
            raise
        log.warning("The file store did not answer; the PDF of %s is not linked", name)
        return None
    return _stored(name, SourceKind.PDF, etag)


def is_withheld(document) -> bool:
    """Restricted itself, or an appendix of a restricted report (which goes with it)."""
    return document.is_restricted or bool(document.parent_id and document.parent.is_restricted)


def restricted_marking(document) -> str:
    """The line at the head of a restricted paper's PDF (as the members' pack marks it)."""
    which = document if document.is_restricted or not document.parent_id else document.parent
    paragraph = which.withheld_paragraph
    if paragraph:
        return (
            f"NOT FOR PUBLICATION – exempt information under paragraph {paragraph} of "
            "Part 1 of Schedule 12A to the Local Government Act 1972"
        )
    return "NOT FOR PUBLICATION – confidential information"


def store_pack_papers(papers, meeting, members: bool) -> int:
    """Store the PDF of each paper of a built pack (``pack.build.Paper``, as collected): the
    public papers of a public pack; the restricted ones, marked, of a members' pack. Returns
    how many were stored; a failure is logged, never raised (the pack stands)."""
    stored = 0
    for paper in papers:
        if paper.version.source_kind == SourceKind.PDF:
            continue
        withheld = is_withheld(paper.document)
        if paper.restricted or withheld != members:
            continue
        marking = restricted_marking(paper.document) if members else ""
        try:
            if paper_pdf(paper.document, paper.version, meeting, marking) is not None:
                stored += 1
        except Exception:  # the paper's PDF is then built on its first request
            log.exception("Storing the PDF of %s failed", paper.document.pk)
    return stored
