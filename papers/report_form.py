"""A report saved from the workspace's one form: its document (subject, classification), its
header (``Report`` and its signers, recommendations and pathway) and its body, at once.

The body becomes a new version only when it changed, so saving the header alone (or saving
twice) adds none; the autosave slot (``papers.drafts``) is emptied, the form being now in the
record. Everything or nothing is saved, each row through the audit trail.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from audit import trail
from audit.actors import Actor, manages_everything, require_model_permission, user_of
from audit.models import AuditEntry
from council.models import Body, Division, Person
from meetings.models import AgendaItem

from . import convert, drafts, services
from .authors import is_officer, require_change
from .models import (
    Classification,
    Document,
    DocumentKind,
    ItemPaper,
    PathwayStep,
    Recommendation,
    Report,
    ReportSigner,
)
from .sanitise import report_html

EVENT = "papers.report_saved"


@dataclass
class Signer:
    person: Person
    capacity: str


@dataclass
class Step:
    direction: str  # PathwayStep.Direction
    body: Body | None
    description: str = ""
    date: dt.date | None = None
    note: str = ""


@dataclass
class Contact:
    person: Person | None = None
    job_title: str = ""
    telephone: str = ""
    email: str = ""


@dataclass
class ReportFields:
    """The form, read and typed (``workspace.report_form`` reads it from the request)."""

    title: str
    classification: str = Classification.UNRESTRICTED
    exempt_paragraph: int | None = None
    to_body: Body | None = None
    date: dt.date | None = None
    decision_flag: str = ""
    all_divisions: bool = False
    divisions: list[Division] = field(default_factory=list)
    key_decision: bool = False
    key_decision_reference: str = ""
    summary: str = ""
    signers: list[Signer] = field(default_factory=list)
    recommendations: list[tuple[str, str]] = field(default_factory=list)  # (verb, text)
    pathway: list[Step] = field(default_factory=list)
    background_documents: str = ""
    no_background_documents: bool = False
    author: Contact = field(default_factory=Contact)
    director: Contact = field(default_factory=Contact)
    body: str | None = None  # the body's HTML as written; None leaves the body as it is


def _check(fields: ReportFields) -> None:
    if not fields.title.strip():
        raise ValidationError({"title": "Enter the report's subject."})
    if fields.background_documents.strip() and fields.no_background_documents:
        raise ValidationError(
            {"background_documents": "List the background documents or tick “None”, not both."}
        )


def _header(report: Report, f: ReportFields) -> None:
    report.to_body, report.date, report.decision_flag = f.to_body, f.date, f.decision_flag
    report.all_divisions, report.summary = f.all_divisions, f.summary.strip()
    report.key_decision, report.key_decision_reference = f.key_decision, f.key_decision_reference
    report.background_documents = f.background_documents.strip()
    report.no_background_documents = f.no_background_documents
    for role in ("author", "director"):
        contact: Contact = getattr(f, role)
        setattr(report, role, contact.person)
        for part in ("job_title", "telephone", "email"):
            setattr(report, f"{role}_{part}", getattr(contact, part).strip())


def _replace(rows, made: list, key, actor: Actor) -> None:
    """Replace the rows with ``made`` unless they are the same (compared by ``key``)."""
    old = list(rows)
    if [key(r) for r in old] == [key(r) for r in made]:
        return
    for row in old:
        trail.delete(row, actor=actor, event=EVENT)
    for order, row in enumerate(made):
        row.order = order
        trail.save(row, actor=actor, event=EVENT)


def _children(report: Report, f: ReportFields, actor: Actor) -> None:
    before = sorted(report.divisions.values_list("pk", flat=True))
    after = sorted(d.pk for d in f.divisions) if not f.all_divisions else []
    if before != after:
        report.divisions.set(after)
        changes = {"divisions": [before, after]}
        trail.record(AuditEntry.Action.UPDATE, report, changes, actor=actor, event=EVENT)
    _replace(
        report.signers.all(),
        [ReportSigner(report=report, person=s.person, capacity=s.capacity) for s in f.signers],
        lambda s: (s.person_id, s.capacity),
        actor,
    )
    _replace(
        report.recommendations.all(),
        [Recommendation(report=report, verb=v, text=t) for v, t in f.recommendations],
        lambda r: (r.verb, r.text),
        actor,
    )
    steps = [
        PathwayStep(
            report=report,
            direction=s.direction,
            body=s.body,
            description="" if s.body else s.description,
            date=s.date,
            note=s.note,
        )
        for s in f.pathway
    ]
    _replace(
        report.pathway.all(),
        steps,
        lambda s: (s.direction, s.body_id, s.description, s.date, s.note),
        actor,
    )


def _body(document: Document, html: str | None, actor: Actor) -> bool:
    """A new version when the body changed (and is not empty). Returns whether one was added."""
    if html is None:
        return False
    cleaned = convert.sanitise_html(report_html(html))
    if not convert.html_text(cleaned) and "<img" not in cleaned:
        return False  # nothing written yet; submission asks for content
    current = document.current_version()
    if current is not None and current.html == cleaned:
        return False
    services.add_version(document, html=cleaned, actor=actor)
    return True


def save_written_report(document: Document, fields: ReportFields, *, actor: Actor) -> bool:
    """Save the form into the report: the document's subject and classification, its header
    and (when it changed) its body as a new version; then empty its autosave slot. Returns
    whether a version was added.

    Refuses (``PermissionDenied``) an actor who did not write the report and has no
    permission to change reports; (``ValidationError``) a paper that is not a report, a
    blank subject, background documents both listed and "None", an exempt report without
    its paragraph, a body with scripts or external resources. Nothing saved then."""
    require_change(actor, document, Report)
    if document.kind != DocumentKind.REPORT or document.parent_id:
        raise ValidationError("Only a report has a header: this paper is not one.")
    _check(fields)
    with transaction.atomic():
        document.title = fields.title.strip()[:300]
        document.classification = fields.classification
        document.exempt_paragraph = fields.exempt_paragraph
        services.save_document(document, actor=actor)
        # The body first: a header that stops naming its author would refuse them after.
        added = _body(document, fields.body, actor)
        report = document.report_or_none or Report(document=document)
        _header(report, fields)
        services.save_report(report, actor=actor)
        _children(report, fields, actor)
        drafts.empty_slot(document, actor=actor, event="papers.draft_saved")
    return added


def _may_start(actor: Actor) -> None:
    """Democratic services, the back office's permission to add papers, or any officer
    (who writes the report for the item, and so is its author)."""
    if manages_everything(actor) or is_officer(actor):
        return
    require_model_permission(actor, Document, "add")
    require_model_permission(actor, ItemPaper, "add")


def start_report(item: AgendaItem, fields: ReportFields, *, actor: Actor) -> Document:
    """A new report for the agenda item, written by the actor (its author), saved from the
    form as ``save_written_report`` saves it, and attached to the item (exempt with it when
    the item is exempt).

    Refuses (``PermissionDenied``) an actor who is not an officer and has no permission to
    add papers, and whatever ``save_written_report`` refuses. Nothing saved then."""
    _may_start(actor)
    _check(fields)
    with transaction.atomic():
        document = Document(
            kind=DocumentKind.REPORT,
            title=fields.title.strip()[:300],
            classification=fields.classification,
            exempt_paragraph=fields.exempt_paragraph,
            created_by=user_of(actor),
        )
        services.save_document(document, actor=actor)
        services.attach(item, document, actor=actor)
        document.refresh_from_db()
        if item.is_exempt and fields.classification == Classification.UNRESTRICTED:
            fields.classification = document.classification
            fields.exempt_paragraph = document.exempt_paragraph
        save_written_report(document, fields, actor=actor)
    return document


def start_draft(item: AgendaItem, title: str, *, actor: Actor) -> Document:
    """A new report for the item with only its subject, attached: what the first autosave
    of a new report makes, so the slot has a report to belong to. Refuses as
    ``start_report`` does."""
    return start_report(item, ReportFields(title=title), actor=actor)
