"""Papers as files (papers/files.py): an exempt Word paper on the exempt item, whose PDF and
original file hold the canary; and a public Word paper whose PDF was rendered and stored by a
public request, then found to be exempt: neither its stored PDF nor its original may be served
publicly again, though both stay in the private storage. A public Word paper beside them
has both files crawled."""

from __future__ import annotations

import zipfile

from django.test import Client

from audit.actors import SystemActor
from audit.testing import TEST_ACTOR
from moot import pdf_text
from papers import files, services
from papers import testing as made
from papers.models import AgendaPack, Classification, Document, PackStatus, Report
from papers.storage import private_storage
from publishing.models import AgendaPublication

EXEMPT = "Exempt Word paper"
LATER = "Word paper stored then found exempt"


def _publish_with_agenda(meeting, link) -> None:
    publication = AgendaPublication.objects.filter(meeting=meeting).order_by("number").first()
    publication.papers = [*publication.papers, link.pk]
    publication.save(update_fields=["papers"])


def _word_paper(meeting, item, title, canary, classification, paragraph=None):
    doc = services.save_document(
        Document(
            title=f"{title} {canary}", classification=classification, exempt_paragraph=paragraph
        ),
        actor=TEST_ACTOR,
    )
    version = services.add_version(
        doc,
        upload=made.docx_with_pictures(f"{canary} in Word."),
        filename=f"{canary}.docx",
        actor=TEST_ACTOR,
    )
    services.publish_version(version, actor=SystemActor("canary"))
    Report.objects.create(document=doc, no_background_documents=True)
    _publish_with_agenda(meeting, services.attach(item, doc, actor=TEST_ACTOR))
    return doc


def plant(meeting, exempt_item, canary) -> None:
    _word_paper(meeting, exempt_item, EXEMPT, canary, Classification.EXEMPT, 3)
    # A public Word paper, so the crawl fetches a public original and its PDF too.
    doc = services.save_document(Document(title="Public Word paper"), actor=TEST_ACTOR)
    version = services.add_version(
        doc,
        upload=made.docx_with_pictures("Public words."),
        filename="public.docx",
        actor=TEST_ACTOR,
    )
    services.publish_version(version, actor=SystemActor("canary"))
    Report.objects.create(document=doc, no_background_documents=True)
    _publish_with_agenda(
        meeting, services.attach(meeting.items.get(number="12"), doc, actor=TEST_ACTOR)
    )


def after_publication(meeting, exempt_item, canary) -> None:
    doc = _word_paper(
        meeting, meeting.items.get(number="12"), LATER, canary, Classification.UNRESTRICTED
    )
    base = f"/meetings/{meeting.pk}/{meeting.slug}/papers/{doc.pk}/"
    client = Client()
    for suffix in ("pdf/", "original/"):
        response = client.get(base + suffix)
        assert response.status_code == 200, (suffix, response.status_code)
        b"".join(response.streaming_content)
    doc.classification, doc.exempt_paragraph = Classification.EXEMPT, 3
    services.save_document(doc, actor=SystemActor("canary"))
    for queued in AgendaPack.objects.filter(meeting=meeting, status=PackStatus.QUEUED):
        from papers.packs import run_pack

        run_pack(queued.pk, actor=TEST_ACTOR)


def check(meeting, canary) -> None:

    storage = private_storage()
    for title in (EXEMPT, LATER):
        doc = Document.objects.get(title=f"{title} {canary}")
        assert doc.is_restricted
        version = doc.current_version()
        with zipfile.ZipFile(version.source_file.open("rb")) as docx:
            assert canary.encode() in docx.read("word/document.xml")
    # The public rendering stored before the paper was found exempt is still there.
    later = Document.objects.get(title=f"{LATER} {canary}").current_version()
    stored = [n for n in storage.listdir(files.FOLDER)[1] if n.startswith(later.content_hash[:16])]
    assert stored, "the public PDF was stored"
    with storage.open(f"{files.FOLDER}/{stored[0]}") as handle:
        words = pdf_text.text(handle.read())
    assert canary in words
