import datetime as dt

import pytest

from website.templatetags.moot import file_size, meeting_time, paragraphs, pdf_facts, sanitise


@pytest.mark.parametrize(
    "value, expected",
    [
        (dt.time(10, 0), "10.00 am"),
        (dt.time(14, 30), "2.30 pm"),
        (dt.time(12, 0), "12.00 pm"),
        (dt.time(0, 5), "12.05 am"),
        (dt.time(9, 30), "9.30 am"),
        (None, ""),
    ],
)
def test_meeting_time_is_the_seeds_style(value, expected):
    assert meeting_time(value) == expected


def test_paragraphs_are_cited_as_in_the_exclusion_motion():
    assert paragraphs([3]) == "paragraph 3"
    assert paragraphs([1, 3]) == "paragraphs 1 and 3"
    assert paragraphs([1, 2, 3]) == "paragraphs 1, 2 and 3"


def test_sanitise_keeps_formatting_and_drops_scripts():
    cleaned = sanitise(
        '<p onclick="x()">To be <strong>responsible</strong></p><script>alert(1)</script>'
    )
    assert cleaned == "<p>To be <strong>responsible</strong></p>"


@pytest.mark.parametrize(
    "size, expected",
    [
        (None, ""),
        (1, "1 byte"),
        (850, "850 bytes"),
        (1024, "1 KB"),
        (250_000, "244 KB"),
        (1_258_291, "1.2 MB"),
    ],
)
def test_file_size_as_gov_uk_attachments_give_it(size, expected):
    assert file_size(size) == expected


def test_pdf_facts_for_a_pack():
    from papers.models import AgendaPack

    assert pdf_facts(AgendaPack(size=1_258_291, page_count=170)) == "PDF, 1.2 MB, 170 pages"
    assert pdf_facts(AgendaPack(size=None, page_count=1)) == "PDF, 1 page"
