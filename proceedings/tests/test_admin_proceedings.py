"""Proceedings in the back office: readable lists, read-only computed fields, publishing
through the service, and locked records refused with the rules' message (never a 500)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse

from audit.testing import TEST_ACTOR
from meetings.models import Meeting
from meetings.services import save_meeting
from proceedings.approval import approve_minutes
from proceedings.attendance import record_attendance
from proceedings.minutes import add_minute, add_resolution, publish_minutes
from proceedings.models import (
    Action,
    Attendance,
    Declaration,
    Minute,
    MinutesRecord,
    MinutesVersion,
    Motion,
    NilDeclarations,
    Procedure,
    RecordedVote,
    Resolution,
    Vote,
)

MODELS = [
    Procedure,
    Attendance,
    Declaration,
    NilDeclarations,
    Motion,
    Vote,
    RecordedVote,
    Minute,
    Resolution,
    Action,
    MinutesRecord,
    MinutesVersion,
]


def admin_url(model, view="changelist", *args):
    return reverse(f"admin:proceedings_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def minuted(committee):
    c = committee
    record_attendance(c.meeting, c.members[0], "present", in_chair=True, actor=TEST_ACTOR)
    record_attendance(c.meeting, c.members[1], "present", actor=TEST_ACTOR)
    c.minute = add_minute(
        c.meeting,
        "Member ICT",
        item=c.items[0],
        number=8,
        text="The Committee discussed the new tablets.",
        actor=TEST_ACTOR,
    )
    c.resolution = add_resolution(
        c.minute, "RESOLVED that:", ["the report be noted."], actor=TEST_ACTOR
    )
    return c


@pytest.fixture
def locked(minuted):
    c = minuted
    publish_minutes(c.meeting, actor=TEST_ACTOR)
    later = save_meeting(
        Meeting(body=c.body, date=dt.date(2016, 11, 1)), default_venue=False, actor=TEST_ACTOR
    )
    approve_minutes(
        c.meeting, add_minute(later, "Minutes", number=20, actor=TEST_ACTOR), actor=TEST_ACTOR
    )
    return c


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_list_page_reads(admin_client, model):
    # The demo's 22 October 2015 County Council fills most of them.
    response = admin_client.get(admin_url(model))
    assert response.status_code == 200


def test_lists_show_meeting_body_and_status(admin_client):
    text = admin_client.get(admin_url(MinutesRecord)).content.decode()
    assert "County Council" in text and "Published as a draft (unconfirmed)" in text
    text = admin_client.get(admin_url(Minute) + "?q=Apologies+for+Absence").content.decode()
    assert "Apologies for Absence" in text and "Published as a draft" in text


def test_computed_fields_are_read_only(admin_client):
    closure = Motion.objects.get(meeting__date="2015-10-22", kind="procedural")
    page = admin_client.get(admin_url(Motion, "change", closure.pk)).content.decode()
    assert "For 64, Against 4, Abstain 4: Carried" in page
    vote_page = admin_client.get(admin_url(Vote, "change", closure.vote.pk))
    assert vote_page.status_code == 200
    assert 'name="votes_for"' not in vote_page.content.decode()  # shown, not editable
    assert (
        admin_client.post(admin_url(Vote, "change", closure.vote.pk), {"votes_for": 1}).status_code
        == 403
    )
    closure.vote.refresh_from_db()
    assert closure.vote.votes_for == 64
    record = MinutesRecord.objects.get(meeting=closure.meeting)
    page = admin_client.get(admin_url(MinutesRecord, "change", record.pk)).content.decode()
    assert "Version 1 – Published as a draft (unconfirmed)" in page
    assert admin_client.get(admin_url(MinutesRecord, "add")).status_code == 403


def test_publish_minutes_as_draft_action(admin_client, minuted):
    c = minuted
    data = {"action": "publish_meetings", "_selected_action": [c.minute.pk]}
    response = admin_client.post(admin_url(Minute), data, follow=True)
    assert response.status_code == 200
    assert "minutes published as a draft" in response.content.decode()
    record = MinutesRecord.objects.get(meeting=c.meeting)
    assert record.status == "published_draft" and record.versions.count() == 1
    # Again, from the record's list: refused with the service's message, nothing changed.
    response = admin_client.post(
        admin_url(MinutesRecord),
        {"action": "publish", "_selected_action": [record.pk]},
        follow=True,
    )
    assert "already published as a draft" in response.content.decode()
    assert record.versions.count() == 1


def _minute_form(c, **changes):
    data = {
        "meeting": c.meeting.pk,
        "number": 8,
        "item": c.items[0].pk,
        "title": "Member ICT",
        "text": "The Committee discussed the new tablets.",
        "exempt_paragraph": "",
        "public_summary": "",
        "resolutions-TOTAL_FORMS": 1,
        "resolutions-INITIAL_FORMS": 1,
        "resolutions-MIN_NUM_FORMS": 0,
        "resolutions-MAX_NUM_FORMS": 1000,
        "resolutions-0-id": c.resolution.pk,
        "resolutions-0-minute": c.minute.pk,
        "resolutions-0-text": "RESOLVED that:",
        "resolutions-0-parts": json.dumps(["the report be noted."]),
        "resolutions-0-delegated_to": "",
        "resolutions-0-in_consultation_with": "",
        "resolutions-0-motion": "",
        "actions-TOTAL_FORMS": 0,
        "actions-INITIAL_FORMS": 0,
        "actions-MIN_NUM_FORMS": 0,
        "actions-MAX_NUM_FORMS": 1000,
    }
    data.update(changes)
    return data


def test_an_open_record_is_edited_through_the_admin(admin_client, minuted):
    c = minuted
    response = admin_client.post(
        admin_url(Minute, "change", c.minute.pk),
        _minute_form(c, text="The Committee discussed laptops."),
    )
    assert response.status_code == 302
    assert Minute.objects.get(pk=c.minute.pk).text == "The Committee discussed laptops."


def test_a_locked_record_refuses_edits_with_the_rules_message(admin_client, locked):
    c = locked
    response = admin_client.post(
        admin_url(Minute, "change", c.minute.pk), _minute_form(c, text="Rewritten after approval.")
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "the record can no longer be changed" in text
    assert Minute.objects.get(pk=c.minute.pk).text == "The Committee discussed the new tablets."
    attendance = c.meeting.attendances.first()
    response = admin_client.post(
        admin_url(Attendance, "change", attendance.pk),
        {
            "meeting": c.meeting.pk,
            "person": attendance.person.pk,
            "status": "apologies",
            "capacity": "",
            "order": 1,
        },
    )
    assert response.status_code == 200
    assert "the record can no longer be changed" in response.content.decode()
    assert Attendance.objects.get(pk=attendance.pk).status == "present"


def test_a_locked_record_refuses_removal(admin_client, locked):
    c = locked
    response = admin_client.post(
        admin_url(Minute, "delete", c.minute.pk), {"post": "yes"}, follow=True
    )
    assert response.status_code == 200
    assert "the record can no longer be changed" in response.content.decode()
    response = admin_client.post(
        admin_url(Resolution),
        {"action": "delete_selected", "_selected_action": [c.resolution.pk], "post": "yes"},
        follow=True,
    )
    assert response.status_code == 200
    assert "the record can no longer be changed" in response.content.decode()
    assert Minute.objects.filter(pk=c.minute.pk).exists()
    assert Resolution.objects.filter(pk=c.resolution.pk).exists()


def test_approve_and_sign_through_the_admin(admin_client, minuted):
    c = minuted
    publish_minutes(c.meeting, actor=TEST_ACTOR)
    record = MinutesRecord.objects.get(meeting=c.meeting)
    later = save_meeting(
        Meeting(body=c.body, date=dt.date(2016, 11, 1)), default_venue=False, actor=TEST_ACTOR
    )
    record_attendance(later, c.members[1], "present", in_chair=True, actor=TEST_ACTOR)
    approving = add_minute(later, "Minutes of 27 September 2016", number=20, actor=TEST_ACTOR)
    action = {"action": "approve", "_selected_action": [record.pk]}
    page = admin_client.post(admin_url(MinutesRecord), action)
    assert page.status_code == 200 and "Approve as a correct record" in page.content.decode()
    # A correction whose words are not there: refused on the form, nothing changed.
    bad = admin_client.post(
        admin_url(MinutesRecord),
        {
            **action,
            "apply": 1,
            "approving_minute": approving.pk,
            "correction_0_minute": c.minute.pk,
            "correction_0_field": "text",
            "correction_0_old": "sandwiches",
            "correction_0_new": "laptops",
        },
    )
    assert bad.status_code == 200
    assert "does not appear in the text of minute 8" in bad.content.decode()
    assert MinutesRecord.objects.get(pk=record.pk).status == "published_draft"
    done = admin_client.post(
        admin_url(MinutesRecord),
        {
            **action,
            "apply": 1,
            "approving_minute": approving.pk,
            "correction_0_minute": c.minute.pk,
            "correction_0_field": "text",
            "correction_0_old": "tablets",
            "correction_0_new": "laptops",
        },
        follow=True,
    )
    assert "minutes approved" in done.content.decode()
    record.refresh_from_db()
    assert record.status == "approved" and record.approved_by_minute == approving
    assert "laptops" in Minute.objects.get(pk=c.minute.pk).text
    signed = admin_client.post(
        admin_url(MinutesRecord),
        {"action": "sign", "_selected_action": [record.pk], "apply": 1, "signed_on": "01/11/2016"},
        follow=True,
    )
    assert "signed by Mr A Member1" in signed.content.decode()
    record.refresh_from_db()
    assert record.status == "signed" and record.signed_by == c.members[1]


def test_signing_unapproved_minutes_in_the_admin_is_refused(admin_client, minuted):
    publish_minutes(minuted.meeting, actor=TEST_ACTOR)
    record = MinutesRecord.objects.get(meeting=minuted.meeting)
    response = admin_client.post(
        admin_url(MinutesRecord),
        {"action": "sign", "_selected_action": [record.pk], "apply": 1, "signed_on": "01/11/2016"},
    )
    assert response.status_code == 200
    assert "Only minutes approved as a correct record can be signed" in response.content.decode()
    assert MinutesRecord.objects.get(pk=record.pk).status == "published_draft"
