"""Exempt information in plain English beside its legal reference.

The categories of Part 1 of Schedule 12A to the Local Government Act 1972 (docs: the shared
statutory-rules.md, access to information), each said as a resident would say it. The legal
reference is always given too: the plain words explain it, they do not replace it.
"""

from __future__ import annotations

PLAIN_ENGLISH = {
    1: "information about a particular person",
    2: "information that is likely to reveal who a person is",
    3: "information about the financial or business affairs of a person (including the council)",
    4: "information about consultations or negotiations with staff on labour relations",
    5: "legal advice covered by legal professional privilege",
    6: "information that the council proposes to give a notice, or make an order or direction, "
    "under an Act",
    7: "information about preventing, investigating or prosecuting crime",
}


def reference(paragraph: int | None) -> str:
    """'paragraph 3 of Part 1 of Schedule 12A' (or the Schedule alone if none is recorded)."""
    if not paragraph:
        return "Part 1 of Schedule 12A"
    return f"paragraph {paragraph} of Part 1 of Schedule 12A"


def described(paragraph: int | None) -> str:
    """'information about … – paragraph 3 of Part 1 of Schedule 12A'."""
    plain = PLAIN_ENGLISH.get(paragraph or 0)
    return f"{plain} – {reference(paragraph)}" if plain else reference(paragraph)
