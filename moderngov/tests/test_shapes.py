"""The documents have the reference responses' shape: the same element names, nesting and
attributes for every part Moot fills."""

import pytest

from meetings.models import Meeting
from summons.testing import pr_meeting

from .conftest import reference, shape

pytestmark = pytest.mark.django_db


def test_get_committees_has_the_reference_shape(call):
    _, root = call("GetCommittees")
    assert shape(root) == shape(reference("committees.xml"))
    names = [c.findtext("committeetitle") for c in root.findall("committee")]
    assert "Policy and Resources Cabinet Committee" in names
    assert "Kent and Medway Fire and Rescue Authority" not in names  # an outside body
    assert root.findtext("committeescount") == f" {len(names)}"
    expired = {
        c.findtext("committeetitle"): c.findtext("committeeexpired")
        for c in root.findall("committee")
    }
    assert expired["Select Committee on Commissioning"] == "True"  # dissolved
    assert expired["County Council"] == "False"


def test_get_meetings_groups_every_committee_between_the_dates(call):
    _, root = call("GetMeetings", lCommitteeId=0, sFromDate="01/01/2015", sToDate="31/12/2017")
    assert shape(root) == shape(reference("meetings.xml"))
    expected = Meeting.objects.filter(date__range=("2015-01-01", "2017-12-31"))
    ids = [int(m.findtext("meetingid")) for m in root.iter("meeting")]
    assert sorted(ids) == sorted(expected.values_list("pk", flat=True))
    assert root.findtext("meetingscount") == f" {expected.count()}"
    committees = root.findall("committee")
    assert root.findtext("committeescount") == f" {len(committees)}"
    assert len(committees) == expected.values("body").distinct().count()
    pr = pr_meeting()
    node = next(m for m in root.iter("meeting") if m.findtext("meetingid") == str(pr.pk))
    assert node.findtext("meetingdate") == "15/09/2017"
    assert node.findtext("meetingtime") == "10.00 am"
    assert node.findtext("meetingstatus") == "Confirmed"
    assert node.findtext("iswebcast") == "False"


def test_get_meetings_for_one_committee_and_inclusive_dates(call):
    pr = pr_meeting()
    _, root = call(
        "GetMeetings", lCommitteeId=pr.body_id, sFromDate="15/09/2017", sToDate="15/09/2017"
    )
    assert [m.findtext("meetingid") for m in root.iter("meeting")] == [str(pr.pk)]
    assert root.findtext("committee/committeetitle") == pr.body.name


def test_get_meeting_has_the_reference_shape(call):
    pr = pr_meeting()
    _, root = call("GetMeeting", lMeetingId=pr.pk)
    ours = shape(root)
    allowed = shape(reference("meeting_with_minutes.xml")) | shape(
        reference("meeting_no_minutes.xml")
    )
    assert ours <= allowed, ours - allowed
    # Everything of the reference is filled, bar the photos the demo has none of.
    missing = shape(reference("meeting_with_minutes.xml")) - ours
    assert missing == set(), missing
    assert root.findtext("meetingdate") == "15/09/2017"
    assert root.findtext("meetingtime") == "10.00 am"
    assert root.findtext("agendapublished") == "True"
    assert root.findtext("meetinglocation").startswith("Council Chamber, Sessions House")


def test_the_exempt_item_is_restricted_without_an_address(call):
    pr = pr_meeting()
    _, root = call("GetMeeting", lMeetingId=pr.pk)
    items = {i.findtext("fulldisplaynumberformat"): i for i in root.iter("agendaitem")}
    assert len(items) == pr.items.count()
    exempt = items["14."]
    assert exempt.findtext("agendaitemtitle") == "Company Governance"
    assert exempt.findtext("isrestricted") == "True"
    assert exempt.findtext("agendatext") == ""
    docs = exempt.findall("linkeddocuments/linkeddoc")
    assert docs, "the exempt paper is listed, as restricted"
    for doc in docs:
        assert doc.findtext("isrestricted") == "True"
        assert doc.findtext("url") == "" and doc.findtext("attachmentid") == ""
        assert "Company Governance" not in doc.findtext("title")
        assert "paragraph 3" in doc.findtext("restrictionsRef")
    public = items["8."]
    assert public.findtext("isrestricted") == "False"
    linked = public.find("linkeddocuments/linkeddoc")
    assert linked.findtext("isrestricted") == "False"
    assert linked.findtext("url").startswith(f"http://testserver/meetings/{pr.pk}/")
    assert linked.findtext("committeetitle") == pr.body.name
    assert linked.findtext("publicationdate") == "07/09/2017"


def test_get_meeting_lists_the_members_expected(call):
    pr = pr_meeting()
    _, root = call("GetMeeting", lMeetingId=pr.pk)
    attendees = root.findall("attendees/attendee")
    assert attendees
    roles = {a.get("roledescription") for a in attendees}
    assert "Committee Member" in roles
    assert {a.get("attendance") for a in attendees} == {"Expected"}
    for a in attendees:
        assert a.findtext("url").startswith("http://testserver/members/")
        assert a.get("name").startswith("Councillor ") or a.get("roledescription")


def test_get_councillors_by_ward_has_the_sample_shape(call):
    _, root = call("GetCouncillorsByWard")
    assert shape(root) == shape(reference("GetCouncillorsByWard.sample.xml"))
    assert shape(reference("modgov_councillors.xml")) <= shape(root)
    councillors = list(root.iter("councillor"))
    assert councillors
    for c in councillors:
        assert c.findtext("fullusername").startswith("Councillor ")
        assert c.find("termsofoffice/termofoffice/startdate").text
    for ward in root.iter("ward"):
        listed = ward.findall("councillors/councillor")
        assert ward.findtext("councillors/councillorcount") == f" {len(listed)}"


def test_statuses_and_times_as_modern_gov_writes_them(call):
    import datetime as dt

    from meetings.models import MeetingStatus

    pr = pr_meeting()
    Meeting.objects.filter(pk=pr.pk).update(status=MeetingStatus.CANCELLED, end_time=dt.time(14, 0))
    _, root = call("GetMeeting", lMeetingId=pr.pk)
    assert root.findtext("meetingstatus") == "Cancelled"
    assert root.findtext("meetingplannedfinishtime") == "2.00 pm"
    _, listed = call(
        "GetMeetings", lCommitteeId=pr.body_id, sFromDate="15/09/2017", sToDate="15/09/2017"
    )
    assert listed.findtext("committee/committeemeetings/meeting/meetingstatus") == "Cancelled"
    Meeting.objects.filter(pk=pr.pk).update(status=MeetingStatus.POSTPONED)
    assert call("GetMeeting", lMeetingId=pr.pk)[1].findtext("meetingstatus") == "Postponed"
