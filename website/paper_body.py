"""The body of a paper's page: its HTML with headings under the page's h1 and wide tables
scrolling on their own, or, for an uploaded PDF, its extracted text as paragraphs.

A PDF's extractor gives one line per printed line. Joined as one block it is unreadable, and
line by line it reads like a poem, so lines are rejoined into paragraphs: a paragraph ends
at a blank line, at a short line (a heading, or the last line of a paragraph), or at a line
ending a sentence that stops short of the full measure.
"""

from __future__ import annotations

import re

from django.utils.html import format_html_join

SHORT = 0.6  # of the longest line: headings and paragraph ends
ALMOST_FULL = 0.9  # a line ending a sentence shorter than this ends its paragraph
SENTENCE_END = re.compile(r"[.!?:;]$")


def paragraphs(text: str) -> list[str]:
    lines = [re.sub(r"\s+", " ", line).strip() for line in (text or "").splitlines()]
    measure = max((len(line) for line in lines), default=0)
    result: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        ends = (
            not line
            or len(line) < SHORT * measure
            or (SENTENCE_END.search(line) and len(line) < ALMOST_FULL * measure)
        )
        if ends and current:
            result.append(" ".join(current))
            current = []
    if current:
        result.append(" ".join(current))
    # Bullets the extractor has separated from their text say nothing on their own.
    return [p for p in result if re.search(r"\w", p)]


def as_html(text: str) -> str:
    """The paragraphs as HTML, each escaped."""
    return format_html_join("\n", "<p>{}</p>", ((p,) for p in paragraphs(text)))


HEADING = re.compile(r"<(/?)h([1-6])(?=[\s>])", re.I)


def tidy_headings(html: str) -> str:
    """Headings that never skip a level below the page's h1: each is at most one level
    deeper than the one before it (a paper opening with an h3, or jumping from h2 to h4,
    would otherwise leave screen-reader users wondering what they missed)."""
    previous, current = 1, 2

    def level(m: re.Match) -> str:
        nonlocal previous, current
        if not m.group(1):  # an opening tag; its closing tag follows before the next heading
            current = min(int(m.group(2)), previous + 1)
            previous = current
        return f"<{m.group(1)}h{current}"

    return HEADING.sub(level, html or "")


TABLE = re.compile(r"<(/?)table(?=[\s>])", re.I)


def scrollable_tables(html: str) -> str:
    """Wrap each outermost table in a region that scrolls sideways when the table is wider
    than the screen, so the page itself never does (WCAG 1.4.10, reflow). The region can
    take keyboard focus so that keyboard users can scroll it too."""
    out, depth, start, count = [], 0, 0, 0
    for m in TABLE.finditer(html or ""):
        closing = bool(m.group(1))
        if not closing and depth == 0:
            count += 1
            out.append(html[start : m.start()])
            out.append(
                f'<div class="moot-table" role="region" aria-label="Table {count}" tabindex="0">'
            )
            start = m.start()
        depth += -1 if closing else 1
        if closing and depth == 0:
            end = html.index(">", m.end()) + 1
            out.append(html[start:end] + "</div>")
            start = end
        depth = max(depth, 0)
    out.append((html or "")[start:])
    return "".join(out)
