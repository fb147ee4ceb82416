"""A Word document's body as paragraphs and tables: the text of each paragraph (tracked
deletions and field codes left out, line breaks and tabs kept), whether Word numbers it,
styles it as a heading or sets it in bold, and the element it stands for, so a caller can
take it out of the document (``docx_header``).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from . import convert
from .header_labels import plain

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {f"{W}{t}" for t in ("del", "moveFrom", "delText", "instrText", "pPr", "rPr")}
_SKIP.add(_FALLBACK)
_PICTURES = {f"{W}{t}" for t in ("drawing", "pict", "object")}
_MAX_XML = 64 * 1024 * 1024  # a document part larger than this unpacked is refused
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass
class Paragraph:
    text: str
    listed: bool = False
    heading: bool = False
    bold: bool = False
    picture: bool = False

    @property
    def blank(self) -> bool:
        return not plain(self.text) and not self.picture


@dataclass
class Block:
    """A paragraph, or a table as rows of cells of paragraphs, with its element in the XML."""

    element: etree._Element
    para: Paragraph | None = None
    rows: list[list[list[Paragraph]]] = field(default_factory=list)


def _text(element: etree._Element) -> str:
    out: list[str] = []

    def walk(parent: etree._Element) -> None:
        for child in parent:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == f"{W}t":
                out.append(child.text or "")
            elif tag == f"{W}tab":
                out.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                out.append("\n")
            elif tag == f"{W}noBreakHyphen":
                out.append("-")
            else:
                walk(child)

    walk(element)
    return "".join(out)


def _on(element: etree._Element | None) -> bool:
    return element is not None and element.get(f"{W}val", "true") not in {"0", "false", "off"}


class Styles:
    """Which paragraph styles are headings and which are numbered or bulleted lists."""

    def __init__(self, xml: bytes | None) -> None:
        self.headings: set[str] = set()
        self.lists: set[str] = set()
        if not xml:
            return
        for style in etree.fromstring(xml, _PARSER).iter(f"{W}style"):
            sid = style.get(f"{W}styleId", "")
            name_el = style.find(f"{W}name")
            name = (name_el.get(f"{W}val", "") if name_el is not None else "").lower()
            if re.match(r"^(heading \d|title|subtitle)$", name) or (
                style.find(f"{W}pPr/{W}outlineLvl") is not None
            ):
                self.headings.add(sid)
            if "list" in name or style.find(f"{W}pPr/{W}numPr") is not None:
                self.lists.add(sid)

    def para(self, p: etree._Element) -> Paragraph:
        style_el = p.find(f"{W}pPr/{W}pStyle")
        style = style_el.get(f"{W}val", "") if style_el is not None else ""
        num = p.find(f"{W}pPr/{W}numPr/{W}numId")
        listed = (num is not None and num.get(f"{W}val") != "0") or style in self.lists
        heading = (
            style in self.headings
            or bool(re.match(r"^(Heading\d|Title|Subtitle)$", style))
            or p.find(f"{W}pPr/{W}outlineLvl") is not None
        )
        runs = [r for r in p.iter(f"{W}r") if plain(_text(r))]
        bold = bool(runs) and all(_on(r.find(f"{W}rPr/{W}b")) for r in runs)
        picture = any(el.tag in _PICTURES for el in p.iter())
        return Paragraph(_text(p), listed, heading, bold, picture)


def blocks(parent: etree._Element, styles: Styles) -> list[Block]:
    """The body's paragraphs and tables in order; content controls and custom XML opened."""
    found: list[Block] = []
    for child in parent:
        if child.tag == f"{W}p":
            found.append(Block(child, para=styles.para(child)))
        elif child.tag == f"{W}tbl":
            rows = [
                [_cell(tc, styles) for tc in tr.iter(f"{W}tc") if tc.getparent() is tr]
                for tr in child.iter(f"{W}tr")
                if tr.getparent() is child
            ]
            found.append(Block(child, rows=rows))
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
            if content is not None:
                found.extend(blocks(content, styles))
    return found


def _cell(tc: etree._Element, styles: Styles) -> list[Paragraph]:
    return [b.para for b in blocks(tc, styles) if b.para is not None]


def open_body(data: bytes, name: str) -> tuple[etree._Element, Styles]:
    """The document's body and styles; a ``ValidationError`` in plain words if the file is
    not a Word document that can be read."""
    convert.check_size(data, name)
    unreadable = convert.refuse(name, "is not a Word (.docx) document that could be read.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            info = z.getinfo("word/document.xml")
            if info.file_size > _MAX_XML:
                raise convert.refuse(name, "is too large to read once unpacked.")
            document = z.read(info)
            styles = z.read("word/styles.xml") if "word/styles.xml" in z.namelist() else None
        root = etree.fromstring(document, _PARSER)
        parsed = Styles(styles)
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, etree.XMLSyntaxError) as exc:
        raise unreadable from exc
    body = root.find(f"{W}body")
    if body is None:
        raise unreadable
    return body, parsed
