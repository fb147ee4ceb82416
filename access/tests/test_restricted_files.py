"""The files of a restricted paper (its PDF, marked NOT FOR PUBLICATION, and the file it was
uploaded as) for those entitled to it, logged, never cached; everyone else as for the page."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from access.models import ExemptAccess
from audit.testing import TEST_ACTOR
from moot import testing as t
from papers import files, services
from papers import testing as made
from papers.models import Classification, Document
from website.templatetags.moot import file_size

from .test_restricted_papers import SECRET, account, case  # noqa: F401  (case: a fixture)

pytestmark = pytest.mark.django_db


def addresses(meeting, doc) -> dict[str, str]:
    return {
        what: reverse(f"website:restricted_paper{what}", args=[meeting.pk, doc.pk])
        for what in ("", "_pdf", "_original")
    }


def content(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def word(case):  # noqa: F811
    """An exempt Word paper on the same exempt item."""
    meeting, _, _ = case
    doc = services.save_document(
        Document(
            title="Trading company accounts",
            classification=Classification.EXEMPT,
            exempt_paragraph=3,
        ),
        actor=TEST_ACTOR,
    )
    version = services.add_version(
        doc, upload=made.docx_with_pictures(SECRET), filename="accounts.docx", actor=TEST_ACTOR
    )
    services.publish_version(version, actor=TEST_ACTOR)
    services.attach(meeting.items.get(), doc, actor=TEST_ACTOR)
    return doc


def test_a_member_downloads_the_marked_pdf_and_it_is_logged(case):  # noqa: F811
    meeting, doc, member = case
    client = t.verified_login(Client(), account(member, "member"))
    urls = addresses(meeting, doc)
    assert "Download the PDF</a> (PDF)" in client.get(urls[""]).content.decode()
    response = client.get(urls["_pdf"])
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    data = content(response)
    words = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    assert SECRET in words and "NOT FOR PUBLICATION" in words and "paragraph 3" in words
    log = ExemptAccess.objects.filter(action="download").get()
    assert (log.username, log.document, log.description) == (
        "member",
        doc,
        f"{meeting}: {doc} (PDF)",
    )
    # The page now gives the size of the stored PDF.
    assert (
        f"Download the PDF</a> (PDF, {file_size(len(data))})"
        in client.get(urls[""]).content.decode()
    )


def test_a_member_downloads_the_original_word_document(case, word):  # noqa: F811
    meeting, _, member = case
    client = t.verified_login(Client(), account(member, "member"))
    urls = addresses(meeting, word)
    page = client.get(urls[""]).content.decode()
    assert "Download the original</a> (Word document, " in page
    assert "This chart (“Spend by year”) is in the original document" in page
    response = client.get(urls["_original"])
    assert response.status_code == 200 and response["Content-Type"] == files.DOCX
    assert response["Content-Disposition"] == f'attachment; filename="restricted-{word.pk}.docx"'
    assert "no-store" in response["Cache-Control"]
    assert content(response) == word.current_version().source_file.open("rb").read()
    assert (
        ExemptAccess.objects.filter(
            action="download", document=word, description__endswith="(original)"
        ).count()
        == 1
    )


def test_nobody_else_gets_the_files(case, word):  # noqa: F811
    meeting, doc, _ = case
    outsider = t.verified_login(Client(), account(t.person("Outsidely"), "outsider"))
    for paper in (doc, word):
        urls = addresses(meeting, paper)
        for url in (urls["_pdf"], urls["_original"]):
            assert outsider.get(url).status_code == 404, url
            response = Client().get(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("access:sign_in"))
    assert not ExemptAccess.objects.exists()
    assert not private_pdfs()


def private_pdfs():
    from papers.storage import private_storage

    storage = private_storage()
    return storage.listdir(files.FOLDER)[1] if storage.exists(files.FOLDER) else []


def test_a_written_paper_has_no_original_and_public_papers_none_here(case):  # noqa: F811
    meeting, doc, member = case
    client = t.verified_login(Client(), account(member, "member"))
    assert client.get(addresses(meeting, doc)["_original"]).status_code == 404
    public = services.save_document(Document(title="Public"), actor=TEST_ACTOR)
    services.add_version(
        public, upload=made.docx([("", "Public text")]), filename="p.docx", actor=TEST_ACTOR
    )
    services.attach(t.item(meeting, "10", "Public item"), public, actor=TEST_ACTOR)
    for url in addresses(meeting, public).values():
        assert client.get(url).status_code == 404, url
    assert (
        client.get(reverse("website:restricted_paper_pdf", args=[meeting.pk, 999999])).status_code
        == 404
    )
