"""Pictures in Word papers survive conversion, or are named where they stood
(papers/docx_pictures.py)."""

import io
import re
import zipfile

from papers import testing as made
from papers.convert import docx_to_html, written_html


def test_a_picture_is_kept_inline_with_its_description():
    html = docx_to_html(made.docx_with_pictures(), "Report.docx").html
    assert re.search(r'<img alt="Map of the county" src="data:image/png;base64,[^"]+">', html)


def test_what_cannot_be_shown_is_named_in_its_place():
    html = docx_to_html(made.docx_with_pictures("Opening words."), "Report.docx").html
    order = [
        html.index(s)
        for s in (
            "Opening words.",
            "Map of the county",
            "This image (“Organisation chart”) is in the original",
            "This chart (“Spend by year”) is in the original",
            "End of the report.",
        )
    ]
    assert order == sorted(order)
    assert html.count('<span class="moot-missing">') == 2
    assert "MOOTMISSING" not in html and "image/x-emf" not in html


def test_a_picture_without_a_description_says_so():
    src = zipfile.ZipFile(io.BytesIO(made.docx_with_pictures()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            part = src.read(info.filename)
            if info.filename == "word/document.xml":
                part = part.replace(b'descr="Map of the county"', b'descr=""')
            z.writestr(info, part)
    html = docx_to_html(out.getvalue(), "Report.docx").html
    assert 'alt="An image from the paper (it has no description)"' in html


def test_a_document_without_pictures_converts_as_before():
    data = made.docx([("Heading1", "Purpose"), ("", "Plain text.")])
    assert docx_to_html(data, "Plain.docx").html == "<h2>Purpose</h2><p>Plain text.</p>"


def test_written_html_cannot_bring_other_classes():
    html = written_html(
        '<p><span class="govuk-button">Click</span><span class="moot-missing">x</span></p>'
    ).html
    assert 'class="govuk-button"' not in html
