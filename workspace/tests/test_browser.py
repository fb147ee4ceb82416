"""Publishing from the workspace in Chromium, at desktop width and 320 px: the publish page and
the packs page, whose build progress updates without a reload (htmx polls a fragment every
2 s and stops once every pack is built). axe-core finds no violations on either."""

from __future__ import annotations

from pprint import pformat

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from moot import testing as t
from moot.shots import screenshot
from papers.models import AgendaPack, PackStatus

from .test_packs import built
from .test_publish import ready

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 320)


def sign_in(page, live_server) -> None:
    """Give the browser the session of democratic services, signed in with both factors."""
    client = t.verified_login(Client(), t.account(democratic_services=True))
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )


def check(page, axe, name: str) -> dict:
    """axe-core's findings at each width, and whether the page fits 320 px without scrolling
    sideways (tables scroll in their own region)."""
    failures = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        if violations := axe(page):
            failures[f"{name}@{width}"] = violations
        wide = page.evaluate("() => document.documentElement.scrollWidth")
        if wide > width:
            failures[f"{name}@{width} scrolls sideways"] = wide
        screenshot(page, f"workspace-{name}-{width}")
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    return failures


def test_publish_then_watch_the_packs_build(live_server, demo_council, page, axe):
    meeting = ready()
    sign_in(page, live_server)
    office = f"{live_server.url}/office/meetings/{meeting.pk}"

    page.goto(f"{office}/publish/")
    expect(page.get_by_role("heading", name="Publish the agenda")).to_be_visible()
    expect(page.get_by_text("Withheld").first).to_be_visible()
    failures = check(page, axe, "publish")
    page.get_by_role("button", name="Publish the agenda").click()
    expect(page.get_by_text("The agenda is published.")).to_be_visible()

    page.goto(f"{office}/packs/")
    status = page.locator("#pack-status")
    expect(status).to_have_text("2 pack builds are in progress.")
    public, members = (
        AgendaPack.objects.filter(meeting=meeting).order_by("-kind").values_list("pk", flat=True)
    )
    AgendaPack.objects.filter(pk=public).update(status=PackStatus.BUILDING, progress=60)
    builds = page.locator("#pack-builds")
    expect(builds).to_contain_text("60% done", timeout=8000)  # no reload: the fragment polled
    failures |= check(page, axe, "packs-building")
    for pk in (public, members):
        built(AgendaPack.objects.get(pk=pk))
    expect(status).to_have_text("Every pack is built.", timeout=8000)
    expect(builds).not_to_have_attribute("hx-trigger", "every 2s")
    expect(
        page.get_by_role("link", name="Download the PDF of version 1 of the members' pack")
    ).to_be_visible()
    failures |= check(page, axe, "packs-built")
    assert failures == {}, pformat(failures)
