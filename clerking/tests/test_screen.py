"""The clerk's screen makes its changes through the proceedings services: saved and audited,
or refused with a GOV.UK error summary and HTTP 400, never a 500, nothing half-saved. An
item's business taken through the screen is in ``test_screen_business``."""

from __future__ import annotations

import pytest

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from proceedings.models import Attendance, Minute, Motion, Resolution
from proceedings.votes import add_motion

from .helpers import HTMX, approved, on_the_screen, sit

pytestmark = pytest.mark.django_db


@pytest.fixture
def c(client):
    return on_the_screen(client)


def test_attendance_autosaves_with_htmx(c):
    before = AuditEntry.objects.count()
    response = c.client.post(
        c.url,
        {
            "op": "attendance",
            f"att-{c.members[1].pk}": "present",
            f"att-{c.members[2].pk}": "apologies",
        },
        **HTMX,
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Saved: Mr B Clerkmemberb present; Mr B Clerkmemberc apologies." in text
    # The attendance panel alone comes back (with the status line, out of band): not the page.
    assert text.startswith('<section class="clerk-panel" id="attendance"')
    assert '<div id="clerk-status" hx-swap-oob="innerHTML">' in text
    assert "<html" not in text and 'id="others"' not in text
    assert dict(
        Attendance.objects.filter(meeting=c.meeting).values_list("person_id", "status")
    ) == {c.members[1].pk: "present", c.members[2].pk: "apologies"}
    assert AuditEntry.objects.count() == before + 2
    assert set(AuditEntry.objects.order_by("-pk")[:2].values_list("actor_name", flat=True)) == {
        "clerk"
    }
    # A change of mind is a correction of the same entry.
    c.client.post(c.url, {"op": "attendance", f"att-{c.members[2].pk}": "present"}, **HTMX)
    assert Attendance.objects.get(meeting=c.meeting, person=c.members[2]).status == "present"


def test_without_javascript_the_form_submits_and_redirects(c):
    response = c.client.post(c.url, {"op": "attendance", f"att-{c.members[1].pk}": "present"})
    assert response.status_code == 303
    assert response["Location"].endswith(f"?item={c.items[1].pk}#attendance")
    page = c.client.get(response["Location"]).content.decode()
    assert "Saved: Mr B Clerkmemberb present." in page


def test_refusal_is_400_with_error_summary_and_nothing_saved(c):
    sit(c)
    motion = add_motion(
        c.meeting,
        "substantive",
        "That the programme be approved.",
        mover=c.members[1],
        item=c.items[1],
        actor=TEST_ACTOR,
    )
    count = AuditEntry.objects.count()
    data = {
        "op": "attendance",
        f"att-{c.members[1].pk}": "absent",
        f"att-{c.members[2].pk}": "apologies",
    }
    for extra in ({}, HTMX):
        response = c.client.post(c.url, data, **extra)
        assert response.status_code == 400
        html = response.content.decode()
        assert "govuk-error-summary" in html and "There is a problem" in html
        assert "Mr B Clerkmemberb cannot be recorded as absent: they moved" in html
    # Nothing half-saved: member 2 was not made apologies either.
    assert set(Attendance.objects.filter(meeting=c.meeting).values_list("status", flat=True)) == {
        "present"
    }
    assert AuditEntry.objects.count() == count
    assert Motion.objects.get(pk=motion.pk).mover == c.members[1]


def test_bad_input_is_400_not_500(c):
    sit(c)
    cases = [
        {"op": "nonsense"},
        {"op": "attendance", f"att-{c.members[1].pk}": "asleep"},
        {"op": "hands", "motion": "not-a-number"},
        {"op": "hands", "motion": "999999"},
        {"op": "motion", "motion-kind": "substantive", "motion-text": ""},
        {
            "op": "motion",
            "motion-kind": "substantive",
            "motion-text": "x",
            "motion-mover": "999999",
        },
        {
            "op": "action",
            "action-kind": "action",
            "action-text": "Do it",
            "action-due": "31/02/2030",
        },
        {"op": "minute", "minute": "1"},
        {"op": "remove_attendance", "attendance": "abc"},
        {
            "op": "hands",
            "motion": "MOTION",
            "hands-MOTION-votes_for": "99999999999",
            "hands-MOTION-votes_against": "1",
            "hands-MOTION-majority": "simple",
        },
    ]
    motion = add_motion(c.meeting, "substantive", "x", item=c.items[1], actor=TEST_ACTOR)
    cases = [
        {
            k.replace("MOTION", str(motion.pk)): (str(motion.pk) if v == "MOTION" else v)
            for k, v in data.items()
        }
        for data in cases
    ]
    for data in cases:
        for extra in ({}, HTMX):
            response = c.client.post(c.url, data, **extra)
            assert response.status_code == 400, data
            assert "There is a problem" in response.content.decode(), data


def test_second_chair_refused_on_screen(c):
    sit(c)
    response = c.client.post(c.url, {"op": "chair", "chair-person": c.members[3].pk}, **HTMX)
    assert response.status_code == 200
    assert Attendance.objects.get(meeting=c.meeting, in_chair=True).person == c.members[3]


def test_approved_minutes_refuse_changes(c):
    sit(c)
    approved(c)
    count = AuditEntry.objects.count()
    response = c.client.post(c.url, {"op": "attendance", f"att-{c.members[1].pk}": "apologies"})
    assert response.status_code == 400
    assert "can no longer be changed" in response.content.decode()
    assert AuditEntry.objects.count() == count


def test_delete_resolution_and_minute_then_locked(c):
    from proceedings.minutes import add_minute, add_resolution

    minute = add_minute(c.meeting, "Highways", item=c.items[1], actor=TEST_ACTOR)
    resolution = add_resolution(minute, "RESOLVED that the report be noted.", actor=TEST_ACTOR)
    other = add_minute(c.meeting, "Apologies", item=c.items[0], actor=TEST_ACTOR)
    assert (
        c.client.post(c.url, {"op": "delete_resolution", "resolution": resolution.pk}).status_code
        == 303
    )
    assert not Resolution.objects.filter(pk=resolution.pk).exists()
    assert c.client.post(c.url, {"op": "delete_minute", "minute": minute.pk}).status_code == 303
    assert not Minute.objects.filter(pk=minute.pk).exists()
    approved(c)
    response = c.client.post(c.url, {"op": "delete_minute", "minute": other.pk}, **HTMX)
    assert response.status_code == 400
    assert "Not saved: The minutes of this meeting were" in response.content.decode()
    assert Minute.objects.filter(pk=other.pk).exists()
