"""Every paper as a file (papers/files.py): its PDF, rendered from the HTML its page shows and
stored per version, or the uploaded PDF itself; and the Word document it was uploaded as."""

import io
import re

import pytest
from django.template import Context, Template
from pypdf import PdfReader

from audit.testing import TEST_ACTOR
from moot import pdf_text as pdfium_text
from papers import files, services
from papers import testing as made
from papers.models import Classification, Document, DocumentVersion, ItemPaper
from papers.storage import private_storage
from publishing import changes
from publishing.models import AgendaPublication
from website.templatetags.moot import file_size

from .helpers import text
from .papers_setup import PUBLISHED, document, item, other_meeting, paper_url

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def pdf_text(data: bytes) -> str:
    return pdfium_text.text(data)


def stored_pdfs() -> list[str]:
    storage = private_storage()
    return storage.listdir(files.FOLDER)[1] if storage.exists(files.FOLDER) else []


@pytest.fixture
def staff(django_user_model):
    from access.models import Account

    user = django_user_model.objects.create_user("dsofficer", password="x", is_staff=True)
    Account.objects.create(user=user, democratic_services=True)
    return user


@pytest.fixture
def word(papers):
    """A public Word paper with pictures and a chart on the meeting, published."""
    doc = document("Highways budget")
    services.add_version(
        doc,
        upload=made.docx_with_pictures("Highways spending rose."),
        filename="Highways budget FINAL v3.docx",
        actor=TEST_ACTOR,
    )
    DocumentVersion.objects.filter(document=doc).update(published_at=PUBLISHED)
    link = services.attach(item(papers.meeting, "Contract Management"), doc, actor=TEST_ACTOR)
    publication = (
        AgendaPublication.objects.filter(meeting=papers.meeting).order_by("number").first()
    )
    publication.papers = [*publication.papers, link.pk]
    publication.save(update_fields=["papers"])
    return doc


def test_a_written_paper_has_a_pdf_rendered_from_its_page(client, papers):
    url = paper_url(papers.meeting, papers.report, "pdf/")
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="contract-management-report.pdf"'
    data = body(response)
    assert data.startswith(b"%PDF-")
    words = pdf_text(data)
    # The published version (2), its heading and header, never the first draft.
    assert "Contract Management Report" in words and "Introduction" in words
    assert "The council manages 400 contracts." in words and "First draft" not in words
    assert "Subject:" in words
    assert len(stored_pdfs()) == 1


def test_the_stored_pdf_is_reused_without_rendering_again(client, papers, monkeypatch):
    url = paper_url(papers.meeting, papers.report, "pdf/")
    first = client.get(url)
    first_bytes = body(first)

    def no_rendering(html):
        raise AssertionError("rendered again")

    monkeypatch.setattr(files, "render_html", no_rendering)
    again = client.get(url)
    assert body(again) == first_bytes and again["ETag"] == first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_new_version_gets_a_new_pdf(client, papers):
    url = paper_url(papers.meeting, papers.report, "pdf/")
    old = client.get(url)
    old_bytes, old_etag = body(old), old["ETag"]
    version = services.add_version(
        papers.report, html="<h2>Revised</h2><p>Now 450 contracts.</p>", actor=TEST_ACTOR
    )
    services.publish_version(version, actor=TEST_ACTOR)
    new = client.get(url)
    assert new["ETag"] != old_etag
    words = pdf_text(body(new))
    assert "Now 450 contracts." in words and "400 contracts" not in words
    # The old rendering stays stored (it is the old version's) but is not served for this one.
    assert len(stored_pdfs()) == 2 and body(new) != old_bytes
    assert client.get(url, HTTP_IF_NONE_MATCH=old_etag).status_code == 200


def test_the_page_gives_the_pdfs_size_once_it_is_made(client, papers):
    page_url = paper_url(papers.meeting, papers.report)
    before = text(client.get(page_url))
    assert "Download the PDF of Contract Management Report (PDF)" in before
    data = body(client.get(paper_url(papers.meeting, papers.report, "pdf/")))
    after = text(client.get(page_url))
    assert (
        f"Download the PDF of Contract Management Report (PDF, {round(len(data) / 1024)} KB)"
        in after
    )
    assert "Original" not in after  # written in the browser: there is no other file


def test_the_pack_build_stores_the_papers_pdfs(client, papers, monkeypatch):
    from papers.packs import request_pack, run_pack

    pack = run_pack(
        request_pack(papers.meeting, enqueue=False, reason="Test", actor=TEST_ACTOR).pk,
        actor=TEST_ACTOR,
    )
    assert pack.status == "built", pack.message
    monkeypatch.setattr(files, "render_html", lambda html: pytest.fail("rendered on request"))
    response = client.get(paper_url(papers.meeting, papers.appendix))
    assert "Download the PDF of Contract register (PDF, " in text(response)
    assert client.get(paper_url(papers.meeting, papers.report, "pdf/")).status_code == 200
    # Nothing restricted was stored by the public pack.
    names = stored_pdfs()
    restricted = [v for d in papers.restricted for v in d.versions.all()]
    assert not [n for n in names for v in restricted if n.startswith(v.content_hash[:16])]


def test_an_uploaded_pdf_is_its_own_pdf_with_its_pages(client, papers):
    response = client.get(paper_url(papers.meeting, papers.pdf))
    version = papers.pdf.current_version()
    size = round(version.source_file.size / 1024)
    assert f"(PDF, {size} KB, 3 pages)" in text(response)
    assert "Original" not in text(response)  # the PDF is the file uploaded
    served = client.get(paper_url(papers.meeting, papers.pdf, "pdf/"))
    assert body(served) == version.source_file.open("rb").read()
    assert stored_pdfs() == []


def test_a_word_paper_offers_its_original(client, papers, word):
    version = word.current_version()
    page = text(client.get(paper_url(papers.meeting, word)))
    assert (
        "Original Download the original of Highways budget (Word document, "
        f"{file_size(version.source_file.size)})"
    ) in page
    response = client.get(paper_url(papers.meeting, word, "original/"))
    assert response.status_code == 200
    assert response["Content-Type"] == files.DOCX
    assert response["Content-Disposition"] == 'attachment; filename="highways-budget.docx"'
    assert body(response) == version.source_file.open("rb").read()
    assert response["ETag"] == f'"{version.content_hash}"'
    # Its PDF is rendered from the converted HTML.
    words = pdf_text(body(client.get(paper_url(papers.meeting, word, "pdf/"))))
    assert "Highways spending rose." in words and "This chart" in words


def test_the_pictures_of_a_word_paper_are_shown_or_named(client, papers, word):
    response = client.get(paper_url(papers.meeting, word))
    html = response.content.decode()
    assert re.search(r'<img alt="Map of the county" src="data:image/png;base64,[^"]+">', html)
    page = text(response)
    assert "This image (“Organisation chart”) is in the original document" in page
    assert "This chart (“Spend by year”) is in the original document" in page
    data = body(client.get(paper_url(papers.meeting, word, "pdf/")))
    assert sum(len(p.images) for p in PdfReader(io.BytesIO(data)).pages) == 1
    assert "This chart (“Spend by year”) is in the original document" in pdf_text(data)


@pytest.mark.parametrize(
    "size,label",
    [(None, "PDF"), (850, "PDF, 850 bytes"), (217_088, "PDF, 212 KB"), (1_258_291, "PDF, 1.2 MB")],
)
def test_size_labels(size, label):
    stored = None if size is None else files.StoredFile("x", size, files.PDF, "PDF", ".pdf", "e")
    out = Template("{% load moot %}{{ f|file_facts }}").render(Context({"f": stored}))
    assert out == label
    word = files.StoredFile("x", 49_152, files.DOCX, "Word document", ".docx", "e")
    assert (
        Template("{% load moot %}{{ f|file_facts }}").render(Context({"f": word}))
        == "Word document, 48 KB"
    )


def test_restricted_papers_have_no_public_file(client, papers):
    m = papers.meeting
    for doc in papers.restricted:
        for suffix in ("pdf/", "original/"):
            response = client.get(paper_url(m, doc, suffix))
            assert response.status_code == 404, (doc, suffix)
    assert stored_pdfs() == []


def test_a_paper_made_exempt_after_its_pdf_was_stored_is_not_served(client, papers, word, staff):
    urls = [paper_url(papers.meeting, word, s) for s in ("pdf/", "original/")]
    assert [client.get(u).status_code for u in urls] == [200, 200]
    assert len(stored_pdfs()) == 1
    changes.reclassify_paper(word, Classification.EXEMPT, 3, reason="Contract prices", actor=staff)
    assert [client.get(u).status_code for u in urls] == [404, 404]
    assert len(stored_pdfs()) == 1  # kept, never served publicly


def test_a_withdrawn_paper_has_no_file(client, papers, word, staff):
    urls = [paper_url(papers.meeting, word, s) for s in ("pdf/", "original/")]
    assert client.get(urls[0]).status_code == 200
    link = ItemPaper.objects.get(document=word)
    changes.withdraw_paper(link, "Superseded by the revised budget", actor=staff)
    assert [client.get(u).status_code for u in urls] == [404, 404]


@pytest.mark.parametrize(
    "url",
    [
        "/meetings/{m}/{slug}/papers/999999/pdf/",
        "/meetings/{m}/{slug}/papers/999999/original/",
        "/meetings/999999/{slug}/papers/{doc}/pdf/",
        "/meetings/999999/{slug}/papers/{doc}/original/",
        "/meetings/{other}/x/papers/{doc}/pdf/",
        "/meetings/{other}/x/papers/{doc}/original/",
        "/meetings/{m}/{slug}/papers/{report}/original/",  # written in the browser: no upload
        "/meetings/{m}/{slug}/papers/99999999999999999999/pdf/",
    ],
)
def test_bad_addresses_are_404s(client, papers, word, url):
    m = papers.meeting
    response = client.get(
        url.format(
            m=m.pk, slug=m.slug, doc=word.pk, report=papers.report.pk, other=other_meeting().pk
        )
    )
    assert response.status_code == 404
    assert "Page not found" in text(response)


def test_an_old_slug_redirects_for_public_files_only(client, papers, word):
    m = papers.meeting
    response = client.get(f"/meetings/{m.pk}/old-slug/papers/{word.pk}/original/")
    assert response.status_code == 301
    assert response["Location"] == paper_url(m, word, "original/")
    exempt = Document.objects.get(pk=papers.exempt.pk)
    assert client.get(f"/meetings/{m.pk}/old-slug/papers/{exempt.pk}/original/").status_code == 404


def test_files_refuse_writes(client, papers, word):
    url = paper_url(papers.meeting, word, "original/")
    assert client.post(url).status_code == 405
