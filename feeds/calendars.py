"""iCalendar feeds (.ics) of meetings for the authority, a body and a member, for calendar
clients to subscribe to. Public information only, as the RSS and Atom feeds."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from summons import ics
from summons.links import absolute

from . import selection
from .conditional import conditional
from .selection import Entry, Scope

LIMIT = 500


def description(entry: Entry, url: str) -> str:
    lines = [f"{entry.meeting.body.name}, {ics.when_text(entry.meeting)}"]
    if entry.public_items:
        lines += ["", "Agenda (public items):"]
        lines += [f"{item.number}. {item.title}" for item in entry.public_items]
    elif not entry.agenda_published and entry.upcoming:
        lines += ["", "The agenda has not been published yet."]
    if entry.minutes_public:
        lines += ["", "Minutes published:"]
        lines += [f"{minute.number}. {minute.title}" for minute in entry.minutes]
        lines += [f"Minutes: {entry.minutes_url}"]
    lines += ["", f"Agenda, papers and minutes: {url}"]
    return "\n".join(lines)


def calendar_response(request: HttpRequest, scope: Scope | None, filename: str) -> HttpResponse:
    if scope is None:
        raise Http404("No such calendar")
    events = []
    for entry in selection.entries(scope, LIMIT):
        # The site's configured address, never the request's Host (``feeds.syndication``).
        url = absolute(entry.meeting.get_absolute_url())
        if entry.minutes_public:
            entry.minutes_url = absolute(entry.minutes_path())
        events.append(
            ics.event(
                entry.meeting,
                url=url,
                description=description(entry, url),
                stamp=entry.updated,
                modified=entry.updated,
            )
        )
    name = scope.title.replace(": meetings", " meetings")
    response = HttpResponse(
        ics.calendar(name, events, feed=True), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return conditional(request, response)


def authority_ics(request: HttpRequest) -> HttpResponse:
    return calendar_response(request, selection.authority(), "meetings")


def body_ics(request: HttpRequest, slug: str) -> HttpResponse:
    return calendar_response(request, selection.for_body(slug), slug)


def member_ics(request: HttpRequest, slug: str) -> HttpResponse:
    return calendar_response(request, selection.for_member(slug), slug)
