"""Whatever a client sends, the service answers a well-formed document with a 200 or a 4xx:
Hypothesis sends arbitrary method names and parameter values."""

import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderngov.methods import METHODS

pytestmark = pytest.mark.django_db

NAMES = [
    "lCommitteeId",
    "sFromDate",
    "sToDate",
    "lMeetingId",
    "lWardId",
    "lUserId",
    "sShortName",
    "sOrder",
    "lAttachmentId",
    "bGlobalCalendar",
    "sDateStart",
    "sDateEnd",
]
VALUES = st.one_of(
    st.text(max_size=30),
    st.integers().map(str),
    st.dates().map(lambda d: f"{d.day:02d}/{d.month:02d}/{d.year:04d}"),
    st.sampled_from(["0", "-1", "12", "true", "False", "31/02/2026", "%FF"]),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    method=st.one_of(
        st.sampled_from([m.name for m in METHODS.values()]), st.text(min_size=1, max_size=20)
    ),
    params=st.dictionaries(st.sampled_from(NAMES), VALUES, max_size=4),
)
def test_any_request_gets_a_well_formed_answer(client, method, params):
    response = client.get(f"/mgWebService.asmx/{method.replace('/', '')}", params)
    assert response.status_code in (200, 400, 404), response.status_code
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    ET.fromstring(response.content)
