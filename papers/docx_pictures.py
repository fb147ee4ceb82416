"""Pictures in Word papers: kept, or named where they stood; never silently dropped.

mammoth keeps a picture as a ``data:`` address in the paper's HTML, so it is stored with the
version, shown on the paper's page (the site's policy allows ``data:`` images: moot/csp.py)
and drawn in its PDF (the renderer fetches exactly those: pack/fetch.py). Two kinds are lost
on the way, and each is replaced by a note where it stood, naming it by its description:

- a picture in a format neither browsers nor the renderer draw (EMF and WMF, Word's vector
  drawings and the previews of embedded objects; TIFF), which would show as a broken image;
- a chart, a SmartArt diagram or another drawing that is not a picture, which mammoth leaves
  out without a trace.

Neither is in the PDF either (it is rendered from the same HTML), so the note sends the reader
to the original document, which the paper's page offers for download.
"""

from __future__ import annotations

import base64
import html as html_lib
import io
import re
import secrets
import zipfile
from dataclasses import dataclass, field

from django.utils.html import format_html
from mammoth import html as mammoth_html

#: Formats every browser and WeasyPrint draw.
DRAWABLE = {"image/png", "image/jpeg", "image/gif", "image/webp"}
KINDS = {"chart": "chart", "chartex": "chart", "diagram": "diagram", "picture": "picture"}
_DRAWING = re.compile(rb"<(\w+):drawing\b.*?</\1:drawing>", re.S)
_GRAPHIC = re.compile(rb'<(?:\w+:)?graphicData\b[^>]*\buri="([^"]*)"')
_DESCR = re.compile(rb'<(?:\w+:)?docPr\b[^>]*?\b(descr|title)="([^"]*)"')
MISSING_CLASS = "moot-missing"


@dataclass
class Missing:
    """What could not be kept, by the token standing in for it in the converted HTML."""

    nonce: str = field(default_factory=lambda: secrets.token_hex(8))
    notes: list[tuple[str, str]] = field(default_factory=list)  # (kind, description)

    def token(self, kind: str, description: str) -> str:
        self.notes.append((kind, description))
        return f"MOOTMISSING{self.nonce}N{len(self.notes) - 1}X"

    def place(self, converted: str) -> str:
        """The HTML with each token replaced by its note."""

        def note(m: re.Match) -> str:
            kind, description = self.notes[int(m.group(1))]
            named = format_html(" (“{}”)", description) if description else ""
            return format_html(
                '<span class="{}">This {}{} is in the original document; it '
                "could not be shown here.</span>",
                MISSING_CLASS,
                kind,
                named,
            )

        return re.sub(rf"MOOTMISSING{self.nonce}N(\d+)X", note, converted)


def _kind(uri: bytes) -> str:
    last = uri.rstrip(b"/").rsplit(b"/", 1)[-1].decode("ascii", "replace").lower()
    return KINDS.get(last, "drawing")


def mark_drawings(data: bytes, missing: Missing) -> bytes:
    """The .docx with each drawing that is not a picture (a chart, a diagram…) in the body
    replaced by a token mammoth carries through as text. The file is returned unchanged when
    it has no such drawing (or is not a readable zip: mammoth then refuses it)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            body = source.read("word/document.xml")
            infos = source.infolist()
            parts = {info.filename: source.read(info.filename) for info in infos}
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError):
        return data

    def replace(m: re.Match) -> bytes:
        drawing = m.group(0)
        graphic = _GRAPHIC.search(drawing)
        kind = _kind(graphic.group(1)) if graphic else "drawing"
        if kind == "picture":
            return drawing
        described = _DESCR.search(drawing)
        description = (
            html_lib.unescape(described.group(2).decode("utf-8", "replace")).strip()
            if described
            else ""
        )
        prefix = m.group(1).decode()
        return f"<{prefix}:t>{missing.token(kind, description)}</{prefix}:t>".encode()

    marked = _DRAWING.sub(replace, body)
    if marked == body:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in infos:
            target.writestr(
                info, marked if info.filename == "word/document.xml" else parts[info.filename]
            )
    return out.getvalue()


def image_converter(missing: Missing):
    """mammoth's ``convert_image``: a drawable picture inline with its description (or one
    saying it has none); any other a token for its note."""

    def convert(image):
        description = (image.alt_text or "").strip()
        if (image.content_type or "").lower() not in DRAWABLE:
            return [mammoth_html.text(missing.token("image", description))]
        with image.open() as handle:
            encoded = base64.b64encode(handle.read()).decode("ascii")
        return [
            mammoth_html.element(
                "img",
                {
                    "src": f"data:{image.content_type};base64,{encoded}",
                    "alt": description or "An image from the paper (it has no description)",
                },
            )
        ]

    return convert
