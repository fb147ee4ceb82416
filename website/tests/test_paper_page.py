"""A paper's page: the same content as the printed paper, as accessible HTML."""

import re

import pytest

from audit.testing import TEST_ACTOR
from papers import services
from papers.models import Document

from .helpers import text, words
from .papers_setup import other_meeting, paper_url

pytestmark = pytest.mark.django_db


def test_report_page_shows_header_body_and_contacts(client, papers):
    response = client.get(paper_url(papers.meeting, papers.report))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<h1") == 1
    assert "{#" not in content and "{%" not in content  # no template syntax leaks through
    assert re.search(r"<h1[^>]*>.*</span>\s*Contract Management Report</h1>", content, re.S)
    page = words(response)
    breadcrumbs = page[page.index("Home") : page.index("Report Contract Management Report")]
    assert breadcrumbs == (
        "Home Committees Policy and Resources Cabinet Committee "
        "Friday 15 September 2017 Contract Management Report "
    )
    for expected in [
        "Agenda item 8. Contract Management",
        "Version 2, published 7 September 2017",
        "By: Mr B J Sweetland, Cabinet Member for Finance",
        "To: Policy and Resources Cabinet Committee – 15 September 2017",
        "Date: 6 September 2017",
        "Subject: Contract Management Report",
        "Classification: Unrestricted",
        "Past Pathway of Paper: Corporate Management Team – 1 August 2017",
        "Key decision: Yes (17/00084)",
        "FOR DECISION",
        "Summary: This report sets out how contracts are managed.",
        "Recommendations: NOTE the progress made on contract management. ENDORSE the new "
        "contract register.",
        "The council manages 400 contracts.",
        "Supplier failure",
        "Background Documents Contract Standing Orders (2016)",
        "Report Author: Mr B J Sweetland Head of Commissioning 03000 416000 author@example.org",
        "Relevant Director: Mr B J Sweetland Corporate Director",
    ]:
        assert expected in page, expected
    assert "First draft" not in page  # only the current version
    assert "<h2>Introduction</h2>" in content and "<h3>Risks</h3>" in content


def test_report_page_links_its_appendices(client, papers):
    m = papers.meeting
    response = client.get(paper_url(m, papers.report))
    page = text(response)
    appendices = page[page.index("Appendices") : page.index("By:")]
    assert "Appendix A: Contract register" in appendices
    assert "Appendix B: restricted (paragraph 3)" in appendices
    assert f'href="{paper_url(m, papers.appendix)}"' in response.content.decode()


def test_appendix_page_names_its_report(client, papers):
    m = papers.meeting
    response = client.get(paper_url(m, papers.appendix))
    assert response.status_code == 200
    page = words(response)
    assert "Appendix A to Contract Management Report Contract register" in page
    assert "Appendix to Contract Management Report" in page
    assert f'href="{paper_url(m, papers.report)}"' in response.content.decode()
    assert "Supplier Value" in page and "Acme" in page


def test_pdf_paper_shows_its_text_in_paragraphs_and_links_the_pdf(client, papers):
    m = papers.meeting
    response = client.get(paper_url(m, papers.pdf))
    page = text(response)
    assert "This text was extracted automatically from the PDF" in page
    assert "Budget monitoring, sheet 1" in page
    content = response.content.decode()
    assert "<pre" not in content
    assert re.search(r"<p>Budget monitoring, sheet 1", content)
    assert f'href="{paper_url(m, papers.pdf, "pdf/")}"' in content
    assert re.search(
        r"Download the PDF of Financial Monitoring Report \(PDF, \d+ KB, 3 pages\)", page
    )


def test_short_and_old_addresses_redirect_to_the_canonical_one(client, papers):
    m = papers.meeting
    canonical = paper_url(m, papers.report)
    for url in (
        f"/meetings/{m.pk}/papers/{papers.report.pk}/",
        f"/meetings/{m.pk}/old-name/papers/{papers.report.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 301, url
        assert response["Location"] == canonical
    response = client.get(f"/meetings/{m.pk}/old-name/papers/{papers.pdf.pk}/pdf/")
    assert response["Location"] == paper_url(m, papers.pdf, "pdf/")


def test_a_paper_of_another_meeting_is_not_found(client, papers):
    other = other_meeting()
    for doc in papers.public:
        for url in (paper_url(other, doc), f"/meetings/{other.pk}/papers/{doc.pk}/"):
            assert client.get(url).status_code == 404, url
    assert client.get(paper_url(other, papers.pdf, "pdf/")).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/meetings/{m}/{slug}/papers/999999/",
        "/meetings/999999/papers/{doc}/",
        "/meetings/999999/anything/papers/{doc}/",
        "/meetings/{m}/{slug}/papers/999999/pdf/",
        "/meetings/{m}/papers/999999/",
        "/meetings/{m}/{slug}/papers/99999999999999999999/",
    ],
)
def test_unknown_ids_are_the_site_404(client, papers, url):
    m = papers.meeting
    response = client.get(url.format(m=m.pk, slug=m.slug, doc=papers.report.pk))
    assert response.status_code == 404
    assert "Page not found" in text(response)


def test_document_with_no_content_is_not_found(client, papers):
    from .papers_setup import item

    empty = services.save_document(Document(title="Not yet written"), actor=TEST_ACTOR)
    services.attach(item(papers.meeting, "Work Programme 2017/18"), empty, actor=TEST_ACTOR)
    assert client.get(paper_url(papers.meeting, empty)).status_code == 404


def test_paper_page_query_count_is_bounded(client, papers, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):
        assert client.get(paper_url(papers.meeting, papers.report)).status_code == 200
