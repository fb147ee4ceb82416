"""An "other paper" of default classification attached to the exempt item 14 and published
with the agenda: the papers of exempt business are exempt with it (``Document.is_restricted``,
``papers.services.attach``), so neither its title nor its text is public anywhere."""

from __future__ import annotations

from audit.testing import TEST_ACTOR
from papers import services
from papers.models import Document, DocumentKind
from publishing.models import AgendaPublication


def plant(meeting, exempt_item, canary) -> None:
    doc = services.save_document(
        Document(title=f"Other paper {canary}", kind=DocumentKind.OTHER), actor=TEST_ACTOR
    )
    version = services.add_version(
        doc, html=f"<p>Briefing note.</p><p>{canary} in the text.</p>", actor=TEST_ACTOR
    )
    link = services.attach(exempt_item, doc, actor=TEST_ACTOR)
    services.publish_version(version, actor=TEST_ACTOR)
    # Published with the agenda, as a paper attached before publication is.
    publication = AgendaPublication.objects.filter(meeting=meeting).order_by("number").first()
    publication.papers = [*publication.papers, link.pk]
    publication.save(update_fields=["papers"])


def check(meeting, canary) -> None:
    doc = Document.objects.get(title=f"Other paper {canary}")
    assert doc.kind == DocumentKind.OTHER and doc.attachments.filter(item__number="14").exists()
    assert canary in doc.current_version().html
