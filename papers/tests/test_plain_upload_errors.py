"""A paper that cannot be read is refused in plain words saying what to do, never in a
library's ("BadZipFile", "File is not a zip file", a PDF parser's), and nothing is saved:
through the service (papers/convert.py, papers/services.py) and the back office's form
(a 400). A pack that fails to build says so plainly too."""

from __future__ import annotations

import io
import zipfile

import pikepdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.testing import TEST_ACTOR
from moot import testing as t
from papers import convert, packs, services
from papers import testing as files
from papers.models import AgendaPack, Document, PackStatus, Report

pytestmark = pytest.mark.django_db

# Words of the libraries and of Python that must never reach an officer.
LIBRARY_WORDS = [
    "BadZip",
    "zip file",
    "Error",
    "Exception",
    "pikepdf",
    "qpdf",
    "mammoth",
    "xref",
    "trailer",
    "codec",
    "byte 0x",
    "Traceback",
    "KeyError",
    "errno",
]
DOCX = files.docx([("", "The Committee is asked to note the report.")])
PDF = files.pdf(1)


def _zip(*names: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in names:
            z.writestr(name, "<x/>")
    return out.getvalue()


def _restricted_pdf() -> bytes:
    """Opens without a password, but printing and copying are restricted."""
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(PDF)) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(owner="owner", user="", R=6))
    return out.getvalue()


SAVE_DOCX = "Save it again from Word as a Word document (.docx) and upload it again."
SAVE_PDF = "Save or export it as a PDF again and upload the new file."
BAD_UPLOADS = {
    "a text file renamed .docx": (
        b"Minutes of the meeting\r\n",
        "notes.docx",
        f"notes.docx: is not a Word document (.docx) that can be opened. {SAVE_DOCX}",
    ),
    "a truncated Word document": (
        DOCX[: len(DOCX) // 2],
        "report.docx",
        f"report.docx: is damaged or incomplete, so it could not be opened. {SAVE_DOCX}",
    ),
    "a Word document with its content damaged": (
        DOCX.replace(b"The Committee", b"The Co<mittee"),
        "report.docx",
        f"report.docx: is damaged, so its text could not be read. {SAVE_DOCX}",
    ),
    "an old Word or password-protected file": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
        "report.docx",
        "report.docx: is an older Word document (.doc) or one protected with a password. "
        "Open it in Word, save it as a Word document (.docx) without a password, and upload "
        "that.",
    ),
    "a spreadsheet renamed .docx": (
        _zip("[Content_Types].xml", "xl/workbook.xml"),
        "budget.docx",
        "budget.docx: is an Excel spreadsheet, not a Word document. Save it as a PDF and "
        "upload that.",
    ),
    "a zip of something else": (
        _zip("readme.txt"),
        "report.docx",
        f"report.docx: is not a Word document (.docx) that can be opened. {SAVE_DOCX}",
    ),
    "a PDF named .docx": (
        PDF,
        "report.docx",
        "report.docx: is a PDF, not a Word document. Upload it with a name ending .pdf.",
    ),
    "a PDF of junk": (
        b"%PDF-1.7\n" + bytes(range(256)) * 4,
        "plan.pdf",
        f"plan.pdf: is damaged or incomplete, so it could not be opened. {SAVE_PDF}",
    ),
    "a truncated PDF": (
        PDF[:400],
        "plan.pdf",
        f"plan.pdf: is damaged or incomplete, so it could not be opened. {SAVE_PDF}",
    ),
    "an encrypted PDF": (
        files.encrypted_pdf(),
        "secret.pdf",
        "secret.pdf: is protected with a password or against printing or copying, which a "
        "paper to be published cannot be. Save a copy without the protection and upload that.",
    ),
    "a PDF restricted against printing": (
        _restricted_pdf(),
        "plan.pdf",
        "plan.pdf: is protected with a password or against printing or copying",
    ),
    "a Word document named .pdf": (
        DOCX,
        "plan.pdf",
        "plan.pdf: is a Word document (or another Office file), not a PDF. If it is a Word "
        "document, upload it with a name ending .docx; if not, save it as a PDF.",
    ),
    "a text file renamed .pdf": (
        "Café notes".encode("latin-1"),
        "plan.pdf",
        "plan.pdf: is not a PDF file. Save or export it as a PDF and upload that.",
    ),
    "another kind of file": (
        b"{\\rtf1 Hello}",
        "report.rtf",
        "report.rtf: is not a Word document (.docx) or a PDF, the kinds of file a paper can "
        "be uploaded as. Save it as one of them and upload that.",
    ),
}


@pytest.fixture
def doc(settings, tmp_path):
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path
    return services.save_document(Document(title="Highways update"), actor=TEST_ACTOR)


def plain(message: str) -> bool:
    return not any(word.lower() in message.lower() for word in LIBRARY_WORDS)


@pytest.mark.parametrize("case", BAD_UPLOADS)
def test_each_bad_upload_is_refused_in_plain_words_with_nothing_saved(doc, tmp_path, case):
    data, filename, message = BAD_UPLOADS[case]
    with pytest.raises(ValidationError) as refused:
        services.add_version(doc, upload=data, filename=filename, actor=TEST_ACTOR)
    assert len(refused.value.messages) == 1
    assert refused.value.messages[0].startswith(message)
    assert plain(refused.value.messages[0])
    assert not doc.versions.exists() and not any(tmp_path.rglob("*.*"))


def test_good_files_still_go_in(doc):
    assert services.add_version(doc, upload=DOCX, filename="r.docx", actor=TEST_ACTOR).html
    assert services.add_version(doc, upload=PDF, filename="r.PDF", actor=TEST_ACTOR).page_count


def _post(admin_client, doc, upload):
    data = {
        "kind": doc.kind,
        "title": "Renamed",
        "label": "",
        "order": 0,
        "classification": doc.classification,
        "exempt_paragraph": "",
        "versions-TOTAL_FORMS": 0,
        "versions-INITIAL_FORMS": 0,
        "attachments-TOTAL_FORMS": 0,
        "attachments-INITIAL_FORMS": 0,
        "new_file": upload,
    }
    return admin_client.post(reverse("admin:papers_document_change", args=[doc.pk]), data)


@pytest.mark.parametrize(
    "case",
    [
        "a text file renamed .docx",
        "a truncated Word document",
        "a PDF of junk",
        "an encrypted PDF",
        "another kind of file",
    ],
)
def test_the_back_office_form_refuses_them_with_a_400_and_the_plain_message(
    admin_client, doc, tmp_path, case
):
    data, filename, message = BAD_UPLOADS[case]
    response = _post(admin_client, doc, SimpleUploadedFile(filename, data))
    assert response.status_code == 400
    page = response.content.decode()
    assert message.replace("'", "&#x27;") in page
    assert "BadZip" not in page and "zip file" not in page
    doc.refresh_from_db()
    assert doc.title == "Highways update" and not doc.versions.exists()
    assert not any(tmp_path.rglob("*.*"))


def _damaged(good: bytes, cut: int, at: int, junk: bytes) -> bytes:
    """``good`` cut short, or with junk written over part of it."""
    if cut % 2:
        return good[: cut % len(good)]
    at %= len(good)
    return good[:at] + junk + good[at + len(junk) :]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    base=st.sampled_from(["docx", "pdf"]),
    name=st.sampled_from(["paper.docx", "paper.pdf"]),
    cut=st.integers(0, 10**6),
    at=st.integers(0, 10**6),
    junk=st.binary(min_size=1, max_size=64),
)
def test_a_damaged_file_is_read_or_refused_in_plain_words_never_anything_else(
    base, name, cut, at, junk
):
    data = _damaged(DOCX if base == "docx" else PDF, cut, at, junk)
    try:
        convert.read_upload(data, name)
    except ValidationError as refused:
        assert all(m.startswith(f"{name}: ") and plain(m) for m in refused.messages)


@given(data=st.binary(max_size=2000), name=st.sampled_from(["a.docx", "a.pdf", "a.odt"]))
def test_any_bytes_are_read_or_refused_in_plain_words(data, name):
    try:
        convert.read_upload(data, name)
    except ValidationError as refused:
        assert all(plain(m) for m in refused.messages)


def test_a_pack_that_fails_to_build_says_so_plainly(doc, monkeypatch):
    meeting = t.meeting(t.body("Plain Failure Committee"))
    item = t.item(meeting, "1", "Budget")
    services.add_version(doc, html="<p>Figures.</p>", actor=TEST_ACTOR)
    Report.objects.create(document=doc, no_background_documents=True)
    services.attach(item, doc, actor=TEST_ACTOR)
    pack = packs.request_pack(meeting, actor=TEST_ACTOR, enqueue=False)

    def broken(*args, progress, **kwargs):
        progress(1, 2, "rendering papers")
        raise pikepdf.PdfError("unable to find trailer dictionary while recovering damaged file")

    monkeypatch.setattr(packs, "build_pack", broken)
    failed = packs.run_pack(pack.pk, actor=TEST_ACTOR)
    assert failed.status == PackStatus.FAILED
    assert failed.message == (
        "The pack could not be built: something went wrong while rendering papers. Build it "
        "again; if it fails again, tell the system administrator (the details are in the "
        "server's log)."
    )
    assert plain(AgendaPack.objects.get(pk=pack.pk).message)
