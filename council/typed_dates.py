"""Dates and times as people type them, read the UK way (day first, always).

``read_date`` takes ``22/12/2026``, ``22/12/26``, ``22-12-2026``, ``22 Dec 2026``,
``22 December 2026``, ``Tuesday 22 December 2026``, ``22nd Dec. 2026`` and ``2026-12-22``;
``read_time`` takes ``10am``, ``10.00``, ``10:00``, ``2pm``, ``2.30pm``, ``14:30``, ``1430``,
``noon``, ``midday`` and ``midnight``. Anything else is a ``ValueError`` whose message says,
in plain words, what was expected; the form fields (``council/date_fields.py``) show it as
the field's error.

Two choices are made for people rather than for parsers:

- A two-digit year is the one within 20 years ahead of this year or 79 behind it (``26`` is
  2026 and ``99`` 1999, in 2026), the dates a council's business is about.
- A time with a one-figure hour and no am or pm (``2.30``, ``7.00``) is refused as
  ambiguous: in a council it is more often 2.30pm than 02:30. ``10.00``, ``09:30`` and
  ``14:30`` are read on the 24-hour clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from django.utils import timezone

DATE_FORMS = "Enter a date like 22/12/2026 or 22 Dec 2026"
TIME_FORMS = "Enter a time like 10am, 2.30pm or 14:30"
#: Longer than any date or time written out in full: anything longer is not one.
MAX_LENGTH = 60

# English whatever the server's locale (``calendar.month_name`` follows it).
MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
DAY_NAMES = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = [name.lower() for name in MONTH_NAMES]
WEEKDAYS = [name.lower() for name in DAY_NAMES]

# re.ASCII: \d is 0-9 only, never another script's digits that int() would also read.
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_NUMERIC = re.compile(r"(\d{1,2}) ?([/.\- ]) ?(\d{1,2}) ?\2 ?(\d{2}|\d{4})", re.ASCII)
_WORDS = re.compile(
    r"(?:([a-z]+)[ ,]+)?"  # the day of the week
    r"(\d{1,2})(?:st|nd|rd|th)?[ \-/]*(?:of )?"
    r"([a-z]+)\.?[ \-/,]*"
    r"(\d{2}|\d{4})",
    re.ASCII,
)


def _name_in(word: str, names: list[str]) -> int | None:
    """The index of the name ``word`` is (``dec``, ``sept``, ``decem``…: 3 letters or more)."""
    if len(word) >= 3:
        for n, name in enumerate(names):
            if name.startswith(word):
                return n
    return None


def _full_year(digits: str, today: dt.date | None) -> int:
    year = int(digits)
    if len(digits) == 4:
        if year < 1000:
            raise ValueError("Enter the year in full, like 2026")
        return year
    this_year = (today or timezone.localdate()).year
    year += this_year // 100 * 100
    if year > this_year + 20:
        year -= 100
    elif year <= this_year - 80:
        year += 100
    return year


def _real_date(year: int, month: int, day: int) -> dt.date:
    if not 1 <= year <= 9999:
        raise ValueError(DATE_FORMS)
    if not 1 <= month <= 12:
        raise ValueError(f"There is no month {month}. {DATE_FORMS}")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        month_year = f"{MONTH_NAMES[month - 1]} {year}"
        raise ValueError(f"There is no {day} {month_year}: {month_year} has {days} days")
    return dt.date(year, month, day)


def _squeezed(text: str) -> str:
    """Lower case, single spaces; "" (read as nothing) for what is too long to be a date."""
    squeezed = " ".join(text.lower().split()) if isinstance(text, str) else ""
    return squeezed if len(squeezed) <= MAX_LENGTH else ""


def read_date(text: str, *, today: dt.date | None = None) -> dt.date:
    """The date ``text`` gives, day first; ``today`` (by default the real date in the
    authority's time zone) places a two-digit year. Raises ``ValueError`` in plain words."""
    text = _squeezed(text).rstrip(".")
    if m := _ISO.fullmatch(text):
        return _real_date(int(m[1]), int(m[2]), int(m[3]))
    if m := _NUMERIC.fullmatch(text):
        return _real_date(_full_year(m[4], today), int(m[3]), int(m[1]))
    m = _WORDS.fullmatch(text)
    if m is None:
        raise ValueError(DATE_FORMS)
    month = _name_in(m[3], MONTHS)
    if month is None:
        raise ValueError(f"Check the month: “{m[3]}” is not one. {DATE_FORMS}")
    weekday = None
    if m[1] is not None:
        weekday = _name_in(m[1], WEEKDAYS)
        if weekday is None:
            raise ValueError(DATE_FORMS)
    day = _real_date(_full_year(m[4], today), month + 1, int(m[2]))
    if weekday is not None and day.weekday() != weekday:
        raise ValueError(
            f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year} is a "
            f"{DAY_NAMES[day.weekday()]}, not a {DAY_NAMES[weekday]}: check the date"
        )
    return day


_NAMED_TIMES = {
    "noon": dt.time(12),
    "midday": dt.time(12),
    "12 noon": dt.time(12),
    "12 midday": dt.time(12),
    "midnight": dt.time(0),
    "12 midnight": dt.time(0),
}
_TWELVE_HOUR = re.compile(r"(\d{1,2})(?:[:.](\d{2}))? ?([ap])m", re.ASCII)
_TWENTY_FOUR_HOUR = re.compile(r"(\d{1,2})[:.](\d{2})(?::(\d{2}))?|(\d{2})(\d{2})", re.ASCII)
_HOURS_SUFFIX = re.compile(r" ?(?:h|hrs|hours)$")


def _minutes(digits: str | None) -> int:
    minute = int(digits or 0)
    if minute > 59:
        raise ValueError(f"The minutes go from 00 to 59. {TIME_FORMS}")
    return minute


def read_time(text: str) -> dt.time:
    """The time of day ``text`` gives. Raises ``ValueError`` in plain words."""
    text = _squeezed(text).replace("a.m", "am").replace("p.m", "pm").rstrip(".")
    if text in _NAMED_TIMES:
        return _NAMED_TIMES[text]
    if m := _TWELVE_HOUR.fullmatch(text):
        hour, minute = int(m[1]), _minutes(m[2])
        if not 1 <= hour <= 12:
            raise ValueError("With am or pm the hour is from 1 to 12, like 2.30pm")
        return dt.time(hour % 12 + (12 if m[3] == "p" else 0), minute)
    twenty_four = _HOURS_SUFFIX.sub("", text)
    if m := _TWENTY_FOUR_HOUR.fullmatch(twenty_four):
        hour_digits = m[1] or m[4]
        minute = _minutes(m[2] or m[5])
        second = int(m[3] or 0)
        hour = int(hour_digits)
        if hour > 23 or second > 59:
            raise ValueError(TIME_FORMS)
        if len(hour_digits) == 1 and hour != 0:
            ambiguous = f"{hour}.{minute:02d}"
            raise ValueError(
                f"Say whether {ambiguous} is am or pm: enter {ambiguous}am, "
                f"{ambiguous}pm or {hour + 12}:{minute:02d}"
            )
        return dt.time(hour, minute, second)
    raise ValueError(TIME_FORMS)


def date_as_typed(day: dt.date) -> str:
    """How a form shows a date back: 22/12/2026."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def time_as_typed(moment: dt.time) -> str:
    """How a form shows a time back, in GOV.UK's style: 10am, 2:30pm, midday, midnight."""
    if moment.second:
        return f"{moment:%H:%M:%S}"
    if moment.minute == 0 and moment.hour in (0, 12):
        return "midday" if moment.hour else "midnight"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'pm' if moment.hour >= 12 else 'am'}"
