"""The key pages in Chromium: no axe-core violations (WCAG 2.2 AA and best practice), a skip
link that comes first and moves focus to the main content, and screenshots to look at."""

import datetime as dt
from pprint import pformat

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from access.models import Account
from council.models import Membership, Role
from moot.shots import screenshot
from moot.testing import verified_login

from .helpers import PR, body, meeting
from .papers_setup import make_papers, pack, paper_url
from .publication_setup import future_meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_papers(demo_council, settings, tmp_path):
    """The test papers (and a built pack) on the reloaded demo council."""
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path
    papers = make_papers()
    pack(papers.meeting, pages=12)
    return papers


def key_pages(papers) -> dict[str, str]:
    pr = body(PR)
    chairman = Membership.objects.filter(body=pr, role=Role.CHAIRMAN).first().person
    return {
        "home": "/",
        "committees": "/committees/",
        "committee": pr.get_absolute_url(),
        "meeting": meeting(PR, dt.date(2017, 9, 15)).get_absolute_url(),
        # Only the notice of the meeting, and when its agenda will be published.
        "meeting-unpublished": future_meeting().get_absolute_url(),
        "history": f"/meetings/{papers.meeting.pk}/history/",
        "member": chairman.get_absolute_url(),
        "calendar": "/calendar/2017/09/",
        # One committee's month, with the month, year and committee picker.
        "calendar-committee": f"/calendar/2017/12/?committee={pr.slug}",
        "members": "/members/",
        "outside-bodies": "/outside-bodies/",
        "accessibility": "/accessibility/",
        "privacy": "/privacy/",
        "cookies": "/cookies/",
        "not-found": "/meetings/999999/",
        # A report with its header fields and appendices; a PDF shown as its extracted text.
        "paper": paper_url(papers.meeting, papers.report),
        "paper-pdf": paper_url(papers.meeting, papers.pdf),
        "appendix": paper_url(papers.meeting, papers.appendix),
    }


def test_key_pages_have_no_accessibility_violations(live_server, demo_papers, page, axe):
    failures = {}
    for name, path in key_pages(demo_papers).items():
        for width in (1280, 375):
            page.set_viewport_size({"width": width, "height": 900})
            response = page.goto(live_server.url + path)
            assert response.status == (404 if name == "not-found" else 200), path
            violations = axe(page)
            if violations:
                failures[f"{name}@{width}"] = violations
            screenshot(page, f"{name}-{width}")
    assert failures == {}, pformat(failures)


def sign_in(page, live_server, person) -> None:
    """Give the browser the session of a councillor signed in with both factors."""
    user = User.objects.create_user("councillor", password="Long-enough-pass-1")
    Account.objects.create(user=user, person=person)
    client = verified_login(Client(), user)
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )


def test_signed_in_header_has_no_accessibility_violations(live_server, demo_council, page, axe):
    pr = body(PR)
    chairman = Membership.objects.filter(body=pr, role=Role.CHAIRMAN).first().person
    sign_in(page, live_server, chairman)
    failures = {}
    for name, path in {
        "home": "/",
        "committee": pr.get_absolute_url(),
        "consent": "/account/summons-consent/",
    }.items():
        for width in (1280, 375):
            page.set_viewport_size({"width": width, "height": 900})
            assert page.goto(live_server.url + path).status == 200, path
            assert page.get_by_text(f"Signed in as {chairman.full_name}").is_visible()
            if violations := axe(page):
                failures[f"{name}@{width}"] = violations
            screenshot(page, f"signed-in-{name}-{width}", full_page=False)
    assert failures == {}, pformat(failures)
    # The sign-out button is reachable by keyboard, and works.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/")
    button = page.get_by_role("button", name="Sign out")
    button.focus()
    screenshot(page, "signed-in-focus-1280", full_page=False)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("link", name="Sign in").is_visible()


def test_skip_link_is_first_and_moves_focus_to_main(live_server, demo_council, page):
    for path in ("/", meeting(PR, dt.date(2017, 9, 15)).get_absolute_url()):
        page.goto(live_server.url + path)
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => [document.activeElement.className, document.activeElement.textContent.trim()]"
        )
        assert focused == ["govuk-skip-link", "Skip to main content"]
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.activeElement.id") == "main-content"


def test_pages_work_without_javascript(live_server, demo_council, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        # The service navigation is usable without its JavaScript menu button.
        assert page.get_by_role("link", name="Committees", exact=True).first.is_visible()
        page.get_by_role("link", name="Committees", exact=True).first.click()
        assert page.locator("h1").inner_text() == "Committees"
    finally:
        context.close()
