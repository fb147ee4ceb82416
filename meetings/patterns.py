"""A body's pattern of meetings, as officers say it: "third Wednesday, 10.00, Darent Room".

``Pattern`` holds it; ``read_pattern`` reads what an officer types, and ``str(pattern)`` writes
it back in words ``read_pattern`` reads again. The dates a pattern gives are
``meetings.programme.dates_for``'s business.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .formatting import time_text
from .models import Venue

LAST = -1  # the occurrence "last Thursday of the month"
OCCURRENCES = {1: "first", 2: "second", 3: "third", 4: "fourth", LAST: "last"}
WEEKDAYS = tuple(calendar.day_name)  # Monday first, as ``date.weekday()`` counts
MONTHS = tuple(calendar.month_name)[1:]
EXAMPLE = '"third Wednesday, 10.00, Darent Room" or "last Thursday 2pm"'


@dataclass(frozen=True)
class Pattern:
    """When a body meets: the ``occurrence`` (1 to 4, or ``LAST``) of a ``weekday`` (0 Monday …
    6 Sunday) in the month, at ``time``, in ``venue`` (None: the body's default venue).

    ``skip_months`` (1 January … 12 December) have no meeting, e.g. August. ``every_months``
    is the gap between meeting months (3: quarterly), counted from ``starting_month`` (the
    first in the period asked for, with no meeting before it) or, when it is None, from the
    period's first month. Refuses (``ValueError``, in plain
    words) values outside these ranges.
    """

    weekday: int
    occurrence: int
    time: dt.time
    venue: Venue | None = None
    skip_months: frozenset[int] = field(default_factory=frozenset)
    every_months: int = 1
    starting_month: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "skip_months", frozenset(self.skip_months))
        if self.weekday not in range(7):
            raise ValueError("The day of the week must be Monday to Sunday (0 to 6).")
        if self.occurrence not in OCCURRENCES:
            raise ValueError("The week of the month must be the first to fourth, or the last.")
        if not isinstance(self.time, dt.time) or self.time.second or self.time.microsecond:
            raise ValueError("The start time must be a time of day in hours and minutes.")
        if not isinstance(self.every_months, int) or not 1 <= self.every_months <= 12:
            raise ValueError("A body meets every 1 to 12 months.")
        if any(m not in range(1, 13) for m in self.skip_months):
            raise ValueError("The months to skip must be January to December (1 to 12).")
        if len(self.skip_months) == 12:
            raise ValueError("Skipping every month leaves no meetings at all.")
        if self.starting_month is not None:
            if self.starting_month not in range(1, 13):
                raise ValueError("The starting month must be January to December (1 to 12).")
            if self.every_months == 1:
                raise ValueError(
                    "A starting month only matters for a body meeting every two or more months."
                )

    def __str__(self) -> str:
        """e.g. "third Wednesday of every month, 10.00 am, Darent Room, Sessions House,
        except August"."""
        if self.every_months == 1:
            every = "every month"
        else:
            every = f"every {self.every_months} months"
            if self.starting_month is not None:
                every += f" from {MONTHS[self.starting_month - 1]}"
        words = [
            f"{OCCURRENCES[self.occurrence]} {WEEKDAYS[self.weekday]} of {every}",
            time_text(self.time),
        ]
        if self.venue is not None:
            words.append(venue_label(self.venue))
        if self.skip_months:
            words.append("except " + _and([MONTHS[m - 1] for m in sorted(self.skip_months)]))
        return ", ".join(words)


def venue_label(venue: Venue) -> str:
    """The venue as a pattern names it: "Darent Room, Sessions House" (room and building)."""
    return ", ".join(p.strip() for p in (venue.room, venue.building) if p and p.strip())


def read_pattern(text: str, venues: Iterable[Venue] | None = None) -> Pattern:
    """Read a pattern as officers type it: "third Wednesday, 10.00, Darent Room", "last
    Thursday 2pm", "first Monday of every month at 10am in Council Chamber", "second Tuesday
    of every 3 months from June, 2.30 pm, except August".

    The venue is found by its name (the room, or the room and building), whatever the case,
    among ``venues`` (by default every venue). Refuses (``ValueError``, in plain words, naming
    the venues when the one typed is not among them) anything it cannot read.
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"Type the pattern of meetings, e.g. {EXAMPLE}.")
    known = list(Venue.objects.all()) if venues is None else list(venues)
    rest, venue = _take_venue(" ".join(text.split()), known)
    rest, skip = _take_skipped_months(rest)
    rest, starting = _take_starting_month(rest)
    rest, every = _take_frequency(rest)
    rest, time = _take_time(rest)
    rest, occurrence, weekday = _take_day(rest)
    leftover = _leftover(rest)
    if leftover:
        if venue is not None or not known:
            raise ValueError(f'Moot cannot read "{leftover}" in the pattern, e.g. {EXAMPLE}.')
        raise ValueError(f'There is no venue called "{leftover}". {_venue_list(known)}')
    return Pattern(weekday, occurrence, time, venue, skip, every, starting)


# --- The parts of a pattern, each taken out of the text in turn -----------------------------

_ABBREVIATED_DAYS = ("mon", "tue tues", "wed", "thu thur thurs", "fri", "sat", "sun")
_WEEKDAY_WORDS = {name.lower(): i for i, name in enumerate(WEEKDAYS)} | {
    word: i for i, words in enumerate(_ABBREVIATED_DAYS) for word in words.split()
}
_MONTH_WORDS = (
    {name.lower(): i for i, name in enumerate(MONTHS, start=1)}
    | {name[:3].lower(): i for i, name in enumerate(MONTHS, start=1)}
    | {"sept": 9}
)
_NUMBERS = "one two three four five six seven eight nine ten eleven twelve"
_COUNTS = {word: n for n, word in enumerate(_NUMBERS.split(), start=1)}
_NTHS = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
_ORDINALS = {word: n for n, word in enumerate(_NTHS.split(), start=1)}
_FILLERS = set(
    "of the each every month at in on and a meets meeting meetings from starting".split()
)


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_MONTH = rf"(?:{_alternatives(_MONTH_WORDS)})\.?"
_MONTH_LIST = rf"{_MONTH}(?:(?:\s*(?:,|&|\band\b|\bor\b)\s*|\s+){_MONTH}(?!\w))*"


def _cut(text: str, match: re.Match[str]) -> str:
    return f"{text[: match.start()]} , {text[match.end() :]}"


def _one(regex: str, text: str, what: str) -> re.Match[str] | None:
    found = list(re.finditer(regex, text, re.IGNORECASE))
    if len(found) > 1:
        raise ValueError(f"The pattern gives more than one {what}: give one.")
    return found[0] if found else None


def _take_venue(text: str, venues: list[Venue]) -> tuple[str, Venue | None]:
    """The longest venue name in the text (room and building, or room alone), with the "in"
    or "at" before it."""
    matches: list[tuple[int, int, Venue]] = []
    for venue in venues:
        for name in {venue_label(venue), venue.full_name, venue.room.strip()}:
            words = r"[\s,]+".join(re.escape(w) for w in re.split(r"[\s,]+", name) if w)
            if words:
                regex = rf"(?<!\w)(?:(?:in|at)\s+(?:the\s+)?)?{words}(?!\w)"
                matches += [(m.start(), m.end(), venue) for m in re.finditer(regex, text, re.I)]
    if not matches:
        return text, None
    longest = max(end - start for start, end, _ in matches)
    start, end, venue = next(m for m in matches if m[1] - m[0] == longest)
    same = {_key(v): v for s, e, v in matches if (s, e) == (start, end)}
    if len(same) > 1:
        said = re.sub(r"^(?:in|at)\s+(?:the\s+)?", "", text[start:end], flags=re.I)
        names = _and(sorted(v.full_name for v in same.values()))
        raise ValueError(f'More than one venue is called "{said}" ({names}): add the building.')
    if any(_key(v) != _key(venue) and (e <= start or s >= end) for s, e, v in matches):
        raise ValueError("The pattern names more than one venue: give one.")
    return f"{text[:start]} , {text[end:]}", venue


def _key(venue: Venue) -> int:
    return venue.pk if venue.pk is not None else id(venue)


def _take_skipped_months(text: str) -> tuple[str, frozenset[int]]:
    regex = (
        r"\b(?:except|excluding|but\s+not|not|no\s+meetings?|skip|skipping|other\s+than)"
        rf"(?:\s+(?:in|during))?\s+({_MONTH_LIST})(?!\w)"
    )
    match = _one(regex, text, "list of months to skip")
    if match is None:
        return text, frozenset()
    words = re.findall(_alternatives(_MONTH_WORDS), match.group(1), re.IGNORECASE)
    return _cut(text, match), frozenset(_MONTH_WORDS[w.lower()] for w in words)


def _take_starting_month(text: str) -> tuple[str, int | None]:
    regex = rf"\b(?:from|starting(?:\s+(?:in|from))?|beginning(?:\s+in)?)\s+({_MONTH})(?!\w)"
    match = _one(regex, text, "starting month")
    if match is None:
        return text, None
    return _cut(text, match), _MONTH_WORDS[match.group(1).rstrip(".").lower()]


def _take_frequency(text: str) -> tuple[str, int]:
    regex = (
        r"\b(?:of\s+)?(?:(monthly)|(quarterly)|(?:every|each)\s+(?:(month)|(other)\s+month"
        rf"|({_alternatives(_ORDINALS)})\s+month|(\d+|{_alternatives(_COUNTS)})\s+months?))\b"
    )
    match = _one(regex, text, "frequency")
    if match is None:
        return text, 1
    monthly, quarterly, month, other, ordinal, count = match.groups()
    if monthly or month:
        every = 1
    elif quarterly:
        every = 3
    elif other:
        every = 2
    elif ordinal:
        every = _ORDINALS[ordinal.lower()]
    else:
        every = int(count) if count.isdigit() else _COUNTS[count.lower()]
    if not 1 <= every <= 12:
        raise ValueError("A body meets every 1 to 12 months.")
    return _cut(text, match), every


def _take_time(text: str) -> tuple[str, dt.time]:
    regex = (
        r"(?:\bat\s+)?(?:\b(noon|midday)\b"
        r"|\b(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?\s*m\b\.?"
        r"|\b(\d{1,2})[.:](\d{2})\b)"
    )
    match = _one(regex, text, "start time")
    if match is None:
        raise ValueError(f"Give the start time, e.g. 10.00, 10am or 2.30 pm: {EXAMPLE}.")
    noon, hour12, minute12, half, hour24, minute24 = match.groups()
    said = match.group(0).strip()
    if noon:
        hour, minute = 12, 0
    elif hour12:
        hour, minute = int(hour12), int(minute12 or 0)
        if not 1 <= hour <= 12 or minute > 59:
            raise ValueError(f'"{said}" is not a time of day: try 10am or 2.30 pm.')
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    else:
        hour, minute = int(hour24), int(minute24)
        if hour > 23 or minute > 59:
            raise ValueError(f'"{said}" is not a time of day: try 10.00 or 14.30.')
        if 1 <= hour <= 6:
            raise ValueError(
                f'"{said}" could be morning or afternoon: write {hour}.{minute:02d} pm, '
                f"{hour + 12}.{minute:02d} or {hour}.{minute:02d} am."
            )
    return _cut(text, match), dt.time(hour, minute)


def _take_day(text: str) -> tuple[str, int, int]:
    weekday = rf"({_alternatives(_WEEKDAY_WORDS)})\.?s?"
    occurrence = r"(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)"
    match = _one(rf"\b{occurrence}\s+{weekday}(?!\w)", text, "day of the month")
    if match is None:
        day = re.search(rf"\b{weekday}(?!\w)", text, re.IGNORECASE)
        if day is None:
            raise ValueError(f"Give the day of the week, e.g. {EXAMPLE}.")
        name = WEEKDAYS[_WEEKDAY_WORDS[day.group(1).lower()]]
        raise ValueError(
            f"Say which {name} of the month: first, second, third, fourth or last "
            f'(e.g. "third {name}").'
        )
    said, day_word = match.group(1).lower(), match.group(2).lower()
    if said in ("fifth", "5th"):
        raise ValueError(
            "Not every month has a fifth week: choose the first to fourth, or the last."
        )
    number = LAST if said == "last" else int(said[0]) if said[0].isdigit() else _ORDINALS[said]
    return _cut(text, match), number, _WEEKDAY_WORDS[day_word]


def _leftover(text: str) -> str:
    words = [w.strip(".:-–()") for w in re.split(r"[\s,;]+", text)]
    return " ".join(w for w in words if w and w.lower() not in _FILLERS)


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _venue_list(venues: list[Venue], most: int = 12) -> str:
    names = sorted(venue_label(v) for v in venues)
    if len(names) > most:
        names = names[:most] + [f"{len(names) - most} more"]
    return f"The venues are: {'; '.join(names)}."
