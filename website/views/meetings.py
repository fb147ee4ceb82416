import datetime as dt
from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from publishing import inspection

from ..queries import calendar as calendar_queries
from ..queries import meetings, outcomes, packs, today


def meeting(request, pk, slug=None):
    found = meetings.meeting_for_page(pk)
    if found is None:
        raise Http404("No such meeting")
    if slug != found.slug:
        # The slug is decoration (it follows the body's name and the date): keep one address.
        return redirect(found.get_absolute_url(), permanent=True)
    previous, following = meetings.neighbours(found)
    offered, preparing = packs.pack_offer(found)
    happened = outcomes.outcomes(found)
    return render(
        request,
        "website/meeting.html",
        {
            "meeting": found,
            "published": inspection.is_published(found),
            "agenda": meetings.agenda(found),
            "packs": offered,
            "packs_preparing": preparing,
            "due": inspection.due_by(found),
            "previous": previous,
            "next": following,
            "today": today(),
            # A held meeting's page leads with what happened; an upcoming one with its agenda.
            "held": outcomes.is_held(found, happened),
            "outcomes": happened,
        },
    )


def _picked(params) -> dt.date | None:
    """The month chosen with the month and year selects, or None when either is not one."""
    year, month = params.get("year", "").strip(), params.get("month", "").strip()
    if not (year.isdigit() and month.isdigit() and len(year) <= 4 and len(month) <= 2):
        return None
    return calendar_queries.month_start(int(year), int(month))


def _committee_query(body) -> str:
    return "?" + urlencode({"committee": body.slug}) if body is not None else ""


def calendar(request, year=None, month=None):
    """A month of meetings; ``?committee=slug`` shows one committee's. ``/calendar/`` opens on
    this month, or the month of the next (else the most recent) meeting when this month has
    none; the month and year selects (``?month=&year=``) go to that month's address. An
    unknown committee or month is a 400 naming the problem; a month address out of range a 404.
    """
    params = request.GET
    problems: dict[str, str] = {}  # field → message
    body = None
    slug = params.get("committee", "").strip()
    if slug:
        body = calendar_queries.committee(slug)
        if body is None:
            problems["committee"] = (
                "There is no committee with that address in the calendar: "
                "choose one from the list, or all committees."
            )
    first = None
    if year is not None:
        first = calendar_queries.month_start(int(year), int(month))
        if first is None:
            raise Http404("No such month")
    elif "year" in params or "month" in params:
        first = _picked(params)
        if first is None:
            problems["month"] = (
                "Choose a month, and a year from "
                f"{calendar_queries.FIRST_YEAR} to {calendar_queries.LAST_YEAR}."
            )
        elif not problems:
            return redirect(
                reverse("website:calendar_month", args=[f"{first.year:04d}", f"{first.month:02d}"])
                + _committee_query(body)
            )
    if first is None:
        first = calendar_queries.opening_month(body)
    return render(
        request,
        "website/calendar.html",
        {
            "month": calendar_queries.month(first, body),
            "committees": calendar_queries.committees(),
            "months": calendar_queries.MONTHS,
            "committee_query": _committee_query(body),
            "problems": problems,
        },
        status=400 if problems else 200,
    )
