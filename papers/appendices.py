"""Appendices added to a report from its form: a PDF or Word file, public or exempt."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from audit.actors import Actor, user_of

from . import services
from .authors import require_change
from .models import Classification, Document, DocumentKind, DocumentVersion


def add_appendix(
    report: Document,
    *,
    title: str,
    label: str,
    classification: str,
    exempt_paragraph: int | None,
    upload: bytes,
    filename: str,
    actor: Actor,
) -> tuple[Document, DocumentVersion]:
    """A new appendix of ``report`` (last in its order) with the uploaded file as its first
    version; the actor is its author. An appendix of an exempt report is exempt with it
    whatever it says (``Document.is_restricted`` withholds it), and an exempt appendix of a
    public report is withheld on its own.

    Refuses (``PermissionDenied``) an actor who may not change the report, and
    (``ValidationError``, plain words, nothing saved): a paper that is not a report; no
    title; an exempt appendix without its Schedule 12A paragraph (or a paragraph on a public
    one); a file that is not a readable PDF or Word document (``convert.read_upload``)."""
    require_change(actor, report, Document, "add")
    if report.kind != DocumentKind.REPORT or report.parent_id:
        raise ValidationError("Appendices belong to a report: this paper is not one.")
    if not title.strip():
        raise ValidationError({"appendix_title": "Enter the appendix's title."})
    if classification not in Classification.values:
        raise ValidationError({"appendix_classification": "Choose the appendix's classification."})
    with transaction.atomic():
        Document.objects.select_for_update().filter(pk=report.pk).first()
        order = (report.appendices.aggregate(n=Max("order"))["n"] or 0) + 1
        appendix = Document(
            kind=DocumentKind.APPENDIX,
            parent=report,
            title=title.strip()[:300],
            label=label.strip()[:50],
            order=order,
            classification=classification,
            exempt_paragraph=exempt_paragraph,
            created_by=user_of(actor),
        )
        services.save_document(appendix, actor=actor)
        version = services.add_version(appendix, upload=upload, filename=filename, actor=actor)
    return appendix, version
