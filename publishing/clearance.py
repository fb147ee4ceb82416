"""Clearance as a task: who must act on each step, what waits for whom, and what was said.

A step names who signs it off: the members of its group and the accounts it names; a step
naming no one may be signed off by any officer (as before steps named anyone). The author
of a report may not sign off a step that keeps duties separate (``separate_from_author``,
the default), nor approve their own report (``publishing.workflow``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q

from access.rules import is_democratic_services
from audit.actors import SystemActor
from audit.models import AuditEntry
from papers.models import Document

from .models import ClearanceSignoff, ClearanceStep, ReportState, ReportWorkflow


def names_anyone(step: ClearanceStep) -> bool:
    return step.group_id is not None or step.users.exists()


def may_act(user, step: ClearanceStep) -> bool:
    """Is ``user`` among those who must act on ``step`` (any officer or democratic services,
    when it names no one)?
    Separation of duties is the workflow's to apply, as it depends on the report."""
    if isinstance(user, SystemActor):
        return True
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if not names_anyone(step):
        return bool(user.is_staff) or is_democratic_services(user)
    in_group = step.group_id is not None and user.groups.filter(pk=step.group_id).exists()
    return in_group or step.users.filter(pk=user.pk).exists()


def who_acts(step: ClearanceStep) -> str:
    """ "Legal Services, or Ann Allen" — as the report's page shows it."""
    names = [step.group.name] if step.group is not None else []
    names += [u.get_full_name() or u.get_username() for u in step.users.order_by("username")]
    return ", or ".join(names) if names else "Any officer"


def steps_of(user) -> list[ClearanceStep]:
    """The active steps ``user`` may sign off."""
    if not getattr(user, "is_authenticated", False):
        return []
    named = Q(group__in=user.groups.all()) | Q(users=user)
    officer = user.is_staff or is_democratic_services(user)
    open_steps = Q(group__isnull=True, users__isnull=True) if officer else Q(pk__in=[])
    return list(ClearanceStep.objects.filter(active=True).filter(named | open_steps).distinct())


def signed_steps(workflows: Iterable[ReportWorkflow]) -> dict[int, set[int]]:
    """The steps (ids) signed off for each report's current submission, by document id: one
    query however many reports."""
    wanted = {(w.document_id, w.submission) for w in workflows}
    signed: dict[int, set[int]] = {document_id: set() for document_id, _ in wanted}
    if not wanted:
        return signed
    rows = ClearanceSignoff.objects.filter(document_id__in=list(signed)).values_list(
        "document_id", "submission", "step_id"
    )
    for document_id, submission, step_id in rows:
        if (document_id, submission) in wanted:
            signed[document_id].add(step_id)
    return signed


@dataclass
class Waiting:
    workflow: ReportWorkflow
    steps: list[ClearanceStep]  # the steps of it this user may sign off now


def waiting_for(user) -> list[Waiting]:
    """Submitted reports with a step this user may sign off and has not been signed off for
    the current submission, oldest submission first. Entitlement to exempt reports is the
    reader's to check (``access.rules``)."""
    mine = steps_of(user)
    if not mine:
        return []
    rows = []
    submitted = list(
        ReportWorkflow.objects.filter(state=ReportState.SUBMITTED)
        .select_related("document")
        .order_by("submitted_at", "pk")
    )
    signed = signed_steps(submitted)
    for workflow in submitted:
        steps = [s for s in mine if s.pk not in signed[workflow.document_id]]
        if steps:
            rows.append(Waiting(workflow, steps))
    return rows


@dataclass
class Said:
    """One thing said in the report's clearance: a sign-off's comment or a return's reason."""

    at: dt.datetime
    who: str
    what: str  # "Legal signed off", "Returned to draft"
    text: str
    submission: int | None = None


def history(document: Document) -> list[Said]:
    """Every sign-off (with its comment) and every return to draft (with its reason, kept in
    the audit trail as each return overwrote the last), newest first."""
    said = [
        Said(s.at, s.by_name, f"{s.step} signed off", s.comment, s.submission)
        for s in ClearanceSignoff.objects.filter(document=document).select_related("step")
    ]
    workflow = ReportWorkflow.objects.filter(document=document).first()
    if workflow is not None:
        returns = AuditEntry.objects.filter(
            content_type__app_label="publishing",
            content_type__model="reportworkflow",
            object_id=str(workflow.pk),
            event="publishing.report_returned",
        )
        for entry in returns:
            reason = (entry.changes.get("returned_reason") or [None, ""])[1]
            said.append(Said(entry.at, entry.actor_name, "Returned to draft", reason or ""))
    return sorted(said, key=lambda s: s.at, reverse=True)
