"""Requesting packs: refusals, background builds, supplementary packs, and `moot pack`."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from audit.testing import TEST_ACTOR
from moot import pdf_text
from moot import testing as t
from papers import packs, services
from papers.models import AgendaPack, Document, PackKind, PackStatus, Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(settings, tmp_path):
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path
    m = t.meeting(t.body("Pack Service Committee"))
    t.item(m, "1", "Apologies")
    return m


def add_paper(meeting, number, title, background=True):
    item = meeting.items.filter(number=number).first() or t.item(meeting, number, title)
    doc = services.save_document(Document(title=title), actor=TEST_ACTOR)
    services.add_version(doc, html=f"<p>{title} text.</p>", actor=TEST_ACTOR)
    Report.objects.create(document=doc, no_background_documents=background)
    services.attach(item, doc, actor=TEST_ACTOR)
    return doc


def text(pack):
    return pdf_text.pages(pack.file.open("rb").read())


def test_meeting_without_items_is_refused(settings, tmp_path):
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ValidationError, match="has no agenda items"):
        packs.request_pack(t.meeting(), actor=TEST_ACTOR)
    assert not AgendaPack.objects.exists()


def test_report_without_background_documents_statement_is_refused(meeting):
    add_paper(meeting, "2", "Budget", background=False)
    with pytest.raises(ValidationError, match="does not state its background documents"):
        packs.request_pack(meeting, actor=TEST_ACTOR)
    assert not AgendaPack.objects.exists()


def test_request_queues_a_background_task_and_run_builds_it(
    meeting, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    add_paper(meeting, "2", "Budget")
    with django_capture_on_commit_callbacks(execute=True):
        pack = packs.request_pack(meeting, actor=TEST_ACTOR)
    assert pack.status == PackStatus.QUEUED
    task = DBTaskResult.objects.get()
    assert task.args_kwargs["args"] == [pack.pk]
    built = packs.run_pack(pack.pk, actor=TEST_ACTOR)
    assert built.status == PackStatus.BUILT and built.progress == 100
    assert built.page_count == len(text(built)) and built.size > 1000
    assert packs.latest(meeting) == built


def test_supplementary_pack_has_the_added_papers_numbered_from_one(meeting):
    add_paper(meeting, "2", "Budget")
    with pytest.raises(ValidationError, match="Build the agenda pack first"):
        packs.request_pack(meeting, supplementary=True, enqueue=False, actor=TEST_ACTOR)
    main = packs.run_pack(
        packs.request_pack(meeting, enqueue=False, actor=TEST_ACTOR).pk, actor=TEST_ACTOR
    )
    with pytest.raises(ValidationError, match="No papers have been added"):
        packs.request_pack(meeting, supplementary=True, enqueue=False, actor=TEST_ACTOR)
    add_paper(meeting, "3", "Late Report on Parking")
    supp = packs.run_pack(
        packs.request_pack(meeting, supplementary=True, enqueue=False, actor=TEST_ACTOR).pk,
        actor=TEST_ACTOR,
    )
    assert (supp.supplement, supp.status) == (1, PackStatus.BUILT)
    pages = text(supp)
    letter = " ".join(pages[:1]).replace("\n", " ")
    assert "I am now able to enclose" in letter
    assert "Late Report on Parking (Pages 3 - 4)" in letter
    assert "Budget" not in letter
    assert "Page 1" in pages[0]
    assert "Late Report on Parking" in pages[2]
    assert main.page_count > supp.page_count - 10  # both exist side by side; nothing overwritten
    assert AgendaPack.objects.filter(meeting=meeting, status=PackStatus.BUILT).count() == 2


def test_moot_pack_command_writes_the_pdf(meeting, tmp_path, capsys):
    add_paper(meeting, "2", "Budget")
    out = tmp_path / "pack.pdf"
    call_command("pack", str(meeting.pk), "--output", str(out), "--members")
    assert out.read_bytes()[:5] == b"%PDF-"
    assert "pages" in capsys.readouterr().out
    assert AgendaPack.objects.get().kind == PackKind.MEMBERS


@pytest.mark.parametrize(
    "args, message",
    [
        (["999999", "--output", "/tmp/x.pdf"], "no meeting with id 999999"),
        (["{m}", "--output", "/nonexistent/dir/x.pdf"], "does not exist"),
    ],
)
def test_moot_pack_command_refuses_clearly(meeting, args, message):
    args = [a.format(m=meeting.pk) for a in args]
    with pytest.raises(CommandError, match=message):
        call_command("pack", *args)


def test_a_pack_holds_the_papers_attached_when_it_was_requested(meeting):
    add_paper(meeting, "2", "Budget")
    pack = packs.request_pack(meeting, enqueue=False, actor=TEST_ACTOR)
    add_paper(meeting, "3", "Attached while the pack waited for the worker")
    built = packs.run_pack(pack.pk, actor=TEST_ACTOR)
    late_text = "Attached while the pack waited for the worker text."  # the paper's body
    assert late_text not in " ".join(text(built)).replace("\n", " ")
    assert "Budget text." in " ".join(text(built))
    supp = packs.run_pack(
        packs.request_pack(meeting, supplementary=True, enqueue=False, actor=TEST_ACTOR).pk,
        actor=TEST_ACTOR,
    )
    assert late_text in " ".join(text(supp)).replace("\n", " ")
