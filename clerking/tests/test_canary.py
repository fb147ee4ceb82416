"""The clerk's screens show exempt business, so only democratic services may see them: the
canary planted in an exempt item's minute never reaches anyone else."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from access.models import Account
from audit.testing import TEST_ACTOR
from moot import testing
from moot.testing import verified_login
from proceedings.minutes import add_minute
from summons.testing import CANARY

from .helpers import clerk_user, committee

pytestmark = pytest.mark.django_db


def test_exempt_minute_only_for_democratic_services():
    c = committee()
    exempt = testing.item(c.meeting, "3", "Disposal of land", part="exempt", exempt_paragraph=3)
    add_minute(
        c.meeting,
        "Disposal of land",
        item=exempt,
        text=f"Price agreed: {CANARY}",
        exempt=True,
        exempt_paragraph=3,
        summary_not_needed=True,
        actor=TEST_ACTOR,
    )
    urls = [
        "/clerk/",
        f"/clerk/meetings/{c.meeting.pk}/",
        f"/clerk/meetings/{c.meeting.pk}/?item={exempt.pk}",
    ]
    councillor = User.objects.create_user("member", password="Long-enough-pass-1")
    Account.objects.create(user=councillor, person=c.members[1])  # sits on the body
    visitors = {"signed out": Client(), "councillor": verified_login(Client(), councillor)}
    for who, client in visitors.items():
        for url in urls:
            for response in (client.get(url), client.get(url, follow=True)):
                assert CANARY not in response.content.decode(), (who, url)
    # Positive control: democratic services see it.
    clerk = verified_login(Client(), clerk_user())
    page = clerk.get(urls[2])
    assert page.status_code == 200 and CANARY in page.content.decode()
