"""Autosave: the report form kept as typed in its slot (``ReportDraft``), not in the record.

The slot is overwritten by each autosave; saving the report (``papers.report_form``) turns it
into the report's header and, when the body changed, one new version, and empties it. So a
morning's writing makes one version, not one per keystroke. The slot is audited when it is
started and when it is discarded or saved (``papers.draft_started``, ``papers.draft_discarded``,
``papers.draft_saved``); the autosaves in between only stamp it with who saved it and when,
as the trail is the record of changes to the record and the slot is not yet one.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit import trail
from audit.actors import Actor, name_of, user_of

from .authors import require_change
from .models import Document, Report
from .report_drafts import ReportDraft
from .sanitise import report_html

#: How much an autosave may hold: a long report's body with a few pictures, not a film.
MAX_HTML = 5 * 1024 * 1024
MAX_FIELDS = 200 * 1024
TOO_BIG = "The report is too big to autosave. Save it, or move pictures into an appendix."


def _plain_fields(fields: dict) -> dict[str, list[str]]:
    kept = {
        str(name)[:100]: [str(v) for v in (values if isinstance(values, list) else [values])]
        for name, values in fields.items()
    }
    if sum(len(k) + sum(len(v) for v in vs) for k, vs in kept.items()) > MAX_FIELDS:
        raise ValidationError(TOO_BIG)
    return kept


def draft_of(document: Document | None) -> ReportDraft | None:
    if document is None or document.pk is None:
        return None
    return ReportDraft.objects.filter(document=document).first()


def autosave(document: Document, fields: dict, html: str, *, actor: Actor) -> ReportDraft:
    """Keep the form as typed (``fields``: name → values) and the body (``html``, sanitised
    with ``sanitise.report_html``) in the report's autosave slot, replacing what it held.

    Changes nothing of the record: no version, no header field. Refuses (``PermissionDenied``)
    an actor who may not change the report, and (``ValidationError``) a body or form too big
    to keep; nothing saved then."""
    require_change(actor, document, Report)
    if len(html or "") > MAX_HTML:
        raise ValidationError(TOO_BIG)
    kept, body = _plain_fields(fields), report_html(html or "")
    with transaction.atomic():
        Document.objects.select_for_update().filter(pk=document.pk).first()
        draft = ReportDraft.objects.filter(document=document).first()
        started = draft is None
        if draft is None:
            current = document.current_version()
            draft = ReportDraft(document=document, base_version=current.number if current else None)
        draft.fields, draft.html, draft.saved_at = kept, body, timezone.now()
        draft.saved_by, draft.saved_by_name = user_of(actor), name_of(actor)
        if started:
            trail.save(draft, actor=actor, event="papers.draft_started")
        else:
            draft.save()
    return draft


def close_draft(document: Document, *, actor: Actor, event: str = "papers.draft_discarded") -> bool:
    """Empty the report's autosave slot (discarded, or ``papers.draft_saved`` once saved into
    the record). Returns whether there was one. Refuses an actor who may not change the
    report."""
    require_change(actor, document, Report)
    return empty_slot(document, actor=actor, event=event)


def empty_slot(document: Document, *, actor: Actor, event: str) -> bool:
    """``close_draft`` for a service that has checked the actor already (saving the report:
    a header that no longer names its author would otherwise refuse the author here)."""
    draft = draft_of(document)
    if draft is None:
        return False
    trail.delete(draft, actor=actor, event=event)
    return True
