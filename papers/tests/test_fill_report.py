"""A report's header filled from its Word document (papers/report_header.py): what the author
filled is kept unless they ask, the classification only becomes stricter, names not in the
record are reported, and everything is audited or nothing is written."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from council.models import Body, Division
from moot import testing as t
from papers import services
from papers import testing as made
from papers.docx_header import read_header
from papers.models import Classification, Document, DocumentKind, PathwayStep, Report
from papers.report_header import EVENT, add_report_docx, fill_report

BODY = [("Heading 1", "1. Introduction"), "1.1 The Panel was set up in 2015."]


@pytest.fixture
def record(db, settings, tmp_path):
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path
    committee = t.body("Moot Test Scrutiny & Audit Committee")
    t.body("Moot Test Cabinet")
    signer = t.person("Testwright", forenames="Ada", initials="A")
    author = t.person("Testauthor", forenames="Bea", initials="B")
    north = Division.objects.create(name="Testshire North", slug="testshire-north")
    doc = services.save_document(Document(title="Panel report.docx"), actor=TEST_ACTOR)
    return committee, signer, author, north, doc


def header_docx(*extra: str, classification: str = "Unrestricted") -> bytes:
    return made.word_document(
        "By: Ada Testwright, Cabinet Member for Testing",
        "Nobody Known, Director of Nowhere",
        "To: Moot Test Scrutiny and Audit Committee – 1 March 2017",
        "Date: 22 February 2017",
        "Subject: Establishment of the Independent Panel",
        f"Classification: {classification}",
        "Key decision: Yes – 17/00081",
        "Past Pathway: Moot Test Cabinet – 30 November 2015; Corporate Management Team",
        "Electoral Division(s): Testshire North, Testshire South",
        "Summary: This report invites the Committee to establish the Panel.",
        "Recommendations:",
        ("List Number", "NOTE the report;"),
        ("List Number", "AGREE the terms of reference."),
        "Background documents: None",
        "Report Author: Bea Testauthor, Democratic Services Officer, 03000 416749",
        *extra,
        *BODY,
    )


def test_an_empty_report_is_filled_from_the_header(record):
    committee, signer, author, north, doc = record
    report = Report(document=doc)
    filled = fill_report(report, read_header(header_docx()), actor=TEST_ACTOR)
    report.refresh_from_db()
    doc.refresh_from_db()
    assert report.to_body == committee and report.date == dt.date(2017, 2, 22)
    assert (report.key_decision, report.key_decision_reference) == (True, "17/00081")
    assert report.summary == "This report invites the Committee to establish the Panel."
    assert report.no_background_documents and report.background_statement == "None"
    assert (report.author, report.author_job_title, report.author_telephone) == (
        author,
        "Democratic Services Officer",
        "03000 416749",
    )
    assert [(s.person, s.capacity) for s in report.signers.all()] == [
        (signer, "Cabinet Member for Testing")
    ]
    assert [(r.verb, r.text) for r in report.recommendations.all()] == [
        ("NOTE", "the report;"),
        ("AGREE", "the terms of reference."),
    ]
    assert [(s.body, s.description, s.date) for s in report.pathway.all()] == [
        (Body.objects.get(name="Moot Test Cabinet"), "", dt.date(2015, 11, 30)),
        (None, "Corporate Management Team", None),
    ]
    assert list(report.divisions.all()) == [north] and not report.all_divisions
    # The file's name stays the title unless the author asks for the subject.
    assert doc.title == "Panel report.docx" and "Subject" in filled.kept
    assert doc.classification == Classification.UNRESTRICTED
    assert set(filled.filled) >= {"By", "To", "Date", "Summary", "Recommendation(s)"}
    assert filled.not_read == [
        "Electoral Division(s): no division is named “Testshire South”.",
        "By: “Nobody Known” is not in the record of people; choose them or add them first.",
    ]
    events = AuditEntry.objects.filter(event=EVENT)
    assert events.filter(object_id=str(report.pk)).exists()
    assert events.count() >= 1 + 1 + 2 + 2  # the report, its signer, recommendations, steps


def test_what_the_author_filled_is_kept_unless_they_ask(record):
    committee, signer, author, north, doc = record
    report = services.save_report(
        Report(document=doc, summary="The author's own summary."), actor=TEST_ACTOR
    )
    report.recommendations.create(text="The author's own recommendation.")
    header = read_header(header_docx())
    filled = fill_report(report, header, actor=TEST_ACTOR)
    report.refresh_from_db()
    assert report.summary == "The author's own summary."
    assert [r.text for r in report.recommendations.all()] == ["The author's own recommendation."]
    assert {"Summary", "Recommendation(s)"} <= set(filled.kept)
    assert report.to_body == committee  # empty, so filled

    replaced = fill_report(report, header, actor=TEST_ACTOR, overwrite=True)
    report.refresh_from_db()
    doc.refresh_from_db()
    assert report.summary == header.summary
    assert [r.verb for r in report.recommendations.all()] == ["NOTE", "AGREE"]
    assert doc.title == "Establishment of the Independent Panel"
    assert "Summary" in replaced.filled and replaced.kept == []


def test_an_exempt_header_makes_the_paper_exempt(record):
    doc = record[4]
    header = read_header(header_docx(classification="Exempt – paragraph 3 of Schedule 12A"))
    filled = fill_report(Report(document=doc), header, actor=TEST_ACTOR)
    doc.refresh_from_db()
    assert (doc.classification, doc.exempt_paragraph) == (Classification.EXEMPT, 3)
    assert "Classification" in filled.filled


def test_an_unrestricted_header_never_makes_an_exempt_paper_public(record):
    doc = record[4]
    doc.classification, doc.exempt_paragraph = Classification.EXEMPT, 3
    services.save_document(doc, actor=TEST_ACTOR)
    for overwrite in (False, True):
        filled = fill_report(
            Report(document=doc) if not hasattr(doc, "report") else doc.report,
            read_header(header_docx()),
            actor=TEST_ACTOR,
            overwrite=overwrite,
        )
        doc.refresh_from_db()
        assert (doc.classification, doc.exempt_paragraph) == (Classification.EXEMPT, 3)
        assert "Classification" in filled.kept


def test_exempt_without_a_paragraph_is_left_for_the_author(record):
    doc = record[4]
    filled = fill_report(
        Report(document=doc), read_header(header_docx(classification="Exempt")), actor=TEST_ACTOR
    )
    doc.refresh_from_db()
    assert doc.classification == Classification.UNRESTRICTED
    assert any("names no paragraph of Schedule 12A" in m for m in filled.not_read)


def test_an_officer_without_permission_is_refused_and_nothing_is_written(record):
    doc = record[4]
    header = read_header(header_docx())
    for actor in (t.account(), None):
        with t.writes_nothing(), pytest.raises(PermissionDenied):
            fill_report(Report(document=doc), header, actor=actor)
        with t.writes_nothing(), pytest.raises(PermissionDenied):
            add_report_docx(doc, header_docx(), "Panel.docx", actor=actor)
    assert not Report.objects.filter(document=doc).exists() and not doc.versions.exists()


def test_a_word_report_becomes_a_version_without_its_header_and_fills_the_form(record):
    doc = record[4]
    version, filled = add_report_docx(doc, header_docx(), "Panel.docx", actor=TEST_ACTOR)
    assert version.html == "<h2>1. Introduction</h2><p>1.1 The Panel was set up in 2015.</p>"
    assert "Subject:" not in version.text and "Ada Testwright" not in version.html
    assert version.original_filename == "Panel.docx"
    assert doc.report.summary and PathwayStep.objects.filter(report=doc.report).count() == 2
    assert "Summary" in filled.filled


def test_a_word_report_without_a_header_is_kept_whole(record):
    doc = record[4]
    version, filled = add_report_docx(
        doc, made.word_document(*BODY), "Plain.docx", actor=TEST_ACTOR
    )
    assert version.html.startswith("<h2>1. Introduction</h2>")
    assert filled.filled == [] and filled.not_read == []


@pytest.mark.parametrize(
    "upload, filename, message",
    [
        (b"PK\x03\x04 broken", "Panel.docx", "Panel.docx: is not a Word (.docx) document"),
        (b"%PDF-1.7", "Panel.pdf", "Panel.pdf: only a Word (.docx) report has a header."),
        (b"", "Panel.docx", "Panel.docx: is empty."),
    ],
)
def test_a_bad_file_is_refused_in_plain_words_and_nothing_is_saved(
    record, upload, filename, message
):
    doc = record[4]
    with t.writes_nothing(), pytest.raises(ValidationError) as refused:
        add_report_docx(doc, upload, filename, actor=TEST_ACTOR)
    assert refused.value.messages[0].startswith(message)
    assert not doc.versions.exists() and not Report.objects.filter(document=doc).exists()


def test_a_paper_that_is_not_a_report_has_no_header_to_read(record):
    appendix = services.save_document(
        Document(title="Appendix", kind=DocumentKind.APPENDIX), actor=TEST_ACTOR
    )
    with t.writes_nothing(), pytest.raises(ValidationError, match="Only a report has a header"):
        add_report_docx(appendix, header_docx(), "Appendix.docx", actor=TEST_ACTOR)


def test_a_value_the_report_cannot_hold_is_reported_not_saved(record):
    doc = record[4]
    data = made.word_document(
        "Subject: Panel",
        "Relevant Director: Nobody Known, Director",
        "richard..fitz@kent.gov.uk",
        "Decision No: " + "17/00081 " * 10,
        *BODY,
    )
    report = Report(document=doc)
    filled = fill_report(report, read_header(data), actor=TEST_ACTOR)
    report.refresh_from_db()
    assert report.director_email == "" and report.key_decision_reference == ""
    assert report.director_job_title == "Director"
    assert any(m.startswith("Decision No: “17/00081") for m in filled.not_read)
    assert "Relevant director's email: “richard..fitz@kent.gov.uk” could not be used." in (
        " ".join(filled.not_read)
    )
