"""A meeting's publication deadline as democratic services meet it: the moment it passes, the
working days left, and whether a publication was on time (statutory-rules §1.4, §1A).

The legal test is the time from which the documents were open to inspection, so the deadline
runs to the end of the deadline day in the authority's time zone (Europe/London), not UTC.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.utils import timezone

from meetings.deadlines import ONE_DAY, clear_days_between, closure_days, latest_publication
from meetings.models import Meeting

DUE_SOON_DAYS = 3  # the dashboard warns this many working days ahead


# The statutory test is England's: the deadline day ends at midnight in London whatever time
# zone the server or the settings use.
LONDON = zoneinfo.ZoneInfo("Europe/London")


def local_zone() -> dt.tzinfo:
    return LONDON


def deadline(meeting: Meeting, closed: frozenset[dt.date] | None = None) -> dt.date:
    """The last day on which publishing still leaves five clear days before the meeting.
    ``closed``: the authority's closure days around it, when read already for many meetings
    (``closure_days``)."""
    return latest_publication(meeting.date, closed=closed)


def end_of_day(day: dt.date) -> dt.datetime:
    """The first moment after ``day`` in the authority's time zone (aware)."""
    return dt.datetime.combine(day + ONE_DAY, dt.time.min, tzinfo=local_zone())


def local_date(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment, local_zone()).date()


def is_past(meeting: Meeting, now: dt.datetime | None = None, due: dt.date | None = None) -> bool:
    """Has the end of the deadline day passed?"""
    return (now or timezone.now()) >= end_of_day(due or deadline(meeting))


def on_time(meeting: Meeting, published_at: dt.datetime, due: dt.date | None = None) -> bool:
    """Published no later than the deadline day (in local time)."""
    return local_date(published_at) <= (due or deadline(meeting))


def working_days_left(
    due: dt.date, today: dt.date, closed: frozenset[dt.date] | None = None
) -> int:
    """Working days from ``today`` to ``due``: 0 on the deadline day itself, 1 the working
    day before, negative once it has passed (−1 the day after). ``closed``: the closure days
    between them, when read already."""
    if closed is None:
        closed = closure_days(min(today, due) - ONE_DAY, max(today, due) + ONE_DAY)
    if today == due:
        return 0
    if today < due:
        return clear_days_between(today, due, closed) + 1
    return -(clear_days_between(due, today, closed) + 1)
