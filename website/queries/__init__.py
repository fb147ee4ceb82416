"""Read-only queries behind the public pages, kept out of the views so each page's query
count is visible in one place (and bounded: see tests/test_query_counts.py)."""

import datetime as dt

from council.dates import authority_today


def today() -> dt.date:
    """The public site's "today": the authority's date (a demonstration's own date)."""
    return authority_today()


def in_force(start: dt.date, end: dt.date | None, day: dt.date) -> bool:
    return start <= day and (end is None or end >= day)
