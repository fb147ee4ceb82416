"""What the meeting's workspace shows: the agenda with each item's papers and their state, the
publication record, the packs, the summonses and the links to every task on the meeting."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from meetings.models import AgendaItem, Meeting
from papers.models import AgendaPack, Document, DocumentKind, ItemPaper
from proceedings.models import MinutesRecord
from publishing.models import AgendaPublication, ReportState
from publishing.workflow import missing_for_submission, unsigned_steps, workflow_of
from summons.models import EmailKind, EmailLog, EmailStatus, SummonsIssue

from .progress import Progress, progress_of


class PaperState:
    NO_CONTENT = "No content"
    DRAFT = "Draft"
    SUBMITTED = "Submitted"
    CLEARED = "Cleared"
    APPROVED = "Approved"
    READY = "Ready"  # a paper that needs no clearance (not a report), with content
    PUBLISHED = "Published"


PAPER_TAG = {
    PaperState.NO_CONTENT: "govuk-tag--red",
    PaperState.DRAFT: "govuk-tag--grey",
    PaperState.SUBMITTED: "govuk-tag--yellow",
    PaperState.CLEARED: "govuk-tag--blue",
    PaperState.APPROVED: "govuk-tag--turquoise",
    PaperState.READY: "govuk-tag--turquoise",
    PaperState.PUBLISHED: "govuk-tag--green",
}


@dataclass
class Paper:
    link: ItemPaper
    state: str
    missing: list[str] = field(default_factory=list)

    @property
    def document(self) -> Document:
        return self.link.document

    @property
    def tag(self) -> str:
        return PAPER_TAG[self.state]


@dataclass
class Row:
    item: AgendaItem
    depth: int
    papers: list[Paper]


@dataclass
class Summons:
    issue: SummonsIssue
    to_post: int
    posted: int


@dataclass
class MeetingPage:
    meeting: Meeting
    progress: Progress
    rows: list[Row]
    publications: list[AgendaPublication]
    packs: list[AgendaPack]
    summonses: list[Summons]
    # Summons emails by status label: a plain dict, as a template looks up ``emails.items`` as
    # a key first (a Counter answers 0).
    emails: dict[str, int]
    failed_emails: list[EmailLog]
    minutes: MinutesRecord | None


def paper_state(doc: Document) -> tuple[str, list[str]]:
    """The paper's state on its way to publication, and what it still lacks."""
    versions = list(doc.versions.all())
    if any(v.published_at for v in versions):
        return PaperState.PUBLISHED, []
    if not versions:
        return PaperState.NO_CONTENT, ["It has no content yet: write it or upload it."]
    if doc.kind != DocumentKind.REPORT or doc.parent_id:
        return PaperState.READY, []
    workflow = workflow_of(doc)
    if workflow.state == ReportState.DRAFT:
        return PaperState.DRAFT, missing_for_submission(doc)
    if workflow.state == ReportState.SUBMITTED:
        return PaperState.SUBMITTED, [f"Awaiting sign-off: {s}." for s in unsigned_steps(workflow)]
    if workflow.state == ReportState.CLEARED:
        return PaperState.CLEARED, ["Awaiting approval for publication."]
    return PaperState.APPROVED, []


def _depth(item: AgendaItem, by_pk: dict[int, AgendaItem]) -> int:
    depth, parent = 0, item.parent_id
    while parent is not None and parent in by_pk and depth < 5:
        depth, parent = depth + 1, by_pk[parent].parent_id
    return depth


def agenda_rows(meeting: Meeting) -> list[Row]:
    items = list(meeting.items.order_by("order", "pk"))
    by_pk = {item.pk: item for item in items}
    papers: dict[int, list[Paper]] = defaultdict(list)
    links = (
        ItemPaper.objects.filter(item__meeting=meeting)
        .select_related("document")
        .prefetch_related("document__versions")
        .order_by("order", "pk")
    )
    for link in links:
        papers[link.item_id].append(Paper(link, *paper_state(link.document)))
    return [Row(item, _depth(item, by_pk), papers[item.pk]) for item in items]


def _summonses(meeting: Meeting) -> list[Summons]:
    rows = []
    for issue in SummonsIssue.objects.filter(meeting=meeting).prefetch_related("dispatch"):
        entries = list(issue.dispatch.all())
        posted = sum(1 for e in entries if e.posted_on)
        rows.append(Summons(issue, len(entries) - posted, posted))
    return rows


def meeting_page(meeting: Meeting, today: dt.date) -> MeetingPage:
    emails = EmailLog.objects.filter(
        meeting=meeting, kind__in=[EmailKind.SUMMONS, EmailKind.SUPPLEMENT]
    )
    labels = dict(EmailStatus.choices)
    return MeetingPage(
        meeting=meeting,
        progress=progress_of(meeting, today),
        rows=agenda_rows(meeting),
        publications=list(AgendaPublication.objects.filter(meeting=meeting).order_by("number")),
        packs=list(
            AgendaPack.objects.filter(meeting=meeting).order_by(
                "supplement", "kind", "-requested_at"
            )
        ),
        summonses=_summonses(meeting),
        emails=dict(Counter(labels[status] for status in emails.values_list("status", flat=True))),
        failed_emails=list(emails.filter(status=EmailStatus.FAILED).select_related("person")),
        minutes=MinutesRecord.objects.filter(meeting=meeting).select_related("signed_by").first(),
    )
