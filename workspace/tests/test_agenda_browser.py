"""An officer builds an agenda in Chromium from the keyboard: the standard items from the
template, a new item, moved up (htmx, the focus kept), a refusal; axe-core finds no
violations, and nothing is wider than a 320 px screen."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from council.dates import authority_today
from moot import testing as t
from moot.shots import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server) -> None:
    client = t.verified_login(Client(), t.account("builder", democratic_services=True))
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )


def check(page, axe, name: str) -> dict:
    """axe-core's violations at desktop and phone widths, and at 320 px anything wider than
    the screen (WCAG 2.2, 1.4.10 Reflow)."""
    failures = {}
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        if violations := axe(page):
            failures[f"{name}@{width}"] = violations
        wide = page.evaluate("() => document.documentElement.scrollWidth")
        if wide > width:
            failures[f"{name}@{width} scrolls sideways"] = wide
        screenshot(page, f"agenda-{name}-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})
    return failures


def test_an_officer_builds_an_agenda_from_the_keyboard(live_server, demo_council, page, axe):
    body = t.body("Browser Builder Committee")
    t.meeting(body, authority_today() - dt.timedelta(days=30))
    t.agenda_template(
        body,
        ("opening", "Apologies and Substitutes", "apologies"),
        ("opening", "Minutes of the meeting held on {previous_meeting_date}", "minutes"),
        ("closing", "Other items which the {chair} decides are Urgent", "urgent_business"),
    )
    meeting = t.meeting(body, authority_today() + dt.timedelta(days=20))
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/office/meetings/{meeting.pk}/")
    page.get_by_role("link", name="Build the agenda").click()
    expect(page.get_by_role("heading", name="Agenda", exact=True)).to_be_visible()
    assert page.evaluate("() => typeof htmx") == "object"
    failures = check(page, axe, "empty")

    page.get_by_role("button", name="Add the standard items from the template").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Added 3 standard items from the template.")).to_be_visible()

    # A new item, typed and submitted from the keyboard: it goes before the urgent business.
    page.get_by_label("Title").fill("Highways maintenance programme")
    page.get_by_label("Kind of business").select_option("report")
    page.get_by_role("button", name="Add the item").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Added item 3: Highways maintenance programme.")).to_be_visible()
    failures |= check(page, axe, "items")

    # Moved up with htmx: only the list changes, the focus stays on the item's button.
    move = page.get_by_role("button", name="Move up item 3: Highways maintenance programme")
    move.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#agenda-status")).to_have_text(
        "Moved “Highways maintenance programme” up: it is now item 2."
    )
    expect(
        page.get_by_role("button", name="Move up item 2: Highways maintenance programme")
    ).to_be_focused()
    titles = page.locator(".govuk-summary-card__title").all_inner_texts()
    assert [" ".join(x.split()) for x in titles][:3] == [
        "1 Apologies and Substitutes",
        "2 Highways maintenance programme",
        f"3 Minutes of the meeting held on {meeting.body.meetings.first().date:%-d %B %Y}",
    ]

    # A refusal: the error summary, with what was typed kept.
    page.get_by_label("Title").fill("Depot disposal")
    page.get_by_label("Exempt (press and public likely to be excluded)").check()
    page.get_by_role("button", name="Add the item").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "An exempt item must cite the paragraph of Schedule 12A"
    )
    expect(page.get_by_label("Title")).to_have_value("Depot disposal")
    failures |= check(page, axe, "refused")

    page.get_by_role("link", name="Change item 2: Highways maintenance programme").click()
    expect(page.get_by_label("Title")).to_have_value("Highways maintenance programme")
    failures |= check(page, axe, "item")
    assert not failures, failures
