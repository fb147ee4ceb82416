"""The home page reads each kind of thing once for all the meetings it shows (issue 13):
where each meeting stands (``workspace.progress``) and the steps each report still waits for
(``publishing.workflow.unsigned_steps_of``) cost the same queries for 3 meetings as for 12,
each in every stage the page tells apart. The count is behaviour, not timing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audit.testing import TEST_ACTOR
from meetings.models import ItemKind
from moot import testing as t
from proceedings.minutes import add_minute, publish_minutes
from publishing import workflow
from publishing.tests import builders as b

from .helpers import officer, text

pytestmark = pytest.mark.django_db

TODAY = dt.date(2017, 9, 16)  # the demo's date


def apologies(meeting) -> None:
    """The builders' first item is the apologies: not a report waiting for its paper."""
    meeting.items.filter(number="1").update(kind=ItemKind.APOLOGIES)


def meetings(sets: int, first: int = 0) -> None:
    """``sets`` times three meetings of a new body: one ready to publish (its report
    approved, an appendix to it), one whose report waits for clearance, and one held in
    August whose draft minutes wait for approval at the next meeting."""
    if not first:
        b.steps("Legal", "Finance")
    for n in range(first, first + sets):
        ready = b.meeting(TODAY + dt.timedelta(days=10 + n))
        apologies(ready)
        link = b.paper(ready, "2", f"Ready report {n}")
        b.appendix(link.document, "Appendix A", f"Ready appendix {n}")
        waiting = b.meeting(TODAY + dt.timedelta(days=20 + n))
        apologies(waiting)
        link = b.paper(waiting, "2", f"Waiting report {n}", approved=False)
        workflow.submit_report(link.document, actor=b.OPERATOR)
        held = b.meeting(TODAY - dt.timedelta(days=30 + n))
        add_minute(held, "Apologies", text="None.", actor=TEST_ACTOR)
        publish_minutes(held, actor=TEST_ACTOR)
        t.meeting(held.body, TODAY + dt.timedelta(days=40 + n))  # where they are approved


def home_queries() -> tuple[int, str]:
    client = officer()
    client.get("/office/")  # the session and the account, read once
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/office/")
    assert response.status_code == 200
    return len(queries), text(response)


def test_the_stages_shown_are_the_ones_built():
    meetings(1)
    _, page = home_queries()
    assert "Ready to publish" in page and "Awaiting clearance" in page
    assert "Minutes to approve" in page and "waiting for Legal, Finance" in page


@pytest.mark.parametrize("sets", [1, 4])
def test_the_home_page_costs_the_same_for_3_meetings_as_for_12(sets, django_assert_max_num_queries):
    meetings(1)
    three, _ = home_queries()
    if sets == 1:
        return
    meetings(sets - 1, first=1)  # 12 meetings in all
    client = officer()
    client.get("/office/")
    with django_assert_max_num_queries(three) as twelve:
        page = client.get("/office/")
    print(f"home page: {three} queries for 3 meetings, {len(twelve)} for 12")
    assert text(page).count("Publishing Test Committee") >= 12
