"""Changes to papers. Each checks the actor's permission first (democratic services, a system
actor, the back office's Django permission: ``audit.actors.require_model_permission``, or,
for a paper, an officer who wrote it: ``papers.authors``), validates, saves in one
transaction and writes the audit trail.

A document's content changes only by adding a version; a published version is never altered.
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from audit import trail
from audit.actors import Actor, name_of, require_model_permission, user_of
from meetings.models import AgendaItem

from . import convert, docx_header
from .authors import require_change
from .models import Classification, Document, DocumentVersion, ItemPaper, Report, SourceKind


def _check_classification(doc: Document) -> None:
    if doc.classification == Classification.EXEMPT and not doc.exempt_paragraph:
        raise ValidationError(
            {
                "exempt_paragraph": "An exempt paper must cite the paragraph of Schedule 12A "
                "(1 to 7)."
            }
        )
    if doc.classification != Classification.EXEMPT and doc.exempt_paragraph:
        raise ValidationError(
            {"exempt_paragraph": "Only an exempt paper cites a Schedule 12A paragraph."}
        )


def save_document(doc: Document, *, actor: Actor, reason: str = "") -> Document:
    """Create or change a document's details (not its content: see ``add_version``).

    A paper made exempt or confidential is withdrawn from every built public pack that holds
    it, and each pack is queued as a new version (``papers.packs.withdraw_packs_with``);
    ``reason`` says why (by default, the new classification). Refuses an actor without
    permission to add or change documents, unless they wrote it."""
    require_change(actor, doc)
    _check_classification(doc)
    with transaction.atomic():
        was = (
            Document.objects.filter(pk=doc.pk).values_list("classification", flat=True).first()
            if doc.pk
            else None
        )
        saved = trail.save(doc, actor=actor)
        if was == Classification.UNRESTRICTED and doc.is_restricted:
            from . import packs

            top = doc.parent_id or doc.pk
            packs.withdraw_packs_with(
                ItemPaper.objects.filter(document_id=top).values_list("pk", flat=True),
                # Public (the document history): never the title, which may be exempt too.
                reason.strip() or "A paper in it was reclassified as not for publication.",
                actor=actor,
            )
    return saved


def save_report(report: Report, *, actor: Actor) -> Report:
    """Create or change a report's header (signers, recommendations, background papers).
    Refuses an actor without permission to change reports, unless they wrote it."""
    require_change(actor, report.document, report)
    return trail.save(report, actor=actor)


def _next_number(doc: Document) -> int:
    return (doc.versions.aggregate(n=Max("number"))["n"] or 0) + 1


def add_version(
    doc: Document,
    *,
    html: str | None = None,
    upload: bytes | None = None,
    filename: str = "",
    without_header: bool = False,
    actor: Actor,
) -> DocumentVersion:
    """Add a new version of ``doc`` from written HTML or an uploaded .docx or .pdf file.

    ``without_header``: a .docx made from the council's report template is converted
    without its header (``docx_header``), which the paper's template prints from the
    report's fields.

    Refuses (``PermissionDenied``) an actor without permission to change documents (the back
    office adds a version from the document's page) who did not write it, and
    (``ValidationError`` naming the file, in plain words saying what to do instead:
    ``convert.read_upload``; nothing saved): HTML with scripts or external resources;
    unreadable, damaged, encrypted or password-protected files; files over the size limit;
    empty content; any other file type.
    """
    require_change(actor, doc, Document, "change")
    if html is not None and upload is None:
        kind, converted = SourceKind.HTML, convert.written_html(html)
        digest = convert.content_hash("html", converted.html)
    elif upload is not None and html is None:
        name = Path(filename).name or "The file"
        if without_header and Path(name).suffix.lower() == ".docx":
            kind, converted = SourceKind.DOCX, docx_header.convert_without_header(upload, name)
        else:
            suffix, converted = convert.read_upload(upload, filename)
            kind = SourceKind.DOCX if suffix == ".docx" else SourceKind.PDF
        digest = convert.content_hash(kind, upload)
    else:
        raise ValidationError("Give either the text of the paper or a file, not both.")
    with transaction.atomic():
        Document.objects.select_for_update().filter(pk=doc.pk).first()
        version = DocumentVersion(
            document=doc,
            number=_next_number(doc),
            source_kind=kind,
            html=converted.html,
            text=converted.text,
            page_count=converted.page_count,
            content_hash=digest,
            original_filename=Path(filename).name if upload is not None else "",
        )
        version.created_by, version.created_by_name = user_of(actor), name_of(actor)
        if upload is not None:
            version.source_file.save(
                f"{digest[:16]}{Path(filename).suffix.lower()}", ContentFile(upload), save=False
            )
        trail.save(version, actor=actor, event="papers.version_added")
        Document.objects.filter(pk=doc.pk).update(updated_at=timezone.now())
    return version


def publish_version(version: DocumentVersion, *, actor: Actor) -> DocumentVersion:
    """Mark a version published (from then on immutable). Publishing twice changes nothing.
    Refuses an actor without permission to change document versions."""
    require_model_permission(actor, DocumentVersion, "change")
    if version.published_at:
        return version
    # Nothing is recorded as published that is not stored: a store that does not answer
    # raises StorageUnavailable here, and the publication's transaction is rolled back.
    stored = version.source_file
    if stored and not stored.storage.exists(stored.name):
        raise ValidationError(
            f"The file of version {version.number} of “{version.document}” is not in the file "
            "store: upload it again before publishing."
        )
    version.published_at = timezone.now()
    return trail.save(version, actor=actor, event="papers.version_published", validate=False)


def attach(item: AgendaItem, doc: Document, order: int | None = None, *, actor: Actor) -> ItemPaper:
    """Attach a document to an agenda item (at the end unless ``order`` is given).

    A paper of unrestricted classification attached to exempt business (an exempt item or a
    sub-item of one) takes the item's classification and Schedule 12A paragraph: the papers of
    business the public are excluded from are exempt with it (docs/statutory-rules.md). Should
    it be reclassified later, ``Document.is_restricted`` still withholds it while it is
    attached to exempt business. Refuses an actor without permission to add item papers,
    unless they wrote the paper (an officer attaching their report to the item).
    """
    require_change(actor, doc, ItemPaper, "add")
    if doc.parent_id:
        raise ValidationError("Attach the report; its appendices come with it.")
    with transaction.atomic():
        if order is None:
            order = (item.papers.aggregate(n=Max("order"))["n"] or 0) + 10
        link = trail.save(
            ItemPaper(item=item, document=doc, order=order),
            actor=actor,
            event="papers.paper_attached",
        )
        if item.is_exempt and doc.classification == Classification.UNRESTRICTED:
            doc.classification = Classification.EXEMPT
            doc.exempt_paragraph = item.exemption_paragraph
            save_document(doc, actor=actor)
    return link


def problems_for_pack(doc: Document) -> list[str]:
    """What stops a paper going into an agenda pack, in plain words (empty when ready)."""
    return pack_problems(doc, doc.versions.exists(), getattr(doc, "report", None))


def pack_problems(doc: Document, has_versions: bool, report: Report | None) -> list[str]:
    """``problems_for_pack`` from what was read already: whether the paper has a version, and
    its report header (None: not a report)."""
    problems = []
    if not has_versions:
        problems.append(f"“{doc.title}” has no content yet.")
    if report is not None and not report.background_statement:
        problems.append(
            f"“{doc.title}” does not state its background documents: list them or state “None”."
        )
    return problems
