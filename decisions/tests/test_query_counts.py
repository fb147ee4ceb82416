"""The register, vote pages and voting records ask the database a fixed number of times,
however many decisions, voters or votes they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audit.testing import TEST_ACTOR
from proceedings.minutes import add_minute, add_resolution
from proceedings.votes import add_motion, record_vote

from .builders import closure_vote, council_meeting, person

pytestmark = pytest.mark.django_db


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200, url
    return len(ctx.captured_queries)


def more(n: int) -> None:
    meeting = council_meeting()
    minute = add_minute(meeting, "More decisions", actor=TEST_ACTOR)
    marsh = person("r-a-marsh")
    present = [marsh] + [
        a.person for a in meeting.attendances.filter(status="present").exclude(person=marsh)[:4]
    ]
    for i in range(n):
        motion = add_motion(
            meeting, "substantive", f"Motion {i}", mover=present[0], actor=TEST_ACTOR
        )
        record_vote(motion, "recorded", choices=[(p, "for") for p in present], actor=TEST_ACTOR)
        add_resolution(
            minute, f"RESOLVED item {i}.", [f"part {i}"], motion=motion, actor=TEST_ACTOR
        )


def test_counts_do_not_grow(client, published):
    urls = [
        "/decisions/",
        "/members/r-a-marsh/votes/",
        f"/votes/{closure_vote().pk}/",
        "/members/r-a-marsh/",
        "/committees/county-council/",
    ]
    more(2)
    before = {url: count(client, url) for url in urls}
    more(12)
    after = {url: count(client, url) for url in urls}
    assert after == before
    assert before["/decisions/"] <= 10
    record = client.get("/members/r-a-marsh/votes/").content.decode()
    assert "Votes (16)" in record
