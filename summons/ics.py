"""iCalendar (RFC 5545) for meetings: the summons attachment and the calendar feeds.

Times are written in UTC (the "Z" form), which every client reads without a VTIMEZONE; the
calendar names Europe/London for display. A meeting with no start time is an all-day event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import icalendar
from django.utils import timezone

from meetings.formatting import time_text
from meetings.models import Meeting, MeetingStatus

from .links import meeting_uid

LONDON = ZoneInfo("Europe/London")
PRODID = "-//Moot//Moot committee management//EN"
# Clients need an end; when the agenda gives no scheduled end, assume a two-hour meeting.
DEFAULT_LENGTH = dt.timedelta(hours=2)
STATUS = {
    MeetingStatus.CANCELLED: "CANCELLED",
    MeetingStatus.POSTPONED: "TENTATIVE",
}


def start_end(meeting: Meeting) -> tuple[dt.datetime | dt.date, dt.datetime | dt.date]:
    """The meeting's start and end: UTC datetimes, or dates for an all-day event."""
    if meeting.start_time is None:
        return meeting.date, meeting.date + dt.timedelta(days=1)
    start = dt.datetime.combine(meeting.date, meeting.start_time, tzinfo=LONDON)
    end = start + DEFAULT_LENGTH
    if meeting.end_time is not None and meeting.end_time > meeting.start_time:
        end = dt.datetime.combine(meeting.date, meeting.end_time, tzinfo=LONDON)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


def summary(meeting: Meeting) -> str:
    return str(meeting.body.name)


def when_text(meeting: Meeting) -> str:
    text = f"{meeting.date:%A} {meeting.date.day} {meeting.date:%B %Y}"
    return f"{text}, {time_text(meeting.start_time)}" if meeting.start_time else text


def event(
    meeting: Meeting,
    *,
    url: str,
    description: str = "",
    stamp: dt.datetime | None = None,
    modified: dt.datetime | None = None,
) -> icalendar.Event:
    """One VEVENT; the UID is the same wherever the meeting appears."""
    ev = icalendar.Event()
    ev.add("uid", meeting_uid(meeting.pk))
    ev.add("dtstamp", (stamp or timezone.now()).astimezone(dt.UTC))
    start, end = start_end(meeting)
    ev.add("dtstart", start)
    ev.add("dtend", end)
    ev.add("summary", summary(meeting))
    if meeting.venue_id:
        ev.add("location", meeting.venue.full_name)
    ev.add("url", url)
    if description:
        ev.add("description", description)
    ev.add("status", STATUS.get(meeting.status, "CONFIRMED"))
    if modified is not None:
        ev.add("last-modified", modified.astimezone(dt.UTC))
    return ev


def calendar(name: str, events: Iterable[icalendar.Event], *, feed: bool = False) -> bytes:
    """A VCALENDAR with METHOD:PUBLISH; ``feed`` adds the refresh hints subscribed calendars
    read."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/London")
    if feed:
        cal.add("x-published-ttl", "PT1H")
        cal.add("refresh-interval", dt.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    for ev in events:
        cal.add_component(ev)
    return cal.to_ical()
