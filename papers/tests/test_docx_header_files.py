"""Word files that are damaged, hostile or built in Word's less common ways, and any header
at all: the reader refuses in plain words, reads what Word shows, and never takes the body
for the header (papers/docx_header.py)."""

import io
import zipfile

import docx
import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from papers import testing as made
from papers.docx_header import body_without_header, read_header, strip_header


def _zip(**parts: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in parts.items():
            z.writestr(name.replace("__", "/"), data)
    return out.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7 not a Word document",
        b"PK\x03\x04 truncated",
        _zip(other__file=b"x"),
        _zip(word__document=b"<not xml"),
        _zip(**{"word__document.xml": b"<w:document xmlns:w='x'/>"}),
    ],
    ids=["pdf", "truncated", "no-document", "not-xml", "no-body"],
)
def test_a_broken_docx_is_refused_in_plain_words(data):
    with pytest.raises(ValidationError) as refused:
        read_header(data, "Report.docx")
    assert refused.value.messages == [
        "Report.docx: is not a Word (.docx) document that could be read."
    ]


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError, match="Report.docx: is empty"):
        read_header(b"", "Report.docx")


def test_an_entity_in_the_document_is_not_expanded():
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>Subject: &x;</w:t></w:r></w:p>"
        b"<w:p><w:r><w:t>To: Cabinet</w:t></w:r></w:p></w:body></w:document>"
    )
    h = read_header(_zip(**{"word__document.xml": xml}))
    assert "root:" not in h.subject


def test_tracked_deletions_are_not_read_and_line_breaks_part_the_signers():
    xml = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>By: Gary Cooke, Cabinet Member</w:t><w:br/>"
        "<w:t>John Lynch, Head of Democratic Services</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Subject: </w:t></w:r><w:del><w:r><w:delText>Old title</w:delText>"
        "</w:r></w:del><w:ins><w:r><w:t>New title</w:t></w:r></w:ins></w:p>"
        "<w:p><w:r><w:t>The report.</w:t></w:r></w:p></w:body></w:document>"
    )
    h = read_header(_zip(**{"word__document.xml": xml.encode()}))
    assert h.subject == "New title"
    assert [s.name for s in h.signers] == ["Gary Cooke", "John Lynch"]


def test_a_header_in_a_content_control_is_read_and_left_out():
    xml = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:sdt><w:sdtPr/><w:sdtContent>"
        "<w:p><w:r><w:t>Subject: Budget</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>To: Cabinet</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
        "<w:p><w:r><w:t>The budget for 2018.</w:t></w:r></w:p></w:body></w:document>"
    )
    data = _zip(**{"word__document.xml": xml.encode()})
    assert (read_header(data).subject, read_header(data).to) == ("Budget", "Cabinet")
    assert body_without_header(data) == "<p>The budget for 2018.</p>"


LINES = st.sampled_from(
    [
        "By: Gary Cooke, Cabinet Member",
        "John Lynch – Head of Democratic Services",
        "To: County Council – 10 December 2015",
        "Date: tbc",
        "Subject: Budget",
        "Classification: Exempt",
        "Summary:",
        "This report sets the budget.",
        "RECOMMENDATIONS",
        ("List Number", "NOTE the report;"),
        "(1) AGREE the terms.",
        "Appendices: Appendix A",
        "",
        "FOR DECISION",
        "Electoral Division: All",
        "Background documents: None",
        "Report Author: Bea Testauthor",
        "03000 416749",
    ]
)


@settings(max_examples=40, deadline=None)
@given(st.lists(LINES, max_size=14))
def test_whatever_the_header_says_the_body_after_a_heading_is_kept(lines):
    data = made.word_document(*lines, ("Heading 1", "Introduction"), "The body of the report.")
    header = read_header(data)
    assert isinstance(header.warnings, list)
    try:
        stripped = strip_header(data)
    except ValidationError:  # nothing after the header: impossible, the body follows it
        raise AssertionError("the body was taken for the header") from None
    kept = [p.text for p in docx.Document(io.BytesIO(stripped)).paragraphs]
    assert kept[-2:] == ["Introduction", "The body of the report."]
