"""Turning what officers give us into safe content: written HTML, Word files and PDFs.

Every refusal is a ``ValidationError`` naming the file and the problem.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

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


# What a refused file is told to do next: officers are not expected to know file formats.
SAVE_AS_DOCX = "Save it again from Word as a Word document (.docx) and upload it again."
SAVE_AS_PDF = "Save or export it as a PDF again and upload the new file."
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003, and any password-protected Office file


def _not_a_docx(data: bytes) -> str | None:
    """Why ``data`` cannot be a Word document, in plain words; None when it may be one."""
    if data.startswith(_OLE):
        return (
            "is an older Word document (.doc) or one protected with a password. Open it in "
            "Word, save it as a Word document (.docx) without a password, and upload that."
        )
    if data.lstrip()[:5] == b"%PDF-":
        return "is a PDF, not a Word document. Upload it with a name ending .pdf."
    if not data.startswith(b"PK"):
        return f"is not a Word document (.docx) that can be opened. {SAVE_AS_DOCX}"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = package.namelist()
    except Exception:  # zipfile raises many kinds on a damaged or cut-off file
        return f"is damaged or incomplete, so it could not be opened. {SAVE_AS_DOCX}"
    if any(n.startswith("word/") for n in names):
        return None
    if any(n.startswith("xl/") for n in names):
        return "is an Excel spreadsheet, not a Word document. Save it as a PDF and upload that."
    if any(n.startswith("ppt/") for n in names):
        return (
            "is a PowerPoint presentation, not a Word document. Save it as a PDF and upload that."
        )
    return f"is not a Word document (.docx) that can be opened. {SAVE_AS_DOCX}"


def docx_to_html(data: bytes, name: str) -> Converted:
    """Convert a Word document to semantic HTML (headings, lists, tables, pictures) with
    mammoth; what cannot be shown is named where it stood (``docx_pictures``). A file that
    is not one, or is damaged, is refused in plain words saying what to do instead."""
    check_size(data, name)
    problem = _not_a_docx(data)
    if problem:
        raise refuse(name, problem)
    # Pictures are kept inline; those that cannot be (charts, EMF drawings…) leave a note.
    missing = Missing()
    try:
        result = mammoth.convert_to_html(
            io.BytesIO(mark_drawings(data, missing)),
            style_map=_SHIFT_HEADINGS,
            convert_image=image_converter(missing),
        )
    except Exception as exc:  # mammoth raises many kinds on damaged files; never shown
        raise refuse(name, f"is damaged, so its text could not be read. {SAVE_AS_DOCX}") from exc
    html = sanitise_html(missing.place(result.value))
    if not html_text(html):
        raise refuse(name, "has no text that could be read.")
    return Converted(html=html, text=html_text(html))


def read_pdf(data: bytes, name: str) -> Converted:
    """Check a PDF opens without a password and read its page count and text. A file that is
    not one, is damaged or is protected is refused in plain words saying what to do instead."""
    check_size(data, name)
    if not data.lstrip()[:5] == b"%PDF-":
        if data.startswith(b"PK"):
            raise refuse(
                name,
                "is a Word document (or another Office file), not a PDF. If it is a Word "
                "document, upload it with a name ending .docx; if not, save it as a PDF.",
            )
        raise refuse(name, "is not a PDF file. Save or export it as a PDF and upload that.")
    protected = (
        "is protected with a password or against printing or copying, which a paper to be "
        "published cannot be. Save a copy without the protection and upload that."
    )
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            encrypted, pages = pdf.is_encrypted, len(pdf.pages)
    except pikepdf.PasswordError as exc:
        raise refuse(name, protected) from exc
    except Exception as exc:  # pikepdf raises many kinds on damaged files; never shown
        raise refuse(
            name, f"is damaged or incomplete, so it could not be opened. {SAVE_AS_PDF}"
        ) from exc
    if encrypted:
        raise refuse(name, protected)
    if pages == 0:
        raise refuse(name, f"has no pages. {SAVE_AS_PDF}")
    try:
        text = "\n".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages)
    except Exception:  # text extraction is for search only; an odd font must not block upload
        text = ""
    return Converted(text=text.strip(), page_count=pages)


#: The files a paper may be uploaded as, by the end of their name.
UPLOAD_KINDS = {".docx": docx_to_html, ".pdf": read_pdf}


def read_upload(data: bytes, filename: str) -> tuple[str, Converted]:
    """An uploaded paper read by the end of its name (".docx" or ".pdf", returned with what
    was read); any other kind of file is refused, saying what to upload instead."""
    name = PurePath(filename).name or "The file"
    suffix = PurePath(name).suffix.lower()
    reader = UPLOAD_KINDS.get(suffix)
    if reader is None:
        raise refuse(
            name,
            "is not a Word document (.docx) or a PDF, the kinds of file a paper can be "
            "uploaded as. Save it as one of them and upload that.",
        )
    return suffix, reader(data, name)


def written_html(html: str, name: str = "The text") -> Converted:
    check_html(html, name)
    clean = sanitise_html(html)
    if not html_text(clean):
        raise refuse(name, "is empty.")
    return Converted(html=clean, text=html_text(clean))
