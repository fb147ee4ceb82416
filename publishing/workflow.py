"""A report's way to publication: draft → submitted → cleared → approved for publication.

Each function checks the actor first (``PermissionDenied``): officers (staff accounts, who
reach the back office), democratic services or a system actor submit reports; a step is
signed off by those it names (``publishing.clearance``; any officer when it names no one);
a report is returned by democratic services, its author or those who clear it; only
democratic services approve them. Separation of duties: the report's author
(``papers.authors``) never signs off a step that keeps duties separate, nor approves their
own report (``MOOT_AUTHOR_MAY_APPROVE`` allows the latter, for a team of one). Each then
validates, changes the record in one transaction, writes the audit trail and raises
``ValidationError`` (nothing saved) when it refuses. A report counts as approved only while
its current version is the one approved: a later change needs approving again.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from access.rules import is_democratic_services
from audit import trail
from audit.actors import Actor, SystemActor, check, manages_everything, name_of, user_of
from papers.authors import is_author
from papers.models import Classification, Document, DocumentKind

from .clearance import may_act, signed_steps, who_acts
from .models import ClearanceSignoff, ClearanceStep, ReportState, ReportWorkflow
from .state import require_democratic_services


def workflow_of(document: Document) -> ReportWorkflow:
    """The report's workflow row as saved now, unsaved (a draft) when it has none yet.
    Read afresh: ``document.workflow`` may be a cached copy from before a change."""
    found = ReportWorkflow.objects.filter(document_id=document.pk).first()
    return found or ReportWorkflow(document=document)


def _is_report(document: Document) -> bool:
    return document.kind == DocumentKind.REPORT and not document.parent_id


def _has_content(document: Document) -> bool:
    version = document.current_version()
    return version is not None and bool(
        (version.text or version.html or "").strip() or version.source_file
    )


def missing_for_submission(document: Document) -> list[str]:
    """What the author must still do before the report can be submitted (empty when ready).

    Shown on the author's screen before submitting; ``submit_report`` refuses with the same list.
    """
    if not _is_report(document):
        return [f"“{document.title}” is not a report: only reports go through clearance."]
    missing = []
    if not _has_content(document):
        missing.append("The report has no content yet: write it or upload it.")
    if document.classification == Classification.EXEMPT and not document.exempt_paragraph:
        missing.append("The report is marked exempt but does not cite its Schedule 12A paragraph.")
    report = document.report_or_none
    if report is None:
        missing.append(
            "The report header (background documents, recommendations) is not filled in."
        )
    else:
        if not report.background_statement:
            missing.append("The background documents are not stated: list them or state “None”.")
        if not report.recommendations.exists():
            missing.append("The report has no recommendations.")
    for appendix in document.appendices.all():
        name = appendix.label or appendix.title
        if not _has_content(appendix):
            missing.append(f"{name} has no content yet.")
        if appendix.classification == Classification.EXEMPT and not appendix.exempt_paragraph:
            missing.append(f"{name} is marked exempt but does not cite its Schedule 12A paragraph.")
    return missing


def active_steps() -> list[ClearanceStep]:
    return list(ClearanceStep.objects.filter(active=True))


def unsigned_steps_of(workflows: Iterable[ReportWorkflow]) -> dict[int, list[ClearanceStep]]:
    """``unsigned_steps`` of each workflow, by the workflow's document id: two queries
    however many reports (the home page lists every report waiting)."""
    workflows = list(workflows)
    steps = active_steps()
    signed = signed_steps(workflows)
    return {
        w.document_id: [s for s in steps if s.pk not in signed[w.document_id]] for w in workflows
    }


def unsigned_steps(workflow: ReportWorkflow) -> list[ClearanceStep]:
    """The active steps not yet signed off for the report's current submission."""
    return unsigned_steps_of([workflow])[workflow.document_id]


def approval_is_current(workflow: ReportWorkflow | None, latest_version: int | None) -> bool:
    """Approved for publication, and its latest version (number) the one approved."""
    if workflow is None or workflow.state != ReportState.APPROVED:
        return False
    return latest_version is not None and latest_version == workflow.approved_version


def is_approved(document: Document) -> bool:
    """Approved for publication, and not changed since."""
    workflow = workflow_of(document)
    if workflow.state != ReportState.APPROVED:
        return False
    version = document.current_version()
    return approval_is_current(workflow, version.number if version else None)


def _lock(document: Document) -> ReportWorkflow:
    """The workflow row, locked against a simultaneous change (created as a draft if missing)."""
    workflow = ReportWorkflow.objects.select_for_update().filter(document=document).first()
    return workflow or ReportWorkflow(document=document)


def _require_officer(actor: Actor, what: str) -> None:
    """An officer (a staff account), democratic services or a system actor; anyone else,
    signed out included, is refused."""
    check(actor)
    if isinstance(actor, SystemActor) or is_democratic_services(actor):
        return
    if not getattr(actor, "is_staff", False):
        raise PermissionDenied(f"Only officers {what}.")


def submit_report(document: Document, *, actor: Actor) -> ReportWorkflow:
    """Submit a draft report for clearance (a new round of sign-offs).

    Refuses: an actor who is not an officer; a report that is not a draft; a report with
    anything in ``missing_for_submission`` (the refusal lists it all).
    """
    _require_officer(actor, "submit reports for clearance")
    with transaction.atomic():
        workflow = _lock(document)
        if workflow.state != ReportState.DRAFT:
            raise ValidationError(
                f"“{document.title}” is already {workflow.get_state_display().lower()}."
            )
        missing = missing_for_submission(document)
        if missing:
            raise ValidationError(missing)
        workflow.submission += 1
        workflow.submitted_at = timezone.now()
        workflow.returned_reason = ""
        # With no clearance steps configured there is nothing to wait for.
        workflow.state = ReportState.SUBMITTED
        trail.save(workflow, actor=actor, event="publishing.report_submitted")
        if not unsigned_steps(workflow):
            workflow.state = ReportState.CLEARED
            trail.save(workflow, actor=actor, event="publishing.report_cleared")
    return workflow


def sign_off(
    document: Document, step: ClearanceStep, comment: str = "", *, actor: Actor
) -> ClearanceSignoff:
    """Sign off one clearance step for the report's current submission; when every active step
    is signed off the report becomes cleared.

    Refuses (``PermissionDenied``): a signer who is not an officer (signed out included: a
    sign-off is never recorded without its signer); an officer the step does not name; the
    report's author, when the step keeps duties separate. Refuses (``ValidationError``): a
    report not submitted (or already approved); an inactive step; a step already signed off
    for this submission.
    """
    _require_officer(actor, "sign off reports")
    if not may_act(actor, step):
        raise PermissionDenied(f"Only {who_acts(step)} may sign off “{step}”.")
    if step.separate_from_author and is_author(actor, document):
        raise PermissionDenied(
            f"You wrote “{document.title}”: someone else must sign off “{step}”."
        )
    with transaction.atomic():
        workflow = _lock(document)
        if workflow.state not in (ReportState.SUBMITTED, ReportState.CLEARED):
            raise ValidationError(
                f"“{document.title}” is {workflow.get_state_display().lower()}: only a submitted "
                "report can be signed off."
            )
        if not step.active:
            raise ValidationError(f"The step “{step}” is no longer in use.")
        if ClearanceSignoff.objects.filter(
            document=document, step=step, submission=workflow.submission
        ).exists():
            raise ValidationError(f"“{step}” has already signed off this submission.")
        signoff = trail.save(
            ClearanceSignoff(
                document=document,
                step=step,
                submission=workflow.submission,
                by=user_of(actor),
                by_name=name_of(actor),
                at=timezone.now(),
                comment=comment.strip(),
            ),
            actor=actor,
            event="publishing.report_signed_off",
        )
        if workflow.state == ReportState.SUBMITTED and not unsigned_steps(workflow):
            workflow.state = ReportState.CLEARED
            trail.save(workflow, actor=actor, event="publishing.report_cleared")
    return signoff


def return_to_draft(document: Document, reason: str, *, actor: Actor) -> ReportWorkflow:
    """Send a submitted, cleared or approved report back to its author with a reason; its
    sign-offs stay in the record but the next submission needs new ones.

    Refuses (``PermissionDenied``) an actor who is not democratic services, the report's
    author or one who may sign off an active step; (``ValidationError``) a report that is
    already a draft; a blank reason.
    """
    _require_officer(actor, "return reports to draft")
    if not (
        manages_everything(actor)
        or is_author(actor, document)
        or any(may_act(actor, step) for step in active_steps())
    ):
        raise PermissionDenied(
            "Only democratic services, the report's author or those who clear it return it."
        )
    if not reason.strip():
        raise ValidationError("Say why the report is returned: the author needs to know.")
    with transaction.atomic():
        workflow = _lock(document)
        if workflow.pk is None or workflow.state == ReportState.DRAFT:
            raise ValidationError(f"“{document.title}” is already a draft.")
        workflow.state = ReportState.DRAFT
        workflow.returned_reason = reason.strip()
        workflow.approved_at, workflow.approved_version = None, None
        workflow.approved_by, workflow.approved_by_name = None, ""
        return trail.save(workflow, actor=actor, event="publishing.report_returned")


def approve_for_publication(document: Document, *, actor: Actor) -> ReportWorkflow:
    """Approve a cleared report for publication (its current version).

    Refuses (``PermissionDenied``): an actor who is not democratic services; the report's
    author (separation of duties, unless ``MOOT_AUTHOR_MAY_APPROVE``). Refuses
    (``ValidationError``): a report not submitted; any active clearance step not signed off
    for this submission (listed); a report with no content.
    """
    require_democratic_services(actor, "Only democratic services approve reports for publication.")
    if is_author(actor, document) and not settings.MOOT_AUTHOR_MAY_APPROVE:
        raise PermissionDenied(
            f"You wrote “{document.title}”: another officer of democratic services must approve it."
        )
    with transaction.atomic():
        workflow = _lock(document)
        if workflow.state not in (ReportState.SUBMITTED, ReportState.CLEARED):
            raise ValidationError(
                f"“{document.title}” is {workflow.get_state_display().lower()}: only a submitted "
                "and cleared report can be approved."
            )
        unsigned = unsigned_steps(workflow)
        if unsigned:
            raise ValidationError(
                [f"“{step}” has not signed off “{document.title}”." for step in unsigned]
            )
        version = document.current_version()
        if version is None:
            raise ValidationError(f"“{document.title}” has no content to approve.")
        workflow.state = ReportState.APPROVED
        workflow.approved_at = timezone.now()
        workflow.approved_version = version.number
        workflow.approved_by, workflow.approved_by_name = user_of(actor), name_of(actor)
        return trail.save(workflow, actor=actor, event="publishing.report_approved")
