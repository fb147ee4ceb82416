"""Agenda numbers from the order of the items: "1, 2, 3 …" with sub-items "6(a)", "6(a)(i)",
or in sections "A1, A2 … B1 … C1" (the Kent Property Sub-Committee's style: A the opening
business, B the other public business, C the exempt business). Pure calculation, no queries:
``meetings.agenda.renumber`` applies it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .models import ItemKind, NumberingStyle

#: The kinds of business an agenda opens with; in the sections style the leading run of
#: these is section A.
OPENING_KINDS = frozenset(
    {
        ItemKind.APOLOGIES,
        ItemKind.DECLARATIONS,
        ItemKind.MINUTES,
        ItemKind.ANNOUNCEMENTS,
        ItemKind.PROCEDURAL,
    }
)


@dataclass(frozen=True)
class Entry:
    """What numbering needs of an item: its key, its parent's key, its place, and (for the
    sections style) its kind and whether it is exempt."""

    key: int
    parent: int | None
    order: int
    kind: str = ItemKind.REPORT
    exempt: bool = False


def tree_order(entries: Sequence[Entry]) -> list[tuple[Entry, int]]:
    """The entries as the agenda lists them, each with its depth (0 for an item, 1 for a
    sub-item …): items by ``order``, each followed by its sub-items by ``order``. An entry
    whose parent is not among them is an item."""
    keys = {e.key for e in entries}
    children: dict[int | None, list[Entry]] = defaultdict(list)
    for e in entries:
        children[e.parent if e.parent in keys else None].append(e)
    for group in children.values():
        group.sort(key=lambda e: (e.order, e.key))
    out: list[tuple[Entry, int]] = []
    seen: set[int] = set()

    def walk(parent: int | None, depth: int) -> None:
        for e in children.get(parent, []):
            if e.key not in seen:
                seen.add(e.key)
                out.append((e, depth))
                walk(e.key, depth + 1)

    walk(None, 0)
    return out


def letters(n: int) -> str:
    """1 → "a", 26 → "z", 27 → "aa": sub-items' letters."""
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


_ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def roman(n: int) -> str:
    """1 → "i", 4 → "iv": the sub-items of sub-items."""
    out = ""
    for value, numeral in _ROMAN:
        while n >= value:
            out, n = out + numeral, n - value
    return out


def _sub_label(depth: int, n: int) -> str:
    return f"({letters(n)})" if depth == 1 else f"({roman(n)})"


def _section(entry: Entry, opening: bool) -> str:
    if entry.exempt:
        return "C"
    return "A" if opening else "B"


def numbers(entries: Sequence[Entry], style: str = NumberingStyle.NUMBERS) -> dict[int, str]:
    """Each entry's number (by key), in ``style`` (``NumberingStyle``)."""
    out: dict[int, str] = {}
    counts: dict[object, int] = defaultdict(int)
    opening = True
    for entry, depth in tree_order(entries):
        if depth == 0:
            if style == NumberingStyle.SECTIONS:
                opening = opening and not entry.exempt and entry.kind in OPENING_KINDS
                letter = _section(entry, opening)
                counts[letter] += 1
                out[entry.key] = f"{letter}{counts[letter]}"
            else:
                counts[None] += 1
                out[entry.key] = str(counts[None])
            continue
        assert entry.parent is not None  # a sub-item's parent is among the entries
        counts[entry.parent] += 1
        out[entry.key] = out[entry.parent] + _sub_label(depth, counts[entry.parent])
    return out
