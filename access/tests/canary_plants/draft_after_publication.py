"""A draft version added after publication to a public paper: the public pack (rebuilt by the
crawl's fixture) holds the published version, never the draft (publishing/versions.py)."""

from __future__ import annotations

from audit.actors import SystemActor
from audit.testing import TEST_ACTOR
from papers import services
from papers.models import Classification, Document, Report

TITLE = "Public report later redrafted"


def plant(meeting, exempt_item, canary):
    doc = services.save_document(
        Document(title=TITLE, classification=Classification.UNRESTRICTED), actor=TEST_ACTOR
    )
    published = services.add_version(
        doc, html="<p>The report as approved and published.</p>", actor=TEST_ACTOR
    )
    services.publish_version(published, actor=SystemActor("canary"))
    Report.objects.create(document=doc, no_background_documents=True)
    services.attach(meeting.items.get(number="12"), doc, actor=TEST_ACTOR)
    # After publication an officer starts a second version: a draft, never approved.
    services.add_version(
        doc, html=f"<p>Draft redraft: {canary} not yet approved.</p>", actor=TEST_ACTOR
    )


def check(meeting, canary):
    doc = Document.objects.get(title=TITLE)
    assert canary in doc.current_version().html
    assert doc.versions.filter(published_at__isnull=False).count() == 1
