"""Turning what officers give us into safe content: written HTML, Word files and PDFs.

Every refusal is a ``ValidationError`` naming the file and the problem.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass

import mammoth
import nh3
import pikepdf
from django.conf import settings
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from .docx_pictures import MISSING_CLASS, Missing, image_converter, mark_drawings

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "del",
    "ins",
    "sup",
    "sub",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "colgroup",
    "col",
    "a",
    "abbr",
    "span",
    "hr",
    "img",
    "figure",
    "figcaption",
    "section",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "type"},
    "abbr": {"title"},
    "img": {"src", "alt"},
    "*": {"id", "lang"},
}
# Scripts, event handlers, frames, and anything that fetches from elsewhere when shown or printed.
_DANGEROUS = [
    (re.compile(r"<\s*script\b", re.I), "contains a script"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "contains an event handler (on…= attribute)"),
    (
        re.compile(r"<\s*(iframe|object|embed|frame|form|input|link|meta|base)\b", re.I),
        "contains an embedded frame, form or linked resource",
    ),
    (
        re.compile(r"""\b(src|srcset|background|poster)\s*=\s*["']?\s*(https?:|//|ftp:)""", re.I),
        "loads an external resource",
    ),
    (re.compile(r"url\(\s*[\"']?\s*(https?:|//)", re.I), "loads an external resource from CSS"),
    (re.compile(r"javascript:", re.I), "contains a javascript: link"),
    (re.compile(r"@import", re.I), "imports an external stylesheet"),
]


def max_upload_bytes() -> int:
    return getattr(settings, "MOOT_MAX_UPLOAD_BYTES", 50 * 1024 * 1024)


def refuse(name: str, problem: str) -> ValidationError:
    return ValidationError(f"{name}: {problem}", code="bad_paper")


def check_html(html: str, name: str = "The text") -> None:
    """Refuse HTML with scripts or external resources rather than silently altering it."""
    for pattern, problem in _DANGEROUS:
        if pattern.search(html):
            raise refuse(name, f"{problem}, which papers may not have. Remove it and try again.")


def sanitise_html(html: str) -> str:
    """Keep the document's structure (headings, lists, tables, emphasis), drop everything else."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "data"},
        link_rel="noopener noreferrer",
        clean_content_tags={"script", "style"},
        # The note standing for a picture that could not be kept (docx_pictures.py).
        allowed_classes={"span": {MISSING_CLASS}},
    )


def html_text(html: str) -> str:
    """Plain text of an HTML fragment, for search."""
    text = re.sub(r"<(br|/p|/h\d|/li|/tr|/td|/th)\b[^>]*>", "\n", html, flags=re.I)
    text = re.sub(r"<[^>]+>", " ", text)
    from html import unescape

    return re.sub(r"[ \t]+", " ", unescape(text)).strip()


def content_hash(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def check_size(data: bytes, name: str) -> None:
    limit = max_upload_bytes()
    if len(data) > limit:
        raise refuse(
            name, f"is {len(data) / 1048576:.1f} MB; the limit is {limit / 1048576:.0f} MB."
        )
    if not data:
        raise refuse(name, "is empty.")


@dataclass
class Converted:
    html: str = ""
    text: str = ""
    page_count: int | None = None


# The page (or the pack's item heading) is the document's h1, so Word headings move down a level.
_SHIFT_HEADINGS = "\n".join(
    f"p.Heading{n} => h{n + 1}:fresh\np[style-name='heading {n}'] => h{n + 1}:fresh"
    for n in range(1, 6)
)


def docx_to_html(data: bytes, name: str) -> Converted:
    """Convert a Word document to semantic HTML (headings, lists, tables, pictures) with
    mammoth; what cannot be shown is named where it stood (``docx_pictures``)."""
    check_size(data, name)
    if not data.startswith(b"PK"):
        raise refuse(name, "is not a Word (.docx) document; it could not be read.")
    # Pictures are kept inline; those that cannot be (charts, EMF drawings…) leave a note.
    missing = Missing()
    try:
        result = mammoth.convert_to_html(
            io.BytesIO(mark_drawings(data, missing)),
            style_map=_SHIFT_HEADINGS,
            convert_image=image_converter(missing),
        )
    except Exception as exc:  # mammoth raises many kinds on damaged files
        raise refuse(name, f"could not be read as a Word document ({type(exc).__name__}).") from exc
    html = sanitise_html(missing.place(result.value))
    if not html_text(html):
        raise refuse(name, "has no text that could be read.")
    return Converted(html=html, text=html_text(html))


def read_pdf(data: bytes, name: str) -> Converted:
    """Check a PDF opens without a password and read its page count and text."""
    check_size(data, name)
    if not data.lstrip()[:5] == b"%PDF-":
        raise refuse(name, "is not a PDF file.")
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if pdf.is_encrypted:
                raise refuse(
                    name, "is encrypted; upload a copy without a password or restrictions."
                )
            pages = len(pdf.pages)
    except pikepdf.PasswordError as exc:
        raise refuse(name, "is password-protected; upload a copy without a password.") from exc
    except pikepdf.PdfError as exc:
        raise refuse(name, "is damaged and could not be opened as a PDF.") from exc
    if pages == 0:
        raise refuse(name, "has no pages.")
    try:
        text = "\n".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages)
    except Exception:  # text extraction is for search only; an odd font must not block upload
        text = ""
    return Converted(text=text.strip(), page_count=pages)


def written_html(html: str, name: str = "The text") -> Converted:
    check_html(html, name)
    clean = sanitise_html(html)
    if not html_text(clean):
        raise refuse(name, "is empty.")
    return Converted(html=clean, text=html_text(clean))
