"""The seed packs' markdown-ish text → semantic HTML that ``papers.convert.written_html`` accepts.

The seeds are text extracted from PDFs (see requirements-from-seeds, "Artefacts of the text
conversion"): markdown headings and emphasis, tab-separated tables, HTML fragments inside
table cells, bullets whose indentation is only roughly right, stray "Page N" lines and the
pack's own "This page is intentionally left blank" pages. This module turns that into
paragraphs, headings (the page owns the h1, so headings start at h2), lists and tables.

It is deliberately forgiving: a line it cannot place becomes a paragraph, never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .inline import fragment, inline

__all__ = ["heading_level", "inline", "to_html"]

# -- lines that are not part of the paper ----------------------------------------------------

_DROP = [
    re.compile(r"^\W*This page is intentionally left blank\W*$", re.I),  # the pack adds its own
    re.compile(r"^\s*Page \d+\s*$"),  # pack page numbers that survived extraction
    re.compile(r"^Formatted: "),  # a Word comment that leaked through (000:357)
    # A description of an image rather than text of the paper (002:705).
    re.compile(r"^An? [^.]{0,80}\b(logo|image|photograph|picture)\b.*\b(positioned|depicted)\b"),
    re.compile(r"^\s*[-*•]\s*$"),  # an empty bullet
]
_STRAY_PAGE = re.compile(r"<p[^>]*>\s*Page \d+\s*</p>|\s+Page \d+(?=\t|$)")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$|^[-\s]*\t[-\s\t]*$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_BULLET = re.compile(r"^(\s*)(?:[-*•])\s+(.*)$")
_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(.*)$")
# Paragraph numbers ("1.1", "2.7.", "(3)", "4)") make a paragraph, not a bullet point.
_PARA_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)+\.?|\(\d+\)|\d+\))\s(?!%)")  # not "10.3 %"
_ENUMERATOR = re.compile(r"^(\()?([a-z]|[ivx]+|\d+)([.)])\s")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\b|\b(?:{_MONTHS})\s+\d{{4}}\b")
_NOT_HEADING_START = {
    "we",
    "i",
    "you",
    "it",
    "they",
    "this",
    "these",
    "that",
    "there",
    "a",
    "an",
    "the",
    "our",
    "if",
    "please",
    "to",
    "all",
    "any",
    "no",
    "yes",
    "none",
}
_LABELLED = re.compile(r"^(Section|Part|Stage|Appendix|Annex|Article|Workshop)\s+[\w.]+\b", re.I)
_FIGURE = re.compile(r"^[£$]?-?[\d,.]+%?[km]?$")
_TITLES = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Cllr", "Sir", "Dame", "Lord", "Lady"}
_SMALL_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "from",
    "in",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
    "&",
    "-",
    "–",
    "vs",
    "v",
}


def _keep(line: str) -> bool:
    return not any(p.search(line) for p in _DROP)


# -- blocks -----------------------------------------------------------------------------------


@dataclass
class Item:
    level: int
    text: str
    number: int | None = None  # "3. …" lines: an ordered list item


@dataclass
class Block:
    kind: str  # heading, para, list, table
    lines: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    level: int = 2
    after_break: bool = False  # a page break or rule (a dropped line) came before it

    @property
    def last_text(self) -> str:
        if self.kind == "list" and self.items:
            return self.items[-1].text
        return self.lines[-1] if self.lines else ""

    def extend_last(self, text: str) -> None:
        if self.kind == "list":
            self.items[-1].text += " " + text
        else:
            self.lines[-1] += " " + text


def _plain(text: str) -> str:
    return re.sub(r"\*\*|~~|</?\w+>", "", text).strip()


def heading_level(line: str) -> int | None:
    """A short line on its own that reads as a heading: "2 Approach", "INTRODUCTION",
    "Key Performance Indicators". Dates, sentences and figures are not headings."""
    text = _plain(line)
    words = text.rstrip(":").split()
    if not words or len(words) > 10 or len(text) > 90 or text[-1] in ".,;!?":
        return None
    lettered = re.match(r"^[A-Z]\d?: ", text)  # "C: Portfolios Summary – August 2017"
    if _DATE.search(text) and not lettered:
        return None
    if re.search(r"\w{4,}: \S", text) and not lettered and not _LABELLED.match(text):
        return None  # "Publication Date: August 2017" is a label and its value
    if re.match(r"^\d+\.\s+\S|^\d+\s+[A-Z][a-z]", text):
        return 2
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters):
        return 2
    if not words[0][0].isupper():
        return None
    if _LABELLED.match(text):
        return 3
    if words[0].lower() in _NOT_HEADING_START or words[0].rstrip(".") in _TITLES:
        return None  # "None", "The Committee …", "Mr M J Harrison (Chairman)"
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    if all(w[0].isupper() or w[0].isdigit() or not w[0].isalnum() for w in significant):
        return 3
    # A short sentence-case line: "Planning and governance", "Enhanced offer".
    if len(words) <= 6 and not text.endswith(":"):
        return 3
    return None


def _classify(line: str) -> tuple[str, Item | None]:
    m = _BULLET.match(line)
    if m:
        return "item", Item(len(m[1].replace("\t", "  ")), m[2].strip())
    m = _NUMBERED.match(line)
    if m:
        return "item", Item(0, m[2].strip(), int(m[1]))
    return "text", None


def blocks(text: str) -> list[Block]:
    out: list[Block] = []
    current: Block | None = None
    broke = False

    def start(kind: str, **fields) -> Block:
        nonlocal broke
        block = Block(kind, after_break=broke, **fields)
        broke = False
        out.append(block)
        return block

    for raw in text.splitlines():
        # Trailing tabs are a table's empty last cells: keep them.
        line = _STRAY_PAGE.sub("", raw.replace("\u00a0", " ").rstrip(" \r\n"))
        if not line.strip() or not _keep(line) or _RULE.match(line):
            broke = broke or bool(line.strip())
            current = None
            continue
        m = _MD_HEADING.match(line)
        if m:
            level = {1: 2, 2: 2, 3: 3, 4: 3, 5: 4, 6: 5}[len(m[1])]
            start("heading", lines=[m[2]], level=level)
            current = None
            continue
        if "\t" in line:
            if current is None or current.kind != "table":
                current = start("table")
            current.lines.append(line)
            continue
        kind, item = _classify(line)
        if kind == "item":
            if current is None or current.kind != "list":  # a paragraph may introduce it
                current = start("list")
            current.items.append(item)
        elif current is not None and current.kind == "list" and not line.startswith(" "):
            current.items[-1].text += "\n" + line.strip()  # the item goes on
        else:
            if current is None or current.kind != "para":
                current = start("para")
            current.lines.append(line.strip())
    return _join_continuations(out)


def _join_continuations(found: list[Block]) -> list[Block]:
    """Rejoin text a page break split: a paragraph starting in lower case continues the text
    before it when that did not end a sentence (004:1127–1129)."""
    out: list[Block] = []
    for block in found:
        prev = out[-1] if out else None
        if (
            block.kind == "para"
            and prev is not None
            and prev.kind in ("para", "list")
            and block.lines[0][:1].islower()
            and not _plain(prev.last_text).endswith((".", ":", ";", "!", "?", ")", '"', "”"))
        ):
            prev.extend_last(" ".join(block.lines))
            continue
        out.append(block)
    return out


# -- rendering --------------------------------------------------------------------------------


def _render_para(block: Block) -> str:
    if len(block.lines) == 1:
        level = heading_level(block.lines[0])
        if level:
            return f"<h{level}>{inline(_plain_emphasis(block.lines[0]))}</h{level}>"
    if any(re.search(r"<(p|ul)\b", line) for line in block.lines):
        return "".join(fragment(line, block=True) for line in block.lines)
    return f"<p>{inline(chr(10).join(block.lines)).replace(chr(10), '<br>')}</p>"


def _plain_emphasis(text: str) -> str:
    return text.replace("**", "")  # a heading is already emphatic


def _style(text: str) -> tuple | None:
    """The form of an item's own enumerator: "(a)", "b.", "iii)", "2)" → (open, kind, close)."""
    m = _ENUMERATOR.match(text)
    return (m[1] or "", "digit" if m[2].isdigit() else "letter", m[3]) if m else None


def _siblings(items: list[Item]) -> list[Item]:
    """Extraction indents every bullet but the first of a list one level deeper ("- a. …",
    "  - b. …"). When the first item is the only one at the top level, or an item is
    enumerated like the shallower item before it ("(b)" after "(a)"), they are siblings."""
    if len(items) > 2 and items[0].level < min(i.level for i in items[1:]):
        return [Item(0, i.text, i.number) for i in items]
    levels = sorted({i.level for i in items})
    out = [Item(levels.index(i.level), i.text, i.number) for i in items]
    for n, item in enumerate(out):
        style = _style(item.text)
        for before in reversed(out[:n]):
            if before.level < item.level:
                if style and _style(before.text) == style:
                    item.level = before.level
                break
    return out


def _render_list(items: list[Item]) -> str:
    items = _siblings(items)
    ordered = all(i.number is not None for i in items if i.level == 0)
    out: list[str] = []
    depth = -1
    for item in items:
        level = min(item.level, depth + 1)
        if level > depth:
            tag = "ol" if ordered and level == 0 else "ul"
            start = f' start="{item.number}"' if tag == "ol" and item.number != 1 else ""
            out.append(f"<{tag}{start}><li>")
        else:
            while depth > level:
                out.append("</li></ul>")
                depth -= 1
            out.append("</li><li>")
        text = item.text if ordered or item.number is None else f"{item.number}. {item.text}"
        out.append(inline(text).replace("\n", "<br>"))
        depth = level
    while depth > 0:
        out.append("</li></ul>")
        depth -= 1
    out.append(f"</li></{'ol' if ordered else 'ul'}>")
    return "".join(out)


def _render_items(block: Block) -> str:
    """Numbered paragraphs ("- 1.1 …", "- (2) …") become paragraphs; the rest, lists. A lone
    numbered line that reads as a heading ("1. Introduction") is one."""
    if len(block.items) == 1 and block.items[0].number is not None:
        only = block.items[0]
        if "\n" not in only.text and heading_level(f"{only.number}. {only.text}"):
            return f"<h2>{inline(_plain_emphasis(f'{only.number}. {only.text}'))}</h2>"
    out, run = [], []
    for item in block.items:
        if item.number is None and item.level == 0 and _PARA_NUMBER.match(item.text):
            if run:
                out.append(_render_list(run))
                run = []
            out.append(f"<p>{inline(item.text).replace(chr(10), '<br>')}</p>")
        else:
            run.append(item)
    if run:
        out.append(_render_list(run))
    return "".join(out)


def _render_table(block: Block, caption: str = "") -> str:
    rows = [line.split("\t") for line in block.lines]
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    rows = [r for r in rows if any(c.strip() for c in r)]
    if len(rows) == 1:  # one line of label–value pairs, not a table
        return "<p>" + "; ".join(fragment(c) for c in rows[0] if c.strip()) + "</p>"
    cap = f"<caption>{inline(caption)}</caption>" if caption else ""
    # A first row holding a figure or a date is data ("Adults 2", 004:1250; "Monday 8 May",
    # 000:405), not column headings.
    head = ""
    if not any(_FIGURE.match(c.strip()) or _DATE.search(c) for c in rows[0]):
        head = (
            "<thead><tr>"
            + "".join(
                f'<th scope="col">{fragment(c)}</th>' if c.strip() else "<td></td>" for c in rows[0]
            )
            + "</tr></thead>"
        )
        rows = rows[1:]
    body = "".join("<tr>" + "".join(f"<td>{fragment(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table>{cap}{head}<tbody>{body}</tbody></table>"


def _merge_tables(found: list[Block]) -> list[Block]:
    """Join a table split by a page break: two tables of the same width with nothing between
    them, where the second is one row (004:1921–1923) or follows a dropped rule or page line
    (004:2791). Tables apart only by a blank line are otherwise separate (004:448–482)."""
    out: list[Block] = []
    for block in found:
        prev = out[-1] if out else None
        if (
            block.kind == "table"
            and prev is not None
            and prev.kind == "table"
            and len(prev.lines[0].split("\t")) == len(block.lines[0].split("\t"))
            and (block.after_break or len(block.lines) == 1)
        ):
            prev.lines.extend(block.lines)
            continue
        out.append(block)
    return out


def to_html(text: str) -> str:
    """The HTML of a paper's text."""
    found = _merge_tables(blocks(text))
    out: list[str] = []
    for i, block in enumerate(found):
        if block.kind == "heading":
            out.append(
                f"<h{block.level}>{inline(_plain_emphasis(block.lines[0]))}</h{block.level}>"
            )
        elif block.kind == "table":
            prev = found[i - 1] if i else None
            caption = ""
            if (
                prev is not None
                and prev.kind == "para"
                and len(prev.lines) == 1
                and re.match(r"^Table \d+\b", prev.lines[0])
            ):
                caption = prev.lines[0]
                out.pop()
            out.append(_render_table(block, caption))
        elif block.kind == "list":
            out.append(_render_items(block))
        else:
            out.append(_render_para(block))
    return "\n".join(out)
