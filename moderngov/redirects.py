"""modern.gov's public page addresses, answered with a permanent redirect to Moot's own page,
so links and bookmarks made before the move keep working. Parameter names are matched in any
case; an unknown or malformed id is the site's 404 page."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_safe

from council.models import Body, Person
from meetings.models import Meeting
from website.queries.calendar import month_start

from .params import Params, is_possible_id, parse_integer


def _id(request: HttpRequest, *names: str) -> int:
    params = Params(request.GET)
    for name in names:
        value = params.text(name, required=False)
        if value is not None:
            number = parse_integer(value)
            if is_possible_id(number):
                return number
            break
    raise Http404("No such page")


def _go(target) -> HttpResponse:
    return redirect(target, permanent=True)


@require_safe
def list_documents(request: HttpRequest) -> HttpResponse:
    """ieListDocuments.aspx?CId={committee}&MId={meeting}: the meeting's page."""
    meeting = Meeting.objects.select_related("body").filter(pk=_id(request, "MId")).first()
    if meeting is None:
        raise Http404("No such meeting")
    return _go(meeting.get_absolute_url())


def _body(pk: int) -> HttpResponse:
    body = Body.objects.filter(pk=pk).first()
    if body is None:
        raise Http404("No such committee")
    return _go(body.get_absolute_url())


@require_safe
def list_meetings(request: HttpRequest) -> HttpResponse:
    """ieListMeetings.aspx?CommitteeId={committee}: the committee's page."""
    return _body(_id(request, "CommitteeId", "CId"))


@require_safe
def committee_details(request: HttpRequest) -> HttpResponse:
    """mgCommitteeDetails.aspx?ID={committee}: the committee's page."""
    return _body(_id(request, "ID"))


@require_safe
def user_info(request: HttpRequest) -> HttpResponse:
    """mgUserInfo.aspx?UID={member}: the member's page."""
    person = Person.objects.filter(pk=_id(request, "UID")).first()
    if person is None:
        raise Http404("No such member")
    return _go(person.get_absolute_url())


@require_safe
def member_index(request: HttpRequest) -> HttpResponse:
    return _go(reverse("website:members"))


@require_safe
def list_committees(request: HttpRequest) -> HttpResponse:
    return _go(reverse("website:committees"))


@require_safe
def calendar_month(request: HttpRequest) -> HttpResponse:
    """mgCalendarMonthView.aspx[?M={month}&Y={year}]: that month of the calendar (this month
    without them)."""
    params = Params(request.GET)
    month, year = params.text("M", required=False), params.text("Y", required=False)
    if month is None and year is None:
        return _go(reverse("website:calendar"))
    m = parse_integer(month or "")
    y = parse_integer(year or "")
    first = month_start(y, m) if m is not None and y is not None else None
    if first is None:
        raise Http404("No such month")
    return _go(reverse("website:calendar_month", args=[f"{first.year:04d}", f"{first.month:02d}"]))
