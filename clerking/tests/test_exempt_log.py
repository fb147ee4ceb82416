"""The clerk's screen logs each view of an exempt item and of exempt minutes
(access/exempt_log.py), and nothing for public business."""

from __future__ import annotations

import pytest

from access.models import ExemptAccess, Surface
from audit.testing import TEST_ACTOR
from moot import testing
from proceedings.minutes import add_minute

from .helpers import committee, signed_in_clerk

pytestmark = pytest.mark.django_db


@pytest.fixture
def c(client):
    c = committee()
    c.exempt_item = testing.item(
        c.meeting, "3", "Property disposal", part="exempt", exempt_paragraph=3
    )
    c.client = signed_in_clerk(client)
    return c


def screen(c, item):
    response = c.client.get(f"/clerk/meetings/{c.meeting.pk}/?item={item.pk}")
    assert response.status_code == 200
    return ExemptAccess.objects.filter(surface=Surface.CLERK, meeting=c.meeting)


def test_viewing_an_exempt_item_is_logged(c):
    rows = screen(c, c.exempt_item)
    assert rows.count() == 1
    row = rows.get()
    assert row.username == "clerk" and row.action == "view"
    assert "item 3, Property disposal" in row.description


def test_exempt_minutes_on_a_public_item_are_logged(c):
    add_minute(
        c.meeting,
        "Legal advice",
        item=c.items[1],
        text="Counsel's opinion.",
        exempt=True,
        exempt_paragraph=5,
        summary_not_needed=True,
        actor=TEST_ACTOR,
    )
    rows = screen(c, c.items[1])
    minute = c.meeting.minutes.get()
    assert [r.description for r in rows] == [f"{c.meeting}: exempt minute {minute}"]


def test_public_business_is_not_logged(c):
    add_minute(c.meeting, "Highways", item=c.items[1], text="Noted.", actor=TEST_ACTOR)
    assert not screen(c, c.items[1]).exists()
