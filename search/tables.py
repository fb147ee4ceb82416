"""Tables in indexed text, so that snippets never show table debris.

A paper's tables are searchable, but a snippet cut from the middle of one is a run of cells,
figures and, from text written with pipes, ``| --- |`` rules. So the text is indexed with its
prose first and its tables after it, each table opened by ``TABLE`` and each of its rows by
``CELL``, with ``CELL`` between cells (private-use characters, like the snippet marks, and
removed from what a paper says before these are added). A snippet then shows:

- the prose it found, with lines of nothing but figures left out;
- for a match inside a table, only the cells that match ("In a table: …").

``searchable_html`` and ``searchable_text`` build the indexed text (``search.indexing``);
``clean_snippet`` cleans what a backend's snippet function returns (``search.services``).
"""

from __future__ import annotations

import re

from papers.convert import html_text

from .models import MARK_END, MARK_START

TABLE = "\ue002"
CELL = "\ue003"

_TABLE_TAG = re.compile(r"<(/?)table\b[^>]*>", re.IGNORECASE)
_ROW = re.compile(r"<tr\b[^>]*>", re.IGNORECASE)
_CELL_TAG = re.compile(r"<t[dh]\b[^>]*>", re.IGNORECASE)
# A line of a table written with pipes: "| a | b |" or "a | b | c".
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$|^[^|\n]*\|[^|\n]*\|[^|\n]*$")
# The rule under a pipe table's header: "| --- | :-: |", "|---|---|", "+----+----+".
_RULE = re.compile(r"^[\s|:+=\-]*-{3,}[\s|:+=\-]*$")
RUN_WORDS = 3  # a line of three words or fewer, without a full stop, reads like a cell
RUN_LINES = 4  # and four such lines in a row are a layout's cells, not prose
_WORD = re.compile(r"[^\W\d_]{2,}")


def _strip_marks(text: str) -> str:
    return text.replace(TABLE, " ").replace(CELL, " ")


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _block(rows: list[list[str]]) -> str:
    """A table as indexed: ``TABLE``, then each row as ``CELL`` before every cell."""
    lines = ["".join(f" {CELL} {cell}" for cell in row) for row in rows if row]
    return f"\n {TABLE}\n" + "\n".join(lines) if lines else ""


def _outermost(html: str) -> list[tuple[int, int]]:
    """The spans of the outermost tables in ``html`` (one left open runs to the end)."""
    spans, depth, start = [], 0, 0
    for tag in _TABLE_TAG.finditer(html):
        if not tag.group(1):
            if depth == 0:
                start = tag.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, tag.end()))
    if depth:
        spans.append((start, len(html)))
    return spans


def _html_rows(table: str) -> list[list[str]]:
    opening = _TABLE_TAG.match(table)
    inner = table[opening.end() :] if opening else table
    # A table inside a cell is that cell's text.
    for begin, end in reversed(_outermost(inner)):
        inner = inner[:begin] + " " + _one_line(html_text(inner[begin:end])) + " " + inner[end:]
    rows = []
    parts = _ROW.split(inner)
    caption = _one_line(html_text(parts[0]))
    if caption:
        rows.append([caption])
    for row in parts[1:]:
        cells = [_one_line(html_text(cell)) for cell in _CELL_TAG.split(row)[1:]]
        rows.append([cell for cell in cells if cell])
    return rows


def searchable_html(html: str) -> str:
    """The plain text of an HTML paper: its prose, then its tables (outermost tables; a
    table inside a cell is that cell's text)."""
    html = _strip_marks(html or "")
    spans = _outermost(html)
    if not spans:
        return html_text(html)
    prose, tables, last = [], [], 0
    for begin, end in spans:
        prose.append(html[last:begin])
        tables.append(_block(_html_rows(html[begin:end])))
        last = end
    prose.append(html[last:])
    return html_text("\n<p></p>".join(prose)) + "".join(tables)


def searchable_text(text: str) -> str:
    """Plain text (an uploaded file's, a minute's): tables written with pipes moved after
    the prose as tables, their rules dropped."""
    text = _strip_marks(text or "")
    if "|" not in text:
        return text
    prose, tables, rows = [], [], []
    for line in text.split("\n"):
        if _PIPE_ROW.match(line) or (rows and _RULE.match(line)):
            if not _RULE.match(line):
                cells = [_one_line(c) for c in line.strip().strip("|").split("|")]
                rows.append([c for c in cells if c])
            continue
        if rows:
            tables.append(_block(rows))
            rows = []
            prose.append("")
        prose.append(line)
    if rows:
        tables.append(_block(rows))
    return "\n".join(prose) + "".join(tables)


def _figures_only(line: str) -> bool:
    """A line of nothing but figures and signs ("938.054", "-7.892", "£'000s", "48%"): no
    word of two letters or more."""
    bare = line.replace(MARK_START, "").replace(MARK_END, "").strip(" \t…")
    return bool(bare) and not _WORD.search(bare)


def _short(line: str) -> bool:
    """A line that reads like a cell: three words or fewer, no sentence ending."""
    bare = line.replace(MARK_START, "").replace(MARK_END, "").strip(" \t…")
    return len(bare.split()) <= RUN_WORDS and not bare.endswith((".", ";", ":", "?", "!"))


def _prose(text: str) -> str:
    """Prose of a snippet: lines of figures alone dropped, and a run of short lines (the
    cells of a layout that is not a table) only where it holds a match."""
    lines = [
        line
        for line in text.split("\n")
        if line.strip() and (MARK_START in line or not _figures_only(line))
    ]
    kept: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if line and _short(line):
            run.append(line)
            continue
        if len(run) >= RUN_LINES:
            kept.extend(cell for cell in run if MARK_START in cell)
        else:
            kept.extend(run)
        run = []
        kept.append(line)
    return _one_line(re.sub(r"-{3,}|\|", " ", " ".join(kept)))


def _matched_cells(text: str) -> list[str]:
    cells = []
    for part in re.split(f"[{CELL}\n]", text.replace(TABLE, "\n")):
        if MARK_START in part:
            cells.append(_one_line(part).strip("…").strip())
    return [c for c in cells if c]


def clean_snippet(snippet: str) -> str:
    """A backend's snippet without table debris. The prose before any table stays (lines of
    figures alone dropped); of a table, only the cells that hold a match."""
    snippet = snippet or ""
    if TABLE not in snippet and CELL not in snippet:
        return _prose(snippet)
    first, _, rest = snippet.partition(TABLE)
    if CELL in first:  # the snippet starts inside a table
        prose, tables = "", snippet
    else:
        prose, tables = _prose(first), rest
    cells = _matched_cells(tables)
    parts = []
    if prose.strip("… ") and (MARK_START in prose or not cells):
        parts.append(prose)
    if cells:
        parts.append("In a table: " + " … ".join(cells))
    return " … ".join(parts)
