"""The accessibility statement, the privacy notice and the cookies page tell the truth: the
statement's dates come from settings, the cookies page names the cookies the settings make,
and no page sets a cookie that page does not list."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model

from access.models import Account
from moot.testing import verified_login
from website.views.pages import cookies_in_use, lifetime_in_words

from .helpers import PR, meeting, text

pytestmark = pytest.mark.django_db


def page_text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return re.sub(r"\s+", " ", text(response))


# --- the accessibility statement -----------------------------------------------------------


def test_the_statement_follows_the_gov_uk_sample(client):
    html = client.get("/accessibility/").content.decode()
    headings = re.findall(r"<h2 class=\"govuk-heading-l\"[^>]*>(.*?)</h2>", html)
    assert headings == [
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Technical information about this website’s accessibility",
        "Non-accessible content",
        "What we’re doing to improve accessibility",
        "Preparation of this accessibility statement",
    ]


def test_the_statement_says_what_is_not_accessible_and_the_compliance_status(client):
    body = page_text(client, "/accessibility/")
    assert (
        "This website is partially compliant with the Web Content Accessibility "
        "Guidelines version 2.2 AA standard, due to the non-compliances and exemptions "
        "listed below."
    ) in body
    for known in (
        "the original Word or PDF files are offered as they were",
        "scanned pages or pictures of text",
        "has not yet been tested with screen readers",
        "webcasts of meetings",
        "1.1.1 (non-text content)",
        "1.3.1 (info and relationships)",
        "published before 23 September 2018",
    ):
        assert known in body, known
    assert "Equality and Human Rights Commission (EHRC)" in body
    assert "Equality Advisory and Support Service (EASS)" in body
    assert "Kent County Council" in body


def test_the_statement_dates_come_from_settings_not_today(client, settings):
    settings.MOOT_ACCESSIBILITY_PREPARED = dt.date(2031, 3, 4)
    settings.MOOT_ACCESSIBILITY_REVIEWED = dt.date(2032, 5, 6)
    settings.MOOT_ACCESSIBILITY_TESTED = dt.date(2032, 5, 1)
    body = page_text(client, "/accessibility/")
    assert (
        "This statement was prepared on 4 March 2031. It was last reviewed on 6 May 2032." in body
    )
    assert "This website was last tested on 1 May 2032." in body
    today = dt.date.today()
    assert f"{today.day} {today:%B %Y}" not in body


def test_a_bad_statement_date_stops_the_site_starting(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from moot.settings import _statement_date

    monkeypatch.setenv("MOOT_ACCESSIBILITY_REVIEWED", "last Tuesday")
    with pytest.raises(ImproperlyConfigured, match="YYYY-MM-DD"):
        _statement_date("MOOT_ACCESSIBILITY_REVIEWED", "2026-12-02")
    monkeypatch.setenv("MOOT_ACCESSIBILITY_REVIEWED", "2027-01-31")
    assert _statement_date("MOOT_ACCESSIBILITY_REVIEWED", "2026-12-02") == dt.date(2027, 1, 31)


# --- privacy and cookies -------------------------------------------------------------------


def test_the_privacy_notice_says_what_the_alerts_keep(client):
    body = page_text(client, "/privacy/")
    for said in (
        "your email address",
        "the committee you chose",
        "when you unsubscribed",
        "a copy of each email we send you",
        "it works for 7 days",
        "Article 6(1)(a) of the UK General Data Protection Regulation",
        "This website does not delete these records by itself",
        "Every alert has a link to unsubscribe",
        "To have your address and the copies of our emails deleted",
        "for about a day",
        "Information Commissioner’s Office",
    ):
        assert said in body, said


def test_the_cookies_page_lists_the_cookies_as_the_settings_make_them(client, settings):
    body = page_text(client, "/cookies/")
    assert "sessionid" in body and "csrftoken" in body and "messages" in body
    assert "When you close your browser, or after 8 hours" in body
    assert "After 52 weeks" in body
    settings.SESSION_COOKIE_NAME = "moot_session"
    settings.SESSION_COOKIE_AGE = 1800
    settings.CSRF_COOKIE_AGE = None
    body = page_text(client, "/cookies/")
    assert "moot_session" in body and "sessionid" not in body
    assert "When you close your browser, or after 30 minutes" in body
    settings.CSRF_USE_SESSIONS = True
    assert "csrftoken" not in page_text(client, "/cookies/")


def test_durations_in_words():
    assert [lifetime_in_words(s) for s in (28800, 31449600, 1800, 86400, 90061, 1)] == [
        "8 hours",
        "52 weeks",
        "30 minutes",
        "1 day",
        "90061 seconds",
        "1 second",
    ]


READING = [
    "/",
    "/committees/",
    "/members/",
    "/calendar/",
    "/search/?q=budget",
    "/accessibility/",
    "/privacy/",
    "/cookies/",
    "/feeds/meetings.rss",
    "/api/meetings/",
    "/decisions/",
]


def test_reading_the_site_sets_no_cookie(client):
    m = meeting(PR, dt.date(2017, 9, 15))
    for url in [*READING, m.get_absolute_url()]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, (url, list(response.cookies))


def test_no_page_sets_a_cookie_the_cookies_page_does_not_list(client):
    listed = {c["name"] for c in cookies_in_use()}
    set_by_site: set[str] = set()

    def visit(method, url, **data):
        response = getattr(client, method)(url, data)
        set_by_site.update(response.cookies.keys())
        return response

    visit("get", "/subscriptions/new/")
    visit("post", "/subscriptions/new/", email="reader@example.org")
    visit("get", "/sign-in/")
    visit("post", "/sign-in/", username="nobody", password="wrong-password-1")
    user = get_user_model().objects.create_user(
        "cookie-clerk", password="a-long-pass-1", is_staff=True, is_superuser=True
    )
    Account.objects.create(user=user)
    verified_login(client, user)
    set_by_site.update(client.cookies.keys())
    for url in ("/", "/clerk/", "/admin/", "/account/summons-consent/"):
        visit("get", url)
    visit("post", "/sign-out/")
    assert {"csrftoken", "sessionid"} <= set_by_site
    assert set_by_site <= listed, set_by_site - listed


def test_footer_and_sitemap_link_the_pages(client):
    home = client.get("/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    for path in ("/accessibility/", "/privacy/", "/cookies/"):
        assert f'class="govuk-footer__link" href="{path}"' in home, path
        assert re.search(f"<loc>[^<]*{path}</loc>", sitemap), path
        assert page_text(client, path).count("Kent County Council") >= 1
