"""Helpers for the web service's tests: fetch a method, parse its document."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REFERENCE = Path("/work/shared/reference/moderngov")


def shape(element: ET.Element, prefix: str = "") -> set[str]:
    """Every element path of a document ("meeting/agendaitems/agendaitem/title"), and each
    element's attribute names ("meeting/attendees/attendee@ward")."""
    path = f"{prefix}/{element.tag}" if prefix else element.tag
    found = {path} | {f"{path}@{name}" for name in element.attrib}
    for child in element:
        found |= shape(child, path)
    return found


def reference(name: str) -> ET.Element:
    return ET.parse(REFERENCE / name).getroot()


@pytest.fixture
def call(client):
    """``call("GetMeeting", lMeetingId=12)`` → (response, parsed root). Asserts the answer is
    a well-formed XML document, whatever its status."""

    def fetch(method: str, status: int = 200, **params):
        response = client.get(f"/mgWebService.asmx/{method}", params)
        assert response.status_code == status, response.content[:500]
        assert response["Content-Type"] == "text/xml; charset=utf-8"
        assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
        return response, ET.fromstring(response.content)

    return fetch
