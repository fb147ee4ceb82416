"""A public paper in a built (supplementary) public pack, then reclassified as exempt: every
public pack holding it is withdrawn and rebuilt (papers/packs.py ``withdraw_packs_with``)."""

from __future__ import annotations

from audit.actors import SystemActor
from audit.testing import TEST_ACTOR
from moot import pdf_text
from papers import services
from papers.models import AgendaPack, Classification, Document, PackKind, PackStatus, Report
from papers.packs import request_pack, run_pack

TITLE = "Public report later found exempt"


def after_publication(meeting, exempt_item, canary):
    if not AgendaPack.objects.filter(
        meeting=meeting, kind=PackKind.PUBLIC, status=PackStatus.BUILT
    ).exists():
        run_pack(request_pack(meeting, enqueue=False, actor=TEST_ACTOR).pk, actor=TEST_ACTOR)
    doc = services.save_document(
        Document(title=TITLE, classification=Classification.UNRESTRICTED), actor=TEST_ACTOR
    )
    version = services.add_version(
        doc, html=f"<p>Trading figures {canary} in the text.</p>", actor=TEST_ACTOR
    )
    services.publish_version(version, actor=SystemActor("canary"))
    Report.objects.create(document=doc, no_background_documents=True)
    services.attach(meeting.items.get(number="12"), doc, actor=TEST_ACTOR)
    run_pack(
        request_pack(meeting, supplementary=True, enqueue=False, actor=TEST_ACTOR).pk,
        actor=TEST_ACTOR,
    )
    # Then found to be exempt (paragraph 3: the council's financial affairs).
    doc.classification, doc.exempt_paragraph = Classification.EXEMPT, 3
    services.save_document(doc, actor=SystemActor("canary"))
    for queued in AgendaPack.objects.filter(meeting=meeting, status=PackStatus.QUEUED):
        run_pack(queued.pk, actor=TEST_ACTOR)


def check(meeting, canary):
    doc = Document.objects.get(title=TITLE)
    assert doc.classification == Classification.EXEMPT and canary in doc.current_version().html
    # The supplement built while the paper was public holds the text (kept for the record).
    first = (
        AgendaPack.objects.filter(
            meeting=meeting, supplement__gt=0, kind=PackKind.PUBLIC, status=PackStatus.BUILT
        )
        .order_by("pk")
        .first()
    )
    assert canary in pdf_text.text(first.file.open("rb").read())
