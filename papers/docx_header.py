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

from lxml import etree

from . import convert
from . import docx_blocks as word
from .header_labels import field_of, looks_labelled, plain, read_date, split_label
from .header_values import Header, Para, build, strip_marker

_PREAMBLE = 4  # lines allowed before the first label
# The closing sections the paper's template prints after the body from the report's fields.
_TRAILER = {"background_documents", "contact", "author", "director"}

_TERMINAL = re.compile(r"[.;:!?,)\]”\"]$")
_SECTION = re.compile(r"^\(?\d{1,2}(\.\d{1,2})*[.)]?\s+")
_SMALL = {"and", "of", "the", "for", "to", "in", "on", "a", "an", "or", "with", "by", "&"}


def _headingish(p: word.Paragraph) -> bool:
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

    def __init__(self, blocks: list[word.Block], trailer: bool = False) -> None:
        self.blocks, self.trailer, self.complete = blocks, trailer, True
        self.fields: list[tuple[str, str, list[Para]]] = []
        self.warnings: list[str] = []
        self.elements: list[etree._Element] = []
        self.current: str | None = None
        self.gap = False

    def run(self) -> None:
        started, preamble, blanks = False, _PREAMBLE if self.trailer else 0, []
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
                self.complete = False
                break
            else:
                preamble, blanks = preamble + 1, []
        if started:
            self.elements += blanks

    def start(self, field: str, label: str, value: str) -> None:
        self.fields.append((field, label, [Para(value)] if value else []))
        self.current, self.gap = field, False

    def para(self, p: word.Paragraph, index: int | None) -> bool:
        found = split_label(p.text) if not p.heading or field_of(p.text) else None
        if found and (not self.trailer or found[0] in _TRAILER):
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

    def continues(self, p: word.Paragraph) -> bool:
        """Whether ``p`` carries on the value of the field being read."""
        name, values = self.current, self.fields[-1][2]
        text = plain(p.text).replace("\n", " ")
        if not values:
            return not p.heading
        if name == "recommendations":
            if _headingish(p):
                return False
            return p.listed or strip_marker(text) != text
        if name == "background_documents" and self.trailer:
            return not p.heading
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

    def table(self, block: word.Block) -> bool:
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


def _scan(body: etree._Element, styles: word.Styles) -> _Scan:
    blocks = word.blocks(body, styles)
    scan = _Scan(blocks)
    scan.run()
    if len({name for name, _, _ in scan.fields}) < 2:
        scan.fields, scan.elements, scan.warnings = [], [], []
        return scan
    _closing(scan, blocks)
    return scan


def _closing(scan: _Scan, blocks: list[word.Block]) -> None:
    """The report's closing "Background Documents" and "Contact details" sections, when
    they are all that is left at the end of the document: read with the header, and left
    out of the body like it (the paper's template prints them from the report's fields)."""
    header = {id(e) for e in scan.elements}
    after = max((i for i, b in enumerate(blocks) if id(b.element) in header), default=-1) + 1
    for i in range(max(after, len(blocks) - 60), len(blocks)):
        p = blocks[i].para
        found = split_label(p.text) if p is not None and not p.blank else None
        if not found or found[0] not in _TRAILER:
            continue
        tail = _Scan(blocks[i:], trailer=True)
        tail.run()
        if tail.complete and tail.fields:
            have = {name for name, _, _ in scan.fields}
            scan.fields += [f for f in tail.fields if f[0] not in have]
            scan.elements += tail.elements
            scan.warnings += tail.warnings
            return


def read_header(data: bytes, name: str = "The file") -> Header:
    """The header of a Word report: its fields typed, and a warning for each label whose
    value could not be read. A document without a header gives an empty ``Header``
    (``found`` is False); a file that is not a readable Word document is refused
    (``ValidationError`` in plain words)."""
    body, styles = word.open_body(data, name)
    scan = _scan(body, styles)
    header = build(scan.fields)
    header.warnings += scan.warnings
    return header


def strip_header(data: bytes, name: str = "The file") -> bytes:
    """The Word document without its header (``data`` itself when it has none). Refused
    (``ValidationError``) when nothing but the header is there."""
    body, styles = word.open_body(data, name)
    scan = _scan(body, styles)
    if not scan.elements:
        return data
    removed = {id(e) for e in scan.elements}
    if all(
        id(b.element) in removed or (b.para and b.para.blank) for b in word.blocks(body, styles)
    ):
        raise convert.refuse(
            name, "has nothing after its header; the report's text should follow it."
        )
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
    """``convert.docx_to_html`` of the document after its header (the whole document when
    it has none); refused when nothing follows the header."""
    return convert.docx_to_html(strip_header(data, name), name)


def body_without_header(data: bytes, name: str = "The file") -> str:
    """The report's body as sanitised HTML, its header left out (see ``read_header``)."""
    return convert_without_header(data, name).html
