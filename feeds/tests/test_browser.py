"""The subscription form and the consent page in Chromium: no axe-core violations."""

from pprint import pformat

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from access.models import Account
from council.models import Body, Person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, user) -> None:
    """Put a Django session for ``user`` into the browser (members have no back-office login
    page of their own yet)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def check(page, axe, url: str, status: int = 200) -> list:
    response = page.goto(url)
    assert response.status == status, url
    return axe(page)


def test_subscription_pages_have_no_violations(live_server, demo_council, page, axe):
    body = Body.objects.get(name="Policy and Resources Cabinet Committee")
    failures = {}
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        url = f"{live_server.url}/subscriptions/new/?body={body.slug}"
        failures[f"form@{width}"] = check(page, axe, url)
        page.fill("#email", "not an email")
        page.click("#main-content button[type=submit]")  # not the header's Sign out
        assert page.locator(".govuk-error-summary").is_visible()
        failures[f"form-errors@{width}"] = axe(page)
        page.fill("#email", "reader@example.org")
        page.click("#main-content button[type=submit]")  # not the header's Sign out
        assert "Check your email" in page.content()
        failures[f"sent@{width}"] = axe(page)
        failures[f"bad-link@{width}"] = check(
            page, axe, f"{live_server.url}/subscriptions/confirm/nonsense/", 400
        )
    failures = {k: v for k, v in failures.items() if v}
    assert failures == {}, pformat(failures)


def test_consent_page_has_no_violations(live_server, demo_council, page, axe):
    person = Person.objects.filter(terms__isnull=False).order_by("pk").first()
    user = get_user_model().objects.create_user("member", password="a-long-passphrase-1")
    Account.objects.create(user=user, person=person)
    sign_in(page, live_server, user)
    failures = {}
    url = f"{live_server.url}/account/summons-consent/"
    failures["consent"] = check(page, axe, url)
    page.check("#decision")
    page.fill("#email", "")
    page.click("#main-content button[type=submit]")  # not the header's Sign out
    assert page.locator(".govuk-error-summary").is_visible()
    failures["consent-errors"] = axe(page)
    page.fill("#email", "me@example.org")
    page.click("#main-content button[type=submit]")  # not the header's Sign out
    assert "will be emailed to me@example.org" in page.content()
    failures["consent-saved"] = axe(page)

    other = get_user_model().objects.create_user("officer", password="a-long-passphrase-1")
    Account.objects.create(user=other)
    page.context.clear_cookies()
    sign_in(page, live_server, other)
    failures["no-person"] = check(page, axe, url)
    failures = {k: v for k, v in failures.items() if v}
    assert failures == {}, pformat(failures)
