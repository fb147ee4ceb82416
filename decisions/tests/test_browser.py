"""The decisions pages in Chromium: no axe-core violations (WCAG 2.2 AA and best practice),
and the register's filters work without JavaScript."""

import datetime as dt
from pprint import pformat

import pytest

from audit.testing import TEST_ACTOR
from moot.shots import screenshot
from proceedings.actions import add_action, update_action
from proceedings.models import Minute, Resolution

from .builders import closure_vote, council_meeting, person, publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def record(demo_council):
    meeting = council_meeting()
    publish(meeting)
    m38 = Minute.objects.get(meeting=meeting, number=38)
    add_action(
        meeting,
        "Report the seats given up",
        minute=m38,
        owner=person("r-a-marsh"),
        due=dt.date(2015, 12, 10),
        actor=TEST_ACTOR,
    )
    done = add_action(
        meeting, "Write to the Home Office", owner_text="The Leader", actor=TEST_ACTOR
    )
    update_action(done, status="done", completed_on=dt.date(2015, 11, 2), actor=TEST_ACTOR)
    return Resolution.objects.filter(minute=m38).first()


def test_decisions_pages_have_no_accessibility_violations(live_server, record, page, axe):
    pages = {
        "register": ("/decisions/", 200),
        "register-filtered": (
            "/decisions/?body=county-council&from-day=1&from-month=10"
            "&from-year=2015&text=proportionality",
            200,
        ),
        "register-error": ("/decisions/?from-day=31&from-month=2&from-year=2015&body=x", 400),
        "decision": (f"/decisions/{record.pk}/", 200),
        "vote": (f"/votes/{closure_vote().pk}/", 200),
        "voting-record": ("/members/r-a-marsh/votes/", 200),
        "member-attendance": ("/members/r-a-marsh/", 200),
        "committee-actions": ("/committees/county-council/", 200),
    }
    failures = {}
    for name, (path, status) in pages.items():
        for width in (1280, 375):
            page.set_viewport_size({"width": width, "height": 900})
            response = page.goto(live_server.url + path)
            assert response.status == status, path
            if violations := axe(page):
                failures[f"{name}@{width}"] = violations
            # Nothing makes the page itself scroll sideways (wide tables scroll in a region).
            wide = page.evaluate("() => document.documentElement.scrollWidth")
            if wide > width:
                failures[f"{name}@{width}"] = f"the page is {wide}px wide"
            screenshot(page, f"decisions-{name}-{width}")
    assert failures == {}, pformat(failures)


def test_the_register_filters_without_javascript(live_server, record, browser):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    try:
        page.goto(live_server.url + "/decisions/")
        page.get_by_label("Committee or body").select_option(label="County Council")
        page.locator("#from").get_by_label("Day").fill("22")
        page.locator("#from").get_by_label("Month").fill("10")
        page.locator("#from").get_by_label("Year").fill("2015")
        page.get_by_label("Words in the decision or item").fill("proportionality")
        page.get_by_role("button", name="Apply filters").click()
        assert "body=county-council" in page.url
        assert page.get_by_text("the revised proportionality calculations be agreed").is_visible()
        # A date that is not real: the error summary links to the day field.
        page.locator("#to").get_by_label("Day").fill("31")
        page.locator("#to").get_by_label("Month").fill("2")
        page.locator("#to").get_by_label("Year").fill("2016")
        page.get_by_role("button", name="Apply filters").click()
        summary = page.locator(".govuk-error-summary")
        assert summary.is_visible()
        assert "Date to must be a real date" in summary.inner_text()
        assert page.title().startswith("Error:")
    finally:
        context.close()
