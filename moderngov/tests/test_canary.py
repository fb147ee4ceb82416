"""Nothing exempt leaves through the web service: a canary planted in an exempt item's
purpose, in exempt papers' titles and text, in an exempt minute and in a declaration on the
exempt item appears in no answer of any method, for any id, to a visitor who is not signed in.

The service is public only (nobody is entitled to exempt information through it), so the
positive control is that the canary is in the record, that the exempt item and its paper are
listed (as restricted) and that the public minute and paper beside them are sent."""

import pytest

from audit.testing import TEST_ACTOR
from council.models import Division, Person, PoliticalGroup
from meetings.models import Meeting
from papers import services as papers
from papers.models import Document
from proceedings.attendance import record_attendance, record_declaration
from proceedings.minutes import add_minute, edit_minute, publish_minutes
from proceedings.models import AttendanceStatus, Declaration, Minute
from summons.testing import CANARY, plant_canary, pr_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def planted():
    pr = pr_meeting()
    planted = plant_canary(pr)
    # Every planted version published, as the agenda's publication would: the restricted
    # papers as public-facing as they can get.
    for doc in (planted.public_doc, planted.public_doc.appendices.get(), planted.exempt_doc):
        papers.publish_version(doc.current_version(), actor=TEST_ACTOR)
    add_minute(
        pr,
        "Contract Management",
        item=planted.public_item,
        text="Noted in public.",
        actor=TEST_ACTOR,
    )
    secret = add_minute(
        pr, f"Company Governance {CANARY}", text=f"Closed session {CANARY}", actor=TEST_ACTOR
    )
    edit_minute(
        secret,
        item=planted.exempt_item,
        exempt=True,
        exempt_paragraph=3,
        summary_not_needed=True,
        actor=TEST_ACTOR,
    )
    chair = pr.body.memberships.filter(role="chairman").first().person
    record_attendance(pr, chair, AttendanceStatus.PRESENT, in_chair=True, actor=TEST_ACTOR)
    record_declaration(
        pr,
        planted.exempt_item,
        chair,
        "other",
        f"Director of {CANARY}",
        "took_part",
        actor=TEST_ACTOR,
    )
    publish_minutes(pr, actor=TEST_ACTOR)
    return planted


def every_request():
    wide = {"sFromDate": "01/01/1900", "sToDate": "31/12/2200"}
    yield "GetCommittees", {}
    yield "GetCouncillorsByWard", {}
    yield "GetMeetings", {"lCommitteeId": 0, "sFromDate": 0, "sToDate": 0}
    yield "GetMemberGroup", {"sShortName": "", "sOrder": ""}
    yield "GetCouncillorsByPostcode", {"sPostcode": "CT9 1XZ"}
    yield "GetElectionResults", {"lElectionId": 1}
    yield "GetParishCouncils", {}
    yield "GetMpOrMepsAndWards", {}
    for committee in [0, -1, *Meeting.objects.values_list("body_id", flat=True).distinct()]:
        yield "GetMeetings", {"lCommitteeId": committee, **wide}
        yield "GetAllMeetingsByDate", {"lCommitteeId": committee, **wide}
        yield "GetWebCastMeetings", {"lCommitteeId": committee}
    for meeting in Meeting.objects.values_list("pk", flat=True):
        yield "GetMeeting", {"lMeetingId": meeting}
    for doc in Document.objects.values_list("pk", flat=True):
        yield "GetAttachment", {"lAttachmentId": doc}
    for ward in Division.objects.values_list("pk", flat=True):
        yield "GetCouncillorsByWardId", {"lWardId": ward}
    for group in PoliticalGroup.objects.values_list("name", flat=True):
        yield "GetMemberGroup", {"sShortName": group}
    yield (
        "GetCalendarEvents",
        {"bGlobalCalendar": "true", "sDateStart": "01/01/1900", "sDateEnd": "31/12/2200"},
    )
    for person in Person.objects.values_list("pk", flat=True):
        yield "GetCommitteesByUser", {"lUserId": person}
        yield (
            "GetCalendarEvents",
            {
                "bGlobalCalendar": "false",
                "lUserId": person,
                "sDateStart": "01/01/1900",
                "sDateEnd": "31/12/2200",
            },
        )


def test_the_canary_appears_in_no_answer(client, planted):
    assert Minute.objects.filter(title__contains=CANARY).exists()
    assert Declaration.objects.filter(text__contains=CANARY).exists()
    assert Document.objects.filter(title__contains=CANARY).count() == 2
    answers = []
    for method, params in every_request():
        response = client.get(f"/mgWebService.asmx/{method}", params)
        assert response.status_code == 200, (method, params)
        answers.append(response.content.decode())
    for path in [
        "/mgWebService.asmx?WSDL",
        f"/ieListDocuments.aspx?MId={planted.meeting.pk}",
        f"/mgCommitteeDetails.aspx?ID={planted.meeting.body_id}",
    ]:
        answers.append(client.get(path, follow=True).content.decode())
    for method, params in [
        ("GetMeeting", {"lMeetingId": planted.meeting.pk}),
        ("GetAttachment", {"lAttachmentId": planted.exempt_doc.pk}),
    ]:
        inner = "".join(f"<{k}>{v}</{k}>" for k, v in params.items())
        soap = (
            f'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">'
            f'<soap:Body><{method} xmlns="http://moderngov.co.uk/namespaces">{inner}'
            f"</{method}></soap:Body></soap:Envelope>"
        )
        response = client.post("/mgWebService.asmx", soap, content_type="text/xml")
        assert response.status_code == 200
        answers.append(response.content.decode())
    assert len(answers) > 300
    for text in answers:
        assert CANARY not in text
    meeting = next(
        a
        for a in answers
        if f"<meetingid>{planted.meeting.pk}</meetingid>" in a and "<agendaitems>" in a
    )
    # The check has teeth: the business around the canary was sent.
    assert "Contract Management Report" in meeting  # the public paper
    assert "Noted in public." in meeting  # the public minute
    assert "<agendaitemtitle>Company Governance</agendaitemtitle>" in meeting
    assert meeting.count("<isrestricted>True</isrestricted>") >= 3  # item, paper, appendix
