"""GetMeeting carries the proceedings once the minutes are published, through
``proceedings.public`` only: minutes bodies per item, declaration counts, attendance."""

import html

import pytest

from audit.testing import TEST_ACTOR
from meetings.models import Meeting
from proceedings import public
from proceedings.attendance import record_attendance
from proceedings.minutes import add_minute, add_resolution, publish_minutes
from proceedings.models import AttendanceStatus
from summons.testing import pr_meeting

pytestmark = pytest.mark.django_db


def items_by_id(root):
    return {int(i.findtext("agendaitemid")): i for i in root.iter("agendaitem")}


def test_the_22_october_2015_minutes_and_attendance(call):
    meeting = Meeting.objects.get(body__name="County Council", date="2015-10-22")
    _, root = call("GetMeeting", lMeetingId=meeting.pk)
    assert root.findtext("minutepublished") == "True"
    items = items_by_id(root)
    minutes = list(public.public_minutes().filter(meeting=meeting, item__isnull=False))
    assert {m.number for m in minutes} >= set(range(35, 44)) - {
        m.number for m in meeting.minutes.filter(item__isnull=True)
    }
    for minute in minutes:
        body = items[minute.item_id].findtext("minutesnonemptyhtmlbody")
        assert f"<p>{minute.number}. {html.escape(minute.title)}</p>" in body
        assert items[minute.item_id].findtext("isminutepublished") == "True"
    attendance = {a.get("memberid"): a.get("attendance") for a in root.iter("attendee")}
    records = public.public_attendance().filter(meeting=meeting)
    present = records.filter(status=AttendanceStatus.PRESENT).count()
    apologies = records.filter(status=AttendanceStatus.APOLOGIES).count()
    assert present and apologies
    assert sum(1 for v in attendance.values() if v.startswith("Present")) == present
    assert list(attendance.values()).count("Apologies") == apologies
    for record in records:
        assert str(record.person_id) in attendance


def test_draft_minutes_are_not_sent_until_published(call):
    pr = pr_meeting()
    item = pr.items.get(title="Contract Management")
    minute = add_minute(
        pr,
        "Contract Management",
        item=item,
        text="The Committee considered the report.\n\nMembers asked questions.",
        actor=TEST_ACTOR,
    )
    add_resolution(
        minute,
        "RESOLVED that:-",
        ["the report be noted;", "officers report back."],
        actor=TEST_ACTOR,
    )
    chair = pr.body.memberships.filter(role="chairman").first().person
    record_attendance(pr, chair, AttendanceStatus.PRESENT, in_chair=True, actor=TEST_ACTOR)
    _, root = call("GetMeeting", lMeetingId=pr.pk)
    assert root.findtext("minutepublished") == "False"
    assert root.findtext("decisionpublished") == "False"
    node = items_by_id(root)[item.pk]
    assert node.findtext("minutesnonemptyhtmlbody") == ""
    assert {a.get("attendance") for a in root.iter("attendee")} == {"Expected"}

    publish_minutes(pr, actor=TEST_ACTOR)
    _, root = call("GetMeeting", lMeetingId=pr.pk)
    assert root.findtext("minutepublished") == "True"
    body = items_by_id(root)[item.pk].findtext("minutesnonemptyhtmlbody")
    assert body == (
        f"<p>{minute.number}. Contract Management</p>\n"
        "<p>The Committee considered the report.</p>\n"
        "<p>Members asked questions.</p>\n<p>RESOLVED that:-</p>\n"
        "<p>(a) the report be noted;</p>\n<p>(b) officers report back.</p>\n"
    )
    assert items_by_id(root)[item.pk].findtext("minutesitemnumber") == str(minute.number)
    # What was resolved is the item's decision, public with the minutes.
    assert items_by_id(root)[item.pk].findtext("isdecision") == "True"
    assert root.findtext("decisionpublished") == "True"
    others = [i for pk, i in items_by_id(root).items() if pk != item.pk]
    assert {i.findtext("isdecision") for i in others} == {"False"}
    chair_row = next(a for a in root.iter("attendee") if a.get("memberid") == str(chair.pk))
    assert chair_row.get("attendance") == "Present"
