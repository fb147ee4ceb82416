"""Requests as unmodified modern.gov clients send them (GET query strings, POST form bodies,
SOAP 1.1 envelopes), answered as real modern.gov servers answer them."""

import datetime as dt
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest
import zeep
from lxml import etree

from audit.testing import TEST_ACTOR
from council.models import Division, GroupMembership, PoliticalGroup, TermOfOffice
from meetings.models import Meeting
from moderngov.methods import METHODS
from moot import testing
from papers import services as papers
from papers import testing as paper_testing
from papers.models import Document
from summons.testing import pr_meeting
from website.queries.members import members_index

pytestmark = pytest.mark.django_db

ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/"
SERVICE = "http://moderngov.co.uk/namespaces"
ALL_MEETINGS = "/mgWebService.asmx/GetMeetings?lCommitteeId=0&sFromDate=0&sToDate=0"


def parse(response, status=200):
    assert response.status_code == status, response.content[:400]
    return ET.fromstring(response.content)


def meeting_ids(root):
    return sorted(int(m.findtext("meetingid")) for m in root.iter("meeting"))


def test_get_meetings_with_no_bounds_lists_every_committees_meetings(client):
    root = parse(client.get(ALL_MEETINGS))
    expected = sorted(
        Meeting.objects.exclude(body__kind="outside_body").values_list("pk", flat=True)
    )
    assert meeting_ids(root) == expected
    assert root.findtext("meetingscount") == f" {len(expected)}"


def test_get_meetings_with_one_bound(client):
    root = parse(
        client.get(
            "/mgWebService.asmx/GetMeetings",
            {"lCommitteeId": "0", "sFromDate": "01/09/2017", "sToDate": "0"},
        )
    )
    assert meeting_ids(root) == sorted(
        Meeting.objects.filter(date__gte=dt.date(2017, 9, 1))
        .exclude(body__kind="outside_body")
        .values_list("pk", flat=True)
    )


def test_get_meetings_posted_as_a_form(client):
    root = parse(
        client.post(
            "/mgWebService.asmx/GetMeetings",
            "lCommitteeId=0&sFromDate=0&sToDate=0",
            content_type="application/x-www-form-urlencoded",
        )
    )
    assert meeting_ids(root) == meeting_ids(parse(client.get(ALL_MEETINGS)))


def soap(client, method, **params):
    body = "".join(f"<{k}>{v}</{k}>" for k, v in params.items())
    envelope = (
        f'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="{ENVELOPE}">'
        f'<soap:Body><{method} xmlns="{SERVICE}">{body}</{method}></soap:Body>'
        f"</soap:Envelope>"
    )
    return client.post(
        "/mgWebService.asmx",
        envelope,
        content_type="text/xml; charset=utf-8",
        HTTP_SOAPACTION=f'"{SERVICE}/{method}"',
    )


def test_get_meetings_with_no_bounds_over_soap(client):
    root = parse(soap(client, "GetMeetings", lCommitteeId=0, sFromDate=0, sToDate=0))
    result = root.find(f".//{{{SERVICE}}}GetMeetingsResult/getmeetings")
    assert meeting_ids(result) == meeting_ids(parse(client.get(ALL_MEETINGS)))


def test_member_group_with_empty_parameters_lists_every_councillor(client):
    root = parse(client.get("/mgWebService.asmx/GetMemberGroup?sOrder=&sShortName="))
    listed = root.findall("councillors/councillor")
    assert {int(c.findtext("councillorid")) for c in listed} == {
        c.person.pk for c in members_index().councillors
    }
    assert root.findtext("councillors/councillorcount") == f" {len(listed)}"
    assert all(c.findtext("politicalpartytitle") for c in listed)
    posted = parse(
        client.post("/mgWebService.asmx/GetMemberGroup", {"sShortName": "", "sOrder": ""})
    )
    assert len(posted.findall("councillors/councillor")) == len(listed)


def test_wards_without_councillors_are_left_out(client):
    Division.objects.create(name="Aardvark Vacant", slug="aardvark-vacant")
    root = parse(client.get("/mgWebService.asmx/GetCouncillorsByWard"))
    wards = root.findall("wards/ward")
    assert "Aardvark Vacant" not in [w.findtext("wardtitle") for w in wards]
    assert wards and all(w.find("councillors/councillor") is not None for w in wards)


def test_every_councillor_has_a_party_title(client):
    day = members_index().day
    loner = testing.person("Loner")
    TermOfOffice.objects.create(person=loner, division=Division.objects.first(), start=day)
    free = testing.person("Freeman")
    TermOfOffice.objects.create(person=free, division=Division.objects.first(), start=day)
    independent = PoliticalGroup.objects.create(
        name="Freeman's Independents", slug="fi", kind=PoliticalGroup.Kind.INDEPENDENT
    )
    GroupMembership.objects.create(person=free, group=independent, start=day)
    for url in [
        "/mgWebService.asmx/GetCouncillorsByWard",
        "/mgWebService.asmx/GetMemberGroup?sShortName=&sOrder=",
    ]:
        root = parse(client.get(url))
        parties = {
            c.findtext("councillorid"): c.findtext("politicalpartytitle")
            for c in root.iter("councillor")
        }
        assert parties[str(loner.pk)] == "Not recorded"
        assert parties[str(free.pk)] == "Independent"
        assert all(parties.values())


@pytest.mark.parametrize(
    "method, root_tag, wrapper",
    [
        ("GetCouncillorsByPostcode?sPostcode=CT9+1XZ", "councillorsbyward", "wards"),
        ("GetElectionResults?lElectionId=1", "electionresults", "candidates"),
        ("GetParishCouncils", "parishcouncils", "parishcouncils"),
        ("GetMpOrMepsAndWards", "mpormepsandwards", "mpormeps"),
    ],
)
def test_methods_moot_has_no_record_for_answer_an_empty_document(client, method, root_tag, wrapper):
    root = parse(client.get(f"/mgWebService.asmx/{method}"))
    assert root.tag == root_tag
    assert root.find(wrapper) is not None and len(root.find(wrapper)) == 0
    name = method.split("?")[0]
    enveloped = parse(soap(client, name))
    assert enveloped.find(f".//{{{SERVICE}}}{name}Result/{root_tag}") is not None


def test_linked_documents_point_at_what_clients_can_store(client):
    """Every link answers (a paper published as a PDF links to the PDF itself: see
    test_a_linked_pdf_is_served_as_the_pdf_clients_store)."""
    pr = pr_meeting()
    root = parse(client.get("/mgWebService.asmx/GetMeeting", {"lMeetingId": pr.pk}))
    urls = [
        d.findtext("url") for d in root.iter("linkeddoc") if d.findtext("isrestricted") == "False"
    ]
    assert urls
    for url in urls:
        assert url.startswith(f"http://testserver/meetings/{pr.pk}/{pr.slug}/papers/")
        response = client.get(url.removeprefix("http://testserver"))
        assert response.status_code == 200, url
        if url.endswith("/pdf/"):
            assert response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("query", ["WSDL", "wsdl"])
def test_wsdl_describes_every_method_served(client, settings, query):
    settings.MOOT_SITE_URL = "https://democracy.example.gov.uk"
    response = client.get(f"/mgWebService.asmx?{query}")
    root = parse(response)
    wsdl = "{http://schemas.xmlsoap.org/wsdl/}"
    assert root.tag == f"{wsdl}definitions"
    names = {m.name for m in METHODS.values()}
    assert {op.get("name") for op in root.iter(f"{wsdl}operation")} == names
    address = root.find(".//{http://schemas.xmlsoap.org/wsdl/soap/}address")
    assert address.get("location") == "https://democracy.example.gov.uk/mgWebService.asmx"


def test_zeep_loads_the_wsdl_and_calls_the_service(client, settings, tmp_path):
    settings.MOOT_SITE_URL = "http://testserver"
    path = tmp_path / "service.wsdl"
    path.write_bytes(client.get("/mgWebService.asmx?WSDL").content)
    loaded = zeep.Client(str(path))
    operations = loaded.service._binding._operations
    assert set(operations) == {m.name for m in METHODS.values()}
    message = loaded.create_message(
        loaded.service, "GetMeetings", lCommitteeId="0", sFromDate="0", sToDate="0"
    )
    envelope = etree.tostring(message)
    response = client.post(
        "/mgWebService.asmx",
        envelope,
        content_type="text/xml",
        HTTP_SOAPACTION=f'"{SERVICE}/GetMeetings"',
    )
    assert meeting_ids(parse(response)) == meeting_ids(parse(client.get(ALL_MEETINGS)))
    # zeep reads the answer by the WSDL's description of it: the bare document in the result.
    reply = SimpleNamespace(
        status_code=response.status_code,
        content=response.content,
        headers={"Content-Type": response["Content-Type"]},
        encoding="utf-8",
    )
    result = loaded.service._binding.process_reply(loaded, operations["GetMeetings"], reply)
    (document,) = result
    assert document.tag == "getmeetings"
    assert len(document.findall("committee/committeemeetings/meeting")) == len(
        meeting_ids(parse(response))
    )


def test_a_linked_pdf_is_served_as_the_pdf_clients_store(client):
    pr = pr_meeting()
    doc = Document.objects.get(title="Contract Management", classification="unrestricted")
    papers.publish_version(
        papers.add_version(
            doc, upload=paper_testing.pdf(2, "Contracts"), filename="cm.pdf", actor=TEST_ACTOR
        ),
        actor=TEST_ACTOR,
    )
    for method, params in [
        ("GetMeeting", {"lMeetingId": pr.pk}),
        ("GetAttachment", {"lAttachmentId": doc.pk}),
    ]:
        root = parse(client.get(f"/mgWebService.asmx/{method}", params))
        url = next(
            d.findtext("url") for d in root.iter() if d.findtext("attachmentid") == str(doc.pk)
        )
        served = client.get(url.removeprefix("http://testserver"))
        assert served.status_code == 200
        assert served["Content-Type"] == "application/pdf"
        assert (
            b"".join(served.streaming_content if served.streaming else [served.content])[:5]
            == b"%PDF-"
        )
