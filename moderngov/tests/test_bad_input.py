"""Bad input is answered with a well-formed document, never an HTML page or a 500: a missing
or malformed parameter is a 400 carrying the method's empty document; an unknown id is the
empty document with 200, as modern.gov answers it; an unknown method is a 404."""

import pytest

from moderngov.methods import METHODS

from .conftest import shape

pytestmark = pytest.mark.django_db

DATES = {"sFromDate": "01/01/2015", "sToDate": "31/12/2017"}

# Every method's refused requests: missing, malformed, impossible dates, invalid UTF-8.
REFUSED = {
    "GetMeetings": [
        {},
        {"lCommitteeId": "abc", **DATES},
        {"lCommitteeId": "0"},
        {"lCommitteeId": "0", "sFromDate": "31/02/2026", "sToDate": "01/03/2026"},
        {"lCommitteeId": "0", "sFromDate": "2015-01-01", "sToDate": "2017-12-31"},
        {"lCommitteeId": "%FF", **DATES},
        {"lCommitteeId": "1.5", **DATES},
    ],
    "GetAllMeetingsByDate": [
        {},
        {"lCommitteeId": "x", **DATES},
        {"lCommitteeId": "0", "sFromDate": "32/01/2015", "sToDate": "01/02/2015"},
    ],
    "GetMeeting": [
        {},
        {"lMeetingId": ""},
        {"lMeetingId": "twelve"},
        {"lMeetingId": "%FF"},
        {"lMeetingId": "1 OR 1=1"},
        {"lMeetingId": "٣"},
    ],
    "GetCouncillorsByWardId": [{}, {"lWardId": "abc"}],
    "GetCommitteesByUser": [{}, {"lUserId": "1e3"}],
    "GetMemberGroup": [{}, {"sShortName": "Labour", "sOrder": "shoe size"}],
    "GetAttachment": [{}, {"lAttachmentId": "../etc/passwd"}],
    "GetCalendarEvents": [
        {},
        {"bGlobalCalendar": "perhaps"},
        {"bGlobalCalendar": "true", "sDateStart": "31/02/2026"},
        {"bGlobalCalendar": "false", "lUserId": "me"},
    ],
    "GetWebCastMeetings": [{}, {"lCommitteeId": "all"}],
}
# Requests naming nothing that exists: the empty document, 200.
UNKNOWN = {
    "GetMeetings": {"lCommitteeId": "999999", **DATES},
    "GetAllMeetingsByDate": {"lCommitteeId": "99999999999999999", **DATES},
    "GetMeeting": {"lMeetingId": "999999"},
    "GetCouncillorsByWardId": {"lWardId": "-4"},
    "GetCommitteesByUser": {"lUserId": "999999"},
    "GetMemberGroup": {"sShortName": "<script>alert(1)</script>"},
    "GetAttachment": {"lAttachmentId": "999999"},
    "GetCalendarEvents": {"bGlobalCalendar": "false", "lUserId": "999999"},
    "GetWebCastMeetings": {"lCommitteeId": "999999"},
}


def raw(client, method, params):
    # Built by hand so "%FF" reaches the server as the invalid UTF-8 byte it encodes.
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return client.get(f"/mgWebService.asmx/{method}?{query}")


def test_every_method_has_its_bad_input_cases():
    # The methods Moot has no record for answer their empty document whatever is sent.
    unserved = {
        "GetCouncillorsByPostcode",
        "GetElectionResults",
        "GetParishCouncils",
        "GetMpOrMepsAndWards",
    }
    without_parameters = {"GetCommittees", "GetCouncillorsByWard"} | unserved
    assert set(REFUSED) == {m.name for m in METHODS.values()} - without_parameters
    assert set(UNKNOWN) == set(REFUSED)


@pytest.mark.parametrize("method,params", [(m, p) for m, cases in REFUSED.items() for p in cases])
def test_refused_parameters_are_a_400_with_the_empty_document(client, method, params):
    import xml.etree.ElementTree as ET

    response = raw(client, method, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert shape(root) == shape(METHODS[method.lower()].empty())
    assert b"<!-- The parameter " in response.content  # says which, and what it should be


@pytest.mark.parametrize("method", sorted(UNKNOWN))
def test_unknown_ids_are_the_empty_document(call, method):
    _, root = call(method, **UNKNOWN[method])
    assert root.tag == METHODS[method.lower()].empty().tag
    below = {e.tag for e in list(root.iter())[1:]}
    assert not below & {
        "meeting",
        "councillor",
        "committee",
        "calendarevent",
        "attachmentid",
        "meetingid",
        "ward",
    }


@pytest.mark.parametrize("method", ["GetCommittees", "GetCouncillorsByWard"])
def test_methods_without_parameters_ignore_junk(client, method):
    response = raw(client, method, {"x": "%FF", "lMeetingId": "abc"})
    assert response.status_code == 200


def test_unknown_methods_are_a_404_in_xml(client):
    import xml.etree.ElementTree as ET

    for path in [
        "/mgWebService.asmx/GetNothing",
        "/mgWebService.asmx/Get%FFMeeting",
        "/mgWebService.asmx/",
        "/MGWEBSERVICE.ASMX",
        "/mgWebService.asmx/GetCommittees/extra",
        "/mgWebService.asmx/Get%0AMeeting",
    ]:
        response = client.get(path)
        assert response.status_code == 404, path
        root = ET.fromstring(response.content)
        assert root.tag == "error" and "GetMeeting" in root.findtext("message")


def test_other_http_methods_are_refused_in_xml(client):
    import xml.etree.ElementTree as ET

    response = client.delete("/mgWebService.asmx/GetCommittees")
    assert response.status_code == 405 and "GET" in response["Allow"]
    assert ET.fromstring(response.content).tag == "error"


def test_method_and_parameter_names_match_in_any_case(client, call):
    from summons.testing import pr_meeting

    pr = pr_meeting()
    for path in [
        f"/mgwebservice.asmx/getmeeting?lmeetingid={pr.pk}",
        f"/MGWEBSERVICE.ASMX/GETMEETING?LMEETINGID={pr.pk}",
    ]:
        response = client.get(path)
        assert response.status_code == 200
        assert f"<meetingid>{pr.pk}</meetingid>".encode() in response.content
    posted = client.post("/mgWebService.asmx/GetMeeting", {"lMeetingId": pr.pk})
    assert posted.status_code == 200 and f"<meetingid>{pr.pk}</meetingid>".encode() in (
        posted.content
    )


def test_a_date_range_the_wrong_way_round_is_empty(call):
    _, root = call("GetMeetings", lCommitteeId=0, sFromDate="31/12/2017", sToDate="01/01/2015")
    assert root.findtext("meetingscount") == " 0" and not root.findall("committee")


def test_an_unchanged_answer_is_a_304(client):
    url = "/mgWebService.asmx/GetCommittees"
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    refused = client.get("/mgWebService.asmx/GetMeeting", headers={"If-None-Match": etag})
    assert refused.status_code == 400
