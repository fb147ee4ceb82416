"""Dates and times as council documents print them."""

from __future__ import annotations

import datetime as dt


def time_text(t: dt.time | None) -> str:
    """10:00 → "10.00 am", 14:30 → "2.30 pm", 12:00 → "12.00 pm"."""
    if t is None:
        return ""
    hour = t.hour % 12 or 12
    return f"{hour}.{t.minute:02d} {'am' if t.hour < 12 else 'pm'}"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def cover_date(d: dt.date) -> str:
    """The cover's style: "Friday, 15th September, 2017"."""
    return f"{d:%A}, {ordinal(d.day)} {d:%B}, {d.year}"


def long_date(d: dt.date) -> str:
    """ "Friday, 15 September 2017"."""
    return f"{d:%A}, {d.day} {d:%B %Y}"


def paragraphs_text(numbers: list[int]) -> str:
    """Schedule 12A paragraphs as the exclusion motion cites them: "paragraph 3",
    "paragraphs 1 and 3", "paragraphs 1, 2 and 3"."""
    words = [str(n) for n in numbers]
    if len(words) < 2:
        return "paragraph " + "".join(words)
    return "paragraphs " + ", ".join(words[:-1]) + " and " + words[-1]
