"""The clerk's screen on the demo's County Council meeting of 22 October 2015: every item
shows, with the attendance, the two recorded votes and their computed results."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from council.models import Body
from demo.kent.council_2015 import DATE
from meetings.models import Meeting
from proceedings.models import Attendance, Vote

from .helpers import signed_in_clerk

pytestmark = pytest.mark.django_db


def test_every_item_of_the_22_october_2015_meeting(client):
    meeting = Meeting.objects.get(body=Body.objects.get(name="County Council"), date=DATE)
    clerk = signed_in_clerk(client)
    pages = []
    for item in meeting.items.all():
        with CaptureQueriesContext(connection) as queries:
            response = clerk.get(f"/clerk/meetings/{meeting.pk}/?item={item.pk}")
        assert response.status_code == 200, item
        # Bounded, whatever the size of the council (84 members): no query per member. About
        # 25 of them draw the preview of the published minutes (proceedings.render).
        assert len(queries) < 75, (item, len(queries))
        pages.append(response.content.decode())
    html = "\n".join(pages)
    chair = Attendance.objects.get(meeting=meeting, in_chair=True).person
    assert f"In the chair: {chair}." in pages[0]
    for vote in Vote.objects.filter(motion__meeting=meeting, method="recorded"):
        assert (
            f"For {vote.votes_for}, Against {vote.votes_against}, Abstain {vote.abstentions}"
        ) in html
    assert "For 64, Against 4, Abstain 4" in html and "For 62, Against 3, Abstain 1" in html
