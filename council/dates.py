"""The authority's calendar: "today" is the date in the authority's time zone.

Every rule that asks "is this in force today?" (grants of access, terms of office, whether a
meeting has taken place, which meetings are upcoming) asks here, never
``datetime.date.today()``, which is the server's date: between midnight UTC and midnight in
London the two differ for an hour in summer. The time zone is ``settings.TIME_ZONE``
(Europe/London).

A demonstration installation is shown as at a day of its record: ``Authority.as_at`` (set
by ``moot demo --as-at``) is then "today" for the whole site, so the Kent demo of 2015–17
shows the councillors then in office and the meetings then to come. A council's own
installation leaves it blank and gets the real date. Moments of record (audit entries,
publication times) stay real: only the question "what day is it?" is answered here.

The authority row is read once per request (``AuthorityScopeMiddleware``); outside a
request each call reads it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.utils import timezone

_UNREAD = object()
_scope: ContextVar[dict | None] = ContextVar("moot_authority_scope", default=None)


@contextmanager
def authority_scope() -> Iterator[None]:
    """Within the block the authority row is read at most once (a request, a command)."""
    token = _scope.set({})
    try:
        yield
    finally:
        _scope.reset(token)


def current_authority():
    """``Authority.current()``, read once per ``authority_scope``."""
    from council.models import Authority

    scope = _scope.get()
    if scope is None:
        return Authority.current()
    found = scope.get("authority", _UNREAD)
    if found is _UNREAD:
        found = scope["authority"] = Authority.current()
    return found


def demonstration_date() -> dt.date | None:
    """The day a demonstration is shown as at, or None on a council's own installation."""
    authority = current_authority()
    return authority.as_at if authority is not None else None


def authority_today() -> dt.date:
    """Today's date where the authority is (a demonstration's own date when it has one)."""
    return demonstration_date() or timezone.localdate()


def authority_now() -> dt.datetime:
    """The current moment in the authority's time zone (aware); in a demonstration, the
    current time of day on the demonstration's date."""
    now = timezone.localtime()
    day = demonstration_date()
    return now if day is None else now.replace(year=day.year, month=day.month, day=day.day)


class AuthorityScopeMiddleware:
    """Reads the authority row once per request, for the header and for "today"."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with authority_scope():
            return self.get_response(request)


def municipal_year_of(day: dt.date) -> int:
    """The calendar year in which the municipal year containing ``day`` starts (the
    authority's start, usually 1 May: the annual meeting's month)."""
    return day.year if day >= municipal_year_start(day.year) else day.year - 1


def municipal_year_start(year: int) -> dt.date:
    """The first day of the municipal year starting in ``year`` (``Authority``'s start month
    and day; a start day past the month's end, 31 in a 30-day month, is its last day)."""
    authority = current_authority()
    month = authority.municipal_year_start_month if authority else 5
    day = authority.municipal_year_start_day if authority else 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day, last))


def municipal_year_dates(year: int) -> tuple[dt.date, dt.date]:
    """The first and last days of the municipal year starting in ``year``."""
    return municipal_year_start(year), municipal_year_start(year + 1) - dt.timedelta(days=1)
