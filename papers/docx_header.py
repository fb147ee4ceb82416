"""The header of a report made from the council's Word template: read, and left out of the body.

A report's header ("By:", "To:", "Subject:", "Classification:", "Summary:",
"Recommendation(s):" …, docs/requirements-from-seeds.md §1.9) is written either as a table
of label | value rows or as labelled paragraphs, the value after the label or in the
paragraphs below it. ``read_header`` reads it into a typed ``Header`` for the report form;
``body_without_header`` converts the rest of the document, since the paper's template prints
the header from the report's own fields and it must not appear twice.

The header is the run of labelled paragraphs (or header tables) at the top of the document,
after at most a few lines of preamble (a logo, the council's name); it ends at the first
paragraph that neither carries a label nor continues the field before it (a heading such as
"1. Introduction", a second paragraph after the recommendations' list). Fewer than two
different labels is no header: nothing is read and nothing is left out.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from . import convert
from .header_labels import field_of, looks_labelled, plain, read_date, split_label
from .header_values import Header, Para, build, strip_marker

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {f"{_W}{t}" for t in ("del", "moveFrom", "delText", "instrText", "pPr", "rPr")}
_SKIP.add(_FALLBACK)
_PICTURES = {f"{_W}{t}" for t in ("drawing", "pict", "object")}
_PREAMBLE = 4  # lines allowed before the first label
_MAX_XML = 64 * 1024 * 1024  # a document part larger than this unpacked is refused
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass
class _Para:
    text: str
    listed: bool = False
    heading: bool = False
    bold: bool = False
    picture: bool = False

    @property
    def blank(self) -> bool:
        return not plain(self.text) and not self.picture


@dataclass
class _Block:
    """A paragraph, or a table as rows of cells of paragraphs, with its element in the XML."""

    element: etree._Element
    para: _Para | None = None
    rows: list[list[list[_Para]]] = field(default_factory=list)


def _text(element: etree._Element) -> str:
    out: list[str] = []

    def walk(parent: etree._Element) -> None:
        for child in parent:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == f"{_W}t":
                out.append(child.text or "")
            elif tag == f"{_W}tab":
                out.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                out.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                out.append("-")
            else:
                walk(child)

    walk(element)
    return "".join(out)


def _on(element: etree._Element | None) -> bool:
    return element is not None and element.get(f"{_W}val", "true") not in {"0", "false", "off"}


class _Styles:
    """Which paragraph styles are headings and which are numbered or bulleted lists."""

    def __init__(self, xml: bytes | None) -> None:
        self.headings: set[str] = set()
        self.lists: set[str] = set()
        if not xml:
            return
        for style in etree.fromstring(xml, _PARSER).iter(f"{_W}style"):
            sid = style.get(f"{_W}styleId", "")
            name_el = style.find(f"{_W}name")
            name = (name_el.get(f"{_W}val", "") if name_el is not None else "").lower()
            if re.match(r"^(heading \d|title|subtitle)$", name) or (
                style.find(f"{_W}pPr/{_W}outlineLvl") is not None
            ):
                self.headings.add(sid)
            if "list" in name or style.find(f"{_W}pPr/{_W}numPr") is not None:
                self.lists.add(sid)

    def para(self, p: etree._Element) -> _Para:
        style_el = p.find(f"{_W}pPr/{_W}pStyle")
        style = style_el.get(f"{_W}val", "") if style_el is not None else ""
        num = p.find(f"{_W}pPr/{_W}numPr/{_W}numId")
        listed = (num is not None and num.get(f"{_W}val") != "0") or style in self.lists
        heading = (
            style in self.headings
            or bool(re.match(r"^(Heading\d|Title|Subtitle)$", style))
            or p.find(f"{_W}pPr/{_W}outlineLvl") is not None
        )
        runs = [r for r in p.iter(f"{_W}r") if plain(_text(r))]
        bold = bool(runs) and all(_on(r.find(f"{_W}rPr/{_W}b")) for r in runs)
        picture = any(el.tag in _PICTURES for el in p.iter())
        return _Para(_text(p), listed, heading, bold, picture)


def _blocks(parent: etree._Element, styles: _Styles) -> list[_Block]:
    """The body's paragraphs and tables in order; content controls and custom XML opened."""
    blocks = []
    for child in parent:
        if child.tag == f"{_W}p":
            blocks.append(_Block(child, para=styles.para(child)))
        elif child.tag == f"{_W}tbl":
            rows = [
                [_cell(tc, styles) for tc in tr.iter(f"{_W}tc") if tc.getparent() is tr]
                for tr in child.iter(f"{_W}tr")
                if tr.getparent() is child
            ]
            blocks.append(_Block(child, rows=rows))
        elif child.tag in (f"{_W}sdt", f"{_W}customXml"):
            content = child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child
            if content is not None:
                blocks.extend(_blocks(content, styles))
    return blocks


def _cell(tc: etree._Element, styles: _Styles) -> list[_Para]:
    return [b.para for b in _blocks(tc, styles) if b.para is not None]


def _open(data: bytes, name: str) -> tuple[etree._Element, _Styles]:
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
        parsed = _Styles(styles)
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, etree.XMLSyntaxError) as exc:
        raise unreadable from exc
    body = root.find(f"{_W}body")
    if body is None:
        raise unreadable
    return body, parsed


_TERMINAL = re.compile(r"[.;:!?,)\]”\"]$")
_SECTION = re.compile(r"^\(?\d{1,2}(\.\d{1,2})*[.)]?\s+")
_SMALL = {"and", "of", "the", "for", "to", "in", "on", "a", "an", "or", "with", "by", "&"}


def _headingish(p: _Para) -> bool:
    """A paragraph that opens the body: a heading style, or a short title with no closing
    punctuation ("1. Introduction", "BACKGROUND", a bold "Financial Implications")."""
    if p.heading:
        return True
    text = plain(p.text).replace("\n", " ")
    core = _SECTION.sub("", text, count=1)
    words = core.split()
    if not words or len(words) > 8 or _TERMINAL.search(core):
        return False
    titled = all(w[0].isupper() or not w[0].isalpha() or w.lower() in _SMALL for w in words)
    return titled and (p.bold or core.isupper() or core != text or p.listed or len(words) <= 3)


class _Scan:
    """Walks the blocks from the top, gathering each field's paragraphs (``fields``) and the
    elements of the header (``elements``)."""

    def __init__(self, blocks: list[_Block]) -> None:
        self.blocks = blocks
        self.fields: list[tuple[str, str, list[Para]]] = []
        self.warnings: list[str] = []
        self.elements: list[etree._Element] = []
        self.current: str | None = None
        self.gap = False

    def run(self) -> None:
        started, preamble, blanks = False, 0, []
        for i, block in enumerate(self.blocks):
            if block.para is not None and block.para.blank:
                blanks.append(block.element)
                self.gap = True
                continue
            took = self.table(block) if block.para is None else self.para(block.para, i)
            if took:
                started = True
                self.elements += blanks + [block.element]
                blanks = []
            elif started or preamble >= _PREAMBLE:
                break
            else:
                preamble, blanks = preamble + 1, []
        if started:
            self.elements += blanks

    def start(self, field: str, label: str, value: str) -> None:
        self.fields.append((field, label, [Para(value)] if value else []))
        self.current, self.gap = field, False

    def para(self, p: _Para, index: int | None) -> bool:
        found = split_label(p.text) if not p.heading or field_of(p.text) else None
        if found:
            self.start(*found)
            return True
        if self.current is None:
            return False
        if self.continues(p):
            self.fields[-1][2].append(Para(p.text, p.listed))
            self.gap = False
            return True
        if index is not None and looks_labelled(p.text) and self.label_follows(index):
            self.warnings.append(
                f"“{plain(p.text)[:80]}” in the header is not a field of the report; it was "
                "left out of the body. Add it to the text if it is needed."
            )
            self.current = None
            return True
        return False

    def label_follows(self, index: int) -> bool:
        ahead = [b for b in self.blocks[index + 1 :] if b.para is None or not b.para.blank][:3]
        return any(b.para is not None and split_label(b.para.text) for b in ahead)

    def continues(self, p: _Para) -> bool:
        """Whether ``p`` carries on the value of the field being read."""
        name, values = self.current, self.fields[-1][2]
        text = plain(p.text).replace("\n", " ")
        if not values:
            return not p.heading
        if name == "recommendations":
            if _headingish(p):
                return False
            return p.listed or strip_marker(text) != text
        if name == "summary":
            return not (p.listed or _headingish(p) or _SECTION.match(text)) and bool(
                _TERMINAL.search(text)
            )
        if self.gap or p.heading:
            return False
        if name == "by":
            return len(text.split()) <= 20 and not text.endswith(".")
        if name in {"author", "director", "contact", "past_pathway", "future_pathway"}:
            return len(text) <= 150
        if name in {"background_documents", "divisions"}:
            return not _headingish(p)
        if name == "classification":
            return bool(re.search(r"paragraph|schedule 12a", text, re.I))
        if name == "to":
            return read_date(text) is not None
        return False

    def table(self, block: _Block) -> bool:
        """A table of label | value rows is read whole and left out whole; any other table
        is not the header's."""
        labelled = [
            row
            for row in block.rows
            if (cells := [c for c in row if any(not p.blank for p in c)])
            and len(cells) >= 2
            and field_of(" ".join(plain(p.text) for p in cells[0]))
        ]
        inline = [
            row for row in block.rows for cell in row for p in cell[:1] if split_label(p.text)
        ]
        if not labelled and len(inline) < 2:
            return False
        for row in block.rows:
            cells = [c for c in row if any(not p.blank for p in c)]
            label = " ".join(plain(p.text) for p in cells[0]) if cells else ""
            if len(cells) >= 2 and field_of(label):
                name = field_of(label)
                assert name is not None
                values = [Para(p.text, p.listed) for c in cells[1:] for p in c if not p.blank]
                self.fields.append((name, label.rstrip(": "), values))
                self.current = None
                continue
            if len(cells) >= 2 and not looks_labelled(label):
                self.warnings.append(
                    f"“{label[:80]}” in the header table is not a field of the report; it was "
                    "left out of the body. Add it to the text if it is needed."
                )
                continue
            for p in (p for c in cells for p in c if not p.blank):
                if not self.para(p, None) and not p.picture:
                    self.warnings.append(
                        f"“{plain(p.text)[:80]}” in the header table is not a field of the "
                        "report; it was left out of the body. Add it to the text if it is "
                        "needed."
                    )
        self.current = None
        return True


def _scan(body: etree._Element, styles: _Styles) -> _Scan:
    scan = _Scan(_blocks(body, styles))
    scan.run()
    if len({name for name, _, _ in scan.fields}) < 2:
        scan.fields, scan.elements, scan.warnings = [], [], []
    return scan


def read_header(data: bytes, name: str = "The file") -> Header:
    """The header of a Word report: its fields typed, and a warning for each label whose
    value could not be read. A document without a header gives an empty ``Header``
    (``found`` is False); a file that is not a readable Word document is refused
    (``ValidationError`` in plain words)."""
    body, styles = _open(data, name)
    scan = _scan(body, styles)
    header = build(scan.fields)
    header.warnings += scan.warnings
    return header


def strip_header(data: bytes, name: str = "The file") -> bytes:
    """The Word document without its header (``data`` itself when it has none)."""
    body, styles = _open(data, name)
    scan = _scan(body, styles)
    if not scan.elements:
        return data
    for element in scan.elements:
        element.getparent().remove(element)
    xml = etree.tostring(body.getroottree(), xml_declaration=True, encoding="UTF-8")
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            part = xml if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info, part)
    return out.getvalue()


def convert_without_header(data: bytes, name: str = "The file") -> convert.Converted:
    """``convert.docx_to_html`` of the document after its header; refused when nothing
    follows the header."""
    stripped = strip_header(data, name)
    if stripped is not data:
        try:
            return convert.docx_to_html(stripped, name)
        except convert.ValidationError as exc:
            if "has no text" not in " ".join(exc.messages):
                raise
            raise convert.refuse(
                name, "has nothing after its header; the report's text should follow it."
            ) from exc
    return convert.docx_to_html(data, name)


def body_without_header(data: bytes, name: str = "The file") -> str:
    """The report's body as sanitised HTML, its header left out (see ``read_header``)."""
    return convert_without_header(data, name).html
