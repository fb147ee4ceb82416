"""Each papers service checks its actor first (democratic services, a system actor, or the
back office's Django permission); anyone else is refused and nothing is written. The pack
builder runs as a system actor."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from moot import testing as t
from papers import packs, services
from papers.models import AgendaPack, Document, DocumentVersion, ItemPaper, PackStatus, Report


@pytest.fixture
def paper(db, settings, tmp_path):
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path
    meeting = t.meeting()
    item = t.item(meeting, "1", "Budget")
    t.item(meeting, "2", "Other")
    doc = services.save_document(Document(title="Budget report"), actor=TEST_ACTOR)
    version = services.add_version(doc, html="<p>Budget.</p>", actor=TEST_ACTOR)
    Report.objects.create(document=doc, no_background_documents=True)
    link = services.attach(item, doc, actor=TEST_ACTOR)
    pack = packs.request_pack(meeting, enqueue=False, actor=TEST_ACTOR)
    return meeting, item, doc, version, link, pack


CASES = {
    "save_document": lambda p, a: services.save_document(Document(title="Refused"), actor=a),
    "save_report": lambda p, a: services.save_report(Report.objects.get(document=p[2]), actor=a),
    "add_version": lambda p, a: services.add_version(p[2], html="<p>Refused.</p>", actor=a),
    "publish_version": lambda p, a: services.publish_version(p[3], actor=a),
    "attach": lambda p, a: services.attach(p[0].items.get(number="2"), p[2], actor=a),
    "request_pack": lambda p, a: packs.request_pack(p[0], enqueue=False, actor=a),
    "run_pack": lambda p, a: packs.run_pack(p[5].pk, actor=a),
    "withdraw_packs_with": lambda p, a: packs.withdraw_packs_with([p[4].pk], "Refused", actor=a),
}


@pytest.mark.parametrize("service", CASES)
def test_an_officer_without_the_permission_is_refused_and_nothing_is_written(paper, service):
    meeting, item, doc, version, link, pack = paper
    for actor in (t.account(), AnonymousUser(), None):
        with t.writes_nothing(), pytest.raises(PermissionDenied):
            CASES[service](paper, actor)
    assert list(doc.versions.values_list("number", flat=True)) == [1]
    assert DocumentVersion.objects.get(pk=version.pk).published_at is None
    assert ItemPaper.objects.filter(document=doc).count() == 1
    assert AgendaPack.objects.filter(meeting=meeting).count() == 1
    assert AgendaPack.objects.get(pk=pack.pk).status == PackStatus.QUEUED
    assert not Document.objects.filter(title="Refused").exists()


def test_adding_and_publishing_versions_are_named_events_and_the_builder_is_a_system_actor(
    paper,
):
    meeting, item, doc, version, link, pack = paper
    editor = t.account(perms=("papers.change_document", "papers.change_documentversion"))
    added = services.add_version(doc, html="<p>Version two.</p>", actor=editor)
    services.publish_version(added, actor=editor)
    events = AuditEntry.objects.filter(content_type__model="documentversion", object_id=added.pk)
    assert sorted(events.values_list("event", "actor_name")) == [
        ("papers.version_added", editor.username),
        ("papers.version_published", editor.username),
    ]
    assert (added.created_by, added.created_by_name) == (editor, editor.username)
    built = packs.run_pack(pack.pk, actor=packs.BUILDER)
    assert built.status == PackStatus.BUILT
    entry = AuditEntry.objects.filter(content_type__model="agendapack", object_id=pack.pk).first()
    assert (entry.event, entry.actor_name, entry.actor) == (
        "papers.pack_built",
        "pack builder",
        None,
    )
