"""The methods over SOAP 1.1: the same documents, wrapped; faults (never a 500) for bad
requests, and no entity ever declared."""

import xml.etree.ElementTree as ET

import pytest

from summons.testing import pr_meeting

pytestmark = pytest.mark.django_db

ENV = "http://schemas.xmlsoap.org/soap/envelope/"
NS = "http://moderngov.co.uk/namespaces"


def envelope(method: str, **params) -> str:
    inner = "".join(f"<{k}>{v}</{k}>" for k, v in params.items())
    return (
        f'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="{ENV}">'
        f'<soap:Body><{method} xmlns="{NS}">{inner}</{method}></soap:Body></soap:Envelope>'
    )


def canonical(element):
    """Tags, attributes and texts in document order, indentation aside."""
    return [(e.tag, e.attrib, (e.text or "").strip()) for e in element.iter()]


def post(client, body, action=""):
    headers = {"SOAPAction": f'"{NS}/{action}"'} if action else {}
    response = client.post(
        "/mgWebService.asmx", body, content_type="text/xml; charset=utf-8", headers=headers
    )
    return response, ET.fromstring(response.content)


def test_get_meeting_over_soap_is_the_get_document(client):
    pr = pr_meeting()
    response, root = post(client, envelope("GetMeeting", lMeetingId=pr.pk), "GetMeeting")
    assert response.status_code == 200
    meeting = root.find(
        f"{{{ENV}}}Body/{{{NS}}}GetMeetingResponse/{{{NS}}}GetMeetingResult/meeting"
    )
    plain = ET.fromstring(
        client.get("/mgWebService.asmx/GetMeeting", {"lMeetingId": pr.pk}).content
    )
    assert canonical(meeting) == canonical(plain) and len(canonical(plain)) > 100


def test_parameter_and_method_names_in_any_case_and_no_action_header(client):
    response, root = post(
        client,
        envelope("getmeetings", lcommitteeid=0, SFROMDATE="01/01/2015", sToDate="31/12/2017"),
    )
    assert response.status_code == 200
    result = root.find(f"{{{ENV}}}Body/{{{NS}}}GetMeetingsResponse/{{{NS}}}GetMeetingsResult")
    assert result.find("getmeetings/meetingscount").text.strip().isdigit()


@pytest.mark.parametrize(
    "body,action",
    [
        ("not xml at all", ""),
        ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><a>&lol;</a>', ""),
        (envelope("GetNothing"), ""),
        (envelope("GetMeeting", lMeetingId="abc"), "GetMeeting"),
        (envelope("GetMeeting", lMeetingId=1), "GetCommittees"),
        (f'<soap:Envelope xmlns:soap="{ENV}"><soap:Body/></soap:Envelope>', ""),
        ("<a>" + "x" * 70000 + "</a>", ""),
        (b"<a>\xff\xfe</a>", ""),
    ],
)
def test_bad_requests_are_client_faults(client, body, action):
    response, root = post(client, body, action)
    assert response.status_code == 400
    fault = root.find(f"{{{ENV}}}Body/{{{ENV}}}Fault")
    assert fault.findtext("faultcode") == "soap:Client" and fault.findtext("faultstring")
