"""The minutes' states: published as a draft, approved at a later meeting of the same body
(with corrections), signed by the chair of that meeting; approved minutes lock the record."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from audit.actors import SystemActor
from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from council.models import Body, Role
from council.services import appoint, save_body
from meetings.models import Meeting
from meetings.services import save_meeting
from proceedings.approval import Correction, approve_minutes, sign_minutes
from proceedings.attendance import record_attendance
from proceedings.minutes import (
    add_minute,
    add_resolution,
    delete_minute,
    delete_resolution,
    edit_minute,
    publish_minutes,
)
from proceedings.models import Minute, MinutesRecord, MinutesVersion, Resolution
from proceedings.public import minutes_are_public
from publishing.signals import minutes_published

from .conftest import START, person

LATER = dt.date(2016, 11, 1)
LOCKED = "the record can no longer be changed"


@pytest.fixture
def minuted(committee):
    c = committee
    record_attendance(c.meeting, c.members[0], "present", in_chair=True, actor=TEST_ACTOR)
    for m in c.members[1:4]:
        record_attendance(c.meeting, m, "present", actor=TEST_ACTOR)
    c.minute = add_minute(
        c.meeting,
        "Member ICT",
        item=c.items[0],
        number=8,
        text="The Committee discussed the new tablets.\n\nMembers asked about training.",
        actor=TEST_ACTOR,
    )
    c.resolution = add_resolution(
        c.minute, "RESOLVED that:", ["the report be noted."], actor=TEST_ACTOR
    )
    c.later = save_meeting(Meeting(body=c.body, date=LATER), default_venue=False, actor=TEST_ACTOR)
    record_attendance(c.later, c.members[1], "present", in_chair=True, actor=TEST_ACTOR)
    c.approving = add_minute(
        c.later, "Minutes of the meeting held on 27 September 2016", number=20, actor=TEST_ACTOR
    )
    return c


def _versions(c) -> int:
    return MinutesVersion.objects.filter(record__meeting=c.meeting).count()


def test_publish_as_draft_makes_the_minutes_public_and_keeps_a_version(
    minuted, django_capture_on_commit_callbacks
):
    c = minuted
    sent = []

    def receiver(sender, meeting, publication, **kw):
        sent.append((sender, meeting, publication.status))

    minutes_published.connect(receiver)
    try:
        assert not minutes_are_public(c.meeting)
        with django_capture_on_commit_callbacks(execute=True):
            record = publish_minutes(c.meeting, actor=SystemActor("clerk"))
            assert sent == []  # only once the transaction commits
    finally:
        minutes_published.disconnect(receiver)
    assert sent == [(Meeting, c.meeting, "published_draft")]
    assert record.status == "published_draft" and record.published_at is not None
    assert minutes_are_public(c.meeting)
    version = record.versions.get()
    assert version.number == 1 and version.status == "published_draft"
    assert "8. Member ICT" in version.public_html and "the new tablets" in version.public_html
    assert "Draft – unconfirmed" in version.public_html
    ct = ContentType.objects.get_for_model(MinutesRecord)
    assert AuditEntry.objects.filter(content_type=ct, object_id=str(record.pk)).exists()


def test_publishing_without_minutes_or_twice_is_refused(committee, minuted):
    empty = save_meeting(
        Meeting(body=committee.body, date=dt.date(2017, 1, 10)),
        default_venue=False,
        actor=TEST_ACTOR,
    )
    with pytest.raises(ValidationError, match="has no minutes yet"):
        publish_minutes(empty, actor=TEST_ACTOR)
    assert not MinutesRecord.objects.filter(meeting=empty).exists()
    publish_minutes(minuted.meeting, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="already published as a draft"):
        publish_minutes(minuted.meeting, actor=TEST_ACTOR)
    assert _versions(minuted) == 1


def test_approving_at_a_meeting_of_another_body_is_refused(minuted):
    c = minuted
    publish_minutes(c.meeting, actor=TEST_ACTOR)
    other = save_body(Body(name="Other Committee", seats=4), actor=TEST_ACTOR)
    chair = person("Otherchair")
    appoint(other, chair, Role.CHAIRMAN, start=START, actor=TEST_ACTOR)
    elsewhere = save_meeting(Meeting(body=other, date=LATER), default_venue=False, actor=TEST_ACTOR)
    wrong = add_minute(elsewhere, "Minutes of another committee", actor=TEST_ACTOR)
    fix = Correction(c.minute, "text", "tablets", "laptops")
    with pytest.raises(ValidationError) as refused:
        approve_minutes(c.meeting, wrong, [fix], actor=TEST_ACTOR)
    message = " ".join(refused.value.messages)
    assert "approving minutes at a meeting of another body" in message
    assert "Test Scrutiny Committee" in message and "Other Committee" in message
    record = MinutesRecord.objects.get(meeting=c.meeting)
    assert record.status == "published_draft" and record.approved_by_minute is None
    assert "tablets" in Minute.objects.get(pk=c.minute.pk).text  # the correction not applied
    assert _versions(c) == 1


def test_approving_at_an_earlier_meeting_is_refused(minuted):
    c = minuted
    earlier = save_meeting(
        Meeting(body=c.body, date=dt.date(2016, 9, 1)), default_venue=False, actor=TEST_ACTOR
    )
    early_minute = add_minute(earlier, "Something", number=2, actor=TEST_ACTOR)
    publish_minutes(c.meeting, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="approved at a later meeting"):
        approve_minutes(c.meeting, early_minute, actor=TEST_ACTOR)
    assert MinutesRecord.objects.get(meeting=c.meeting).status == "published_draft"


def test_approving_unpublished_minutes_is_refused(minuted):
    c = minuted
    with pytest.raises(ValidationError, match="have not been published"):
        approve_minutes(
            c.meeting, c.approving, [Correction(c.minute, "text", "tablets", "x")], actor=TEST_ACTOR
        )
    assert not MinutesRecord.objects.filter(meeting=c.meeting, status="approved").exists()
    assert "tablets" in Minute.objects.get(pk=c.minute.pk).text


def test_approval_applies_corrections_then_locks_with_a_new_version(minuted):
    c = minuted
    publish_minutes(c.meeting, actor=TEST_ACTOR)
    record = approve_minutes(
        c.meeting,
        c.approving,
        [Correction(c.minute, "text", "tablets", "laptops", note="paragraph (1)")],
        actor=SystemActor("clerk"),
    )
    assert record.status == "approved"
    assert record.approved_by_minute == c.approving and record.approved_on == LATER
    assert "the new laptops" in Minute.objects.get(pk=c.minute.pk).text
    v2 = record.versions.get(number=2)
    assert v2.approving_minute == c.approving and v2.status == "approved"
    assert "“tablets” replaced by “laptops”" in v2.note and "paragraph (1)" in v2.note
    assert "the new laptops" in v2.public_html
    assert "Approved as a correct record" in v2.public_html
    # Version 1 is unchanged: versions are snapshots.
    assert "the new tablets" in record.versions.get(number=1).public_html


@pytest.mark.parametrize(
    "old, message",
    [("sandwiches", "does not appear in the text of minute 8"), ("e", "appears .* times")],
)
def test_a_correction_that_does_not_fit_is_refused_and_nothing_changes(minuted, old, message):
    c = minuted
    publish_minutes(c.meeting, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match=message):
        approve_minutes(
            c.meeting, c.approving, [Correction(c.minute, "text", old, "x")], actor=TEST_ACTOR
        )
    assert MinutesRecord.objects.get(meeting=c.meeting).status == "published_draft"
    assert Minute.objects.get(pk=c.minute.pk).text == c.minute.text


def test_approved_minutes_refuse_every_change(minuted):
    c = minuted
    publish_minutes(c.meeting, actor=TEST_ACTOR)
    approve_minutes(c.meeting, c.approving, actor=TEST_ACTOR)
    minute = Minute.objects.get(pk=c.minute.pk)
    before = (minute.title, minute.text)
    attempts = [
        lambda: edit_minute(minute, text="Rewritten after approval.", actor=TEST_ACTOR),
        lambda: add_resolution(minute, "RESOLVED that:", ["something else."], actor=TEST_ACTOR),
        lambda: record_attendance(c.meeting, c.members[5], "present", actor=TEST_ACTOR),
        lambda: add_minute(c.meeting, "A late minute", actor=TEST_ACTOR),
        lambda: delete_minute(minute, actor=TEST_ACTOR),
        lambda: delete_resolution(c.resolution, actor=TEST_ACTOR),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError, match=LOCKED):
            attempt()
    minute.refresh_from_db()
    assert (minute.title, minute.text) == before
    assert Resolution.objects.filter(minute=minute).count() == 1
    assert c.meeting.attendances.count() == 4
    assert Minute.objects.filter(meeting=c.meeting).count() == 1


def test_approving_twice_is_refused(minuted):
    c = minuted
    publish_minutes(c.meeting, actor=TEST_ACTOR)
    approve_minutes(c.meeting, c.approving, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="already approved"):
        approve_minutes(c.meeting, c.approving, actor=TEST_ACTOR)
    assert _versions(c) == 2


def test_colliding_minute_numbers_are_refused(minuted):
    c = minuted
    other = add_minute(c.meeting, "Member development", number=9, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="Minute 8 of .* already used"):
        edit_minute(other, number=8, actor=TEST_ACTOR)
    assert Minute.objects.get(pk=other.pk).number == 9
    with pytest.raises(ValidationError, match="already used"):
        add_minute(c.later, "Clash", number=8, actor=TEST_ACTOR)
    assert c.later.minutes.count() == 1


def test_signing_needs_approval_and_the_chair_of_the_approving_meeting(minuted):
    c = minuted
    publish_minutes(c.meeting, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="Only minutes approved as a correct record"):
        sign_minutes(c.meeting, c.members[1], LATER, actor=TEST_ACTOR)
    approve_minutes(c.meeting, c.approving, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="Say who signed"):
        sign_minutes(c.meeting, None, LATER, actor=TEST_ACTOR)
    # members[0] chaired the meeting minuted, but members[1] chaired the approving meeting.
    with pytest.raises(
        ValidationError,
        match=r"chair of the meeting that approved them .*"
        r"that was Mr A Member1, not Mr A Member0",
    ):
        sign_minutes(c.meeting, c.members[0], LATER, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="before they were approved"):
        sign_minutes(c.meeting, c.members[1], dt.date(2016, 10, 1), actor=TEST_ACTOR)
    assert MinutesRecord.objects.get(meeting=c.meeting).status == "approved"
    record = sign_minutes(c.meeting, c.members[1], LATER, actor=TEST_ACTOR)
    assert (record.status, record.signed_by, record.signed_on) == ("signed", c.members[1], LATER)
    assert record.versions.count() == 3
    assert "signed by Mr A Member1" in record.versions.get(number=3).public_html
    with pytest.raises(ValidationError, match="already signed"):
        sign_minutes(c.meeting, c.members[1], LATER, actor=TEST_ACTOR)


def test_an_exempt_correction_is_not_quoted_in_the_public_note(minuted):
    c = minuted
    secret = add_minute(
        c.meeting,
        "Contract prices",
        number=9,
        text="Bid of 4 million.",
        item=c.items[1],
        actor=TEST_ACTOR,
    )
    edit_minute(secret, exempt=True, exempt_paragraph=3, summary_not_needed=True, actor=TEST_ACTOR)
    publish_minutes(c.meeting, actor=TEST_ACTOR)
    record = approve_minutes(
        c.meeting,
        c.approving,
        [Correction(Minute.objects.get(pk=secret.pk), "text", "4 million", "5 million")],
        actor=TEST_ACTOR,
    )
    note = record.versions.get(number=2).note
    assert "exempt minute 9" in note and "million" not in note
    assert "5 million" in Minute.objects.get(pk=secret.pk).text
    assert "million" not in record.versions.get(number=2).public_html
    assert "5 million" in record.versions.get(number=2).exempt_html


def test_edit_minute_refuses_unknown_fields(minuted):
    with pytest.raises(ValidationError, match="no field body"):
        edit_minute(minuted.minute, body=None, actor=TEST_ACTOR)
