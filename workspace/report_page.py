"""What a report's page shows its viewer: the report (to edit, for its authors and democratic
services), its appendices, and its clearance as a task — each step, who must act, what was
said, and what this viewer may do now.

Who reaches the page: democratic services; the report's authors (``papers.authors``); those
who may sign off one of its clearance steps while it is submitted. A restricted report (or
appendix) is shown only to those entitled to it (``access.rules.may_see_exempt``); others are
told no more than that it is withheld.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from access.rules import is_democratic_services, may_see_exempt
from meetings.models import AgendaItem
from papers import drafts
from papers.authors import authored, is_author, may_change
from papers.files import is_withheld
from papers.models import Document, DocumentKind, ItemPaper, ReportDraft
from publishing import clearance
from publishing.models import ClearanceSignoff, ClearanceStep, ReportState, ReportWorkflow
from publishing.workflow import active_steps, missing_for_submission, workflow_of


def items_of(document: Document) -> list[AgendaItem]:
    top = document.parent if document.parent_id else document
    return items_of_all([top])[top.pk]


def items_of_all(reports: list[Document]) -> dict[int, list[AgendaItem]]:
    """The agenda items each report (not an appendix) is attached to, in one query."""
    found: dict[int, list[AgendaItem]] = {doc.pk: [] for doc in reports}
    links = ItemPaper.objects.filter(document_id__in=list(found)).select_related(
        "item__meeting__body"
    )
    for link in links.order_by("pk"):
        found[link.document_id].append(link.item)
    return found


def may_see(user, document: Document, items: list[AgendaItem] | None = None) -> bool:
    """Entitled to the paper: public, or restricted and entitled at one of its meetings
    (``items``: the report's items, when read already)."""
    if is_democratic_services(user) or not is_withheld(document):
        return True
    items = items_of(document) if items is None else items
    if not items:
        return is_author(user, document)
    return any(may_see_exempt(user, item.meeting, document) for item in items)


@dataclass
class StepRow:
    step: ClearanceStep
    who: str
    signoff: ClearanceSignoff | None
    may_sign: bool
    why_not: str = ""
    error: str = ""  # a refused sign-off's message, and the comment typed (shown again)
    typed: str = ""


@dataclass
class Appendix:
    document: Document
    visible: bool


@dataclass
class ReportPage:
    document: Document
    items: list[AgendaItem]
    workflow: ReportWorkflow
    may_edit: bool
    is_author: bool
    draft: ReportDraft | None
    appendices: list[Appendix]
    steps: list[StepRow]
    history: list[clearance.Said]
    missing: list[str] = field(default_factory=list)
    may_submit: bool = False
    may_return: bool = False
    may_approve: bool = False

    @property
    def state(self) -> str:
        return self.workflow.get_state_display()

    @property
    def item(self) -> AgendaItem | None:
        return self.items[0] if self.items else None


def reviews(user, document: Document) -> bool:
    """May sign off one of the report's active steps, the report being in clearance
    (submitted, cleared or approved: they see what became of it)."""
    workflow = workflow_of(document)
    if workflow.state == ReportState.DRAFT:
        return False
    return any(clearance.may_act(user, step) for step in active_steps())


def reaches(user, document: Document) -> bool:
    """Does the page exist for this user (before the question of entitlement)?"""
    if document.kind != DocumentKind.REPORT or document.parent_id:
        return False
    return is_democratic_services(user) or may_change(user, document) or reviews(user, document)


def _steps(user, document: Document, workflow: ReportWorkflow, author: bool) -> list[StepRow]:
    signed = {
        s.step_id: s
        for s in ClearanceSignoff.objects.filter(document=document, submission=workflow.submission)
    }
    rows = []
    for step in active_steps():
        signoff = signed.get(step.pk) if workflow.submission else None
        why = ""
        if workflow.state != ReportState.SUBMITTED or signoff is not None:
            why = "-"
        elif not clearance.may_act(user, step):
            why = f"{clearance.who_acts(step)} signs this off."
        elif step.separate_from_author and author:
            why = "You wrote this report: someone else signs this off."
        rows.append(StepRow(step, clearance.who_acts(step), signoff, not why, why.strip("-")))
    return rows


def report_page(user, document: Document) -> ReportPage:
    workflow = workflow_of(document)
    author = is_author(user, document)
    editor = may_change(user, document)
    steps = _steps(user, document, workflow, author)
    dem = is_democratic_services(user)
    unsigned = [row for row in steps if row.signoff is None]
    page = ReportPage(
        document=document,
        items=items_of(document),
        workflow=workflow,
        may_edit=editor,
        is_author=author,
        draft=drafts.draft_of(document) if editor else None,
        appendices=[Appendix(a, may_see(user, a)) for a in document.appendices.all()],
        steps=steps,
        history=clearance.history(document),
    )
    if workflow.state == ReportState.DRAFT:
        page.may_submit = editor
        page.missing = missing_for_submission(document) if editor else []
    else:
        page.may_return = dem or author or any(clearance.may_act(user, s.step) for s in steps)
        page.may_approve = (
            dem
            and workflow.state in (ReportState.SUBMITTED, ReportState.CLEARED)
            and not unsigned
            and not author
        )
    return page


@dataclass
class Mine:
    document: Document
    workflow: ReportWorkflow


def my_reports(user) -> list[Mine]:
    """The reports this user wrote (created, or is named as author of), newest first."""
    docs = (
        Document.objects.filter(kind=DocumentKind.REPORT, parent__isnull=True)
        .filter(Q(created_by=user) | Q(report__author__account__user=user))
        .distinct()
        .order_by("-updated_at")[:50]
    )
    return [Mine(doc, workflow_of(doc)) for doc in docs]


@dataclass
class Task:
    waiting: clearance.Waiting
    visible: bool  # entitled to see the report (its title included)
    items: list[AgendaItem]
    steps: list[ClearanceStep]  # those this user may sign off (their own reports' aside)


def my_clearances(user) -> list[Task]:
    """Reports waiting for a step this user signs off (as ``clearance.waiting_for``), each
    with whether the user may see it; the steps kept apart from their own reports left out."""
    tasks = []
    waiting = clearance.waiting_for(user)
    reports = [w.workflow.document for w in waiting]
    mine, items = authored(user, reports), items_of_all(reports)
    for each in waiting:
        doc = each.workflow.document
        steps = [s for s in each.steps if not (s.separate_from_author and doc.pk in mine)]
        if steps:
            tasks.append(Task(each, may_see(user, doc, items[doc.pk]), items[doc.pk], steps))
    return tasks


def to_approve() -> list[ReportWorkflow]:
    """Cleared reports waiting for democratic services' approval, oldest first."""
    return list(
        ReportWorkflow.objects.filter(state=ReportState.CLEARED)
        .select_related("document")
        .order_by("submitted_at", "pk")
    )
