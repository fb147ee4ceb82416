"""The authority's calendar: "today" is the date in the authority's time zone.

Every rule that asks "is this in force today?" (grants of access, terms of office, whether a
meeting has taken place) asks here, never ``datetime.date.today()``, which is the server's
date: between midnight UTC and midnight in London the two differ for an hour in summer.
The time zone is ``settings.TIME_ZONE`` (Europe/London).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def authority_today() -> dt.date:
    """Today's date where the authority is."""
    return timezone.localdate()


def authority_now() -> dt.datetime:
    """The current moment in the authority's time zone (aware)."""
    return timezone.localtime()
