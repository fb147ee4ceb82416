"""Only democratic services, signed in with the second factor, reach the clerk's screens."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from access.models import Account
from moot.testing import verified_login
from proceedings.models import Attendance

from .helpers import clerk_user, committee

pytestmark = pytest.mark.django_db


@pytest.fixture
def c():
    return committee()


def urls(c):
    return ["/clerk/", f"/clerk/meetings/{c.meeting.pk}/"]


def test_signed_out_goes_to_sign_in(client, c):
    for url in urls(c):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/sign-in/?next=")
    response = client.post(urls(c)[1], {"op": "attendance", f"att-{c.members[0].pk}": "present"})
    assert response.status_code == 302
    assert not Attendance.objects.filter(meeting=c.meeting).exists()


def test_clerk_without_second_factor_goes_to_sign_in(client, c):
    client.force_login(clerk_user())
    for url in urls(c):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


def test_councillor_is_refused(client, c):
    user = User.objects.create_user("councillor", password="Long-enough-pass-1")
    Account.objects.create(user=user, person=c.members[1])
    verified_login(client, user)
    for url in urls(c):
        response = client.get(url)
        assert response.status_code == 403
        assert "You cannot take minutes" in response.content.decode()
    response = client.post(urls(c)[1], {"op": "attendance", f"att-{c.members[0].pk}": "present"})
    assert response.status_code == 403
    assert not Attendance.objects.filter(meeting=c.meeting).exists()


def test_verified_clerk_sees_the_screen(client, c):
    verified_login(client, clerk_user())
    response = client.get(urls(c)[1])
    assert response.status_code == 200
    html = response.content.decode()
    assert "Minute-taking" in html and "Item 2: Highways maintenance programme" in html
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    for member in c.members:
        assert member.formal_name in html
    index = client.get("/clerk/")
    assert index.status_code == 200


def test_superuser_is_democratic_services(admin_client, c):
    assert admin_client.get(urls(c)[1]).status_code == 200


def test_csrf_is_required(c):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    verified_login(client, clerk_user())
    response = client.post(urls(c)[1], {"op": "attendance", f"att-{c.members[0].pk}": "present"})
    assert response.status_code == 403
    assert not Attendance.objects.filter(meeting=c.meeting).exists()
    page = client.get(urls(c)[1]).content.decode()
    assert page.count('name="csrfmiddlewaretoken"') == page.count('method="post"')
