"""Clear days and publication deadlines (statutory-rules §1A).

A clear day is a working day strictly between the day of publication and the day of the
meeting: not a Saturday or Sunday, not an England and Wales bank holiday (the ``holidays``
package keeps the list), and not a day the authority has recorded as a closure day.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays

ONE_DAY = dt.timedelta(days=1)
AGENDA_CLEAR_DAYS = 5  # LGA 1972 s.100B(3) and Sch 12 para 4(2): five clear days


@lru_cache(maxsize=64)
def bank_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(_bank_holiday_names(year))


@lru_cache(maxsize=64)
def _bank_holiday_names(year: int) -> dict[dt.date, str]:
    return dict(holidays.country_holidays("GB", subdiv="ENG", years=[year]).items())


def bank_holiday_name(day: dt.date) -> str | None:
    """The bank holiday ``day`` is ("Spring Bank Holiday", "Boxing Day (observed)"), or None."""
    return _bank_holiday_names(day.year).get(day)


def closure_days(start: dt.date, end: dt.date) -> frozenset[dt.date]:
    from .models import ClosureDay

    return frozenset(
        ClosureDay.objects.filter(date__range=(start, end)).values_list("date", flat=True)
    )


def is_clear_day(day: dt.date, closed: frozenset[dt.date] = frozenset()) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(day.year) and day not in closed


def clear_days_between(published: dt.date, meeting: dt.date, closed=frozenset()) -> int:
    """The clear days strictly between ``published`` and ``meeting``."""
    day, count = published + ONE_DAY, 0
    while day < meeting:
        count += is_clear_day(day, closed)
        day += ONE_DAY
    return count


def latest_publication(
    meeting: dt.date, required: int = AGENDA_CLEAR_DAYS, closed=None, calendar: bool = False
) -> dt.date:
    """The last working day on which publishing still leaves ``required`` clear days.

    With ``calendar``, every day counts (28-day key-decision notices), but publication must
    still fall on a working day.
    """
    if required < 0:
        raise ValueError("The number of clear days cannot be negative.")
    if calendar:
        day = meeting - dt.timedelta(days=required + 1)
        while not is_clear_day(day, closed or frozenset()):
            day -= ONE_DAY
        return day
    if closed is None:
        closed = closure_days(meeting - dt.timedelta(days=3 * required + 60), meeting)
    day, count = meeting, 0
    while count < required:
        day -= ONE_DAY
        count += is_clear_day(day, closed)
    day -= ONE_DAY  # the day of publication itself does not count
    while not is_clear_day(day, closed):
        day -= ONE_DAY
    return day
