"""Where each paper falls in the pack. Pure arithmetic, so it can be checked exhaustively.

Pages are numbered from 1 including the front sheet. Every paper starts on an odd
(right-hand) page; where the material before it ends on an odd page, a page reading
"This page is intentionally left blank" is inserted. The pack itself ends on an even page.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Placed:
    first: int  # first page of the paper
    last: int  # last page of the paper itself (not counting padding after it)


@dataclass(frozen=True)
class Layout:
    front_pages: int
    papers: tuple[Placed, ...]
    blanks: tuple[int, ...]  # page numbers of the inserted blank pages
    total: int


def lay_out(front_pages: int, paper_pages: list[int]) -> Layout:
    """Place papers of the given lengths after a front sheet of ``front_pages`` pages."""
    if front_pages < 1 or any(n < 1 for n in paper_pages):
        raise ValueError("The front sheet and every paper need at least one page.")
    blanks: list[int] = []
    page = front_pages  # the last page used so far
    placed = []
    for n in paper_pages:
        if page % 2 == 1:  # ended on an odd page: pad so the next paper starts on an odd page
            page += 1
            blanks.append(page)
        placed.append(Placed(page + 1, page + n))
        page += n
    if page % 2 == 1:
        page += 1
        blanks.append(page)
    return Layout(front_pages, tuple(placed), tuple(blanks), page)
