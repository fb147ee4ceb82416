"""Papers through the API with the website's own test papers (an uploaded PDF, a report with
public and exempt appendices, an exempt PDF report with an unrestricted-looking appendix, a
confidential paper): public ones are listed with download links that revalidate (ETag →
304), restricted ones never, and their canary appears nowhere."""

import pytest

from website.tests.papers_setup import CANARY, make_papers

from .crawl import crawl

pytestmark = pytest.mark.django_db


@pytest.fixture
def papers(settings, tmp_path):
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path
    return make_papers()


def test_public_papers_listed_restricted_ones_never(client, papers):
    listed = {
        d["id"]
        for d in client.get(f"/api/documents/?meeting={papers.meeting.pk}&page_size=200").json()[
            "results"
        ]
    }
    assert {d.pk for d in papers.public} <= listed
    assert not {d.pk for d in papers.restricted} & listed
    for doc in papers.restricted:
        assert client.get(f"/api/documents/{doc.pk}/").status_code == 404
    pages = crawl(client)
    assert [url for url, body in pages.items() if CANARY.encode() in body] == []


def test_pdf_download_link_revalidates(client, papers):
    data = client.get(f"/api/documents/{papers.pdf.pk}/").json()
    assert data["format"] == "pdf"
    url = data["meetings"][0]["pdf_url"]
    assert url
    first = client.get(url)
    assert first.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert first["ETag"] and first["Last-Modified"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    # A paper written in the browser has its page, and no PDF of its own.
    report = client.get(f"/api/documents/{papers.report.pk}/").json()
    assert report["meetings"][0]["pdf_url"] is None
    assert client.get(report["meetings"][0]["html_url"]).status_code == 200
    appendix_ids = {a["id"] for a in report["appendices"]}
    assert papers.appendix.pk in appendix_ids
    assert any(a["restricted"] and a["id"] is None for a in report["appendices"])


@pytest.mark.parametrize(
    "name",
    [
        "meetings",
        "agenda_items",
        "documents",
        "people",
        "memberships",
        "bodies",
        "minutes",
        "motions",
        "votes",
        "decisions",
    ],
)
def test_query_count_does_not_grow_with_the_page(client, papers, name):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size in (1, 200):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/{name}/?page_size={size}").status_code == 200
        counts.append(len(queries))
    # Batch queries skipped when the first record has nothing to load may run for the full
    # page; a query per record would add a hundred or more.
    assert counts[1] - counts[0] <= 5 and counts[1] <= 16, counts
