"""Each summons issue of a meeting as democratic services follow it up: who was emailed and
whether it went (and if not, why, in plain words), who is on the dispatch list for a paper
summons and whether it was left or posted. Issuing, re-issuing and sending again are
``summons.services``: this only reads."""

from __future__ import annotations

from dataclasses import dataclass

from meetings.models import Meeting
from publishing.state import is_published
from summons.mail_errors import NOT_SENT
from summons.models import DispatchEntry, EmailLog, EmailStatus, SummonsIssue

EMAIL_TAG = {
    EmailStatus.QUEUED: "govuk-tag--grey",
    EmailStatus.RETRYING: "govuk-tag--yellow",
    EmailStatus.SENT: "govuk-tag--green",
    EmailStatus.FAILED: "govuk-tag--red",
}


@dataclass
class Emailed:
    log: EmailLog

    @property
    def tag(self) -> str:
        return EMAIL_TAG[self.log.status]

    @property
    def problem(self) -> str:
        """Why it has not gone yet, in plain words ("" once sent or while waiting); the raw
        error is the administrators' (the back office's email log)."""
        if self.log.status not in (EmailStatus.FAILED, EmailStatus.RETRYING):
            return ""
        return self.log.problem or NOT_SENT

    @property
    def may_send_again(self) -> bool:
        return self.log.status == EmailStatus.FAILED


@dataclass
class IssueStatus:
    issue: SummonsIssue
    emails: list[Emailed]
    entries: list[DispatchEntry]

    @property
    def failed(self) -> int:
        return sum(1 for e in self.emails if e.log.status == EmailStatus.FAILED)

    @property
    def sent(self) -> int:
        return sum(1 for e in self.emails if e.log.status == EmailStatus.SENT)

    @property
    def posted(self) -> int:
        return sum(1 for e in self.entries if e.posted_on)

    @property
    def to_post(self) -> int:
        return len(self.entries) - self.posted


@dataclass
class SummonsPage:
    meeting: Meeting
    published: bool
    issues: list[IssueStatus]


def summons_page(meeting: Meeting) -> SummonsPage:
    issues = list(SummonsIssue.objects.filter(meeting=meeting).order_by("published_at", "pk"))
    emails: dict[int, list[Emailed]] = {issue.pk: [] for issue in issues}
    # An issue's emails are keyed "summons:<issue>:<person>" (summons.services).
    logs = EmailLog.objects.filter(key__startswith="summons:", meeting=meeting)
    for log in logs.select_related("person").order_by("person__surname", "to", "pk"):
        issue_pk = log.key.split(":")[1]
        if issue_pk.isdigit() and int(issue_pk) in emails:
            emails[int(issue_pk)].append(Emailed(log))
    entries: dict[int, list[DispatchEntry]] = {issue.pk: [] for issue in issues}
    dispatch = DispatchEntry.objects.filter(issue__meeting=meeting).select_related("person")
    for entry in dispatch:
        entries[entry.issue_id].append(entry)
    return SummonsPage(
        meeting,
        is_published(meeting),
        [IssueStatus(issue, emails[issue.pk], entries[issue.pk]) for issue in issues],
    )
