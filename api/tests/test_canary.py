"""Exempt information never reaches the API: the canary planted in exempt agenda text, exempt
papers and exempt proceedings is absent from every endpoint, every page of every list, the
Popolo file and the export archive, fetched signed out; the public marker planted beside it
is present (the crawl does reach proceedings)."""

import json

import pytest

from proceedings.models import Minute, Motion
from summons.testing import CANARY

from .crawl import crawl
from .planting import MARKER, plant_everything

pytestmark = pytest.mark.django_db


@pytest.fixture
def planted(settings, tmp_path):
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path
    return plant_everything()


def test_canary_absent_from_everything_the_api_serves(client, planted):
    papers, proceedings = planted
    pages = crawl(client)
    assert len(pages) > 300  # the demo council: every record of every resource
    leaks = [url for url, body in pages.items() if CANARY.encode() in body]
    assert leaks == []
    # Positive control: the public proceedings beside the canary are served, by the lists,
    # the details, the Popolo file and the archive.
    carrying = {
        url.split("?")[0].rstrip("/").rsplit("/", 1)[0]
        for url, body in pages.items()
        if MARKER.encode() in body
    }
    assert {"/api/minutes", "/api/motions", "/api/decisions"} <= carrying
    assert any(
        url.startswith("/api/export.zip:") for url, body in pages.items() if MARKER.encode() in body
    )
    assert MARKER.encode() in pages["/api/popolo.json"]
    # The canary is really there, in the record.
    assert Minute.objects.filter(text__contains=CANARY).count() == 2
    assert Motion.objects.filter(text__contains=CANARY).exists()


def test_exempt_records_are_not_served_by_id(client, planted):
    papers, proceedings = planted
    for url in (
        f"/api/documents/{papers.exempt_doc.pk}/",
        f"/api/documents/{papers.public_doc.appendices.get().pk}/",
        f"/api/minutes/{proceedings.exempt_minute.pk}/",
        f"/api/minutes/{proceedings.exempt_item_minute.pk}/",
        f"/api/motions/{proceedings.exempt_motion.pk}/",
        f"/api/votes/{proceedings.exempt_vote.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/json"
        assert CANARY not in response.content.decode()
    assert client.get(f"/api/minutes/{proceedings.public_minute.pk}/").status_code == 200


def test_item_14_of_policy_and_resources_15_september_2017_is_restricted(client, planted):
    papers, _ = planted
    item = papers.exempt_item
    assert item.number == "14"
    data = client.get(f"/api/agenda_items/{item.pk}/").json()
    assert data["exempt"] is True
    assert data["exempt_paragraph"] == item.exempt_paragraph
    assert data["title"] == item.title  # the title is on the public agenda
    assert data["purpose"] is None and data["motion_text"] is None
    assert data["mover"] is None and data["seconder"] is None
    # Its exempt report is listed only as a stub: no id, no address, no title.
    assert len(data["documents"]) == 2  # the demo's exempt paper and the planted one
    assert data["documents"][-1] == {
        "id": None,
        "url": None,
        "html_url": None,
        "title": "Restricted",
        "restricted": True,
        "exempt_paragraph": 3,
    }
    assert all(d["title"] == "Restricted" and d["id"] is None for d in data["documents"])
    assert CANARY not in json.dumps(data)


def test_public_report_lists_its_exempt_appendix_as_a_stub(client, planted):
    papers, _ = planted
    data = client.get(f"/api/documents/{papers.public_doc.pk}/").json()
    assert data["title"] == "Contract Management Report"
    assert data["appendices"] == [
        {
            "id": None,
            "url": None,
            "html_url": None,
            "title": "Restricted",
            "restricted": True,
            "exempt_paragraph": 3,
        }
    ]
    place = data["meetings"][0]
    assert place["meeting"]["id"] == papers.meeting.pk
    assert place["html_url"].endswith(f"/papers/{papers.public_doc.pk}/")
    assert client.get(place["html_url"]).status_code == 200
