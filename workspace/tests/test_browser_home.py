"""The workspace's home and meeting pages in Chromium: no axe violations, nothing wider than
a 320 px screen."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from meetings.models import Meeting
from moot import testing as t
from moot.shots import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_and_meeting_pages_are_accessible_at_every_width(page, axe, live_server, demo_council):
    client = t.verified_login(Client(), t.account(democratic_services=True))
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )
    meeting = Meeting.objects.get(
        body__slug="policy-and-resources-cabinet-committee", date="2017-09-15"
    )
    failures = {}
    for path, shot in (("/office/", "home"), (f"/office/meetings/{meeting.pk}/", "meeting")):
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1
        for width in (1280, 320):
            page.set_viewport_size({"width": width, "height": 900})
            if violations := axe(page):
                failures[f"{shot}@{width}"] = violations
            wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert wide <= 0, f"{shot} scrolls sideways at {width} px"
            screenshot(page, f"workspace-{shot}-{width}")
    assert page.get_by_role("link", name="Clerk the meeting").count() == 1
    assert not failures, failures
