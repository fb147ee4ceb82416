"""Substitutes, officers and attendance marks through the clerk's screen: each goes to its
``proceedings.clerk`` decision, saved and audited, or refused with a 400 and nothing saved."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from council.dates import authority_today
from council.models import Person, Role
from council.services import appoint
from moot import testing
from proceedings.models import Attendance

from .helpers import DAY, committee, signed_in_clerk

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def c(client):
    c = committee()
    c.client = signed_in_clerk(client)
    c.url = f"/clerk/meetings/{c.meeting.pk}/?item={c.items[1].pk}"
    c.councillor = testing.person("Clerksubstitute", initials="S")
    appoint(
        testing.body("Another Committee"),
        c.councillor,
        Role.MEMBER,
        start=DAY - dt.timedelta(days=300),
        actor=TEST_ACTOR,
    )
    return c


def test_a_substitute_for_a_member_not_yet_marked_records_their_apologies(c):
    response = c.client.post(
        c.url,
        {"op": "substitute", "sub-person": c.councillor.pk, "sub-substitute_for": c.members[2].pk},
    )
    assert response.status_code == 303
    assert response["Location"].endswith("#others")
    member = Attendance.objects.get(meeting=c.meeting, person=c.members[2])
    sub = Attendance.objects.get(meeting=c.meeting, person=c.councillor)
    assert (member.status, sub.status, sub.substitute_for) == ("apologies", "present", c.members[2])
    page = c.client.get(c.url).content.decode()
    assert f"Present (Substitute for {c.members[2]})" in page


def test_a_substitute_for_a_member_present_is_refused_and_nothing_saved(c):
    c.client.post(c.url, {"op": "attendance", f"att-{c.members[2].pk}": "present"})
    count = AuditEntry.objects.count()
    response = c.client.post(
        c.url,
        {"op": "substitute", "sub-person": c.councillor.pk, "sub-substitute_for": c.members[2].pk},
    )
    assert response.status_code == 400 and "There is a problem" in response.content.decode()
    assert not Attendance.objects.filter(meeting=c.meeting, person=c.councillor).exists()
    assert AuditEntry.objects.count() == count


def test_a_new_officer_is_added_to_the_record_and_the_attendance(c):
    response = c.client.post(
        c.url,
        {
            "op": "officer",
            "officer-title": "Ms",
            "officer-initials": "K",
            "officer-surname": "Clerkofficer",
            "officer-capacity": "Democratic Services Officer",
        },
        **HTMX,
    )
    assert response.status_code == 200
    assert (
        "Saved: Ms K Clerkofficer (Democratic Services Officer) in attendance."
        in response.content.decode()
    )
    entry = Attendance.objects.get(meeting=c.meeting, person__surname="Clerkofficer")
    assert (entry.status, entry.capacity) == ("in_attendance", "Democratic Services Officer")


def test_an_officer_with_no_name_is_refused_and_nobody_is_made(c):
    people = Person.objects.count()
    response = c.client.post(c.url, {"op": "officer", "officer-capacity": "Clerk"})
    assert response.status_code == 400
    assert "Choose the officer, or give a new officer" in response.content.decode()
    assert Person.objects.count() == people
    assert not Attendance.objects.filter(meeting=c.meeting).exists()


def test_a_mark_for_someone_not_on_the_body_is_refused_not_dropped(c):
    response = c.client.post(
        c.url,
        {
            "op": "attendance",
            f"att-{c.members[1].pk}": "present",
            f"att-{c.councillor.pk}": "present",
        },
        **HTMX,
    )
    assert response.status_code == 400
    assert "Not saved: Only members of Clerking Test Committee" in response.content.decode()
    assert not Attendance.objects.filter(meeting=c.meeting).exists()


def test_an_unchanged_mark_saves_nothing_and_says_so(c):
    c.client.post(c.url, {"op": "attendance", f"att-{c.members[1].pk}": "present"})
    count = AuditEntry.objects.count()
    response = c.client.post(
        c.url, {"op": "attendance", f"att-{c.members[1].pk}": "present"}, **HTMX
    )
    assert "Saved: attendance unchanged." in response.content.decode()
    assert AuditEntry.objects.count() == count


def test_the_index_lists_the_meeting_with_its_minutes_state(c):
    today = testing.meeting(c.body, authority_today())
    page = c.client.get("/clerk/").content.decode()
    assert f'href="/clerk/meetings/{today.pk}/"' in page
    row = page.split(f'href="/clerk/meetings/{today.pk}/"')[1].split("</tr>")[0]
    assert "Draft (not published)" in row
