"""Parsing the API's query parameters: every value is checked here, and anything wrong is an
``ApiError`` (a 400 with a JSON message), never an exception that reaches the database.

The parsers take plain strings so they can be tested on their own (``tests/test_params.py``
runs hypothesis against them).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

from django.utils import timezone

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
#: Database integers are 64-bit; a larger id cannot name a row (and SQLite would overflow).
MAX_ID = 2**63 - 1
MAX_PAGE = 10**9


class ApiError(Exception):
    """A client error: ``status`` and a message, and the parameters at fault."""

    def __init__(self, message: str, status: int = 400, parameters: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.parameters = parameters or []

    def as_dict(self) -> dict:
        error = {"status": self.status, "message": self.message}
        if self.parameters:
            error["parameters"] = self.parameters
        return {"error": error}


DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DATETIME_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?"
    r"(Z|[+-]\d{2}:?\d{2})?$",
    re.IGNORECASE,
)


def parse_date(name: str, value: str) -> dt.date:
    """``YYYY-MM-DD`` and a real day (``2026-02-31`` is refused)."""
    match = DATE_RE.match(value.strip())
    if not match:
        raise ApiError(
            f"{name} must be a date written YYYY-MM-DD, not {value!r}.", parameters=[name]
        )
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        raise ApiError(f"{name}: {value} is not a real date.", parameters=[name]) from None


def parse_datetime(name: str, value: str) -> dt.datetime:
    """An ISO 8601 date-time (``2026-01-31T09:30:00Z``, ``…+01:00``) or a date (midnight).
    A time without an offset is the council's local time (Europe/London)."""
    text = value.strip()
    if DATE_RE.match(text):
        day = parse_date(name, text)
        return timezone.make_aware(dt.datetime.combine(day, dt.time()))
    match = DATETIME_RE.match(text)
    if not match:
        raise ApiError(
            f"{name} must be an ISO 8601 date-time such as 2026-01-31T09:30:00Z, not {value!r}.",
            parameters=[name],
        )
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    try:
        tz = None
        if offset:
            if offset.upper() == "Z":
                tz = dt.UTC
            else:
                sign = -1 if offset[0] == "-" else 1
                digits = offset[1:].replace(":", "")
                hours, minutes = int(digits[:2]), int(digits[2:])
                if hours > 23 or minutes > 59:
                    raise ValueError("offset")
                tz = dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
        moment = dt.datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second or 0),
            int((fraction or "0").ljust(6, "0")),
            tzinfo=tz,
        )
        if tz is None:
            moment = timezone.make_aware(moment)
    except (ValueError, OverflowError):
        raise ApiError(f"{name}: {value} is not a real date and time.", parameters=[name]) from None
    return in_utc(moment)


#: The first and last moments a database column can hold, in UTC.
EARLIEST = dt.datetime.min.replace(tzinfo=dt.UTC)
LATEST = dt.datetime.max.replace(tzinfo=dt.UTC)


def in_utc(moment: dt.datetime) -> dt.datetime:
    """``moment`` in UTC: databases differ in the offsets they accept (PostgreSQL stops at
    ±15:59). A valid moment at the far end of the calendar that UTC cannot write
    (0001-01-01T00:00:00+01:00 is in year 0) is the first or last moment there is: no record
    lies beyond it, so a filter from or to it matches what the moment itself would."""
    try:
        return moment.astimezone(dt.UTC)
    except OverflowError:
        return EARLIEST if moment.year == dt.MINYEAR else LATEST


def parse_int(name: str, value: str, *, minimum: int = 1, maximum: int = MAX_ID) -> int:
    text = value.strip()
    if not text.isascii() or not text.isdigit():
        raise ApiError(f"{name} must be a whole number, not {value!r}.", parameters=[name])
    number = int(text)
    if number < minimum:
        raise ApiError(f"{name} must be at least {minimum}.", parameters=[name])
    if number > maximum:
        raise ApiError(f"{name} must be at most {maximum}.", parameters=[name])
    return number


def parse_choice(name: str, value: str, choices) -> str:
    if value not in choices:
        raise ApiError(
            f"{name} must be one of {', '.join(sorted(choices))}, not {value!r}.", parameters=[name]
        )
    return value


def check_query_string(raw: str) -> None:
    """The raw query string must decode as UTF-8 (WSGI hands it over as latin-1 text)."""
    try:
        unquote_to_bytes(raw.encode("latin-1")).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        raise ApiError("The query string is not valid UTF-8.") from None


@dataclass(frozen=True)
class Page:
    number: int
    size: int

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size


def parse_page(params: dict[str, str]) -> Page:
    number = parse_int("page", params["page"], maximum=MAX_PAGE) if "page" in params else 1
    size = DEFAULT_PAGE_SIZE
    if "page_size" in params:
        text = params["page_size"].strip()
        if text.isascii() and text.isdigit() and int(text) > MAX_PAGE_SIZE:
            raise ApiError(
                f"page_size may be at most {MAX_PAGE_SIZE}; ask for the next page "
                f"(or use /api/export.zip for everything).",
                parameters=["page_size"],
            )
        size = parse_int("page_size", text, maximum=MAX_PAGE_SIZE)
    return Page(number, size)


def single_values(querydict, allowed: set[str]) -> dict[str, str]:
    """The query parameters as one value each. Unknown names and repeated names are errors
    (a typo in a filter must not silently return everything)."""
    unknown = sorted(k for k in querydict.keys() if k not in allowed)
    if unknown:
        raise ApiError(
            f"Unknown query parameter{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}. "
            f"This endpoint accepts: {', '.join(sorted(allowed)) or 'none'}.",
            parameters=unknown,
        )
    repeated = sorted(k for k in querydict.keys() if len(querydict.getlist(k)) > 1)
    if repeated:
        raise ApiError(f"Give each parameter once: {', '.join(repeated)}.", parameters=repeated)
    values = {k: querydict.get(k) for k in querydict.keys()}
    for k, v in values.items():
        if "\x00" in v:
            raise ApiError(f"{k} contains a NUL character.", parameters=[k])
    return values
