"""Page numbers ("Page N") and markings ("NOT FOR PUBLICATION") stamped onto finished pages.

Stamping costs little: a few text operators per page in the standard Helvetica font, marked
as pagination artifacts so assistive technology skips them as it skips running heads.
"""

from __future__ import annotations

import pikepdf
from pikepdf import Dictionary, Name

FONT_NAME = Name("/MootStampFont")
FONT_OP = b"/MootStampFont"


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _text_width(text: str, size: float) -> float:
    return len(text) * size * 0.52  # Helvetica's average advance; good enough to centre


_fonts: dict[int, pikepdf.Object] = {}


def _font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    """One shared font object per pack (keyed by the Pdf's identity while it is being built)."""
    font = _fonts.get(id(pdf))
    if font is None or not font.is_indirect:
        font = _fonts[id(pdf)] = pdf.make_indirect(
            Dictionary(
                Type=Name.Font,
                Subtype=Name.Type1,
                BaseFont=Name.Helvetica,
                Encoding=Name.WinAnsiEncoding,
            )
        )
    return font


def stamp_page(pdf: pikepdf.Pdf, page: pikepdf.Page, footer: str, header: str = "") -> None:
    """Write ``footer`` centred at the foot and ``header`` (bold) centred at the head of
    ``page``."""
    box = [float(v) for v in page.mediabox]
    width = box[2] - box[0]
    resources = page.obj.get("/Resources")
    if resources is None:
        page.obj.Resources = resources = Dictionary()
    fonts = resources.get("/Font")
    if fonts is None:
        resources.Font = fonts = Dictionary()
    fonts[FONT_NAME] = _font(pdf)
    ops = [b"q /Artifact <</Type /Pagination>> BDC BT 0 g"]
    size = 10
    x = box[0] + (width - _text_width(footer, size)) / 2
    ops.append(b"%s %d Tf %.2f %.2f Td (%s) Tj" % (FONT_OP, size, x, box[1] + 22, _escape(footer)))
    if header:
        hsize = 11
        hx = box[0] + (width - _text_width(header, hsize)) / 2
        ops.append(
            b"ET BT 0.6 0 0 rg %s %d Tf %.2f %.2f Td (%s) Tj"
            % (FONT_OP, hsize, hx, box[3] - 24, _escape(header))
        )
    ops.append(b"ET EMC Q")
    # Wrap the existing content in q/Q so its graphics state cannot move our stamp.
    page.contents_coalesce()
    page.contents_add(pikepdf.Stream(pdf, b"q\n"), prepend=True)
    page.contents_add(pikepdf.Stream(pdf, b"Q\n" + b"\n".join(ops)))
