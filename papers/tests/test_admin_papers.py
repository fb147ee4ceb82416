"""The papers back office: new versions through the form, refusals that save nothing, packs."""

import pytest
from django.urls import reverse

from audit.testing import TEST_ACTOR
from meetings.models import Meeting
from moot import testing as t
from papers import services
from papers import testing as files
from papers.models import AgendaPack, Document, PackStatus, Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def doc():
    return services.save_document(Document(title="Member ICT review"), actor=TEST_ACTOR)


def change(admin_client, doc, **extra):
    data = {
        "kind": doc.kind,
        "title": doc.title,
        "label": "",
        "order": 0,
        "classification": doc.classification,
        "exempt_paragraph": "",
        "versions-TOTAL_FORMS": 0,
        "versions-INITIAL_FORMS": 0,
        "attachments-TOTAL_FORMS": 0,
        "attachments-INITIAL_FORMS": 0,
        **extra,
    }
    return admin_client.post(reverse("admin:papers_document_change", args=[doc.pk]), data)


def test_uploading_a_docx_adds_a_version(admin_client, doc, tmp_path, settings):
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("ict.docx", files.docx([("", "Devices for members.")]))
    response = change(admin_client, doc, new_file=upload)
    assert response.status_code == 302, response.content[:2000]
    version = doc.versions.get()
    assert "Devices for members." in version.html and version.created_by_name == "admin"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("broken.pdf", b"%PDF-1.4 nonsense", b"broken.pdf: is damaged"),
        ("notes.txt", b"hello", b"notes.txt: is not a Word document (.docx) or a PDF"),
    ],
)
def test_a_bad_upload_is_refused_on_the_form(admin_client, doc, name, content, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = change(
        admin_client, doc, title="Renamed", new_file=SimpleUploadedFile(name, content)
    )
    assert response.status_code == 400
    assert message in response.content
    doc.refresh_from_db()
    assert doc.title == "Member ICT review" and not doc.versions.exists()


def test_written_html_with_a_script_is_refused(admin_client, doc):
    response = change(admin_client, doc, new_text="<p>x</p><script>alert(1)</script>")
    assert response.status_code == 400 and b"contains a script" in response.content
    assert not doc.versions.exists()


def test_every_papers_admin_page_renders(admin_client, doc):
    Report.objects.create(document=doc, no_background_documents=True)
    for name in ("document", "report", "agendapack"):
        assert admin_client.get(reverse(f"admin:papers_{name}_changelist")).status_code == 200
    assert (
        admin_client.get(reverse("admin:papers_document_change", args=[doc.pk])).status_code == 200
    )
    assert admin_client.get(reverse("admin:papers_report_add")).status_code == 200


def test_meeting_pack_page_builds_and_shows_progress(
    admin_client, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path
    meeting = t.meeting(t.body("Admin Pack Committee"))
    item = t.item(meeting, "1", "Budget")
    services.attach(
        item,
        doc := services.save_document(Document(title="Budget report"), actor=TEST_ACTOR),
        actor=TEST_ACTOR,
    )
    services.add_version(doc, html="<p>Budget.</p>", actor=TEST_ACTOR)
    Report.objects.create(document=doc, no_background_documents=True)
    url = reverse("admin:papers_meeting_packs", args=[meeting.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"kind": "public"})
    assert response.status_code == 302
    pack = AgendaPack.objects.get(meeting=meeting)
    assert pack.status == PackStatus.QUEUED
    page = admin_client.get(url)
    assert b'http-equiv="refresh"' in page.content and b"Queued" in page.content
    from papers.packs import run_pack

    run_pack(pack.pk, actor=TEST_ACTOR)
    page = admin_client.get(url)
    assert b"Built" in page.content and b'http-equiv="refresh"' not in page.content


def test_pack_page_reports_what_is_missing(admin_client):
    meeting = Meeting.objects.filter(items__isnull=True).first() or t.meeting()
    url = reverse("admin:papers_meeting_packs", args=[meeting.pk])
    response = admin_client.post(url, {"kind": "public"}, follow=True)
    assert b"has no agenda items" in response.content
    assert not AgendaPack.objects.filter(meeting=meeting).exists()
    assert (
        admin_client.get(reverse("admin:papers_meeting_packs", args=[99999999])).status_code == 404
    )


def test_meeting_page_links_to_its_packs(admin_client):
    meeting = Meeting.objects.first()
    page = admin_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    assert page.status_code == 200
    assert reverse("admin:papers_meeting_packs", args=[meeting.pk]).encode() in page.content
    assert b"Agenda packs" in page.content


def test_staff_download_packs_through_the_back_office_and_members_packs_are_logged(
    admin_client, tmp_path, settings
):
    from access.models import ExemptAccess
    from papers.packs import request_pack, run_pack

    settings.PRIVATE_ROOT = tmp_path
    meeting = t.meeting(t.body("Download Committee"))
    item = t.item(meeting, "1", "Budget")
    services.attach(
        item,
        doc := services.save_document(Document(title="Budget paper"), actor=TEST_ACTOR),
        actor=TEST_ACTOR,
    )
    services.add_version(doc, html="<p>Budget.</p>", actor=TEST_ACTOR)
    Report.objects.create(document=doc, no_background_documents=True)
    public = run_pack(request_pack(meeting, enqueue=False, actor=TEST_ACTOR).pk, actor=TEST_ACTOR)
    members = run_pack(
        request_pack(meeting, "members", enqueue=False, actor=TEST_ACTOR).pk, actor=TEST_ACTOR
    )
    url = reverse("admin:papers_pack_download", args=[public.pk])
    response = admin_client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content)[:5] == b"%PDF-"
    assert not ExemptAccess.objects.exists()
    admin_client.get(reverse("admin:papers_pack_download", args=[members.pk]))
    assert ExemptAccess.objects.get().action == "download"
    from django.test import Client

    assert Client().get(url).status_code == 302  # signed out: to the sign-in page
