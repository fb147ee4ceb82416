"""The web service's parameters: matched case-insensitively (clients send ``lmeetingid`` as
often as ``lMeetingId``), and parsed strictly. A value that does not parse is refused, never
guessed at: an ISO date read as "no range" would answer a different question with plausible
data, which is worse than an error.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

# Moot's ids are database keys; nothing larger can exist (and SQLite refuses larger integers).
MAX_ID = 2**31 - 1

# Long enough for any id a client may send; short enough for int() to stay cheap.
_DIGITS = re.compile(r"-?[0-9]{1,100}")
_DATE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")
# modern.gov's "no bound" for a date and "every committee" for lCommitteeId.
NO_BOUND = "0"
_TRUE = {"true", "1", "yes"}
_FALSE = {"false", "0", "no"}


class BadParameter(ValueError):
    """A required parameter is missing or malformed. The message names the parameter and
    what it should look like; it never repeats the value sent."""


class Params:
    """The request's parameters by lower-cased name (the first value of each)."""

    def __init__(self, *sources: Mapping[str, str]):
        self._values: dict[str, str] = {}
        for source in sources:
            for key in source:
                self._values.setdefault(key.lower(), source[key])

    def text(self, name: str, *, required: bool = True) -> str | None:
        value = self._values.get(name.lower())
        if value is None or not value.strip():
            if required:
                raise BadParameter(f"The parameter {name} is required.")
            return None
        return value.strip()

    def given(self, name: str) -> str:
        """The value of a parameter that must be sent but may be empty ("" when it is)."""
        value = self._values.get(name.lower())
        if value is None:
            raise BadParameter(f"The parameter {name} is required.")
        return value.strip()

    def integer(self, name: str, *, required: bool = True) -> int | None:
        value = self.text(name, required=required)
        if value is None:
            return None
        number = parse_integer(value)
        if number is None:
            raise BadParameter(f"The parameter {name} must be a whole number.")
        return number

    def date(self, name: str, *, required: bool = True) -> dt.date | None:
        value = self.text(name, required=required)
        if value is None:
            return None
        day = parse_date(value)
        if day is None:
            raise BadParameter(f"The parameter {name} must be a date written dd/mm/yyyy.")
        return day

    def bound(self, name: str) -> dt.date | None:
        """One end of a date range that must be sent: a date, or "0" for no bound (as
        modern.gov reads ``sFromDate=0`` and ``sToDate=0``)."""
        if self.text(name) == NO_BOUND:
            return None
        return self.date(name)

    def boolean(self, name: str, *, required: bool = True) -> bool | None:
        value = self.text(name, required=required)
        if value is None:
            return None
        flag = parse_bool(value)
        if flag is None:
            raise BadParameter(f"The parameter {name} must be True or False.")
        return flag


def parse_integer(text: str) -> int | None:
    """ "42" → 42, "-1" → -1; anything else (including other scripts' digits) → None."""
    text = text.strip()
    if not _DIGITS.fullmatch(text):
        return None
    return int(text)


def parse_date(text: str) -> dt.date | None:
    """ "15/09/2017" → 15 September 2017; "31/02/2026", "2017-09-15", "" → None."""
    match = _DATE.fullmatch(text.strip())
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_bool(text: str) -> bool | None:
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    return None


def is_possible_id(number: int | None) -> bool:
    """Could ``number`` be one of Moot's ids? (0 and negatives cannot.)"""
    return number is not None and 0 < number <= MAX_ID
