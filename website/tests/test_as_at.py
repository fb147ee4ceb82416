"""The public site takes the demo's date for today (``Authority.as_at``, council/dates.py):
the home page, the councillors and the committee pages show Kent as at 16 September 2017,
and a council without a demonstration date sees the real date."""

from __future__ import annotations

import datetime as dt

import pytest

from council.dates import authority_today
from council.models import Authority
from meetings.models import Meeting

from .helpers import PR, body, meeting, text

pytestmark = pytest.mark.django_db

BANNER = "A demonstration council, shown as at Saturday 16 September 2017"


def section(page: str, heading: str, following: str) -> str:
    return page.split(heading, 1)[1].split(following, 1)[0]


def test_home_page_lists_the_meetings_to_come_after_the_demo_date(client):
    page = text(client.get("/"))
    upcoming = section(page, "Upcoming meetings", "Recent meetings")
    assert "No meetings are scheduled" not in page
    assert "Tue 5 Dec 2017" in upcoming and "Fri 16 Mar 2018" in upcoming
    assert "Fri 15 Sep 2017" not in upcoming  # held the day before: a recent meeting
    assert "Fri 15 Sep 2017" in section(page, "Recent meetings", "Recently published papers")
    assert BANNER in page


def test_no_demo_page_lists_a_past_meeting_as_upcoming(client):
    today = authority_today()
    page = client.get("/").content.decode()
    upcoming = page.split("Upcoming meetings", 1)[1].split("Recent meetings", 1)[0]
    for m in Meeting.objects.filter(date__lt=today):
        assert f'href="{m.get_absolute_url()}"' not in upcoming, m
    committee = text(client.get(body(PR).get_absolute_url()))
    future = section(committee, "Future meetings", "Past meetings")
    assert "5 December 2017" in future and "15 September 2017" not in future


def test_members_page_shows_the_councillors_in_office_on_the_demo_date(client):
    page = text(client.get("/members/"))
    assert "The 21 councillors recorded as in office today" in page
    assert BANNER in page


def test_a_meeting_after_the_demo_date_looks_to_come(client):
    page = text(client.get(meeting(PR, dt.date(2017, 12, 5)).get_absolute_url()))
    assert "Scheduled" in page
    assert "The agenda will be published by Monday 27 November 2017." in page
    assert "No agenda was published" not in page


def test_a_council_without_a_demo_date_uses_the_real_date(client, real_date):
    assert Authority.current().as_at is None
    soon = Meeting.objects.create(body=body(PR), date=authority_today() + dt.timedelta(days=30))
    page = text(client.get("/"))
    upcoming = section(page, "Upcoming meetings", "Recent meetings")
    assert f"{soon.date:%a} {soon.date.day} {soon.date:%b %Y}" in upcoming
    assert "Tue 5 Dec 2017" not in upcoming
    assert "Fri 16 Mar 2018" in section(page, "Recent meetings", "Recently published papers")
    assert "A demonstration council" not in page
    # The demo's meetings of 2017–18 are past on the real date: no longer "to come".
    later = text(client.get(meeting(PR, dt.date(2017, 12, 5)).get_absolute_url()))
    assert "The agenda will be published by" not in later
