"""The meetings calendar: a month of meetings, of every body or of one committee, the month
the calendar opens on, and the months and years it offers."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from django.db.models import Max, Min, QuerySet

from council.models import Body
from meetings.models import Meeting

from . import today

FIRST_YEAR, LAST_YEAR = 1900, 2200  # beyond these a month is a typo, not a request
MONTHS = [(n, calendar.month_name[n]) for n in range(1, 13)]


def month_start(year: int, month: int) -> dt.date | None:
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        return None
    return dt.date(year, month, 1)


def add_months(day: dt.date, n: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def committees() -> list[Body]:
    """The bodies that have meetings, by name: the calendar's committee filter. One query."""
    return list(
        Body.objects.filter(meetings__isnull=False).distinct().only("name", "slug").order_by("name")
    )


def committee(slug: str) -> Body | None:
    """The body with meetings whose address is ``slug``, or None. One query."""
    return Body.objects.filter(slug=slug, meetings__isnull=False).distinct().first()


def _meetings(body: Body | None) -> QuerySet[Meeting]:
    rows = Meeting.objects.all()
    return rows.filter(body=body) if body is not None else rows


def opening_month(body: Body | None = None) -> dt.date:
    """The month ``/calendar/`` opens on: this month when it has meetings (of ``body``), else
    the month of the next meeting, else of the most recent, else this month. "This month" is
    the authority's (a demonstration's own date). Up to three queries."""
    day = today()
    first = day.replace(day=1)
    rows = _meetings(body)
    if rows.filter(date__range=(first, add_months(first, 1) - dt.timedelta(days=1))).exists():
        return first
    found = (
        rows.filter(date__gt=day).order_by("date").values_list("date", flat=True).first()
        or rows.filter(date__lt=day).order_by("-date").values_list("date", flat=True).first()
    )
    return found.replace(day=1) if found else first


@dataclass
class Month:
    first: dt.date
    weeks: list[list[tuple[dt.date, list[Meeting]]]]
    meetings: list[Meeting]
    previous: dt.date | None
    next: dt.date | None
    years: list[int]
    body: Body | None = None


def month(first: dt.date, body: Body | None = None) -> Month:
    """A month's meetings (of ``body``, or of every body) laid out in Monday-first weeks, with
    links to the months around it and the years the month picker offers.

    Previous/next links stop a year past the last meeting (or today) and at the first
    meeting, so robots following them cannot walk the calendar for ever. Two queries.
    """
    last = add_months(first, 1) - dt.timedelta(days=1)
    rows = _meetings(body)
    meetings = list(
        rows.filter(date__range=(first, last))
        .select_related("body", "venue")
        .order_by("date", "start_time", "pk")
    )
    by_day: dict[dt.date, list[Meeting]] = {}
    for m in meetings:
        by_day.setdefault(m.date, []).append(m)
    weeks = [
        [(d, by_day.get(d, []) if d.month == first.month else []) for d in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    ]
    span = rows.aggregate(lo=Min("date"), hi=Max("date"))
    now = today().replace(day=1)
    lo = min(filter(None, [span["lo"], now])).replace(day=1)
    hi = add_months(max(filter(None, [span["hi"], now])).replace(day=1), 12)
    years = range(min(lo.year, first.year), max(hi.year, first.year) + 1)
    return Month(
        first=first,
        weeks=weeks,
        meetings=meetings,
        previous=add_months(first, -1) if first > lo else None,
        next=add_months(first, 1) if first < hi else None,
        years=list(years),
        body=body,
    )
