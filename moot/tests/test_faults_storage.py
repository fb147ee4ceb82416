"""The file store failing under publication and pack builds.

- The object store does not answer (SeaweedFS's address with nothing listening): an agenda
  cannot be published — its papers' files cannot be confirmed stored — so no publication,
  published version or history is recorded (papers/services.py ``publish_version``); a pack
  is recorded as failed, never as built.
- The disk fills up while a pack is written: the build fails with a clear message, and no
  part of the pack is left on the disk, under its name or any other."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from audit.actors import SystemActor
from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from moot import testing as t
from papers import services
from papers import testing as made
from papers.models import Document, DocumentKind, DocumentVersion, PackStatus
from papers.packs import request_pack, run_pack
from papers.storage import StorageUnavailable
from papers.storage_config import storages
from papers.tests.seaweedfs import SeaweedFS, free_ports, seaweedfs  # noqa: F401
from publishing.historical import record_historical_publication
from publishing.models import AgendaPublication, PublicationEvent
from publishing.services import publish_agenda

pytestmark = pytest.mark.django_db


def meeting_with_paper(title: str = "Budget monitoring"):
    """A meeting in 2030 with one uploaded paper (stored now), ready to publish."""
    committee = t.body("Faults Committee")
    meeting = t.meeting(committee, date=dt.date(2030, 6, 1))
    item = t.item(meeting, "5", title)
    paper = Document(title=f"{title} paper", kind=DocumentKind.OTHER)  # no clearance needed
    doc = services.save_document(paper, actor=TEST_ACTOR)
    upload = made.pdf(2, title)
    version = services.add_version(doc, upload=upload, filename="b.pdf", actor=TEST_ACTOR)
    services.attach(item, doc, actor=TEST_ACTOR)
    return meeting, version


def counts() -> tuple[int, int, int]:
    return tuple(m.objects.count() for m in (AgendaPublication, PublicationEvent, AuditEntry))


def test_an_agenda_is_not_published_while_the_object_store_does_not_answer(
    seaweedfs,  # noqa: F811
    settings,
):
    settings.STORAGES = storages(seaweedfs.env("faults-publish"))
    meeting, version = meeting_with_paper()
    [port] = free_ports(1)
    settings.STORAGES = storages(
        SeaweedFS(f"http://127.0.0.1:{port}").env("faults-publish", MOOT_S3_TIMEOUT="1")
    )
    before = counts()
    with pytest.raises(StorageUnavailable):
        publish_agenda(meeting, "Late for the test", actor=TEST_ACTOR, override_reason="Test")
    assert counts() == before, "no publication, history or audit entry"
    version.refresh_from_db()
    assert version.published_at is None
    # With the store back, the same publication goes through.
    settings.STORAGES = storages(seaweedfs.env("faults-publish"))
    publish_agenda(meeting, "Late for the test", actor=TEST_ACTOR, override_reason="Test")
    version.refresh_from_db()
    assert version.published_at is not None


def test_a_paper_whose_file_is_missing_is_not_published(settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path / "private"
    meeting, version = meeting_with_paper()
    (tmp_path / "private" / version.source_file.name).unlink()
    with pytest.raises(ValidationError, match="is not in the file store: upload it again"):
        publish_agenda(meeting, "Late for the test", actor=TEST_ACTOR, override_reason="Test")
    assert not AgendaPublication.objects.filter(meeting=meeting).exists()
    assert DocumentVersion.objects.get(pk=version.pk).published_at is None


def test_a_pack_written_to_a_full_disk_fails_and_leaves_no_part_of_it(settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path / "private"
    meeting, _ = meeting_with_paper()
    record_historical_publication(meeting, timezone.now(), actor=SystemActor("test"))
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "moot.tests.full_disk.FullDiskStorage"},
    }
    pack = request_pack(meeting, reason="Full disk", enqueue=False, actor=TEST_ACTOR)
    built = run_pack(pack.pk, actor=TEST_ACTOR)
    assert built.status == PackStatus.FAILED and not built.file and built.built_at is None
    assert "while storing the pack" in built.message and "Build it again" in built.message
    assert "No space" not in built.message, "the library's words stay in the log"
    files = [p for p in (tmp_path / "private").rglob("*") if p.is_file()]
    assert any("pack-cache" in p.parts for p in files), "the papers were rendered and cached"
    assert [p for p in files if "packs" in p.parts or p.name.startswith(".part-")] == [], (
        "no half pack, no .part- file"
    )
    assert not AuditEntry.objects.filter(event="papers.pack_built", object_id=str(pack.pk)).exists()
