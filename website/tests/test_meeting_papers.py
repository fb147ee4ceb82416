"""The meeting page lists each item's papers and the agenda packs; restricted papers appear
only as notices."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from audit.testing import TEST_ACTOR
from papers import services
from papers.models import PackKind

from .helpers import text
from .papers_setup import document, item, pack, paper_url

pytestmark = pytest.mark.django_db


def section(page: str, start: str, end: str) -> str:
    """The text of the agenda from item ``start`` up to item ``end``."""
    return page[page.index(start) : page.index(end, page.index(start))]


def test_items_list_their_papers_with_links(client, papers):
    m = papers.meeting
    content = client.get(m.get_absolute_url()).content.decode()
    page = text(client.get(m.get_absolute_url()))
    item8 = section(page, "8 Contract Management", "9 Corporate Assurance")
    assert "Contract Management Report" in item8
    assert "Appendix A: Contract register" in item8
    assert "Appendix B: restricted (paragraph 3)" in item8
    assert f'href="{paper_url(m, papers.report)}"' in content
    assert f'href="{paper_url(m, papers.appendix)}"' in content
    # Written papers have no PDF of their own (the agenda pack has them).
    assert f'href="{paper_url(m, papers.report, "pdf/")}"' not in content


def test_uploaded_pdf_has_a_download_link_with_size_and_pages(client, papers):
    m = papers.meeting
    response = client.get(m.get_absolute_url())
    item7 = section(text(response), "7 Financial Monitoring", "8 Contract Management")
    assert "Financial Monitoring Report" in item7
    assert re.search(
        r"Download the PDF of Financial Monitoring Report \(PDF, \d+ KB, 3 pages\)", item7
    )
    assert f'href="{paper_url(m, papers.pdf, "pdf/")}"' in response.content.decode()


def test_restricted_papers_are_notices_without_titles(client, papers):
    page = text(client.get(papers.meeting.get_absolute_url()))
    item11 = section(page, "11 Customer Feedback Policy", "12 Senior Information")
    assert "Restricted document (confidential information)" in item11
    item14 = page[page.index("14 Company Governance") :]
    assert "Restricted document (exempt under paragraph 3 of Part 1 of Schedule 12A)" in item14
    # The exempt report's appendix goes with it: not even a notice.
    assert "Appendix 1" not in item14


def test_papers_without_content_are_not_listed(client, papers):
    empty = document("Draft not yet written")
    services.attach(item(papers.meeting, "Work Programme 2017/18"), empty, actor=TEST_ACTOR)
    assert "Draft not yet written" not in text(client.get(papers.meeting.get_absolute_url()))


def test_latest_built_public_packs_are_offered(client, papers):
    m = papers.meeting
    earlier = timezone.now() - dt.timedelta(days=2)
    pack(m, pages=4, when=earlier)
    latest = pack(m, pages=6)
    pack(m, pages=8, built=False)  # a rebuild in progress is not offered yet
    supplement = pack(m, supplement=1, pages=2)
    members = pack(m, kind=PackKind.MEMBERS, pages=10)
    response = client.get(m.get_absolute_url())
    page = text(response)
    kb = round(latest.size / 1024)
    assert f"Agenda reports pack (PDF, {kb} KB, 6 pages)" in page
    assert f"Supplementary agenda 1 (PDF, {round(supplement.size / 1024)} KB, 2 pages)" in page
    assert "4 pages" not in page and "8 pages" not in page and "10 pages" not in page
    content = response.content.decode()
    assert f'href="/meetings/{m.pk}/{m.slug}/agenda-reports-pack.pdf"' in content
    assert f'href="/meetings/{m.pk}/{m.slug}/supplementary-agenda-1.pdf"' in content
    assert members.file.name.rsplit("/", 1)[-1] not in content
    assert "/media/" not in content  # packs are served through views, never MEDIA_URL


def test_no_pack_no_placeholder(client, papers):
    m = papers.meeting
    pack(m, kind=PackKind.MEMBERS)
    page = text(client.get(m.get_absolute_url()))
    assert "Agenda reports pack" not in page and "Supplementary agenda" not in page
    assert "coming soon" not in page.lower() and "not yet available" not in page.lower()
