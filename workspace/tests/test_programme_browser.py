"""The programme's preview and the annual appointments in Chromium, at a desktop's width and at
320 CSS px: axe-core finds no violations, the page never scrolls sideways, the dates are
checked again in place (htmx) and the change fields of a membership open when it is changed."""

from __future__ import annotations

import datetime as dt
from pprint import pformat

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from audit.testing import TEST_ACTOR
from council import services
from council.models import Role, TermOfOffice
from meetings.models import Meeting
from moot import testing as t
from moot.shots import screenshot
from website.tests.test_narrow_screens import check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in_officer(page, live_server) -> None:
    client = t.verified_login(Client(), t.account(democratic_services=True))
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )


def both_widths(page, axe, name: str) -> dict:
    failures = {}
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 800})
        if problems := check(page, axe, page.url):
            failures[f"{name}@{width}"] = problems
        screenshot(page, f"workspace-{name}-{width}")
    page.set_viewport_size({"width": 1280, "height": 800})
    return failures


def test_the_programme_preview_and_the_appointments_in_a_browser(
    live_server, demo_council, page, axe
):
    room = t.venue("Medway Room")
    body = t.body("Browser Committee", seats=4, default_venue=room)
    member = t.person("Browsermember")
    TermOfOffice.objects.create(person=member, start=dt.date(2017, 5, 4))
    services.appoint(body, member, Role.CHAIRMAN, dt.date(2017, 5, 25), actor=TEST_ACTOR)
    t.meeting(t.body("Other Browser Committee"), dt.date(2018, 6, 25), venue=room)
    sign_in_officer(page, live_server)

    page.goto(f"{live_server.url}/office/programme/?body={body.slug}&year=2018")
    page.get_by_role("link", name="Set up the meetings for 2018/19 of Browser Committee").click()
    page.get_by_label("When the body meets").fill("last Monday, 10.00")
    page.get_by_role("button", name="Show the dates").click()
    expect(page.get_by_role("heading", name="Check the dates")).to_be_visible()
    expect(page.get_by_text("is booked for the meeting of Other Browser Committee")).to_be_visible()
    failures = both_widths(page, axe, "programme-preview")

    # Checked again in place: the date added joins the list without a new page.
    assert page.evaluate("() => typeof htmx") == "object"
    page.evaluate("() => { window.samePage = true; }")
    page.locator("#id_add_date").fill("17/12/2018")
    page.get_by_role("button", name="Check the dates again").click()
    expect(page.get_by_text("Meeting 11: Monday 17 December 2018")).to_be_visible()
    assert page.evaluate("() => window.samePage") is True
    page.get_by_role("button", name="Create the meetings").click()
    expect(
        page.get_by_text("11 meetings of Browser Committee created for 2018/19.")
    ).to_be_visible()
    assert Meeting.objects.filter(body=body).count() == 11

    page.get_by_role("link", name="Annual appointments to Browser Committee").click()
    expect(page.get_by_role("heading", name="Annual appointments")).to_be_visible()
    role = page.locator(".govuk-radios__conditional select").first
    expect(role).to_be_hidden()  # until the membership is to be changed
    page.get_by_label("Change the role, group or person").check()
    expect(role).to_be_visible()
    failures |= both_widths(page, axe, "appointments")
    role.select_option(Role.MEMBER)
    page.get_by_role("button", name="Check the changes").click()
    expect(page.get_by_role("heading", name="Check the changes before saving them")).to_be_visible()
    failures |= both_widths(page, axe, "appointments-check")
    assert failures == {}, pformat(failures)
