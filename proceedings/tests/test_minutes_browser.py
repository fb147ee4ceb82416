"""The minutes pages in Chromium: no axe-core violations (WCAG 2.2 AA and best practice)."""

from __future__ import annotations

import datetime as dt
from pprint import pformat

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from access.models import Account
from council.models import Membership, Role
from meetings.models import Meeting
from moot.testing import verified_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, person) -> None:
    user = User.objects.create_user("member", password="Long-enough-pass-1")
    Account.objects.create(user=user, person=person)
    client = verified_login(Client(), user)
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )


def test_minutes_pages_have_no_accessibility_violations(live_server, demo_council, page, axe):
    meeting = Meeting.objects.get(body__name="County Council", date=dt.date(2015, 10, 22))
    base = f"/meetings/{meeting.pk}/{meeting.slug}/"
    chairman = (
        Membership.objects.filter(body=meeting.body, role=Role.CHAIRMAN, start__lte=meeting.date)
        .order_by("-start")
        .first()
        .person
    )
    sign_in(page, live_server, chairman)
    pages = {
        "meeting": meeting.get_absolute_url(),
        "minutes": base + "minutes/",
        "versions": base + "minutes/versions/",
        "version": base + "minutes/versions/1/",
        "exempt": base + "minutes/exempt/",
    }
    failures = {}
    for name, path in pages.items():
        for width in (1280, 375):
            page.set_viewport_size({"width": width, "height": 900})
            response = page.goto(live_server.url + path)
            assert response.status == 200, path
            if violations := axe(page):
                failures[f"{name}@{width}"] = violations
    assert failures == {}, pformat(failures)
    page.goto(live_server.url + pages["minutes"])
    assert page.get_by_role("heading", name="43. Motion for Time Limited Debate").is_visible()
    assert page.get_by_role("link", name="Mr A Marsh").first.is_visible()
