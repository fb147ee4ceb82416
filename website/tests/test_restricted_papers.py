"""Restricted papers never reach the public site: every address of one is a plain 404 (not a
403, and no redirect, either of which would confirm it exists), and the canary planted in
their titles and text appears on no page."""

import pytest

from papers.models import Classification, Document, ItemPaper

from .helpers import text
from .papers_setup import CANARY, paper_url

pytestmark = pytest.mark.django_db


def restricted_urls(papers) -> list[str]:
    """Every address form of every restricted document, on its meeting and on the short form."""
    m = papers.meeting
    urls = []
    for doc in Document.objects.filter(title__contains=CANARY):
        urls += [
            paper_url(m, doc),
            paper_url(m, doc, "pdf/"),
            f"/meetings/{m.pk}/papers/{doc.pk}/",
            f"/meetings/{m.pk}/old-slug/papers/{doc.pk}/",
            f"/meetings/{m.pk}/old-slug/papers/{doc.pk}/pdf/",
        ]
    return urls


def assert_no_canary(response, url):
    assert CANARY not in response.content.decode(), url
    for name, value in response.items():
        assert CANARY not in value, (url, name)


def test_every_restricted_document_address_is_a_plain_404(client, papers):
    assert len(papers.restricted) == Document.objects.filter(title__contains=CANARY).count()
    for url in restricted_urls(papers):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Page not found" in text(response)
        assert_no_canary(response, url)


def test_every_restricted_document_in_the_record_is_a_404(client, papers):
    """Not only ours: any restricted paper attached anywhere, the demo's included."""
    links = ItemPaper.objects.select_related("item__meeting__body", "document")
    checked = 0
    for link in links:
        m = link.item.meeting
        docs = [link.document, *link.document.appendices.all()]
        for doc in docs:
            restricted = doc.is_restricted or link.document.is_restricted
            if not restricted:
                continue
            for url in (paper_url(m, doc), paper_url(m, doc, "pdf/")):
                response = client.get(url)
                assert response.status_code == 404, url
                assert doc.title not in response.content.decode(), url
                checked += 1
    assert checked >= 2 * len(papers.restricted)


def test_the_canary_is_on_no_public_page(client, papers):
    m = papers.meeting
    urls = [
        "/",
        "/sitemap.xml",
        m.get_absolute_url(),
        "/calendar/2017/09/",
        m.body.get_absolute_url(),
        "/meetings/999999/",
        "/no-such-page/",
        *(paper_url(m, d) for d in papers.public),
        paper_url(m, papers.pdf, "pdf/"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert CANARY.encode() not in body, url


def test_sitemap_lists_public_papers_only(client, papers):
    xml = client.get("/sitemap.xml").content.decode()
    for doc in papers.public:
        assert f"<loc>http://testserver{paper_url(papers.meeting, doc)}</loc>" in xml
    for doc in papers.restricted:
        assert f"/papers/{doc.pk}/" not in xml


def test_home_page_lists_recent_public_papers(client, papers):
    response = client.get("/")
    page = text(response)
    assert "Recently published papers" in page
    content = response.content.decode()
    for doc in (papers.report, papers.pdf):
        assert f'href="{paper_url(papers.meeting, doc)}"' in content
    assert CANARY not in content


def test_a_paper_restricted_later_disappears(client, papers):
    """Classification is read on every request: withdrawing a paper withdraws its page, its
    file and its listing at once."""
    m = papers.meeting
    url = paper_url(m, papers.pdf)
    assert client.get(url).status_code == 200
    Document.objects.filter(pk=papers.pdf.pk).update(
        classification=Classification.EXEMPT, exempt_paragraph=1
    )
    assert client.get(url).status_code == 404
    assert client.get(paper_url(m, papers.pdf, "pdf/")).status_code == 404
    page = text(client.get(m.get_absolute_url()))
    assert "Financial Monitoring Report" not in page
    assert "Restricted document (exempt under paragraph 1 of Part 1 of Schedule 12A)" in page
    assert "Financial Monitoring Report" not in text(client.get("/"))
