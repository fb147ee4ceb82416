"""Adding content to papers: conversion, versions, and clear refusals that save nothing."""

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from papers import services, testing
from papers.models import Classification, Document, DocumentVersion, SourceKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def doc():
    return services.save_document(Document(title="Moot Test Feedback Policy"), actor=TEST_ACTOR)


def test_written_html_is_sanitised_and_versioned(doc):
    v1 = services.add_version(
        doc, html="<h2>Introduction</h2><p>The policy <b>applies</b>.</p>", actor=TEST_ACTOR
    )
    v2 = services.add_version(doc, html="<h2>Introduction</h2><p>Revised.</p>", actor=TEST_ACTOR)
    assert (v1.number, v2.number) == (1, 2)
    assert v1.source_kind == SourceKind.HTML
    assert "Introduction" in v1.text and "applies" in v1.text
    assert doc.current_version() == v2
    assert DocumentVersion.objects.get(pk=v1.pk).html.startswith("<h2>Introduction</h2>")
    assert (
        AuditEntry.objects.filter(
            object_repr__contains="Moot Test Feedback Policy (version"
        ).count()
        == 2
    )


def test_docx_is_converted_to_semantic_html(doc):
    data = testing.docx([("Heading1", "Background"), ("", "Members asked for a review.")])
    v = services.add_version(doc, upload=data, filename="feedback.docx", actor=TEST_ACTOR)
    assert v.source_kind == SourceKind.DOCX
    assert "<h2>Background</h2>" in v.html  # Word headings move down a level
    assert "<p>Members asked for a review.</p>" in v.html
    assert v.source_file.name.endswith(".docx")


def test_pdf_is_kept_with_page_count_and_text(doc):
    v = services.add_version(
        doc, upload=testing.pdf(3, "Contract management"), filename="cm.pdf", actor=TEST_ACTOR
    )
    assert v.source_kind == SourceKind.PDF
    assert v.page_count == 3
    assert "Contract management" in v.text
    assert v.source_file.read()[:5] == b"%PDF-"


@pytest.mark.parametrize(
    "html, problem",
    [
        ("<p>Hi</p><script>alert(1)</script>", "contains a script"),
        ('<p onclick="x()">Hi</p>', "event handler"),
        ('<p>Hi <img src="https://tracker.example/x.png" alt=""></p>', "external resource"),
        ('<p style="background: url(http://x.example/a.png)">Hi</p>', "external resource"),
        ('<iframe src="/x"></iframe>', "embedded frame"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ("<p>   </p>", "is empty"),
    ],
)
def test_bad_html_is_refused(doc, html, problem):
    with pytest.raises(ValidationError, match=problem):
        services.add_version(doc, html=html, actor=TEST_ACTOR)
    assert not doc.versions.exists()


@pytest.mark.parametrize(
    "data, filename, problem",
    [
        (b"%PDF-1.7\n this is not really a pdf", "broken.pdf", "broken.pdf: is damaged"),
        (b"plain text", "notes.pdf", "notes.pdf: is not a PDF"),
        (b"PK\x03\x04 not a real zip", "report.docx", "report.docx: is damaged or incomplete"),
        (b"just text", "report.docx", "report.docx: is not a Word"),
        (b"", "empty.pdf", "empty.pdf: is empty"),
        (b"{\\rtf1}", "report.rtf", "report.rtf: is not a Word"),
    ],
)
def test_bad_files_are_refused_by_name(doc, data, filename, problem):
    with pytest.raises(ValidationError, match=problem):
        services.add_version(doc, upload=data, filename=filename, actor=TEST_ACTOR)
    assert not doc.versions.exists()


def test_encrypted_pdf_is_refused(doc):
    with pytest.raises(ValidationError, match="secret.pdf: is protected with a password"):
        services.add_version(
            doc, upload=testing.encrypted_pdf(), filename="secret.pdf", actor=TEST_ACTOR
        )
    assert not doc.versions.exists()


def test_files_over_the_limit_are_refused(doc, settings):
    settings.MOOT_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(ValidationError, match="big.pdf: is .* MB; the limit is"):
        services.add_version(doc, upload=testing.pdf(2), filename="big.pdf", actor=TEST_ACTOR)
    assert not doc.versions.exists()


def test_exempt_document_needs_a_paragraph():
    with pytest.raises(ValidationError, match="Schedule 12A"):
        services.save_document(
            Document(title="Company Governance", classification=Classification.EXEMPT),
            actor=TEST_ACTOR,
        )
    assert not Document.objects.filter(title="Moot Test Governance").exists()


def test_publishing_a_version_is_recorded_once(doc):
    v = services.add_version(doc, html="<p>Text</p>", actor=TEST_ACTOR)
    first = services.publish_version(v, actor=TEST_ACTOR).published_at
    assert first is not None
    assert services.publish_version(v, actor=TEST_ACTOR).published_at == first
