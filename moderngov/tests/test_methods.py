"""The methods without a reference response: what they list, from the demo's record."""

import datetime as dt

import pytest

from council.models import Division, Membership, PoliticalGroup, TermOfOffice
from meetings.models import Meeting
from moot import testing
from papers.models import Document
from summons.testing import pr_meeting
from website.queries.members import members_index

pytestmark = pytest.mark.django_db


def test_get_all_meetings_by_date_lists_meetings_with_their_committee(call):
    _, root = call(
        "GetAllMeetingsByDate", lCommitteeId=-1, sFromDate="01/09/2017", sToDate="30/09/2017"
    )
    pr = pr_meeting()
    meetings = root.findall("meeting")
    expected = Meeting.objects.filter(date__range=("2017-09-01", "2017-09-30"))
    assert [int(m.findtext("meetingid")) for m in meetings] == list(
        expected.order_by("date", "start_time", "pk").values_list("pk", flat=True)
    )
    node = next(m for m in meetings if m.findtext("meetingid") == str(pr.pk))
    assert node.findtext("committeetitle") == pr.body.name
    assert node.findtext("meetinglocation").startswith("Council Chamber")


def test_get_webcast_meetings_lists_only_webcast_meetings(call):
    pr = pr_meeting()
    _, root = call("GetWebCastMeetings", lCommitteeId=0)
    assert root.findtext("meetingscount") == " 0"
    Meeting.objects.filter(pk=pr.pk).update(webcast_url="https://webcast.example/pr")
    _, root = call("GetWebCastMeetings", lCommitteeId=pr.body_id)
    assert [m.findtext("webcasturl") for m in root.findall("meeting")] == [
        "https://webcast.example/pr"
    ]
    assert root.find("meeting/iswebcast").text == "True"


def test_get_calendar_events_for_everyone_and_for_a_member(call):
    pr = pr_meeting()
    _, root = call(
        "GetCalendarEvents", bGlobalCalendar="True", sDateStart="01/01/2015", sDateEnd="31/12/2018"
    )
    ids = {int(e.findtext("meetingid")) for e in root.findall("calendarevent")}
    assert ids == set(
        Meeting.objects.filter(date__range=("2015-01-01", "2018-12-31")).values_list(
            "pk", flat=True
        )
    )
    chair = Membership.objects.filter(body=pr.body, role="chairman").first().person
    _, mine = call(
        "GetCalendarEvents",
        bGlobalCalendar="false",
        lUserId=chair.pk,
        sDateStart="01/01/2015",
        sDateEnd="31/12/2018",
    )
    theirs = {int(e.findtext("meetingid")) for e in mine.findall("calendarevent")}
    assert pr.pk in theirs and theirs < ids
    event = next(e for e in mine.findall("calendarevent") if e.findtext("meetingid") == str(pr.pk))
    assert event.findtext("eventdate") == "15/09/2017"
    assert event.findtext("url") == f"http://testserver{pr.get_absolute_url()}"


def test_get_committees_by_user_lists_the_seats_held(call):
    index = members_index()
    day = index.day
    seat = (
        Membership.objects.on(day)
        .filter(person__isnull=False)
        .select_related("body", "person")
        .first()
    )
    assert seat is not None
    _, root = call("GetCommitteesByUser", lUserId=seat.person_id)
    expected = Membership.objects.on(day).filter(person=seat.person_id)
    assert root.findtext("committeescount") == f" {expected.count()}"
    titles = [c.findtext("committeetitle") for c in root.findall("committee")]
    assert seat.body.name in titles


def test_get_member_group_lists_the_group_in_either_order(call):
    index = members_index()
    group = PoliticalGroup.objects.get(name="Conservative")
    expected = [c for c in index.councillors if c.group == group]
    assert expected
    _, root = call("GetMemberGroup", sShortName="conservative")
    assert root.findtext("membergrouptitle") == "Conservative Group"
    listed = [int(c.findtext("councillorid")) for c in root.iter("councillor")]
    assert listed == [c.person.pk for c in sorted(expected, key=lambda c: c.person.sort_key)]
    _, by_first = call("GetMemberGroup", sShortName=group.slug, sOrder="FirstName")
    assert sorted(int(c.findtext("councillorid")) for c in by_first.iter("councillor")) == (
        sorted(listed)
    )


def test_get_councillors_by_ward_id(call):
    division = Division.objects.order_by("pk").first()
    # A ward with no councillor in office is left out; this one is given one.
    TermOfOffice.objects.create(
        person=testing.person("Wardholder"), division=division, start=members_index().day
    )
    _, root = call("GetCouncillorsByWardId", lWardId=division.pk)
    assert [w.findtext("wardtitle") for w in root.iter("ward")] == [division.name]
    assert root.findtext("wards/ward/councillors/councillor/fullusername").endswith("Wardholder")


def test_get_councillors_by_ward_id_leaves_out_a_ward_without_councillors(call):
    division = Division.objects.create(name="Vacant Ward", slug="vacant-ward")
    _, root = call("GetCouncillorsByWardId", lWardId=division.pk)
    assert root.findall("wards/ward") == []


def test_get_attachment_answers_public_papers_only(call):
    pr = pr_meeting()
    public = Document.objects.get(title="Contract Management", classification="unrestricted")
    _, root = call("GetAttachment", lAttachmentId=public.pk)
    assert root.findtext("title") == "Contract Management"
    assert root.findtext("meetingid") == str(pr.pk)
    assert root.findtext("url").startswith(f"http://testserver/meetings/{pr.pk}/")
    assert root.findtext("publicationdate") == "07/09/2017"
    exempt = Document.objects.get(title="Company Governance")
    _, hidden = call("GetAttachment", lAttachmentId=exempt.pk)
    assert len(hidden) == 0  # as if it did not exist


def test_counts_are_padded_and_dates_are_dd_mm_yyyy(call):
    _, root = call("GetMeetings", lCommitteeId=0, sFromDate="1/1/2015", sToDate="31/12/2017")
    for node in root.iter():
        if node.tag.endswith("count"):
            assert node.text.startswith(" ") and node.text[1:].isdigit()
        if node.tag == "meetingdate":
            assert dt.datetime.strptime(node.text, "%d/%m/%Y")
