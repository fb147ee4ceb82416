"""The answers stay cheap as a council's record grows: a fixed number of queries whatever
the number of meetings, items, papers or members; and an agenda not yet published is not
sent."""

import pytest

from audit.testing import TEST_ACTOR
from council.dates import authority_today
from council.models import Division, TermOfOffice
from meetings.models import Meeting
from moot import testing
from papers import services as papers
from papers.models import Document
from publishing.models import AgendaPublication
from summons.testing import pr_meeting

pytestmark = pytest.mark.django_db


def test_get_meetings_is_one_query_however_many_meetings(client, django_assert_num_queries):
    body = pr_meeting().body
    for day in range(1, 21):
        testing.meeting(body, testing.dt.date(2016, 1, day))
    with django_assert_num_queries(1):
        response = client.get(
            "/mgWebService.asmx/GetMeetings",
            {"lCommitteeId": 0, "sFromDate": "01/01/2015", "sToDate": "31/12/2017"},
        )
    assert (
        response.content.count(b"<meeting>")
        == Meeting.objects.filter(date__range=("2015-01-01", "2017-12-31")).count()
    )


def test_get_meeting_has_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    pr = pr_meeting()
    with django_assert_max_num_queries(20) as first:
        client.get("/mgWebService.asmx/GetMeeting", {"lMeetingId": pr.pk})
    item = pr.items.get(title="Contract Management")
    publication = AgendaPublication.objects.get(meeting=pr, kind="agenda")
    for n in range(5):  # more papers on the agenda, published with it
        doc = papers.save_document(Document(title=f"Extra paper {n}"), actor=TEST_ACTOR)
        papers.publish_version(
            papers.add_version(doc, html="<p>More.</p>", actor=TEST_ACTOR), actor=TEST_ACTOR
        )
        publication.papers.append(papers.attach(item, doc, actor=TEST_ACTOR).pk)
    publication.save(update_fields=["papers"])
    with django_assert_max_num_queries(len(first.captured_queries)):
        response = client.get("/mgWebService.asmx/GetMeeting", {"lMeetingId": pr.pk})
    assert response.content.count(b"<title>Extra paper") == 5


def test_an_unpublished_agenda_is_not_sent(client):
    upcoming = Meeting.objects.filter(body=pr_meeting().body, date__year=2018).first()
    testing.item(upcoming, "1", "Budget proposals")
    response = client.get("/mgWebService.asmx/GetMeeting", {"lMeetingId": upcoming.pk})
    text = response.content.decode()
    assert "<agendapublished>False</agendapublished>" in text
    assert "<agendaitems></agendaitems>" in text
    assert "Budget proposals" not in text
    assert f"<meetingdate>{upcoming.date:%d/%m/%Y}</meetingdate>" in text  # the notice is


def test_get_councillors_by_ward_has_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12) as first:
        client.get("/mgWebService.asmx/GetCouncillorsByWard")
    for n in range(5):  # more wards, each with a councillor in office
        ward = Division.objects.create(name=f"Extra Ward {n}", slug=f"extra-ward-{n}")
        person = testing.person(f"Wardmember{n}")
        TermOfOffice.objects.create(person=person, division=ward, start=authority_today())
    with django_assert_max_num_queries(len(first.captured_queries)):
        response = client.get("/mgWebService.asmx/GetCouncillorsByWard")
    assert response.content.count(b"<wardtitle>Extra Ward") == 5
    assert b"Councillor A Wardmember4" in response.content
