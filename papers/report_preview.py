"""A report as it will print, from the form as typed, before it is saved.

The form is saved by the very services that save it for real (``papers.report_form``), in a
transaction that is then rolled back, and the paper is rendered from the print template the
agenda pack uses (``papers.files.print_html``) in between: so the preview is the paper's PDF
as it would be, header and all, and nothing of it stays in the record (nor in the audit
trail). The services check the actor as they always do.
"""

from __future__ import annotations

from django.db import transaction

from audit.actors import Actor
from meetings.models import AgendaItem

from .files import is_withheld, print_html, restricted_marking
from .models import Document, DocumentVersion
from .pack.render import render_html
from .report_form import ReportFields, save_written_report, start_report


class _Undo(Exception):
    """Raised to roll the preview's transaction back."""


def preview_html(
    document: Document | None, item: AgendaItem | None, fields: ReportFields, *, actor: Actor
) -> str:
    """The complete HTML the report's PDF would be rendered from, were the form saved.
    Refuses what saving would refuse (``PermissionDenied``, ``ValidationError``)."""
    printed = ""
    try:
        with transaction.atomic():
            if document is None:
                assert item is not None, "a new report is written for an agenda item"
                saved = start_report(item, fields, actor=actor)
            else:
                save_written_report(document, fields, actor=actor)
                saved = document
            saved = Document.objects.get(pk=saved.pk)
            version = saved.current_version() or DocumentVersion(
                document=saved, number=0, html="", content_hash="preview"
            )
            link = saved.attachments.select_related("item__meeting").order_by("pk").first()
            meeting = link.item.meeting if link else None
            marking = restricted_marking(saved) if is_withheld(saved) else ""
            printed = print_html(saved, version, meeting, marking)
            raise _Undo
    except _Undo:
        pass
    return printed


def preview_pdf(
    document: Document | None, item: AgendaItem | None, fields: ReportFields, *, actor: Actor
) -> bytes:
    """The PDF of ``preview_html`` (rendered after the rollback: the record is untouched)."""
    return render_html(preview_html(document, item, fields, actor=actor))
