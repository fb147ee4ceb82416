"""The list the clerk picks an officer in attendance from holds officers only (not members or
councillors, past or present), each with their post on the day; a member posted as an officer
is refused. The search box over it is clerk.js's, tested in test_browser."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.testing import TEST_ACTOR
from clerking import choices
from council.models import Post, PostHolding, TermOfOffice
from moot import testing
from moot.testing import writes_nothing
from proceedings.attendance import record_attendance
from proceedings.models import Attendance

from .helpers import DAY, on_the_screen

pytestmark = pytest.mark.django_db


@pytest.fixture
def c(client):
    c = on_the_screen(client)
    c.head = testing.person("Clerkhead", title="Ms", initials="H")
    old = Post.objects.create(title="Clerk Test Officer")
    new = Post.objects.create(title="Clerk Test Head of Service")
    # The post held on the day is shown, not the one before it.
    days = dt.timedelta(days=1)
    PostHolding.objects.create(person=c.head, post=old, start=DAY - 900 * days, end=DAY - 11 * days)
    PostHolding.objects.create(person=c.head, post=new, start=DAY - 10 * days)
    # An officer known from an earlier meeting's attendance; a member who was a body's contact
    # and a former councillor who was once in attendance are not officers.
    c.earlier = testing.person("Clerkearlier")
    c.former = testing.person("Clerkformer")
    TermOfOffice.objects.create(person=c.former, start=dt.date(2001, 5, 1), end=dt.date(2005, 5, 1))
    elsewhere = testing.meeting(testing.body(), DAY - dt.timedelta(days=60))
    for p in (c.earlier, c.former):
        record_attendance(elsewhere, p, "in_attendance", capacity="Adviser", actor=TEST_ACTOR)
    c.body.contact_officer = c.members[2]
    c.body.save()
    c.stranger = testing.person("Clerkstranger")  # in the record, nothing says officer
    return c


def test_only_officers_are_listed_with_their_post_on_the_day(c):
    officers = list(choices.officers(c.meeting))
    assert c.head in officers and c.earlier in officers
    for not_an_officer in (c.members[2], c.former, c.stranger, *c.members):
        assert not_an_officer not in officers
    assert next(o for o in officers if o == c.head).post == "Clerk Test Head of Service"
    page = c.client.get(c.url).content.decode()
    select = page[
        page.index('<select name="officer-person"') : page.index(
            "</select>", page.index('<select name="officer-person"')
        )
    ]
    assert (
        f'<option value="{c.head.pk}">Ms H Clerkhead – Clerk Test Head of Service</option>'
        in select
    )
    assert f'<option value="{c.earlier.pk}">Mr A Clerkearlier</option>' in select
    assert "Clerkmember" not in select and "Clerkformer" not in select
    assert "Clerkstranger" not in select


def test_a_member_posted_as_an_officer_is_refused(c):
    data = {"op": "officer", "officer-person": c.members[2].pk, "officer-capacity": "Clerk"}
    with writes_nothing():
        response = c.client.post(c.url, data)
    assert response.status_code == 400
    assert "Choose an officer from the list" in response.content.decode()
    assert not Attendance.objects.filter(meeting=c.meeting).exists()


def test_an_officer_is_added_from_the_list(c):
    data = {"op": "officer", "officer-person": c.head.pk, "officer-capacity": "Head of Service"}
    response = c.client.post(c.url, data, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="others")
    assert response.status_code == 200
    assert "Ms H Clerkhead" in response.content.decode()
    entry = Attendance.objects.get(meeting=c.meeting, person=c.head)
    assert (entry.status, entry.capacity) == ("in_attendance", "Head of Service")
