"""Reading the header of a Word report made from the council's template (papers/docx_header.py),
in both of the seeds' forms, and converting the body without it."""

import datetime as dt
import io

import docx
import pytest
from django.core.exceptions import ValidationError

from papers import testing as made
from papers.docx_header import body_without_header, read_header, strip_header
from papers.header_values import Contact, Signer, Step

BODY = [
    ("Heading 1", "1. Introduction"),
    "1.1 Following discussion with Cabinet Members, KCC has approved a new approach.",
]

# The seeds' paragraph form (kcc-2017-09-15, the Policy Framework report), with a tab after
# one label, a non-breaking space after another, and the value of "Summary" below its label.
PARAGRAPHS = [
    "From:\tEric Hotson, Cabinet Member for Corporate and Democratic Services",
    "David Cockburn, Corporate Director Strategic and Corporate Services",
    "",
    "To:\u00a0Policy and Resources Cabinet Committee, 15th September 2017",
    "Subject: Policy Framework – Strategies and policies for close down",
    "Classification Unrestricted",
    "Past Pathway of Paper: CMM – 9 November 2015; Cabinet – 30 November 2015",
    "Future Pathway: Policy and Resources Cabinet Committee – regular updates TBC",
    "Electoral Division: All",
    "SUMMARY:",
    "Following approval of a new approach, strategies have been agreed for close down.",
    "",
    "Recommendation(s):",
    "Policy and Resources Cabinet Committee is asked to:",
    ("List Number", "ENDORSE the strategies and policies agreed for close down;"),
    ("List Number", "AGREE how often the Committee will receive an update."),
]


def test_the_paragraph_form_is_read_field_by_field():
    h = read_header(made.word_document(*PARAGRAPHS, *BODY))
    assert h.found and h.warnings == []
    assert h.signers == [
        Signer("Eric Hotson", "Cabinet Member for Corporate and Democratic Services"),
        Signer("David Cockburn", "Corporate Director Strategic and Corporate Services"),
    ]
    assert (h.to, h.meeting_date) == (
        "Policy and Resources Cabinet Committee",
        dt.date(2017, 9, 15),
    )
    assert h.subject == "Policy Framework – Strategies and policies for close down"
    assert (h.classification, h.exempt_paragraph) == ("unrestricted", None)
    assert h.past_pathway == [
        Step("CMM", dt.date(2015, 11, 9)),
        Step("Cabinet", dt.date(2015, 11, 30)),
    ]
    assert h.future_pathway == [
        Step("Policy and Resources Cabinet Committee", None, "regular updates TBC")
    ]
    assert (h.all_divisions, h.divisions) == (True, [])
    assert (
        h.summary
        == "Following approval of a new approach, strategies have been agreed for close down."
    )
    assert h.recommendations == [
        "ENDORSE the strategies and policies agreed for close down;",
        "AGREE how often the Committee will receive an update.",
    ]
    assert h.recommendations_intro == "Policy and Resources Cabinet Committee is asked to:"
    assert h.labels[:3] == ["From", "To", "Subject"]


def test_the_body_is_converted_without_the_header():
    html = body_without_header(made.word_document(*PARAGRAPHS, *BODY), "Report.docx")
    assert html == (
        "<h2>1. Introduction</h2><p>1.1 Following discussion with Cabinet Members, KCC has "
        "approved a new approach.</p>"
    )


TABLE = [
    (
        "By:",
        [
            "Gary Cooke, Cabinet Member for Corporate and Democratic Services",
            "John Lynch – Head of Democratic Services",
        ],
    ),
    ("To", "Selection and Member Services Committee – 1 March 2017"),
    ("Date:", "Wednesday 22/02/2017"),
    ("Subject:", "Company governance"),
    ("Decision No:", "17/00081"),
    (
        "CLASSIFICATION",
        "Exempt – paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972",
    ),
    ("Key decision:", "Yes"),
    ("Electoral Division(s):", "Ashford Central; Ashford East"),
    (
        "RECOMMENDATIONS",
        ["The Committee is asked to:", "(a) NOTE the report;", "(b) AGREE the terms."],
    ),
    ("Background documents", "None"),
    (
        "Report Author:",
        [
            "Richard Fitzgerald",
            "Business Intelligence Manager - Performance",
            "03000 416091",
            "Richard.Fitzgerald@kent.gov.uk",
        ],
    ),
    ("Relevant Director", "Vincent Godfrey, Director of Strategic Commissioning"),
]


def test_the_table_form_with_an_exempt_classification_is_read():
    data = made.word_document(
        "KENT COUNTY COUNCIL", TABLE, "", "Introduction", "The company was set up in 2015."
    )
    h = read_header(data)
    assert h.warnings == []
    assert [s.name for s in h.signers] == ["Gary Cooke", "John Lynch"]
    assert h.signers[1].capacity == "Head of Democratic Services"
    assert (h.to, h.meeting_date, h.date) == (
        "Selection and Member Services Committee",
        dt.date(2017, 3, 1),
        dt.date(2017, 2, 22),
    )
    assert (h.classification, h.exempt_paragraph) == ("exempt", 3)
    assert (h.key_decision, h.decision_number) == (True, "17/00081")
    assert h.divisions == ["Ashford Central", "Ashford East"]
    assert h.recommendations == ["NOTE the report;", "AGREE the terms."]
    assert (h.no_background_documents, h.background_documents) == (True, "")
    assert h.author == Contact(
        "Richard Fitzgerald",
        "Business Intelligence Manager - Performance",
        "03000 416091",
        "Richard.Fitzgerald@kent.gov.uk",
    )
    assert h.director == Contact("Vincent Godfrey", "Director of Strategic Commissioning")
    # The preamble above the table and the body after it are kept; the table is not.
    assert body_without_header(data) == (
        "<p>KENT COUNTY COUNCIL</p><p>Introduction</p><p>The company was set up in 2015.</p>"
    )


def _one_column(*cells: list[str]) -> bytes:
    """A one-column table, each cell's paragraphs given, then the body."""
    document = docx.Document()
    table = document.add_table(rows=len(cells), cols=1)
    for row, paragraphs in zip(table.rows, cells, strict=True):
        row.cells[0].text = paragraphs[0]
        for text in paragraphs[1:]:
            row.cells[0].add_paragraph(text)
    for part in BODY:
        document.add_paragraph(part[1] if isinstance(part, tuple) else part)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_label_cell_with_its_value_on_the_following_paragraph():
    data = _one_column(
        ["Subject:", "Dependents' Carers' Allowance"],
        ["Classification:", "Exempt", "Paragraph 3 of Part 1 of Schedule 12A"],
        ["Summary"],
        ["A minor amendment to the Members' Allowance Scheme."],
    )
    h = read_header(data)
    assert h.subject == "Dependents' Carers' Allowance"
    assert (h.classification, h.exempt_paragraph) == ("exempt", 3)
    assert h.summary == "A minor amendment to the Members' Allowance Scheme."
    assert h.warnings == []
    assert body_without_header(data).startswith("<p>1. Introduction</p>")


def test_labels_it_cannot_read_are_warnings_not_errors():
    data = made.word_document(
        "By: Gary Cooke, Cabinet Member",
        "Date: tbc",
        "Classification: Exempt",
        "Key decision: perhaps",
        "Summary:",
        *BODY,
    )
    h = read_header(data)
    assert h.found and h.date is None and h.classification == "exempt"
    assert h.exempt_paragraph is None and h.key_decision is None
    assert h.warnings == [
        "Date: “tbc” is not a date that could be read.",
        "Classification: “Exempt” says exempt but names no paragraph of Schedule 12A (1 to 7); "
        "choose the paragraph.",
        "Key decision: “perhaps” is neither yes nor no.",
        "Summary: the label is there but no value follows it.",
    ]


def test_an_unrestricted_report_with_an_exempt_appendix_says_so():
    h = read_header(
        made.word_document(
            "Subject: Disposal of land",
            "Classification: Unrestricted – Appendix B is exempt under paragraph 3",
            *BODY,
        )
    )
    assert h.classification == "unrestricted"
    assert "Classify each exempt appendix on its own" in h.warnings[0]


def test_a_document_without_a_header_reads_nothing_and_converts_whole():
    data = made.word_document(
        "To consider and approve the minutes.", "By entering the room you consent.", *BODY
    )
    h = read_header(data)
    assert not h.found and h.labels == [] and h.warnings == []
    assert strip_header(data) is data
    assert body_without_header(data).startswith("<p>To consider and approve the minutes.</p>")


def test_one_label_alone_is_not_a_header():
    data = made.word_document("Summary: The workshop dates.", "Date: tbc", *BODY)
    # Two labels make a header; "Date: tbc" here is the second, so it is one.
    assert read_header(data).found
    lone = made.word_document("Summary: The workshop dates.", *BODY)
    assert not read_header(lone).found
    assert "The workshop dates." in body_without_header(lone)


def test_a_header_far_down_the_document_is_not_the_header():
    data = made.word_document(*[f"Opening paragraph {n}." for n in range(6)], *PARAGRAPHS)
    assert not read_header(data).found


def test_the_body_starts_at_a_plain_section_title_after_the_summary():
    data = made.word_document(
        "Subject: Dependents' Carers' Allowance",
        "To: County Council – 10 December 2015",
        "Summary: A minor amendment to the Members' Allowance Scheme.",
        "It will permit a Member to join the Childcare Voucher Scheme.",
        "Introduction",
        "The Scheme was last changed in 2014.",
    )
    h = read_header(data)
    assert h.summary == (
        "A minor amendment to the Members' Allowance Scheme.\n\n"
        "It will permit a Member to join the Childcare Voucher Scheme."
    )
    assert body_without_header(data) == (
        "<p>Introduction</p><p>The Scheme was last changed in 2014.</p>"
    )


def test_a_single_recommendation_and_typed_numbers_after_it_are_the_body():
    data = made.word_document(
        "Subject: Performance Dashboard",
        "Recommendation(s): The Committee is asked to NOTE the report.",
        "1. Introduction",
        "1.1 Part of the role of Cabinet Committees is to review performance.",
    )
    h = read_header(data)
    assert h.recommendations == ["The Committee is asked to NOTE the report."]
    assert body_without_header(data).startswith("<p>1. Introduction</p>")


def test_an_unknown_field_between_known_ones_is_left_out_with_a_warning():
    data = made.word_document(
        "Subject: Customer Feedback Policy",
        "Appendices: Appendix A – Revised Policy",
        "Classification: Unrestricted",
        *BODY,
    )
    h = read_header(data)
    assert h.classification == "unrestricted"
    assert h.warnings == [
        "“Appendices: Appendix A – Revised Policy” in the header is not a field of the report; "
        "it was left out of the body. Add it to the text if it is needed."
    ]
    assert "Appendices" not in body_without_header(data)


def test_a_document_that_is_only_a_header_is_refused_in_plain_words():
    with pytest.raises(ValidationError, match="has nothing after its header"):
        body_without_header(made.word_document(*PARAGRAPHS), "Report.docx")


CLOSING = [
    ("Heading 1", "4. Background Documents"),
    "The Strategic and Corporate Services Directorate Business Plan",
    "",
    "http://www.kent.gov.uk/about-the-council/strategies-and-policies",
    ("Heading 1", "5. Contact details"),
    "Report Author: Richard Fitzgerald",
    "Business Intelligence Manager - Performance",
    "03000 416091",
    "Richard.Fitzgerald@kent.gov.uk",
    "",
    "Relevant Director: Vincent Godfrey",
    "Director of Strategic Commissioning",
    "",
]


def test_the_closing_sections_are_read_and_left_out_when_they_end_the_report():
    data = made.word_document(*PARAGRAPHS, *BODY, *CLOSING)
    h = read_header(data)
    assert h.background_documents == (
        "The Strategic and Corporate Services Directorate Business Plan\n"
        "http://www.kent.gov.uk/about-the-council/strategies-and-policies"
    )
    assert h.author.name == "Richard Fitzgerald" and h.author.telephone == "03000 416091"
    assert h.director == Contact("Vincent Godfrey", "Director of Strategic Commissioning")
    html = body_without_header(data)
    assert html.endswith("approved a new approach.</p>")
    assert "Background" not in html and "Fitzgerald" not in html


def test_closing_sections_followed_by_more_of_the_report_are_kept():
    data = made.word_document(*PARAGRAPHS, *BODY, *CLOSING, ("Heading 1", "Appendix 1"), "Text.")
    h = read_header(data)
    assert h.author is None and h.background_documents == ""
    html = body_without_header(data)
    assert "Background Documents" in html and "Richard.Fitzgerald@kent.gov.uk" in html
    assert "Subject" not in html  # the header itself is still left out
