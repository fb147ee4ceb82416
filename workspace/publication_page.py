"""What the "Publish the agenda" and "Publish a supplement" pages show before the officer
presses the button: the papers that will be published (restricted ones marked as withheld
from the public), the deadline and whether publication is late, and what stops it, each
problem linked to where it is put right. Publishing itself is ``publishing.services`` and
``publishing.supplements``: this only reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max
from django.urls import reverse

from meetings.models import Meeting
from papers.models import Document, ItemPaper, remember_exempt_items
from publishing import deadlines, services
from publishing.models import AgendaPublication

OVERRIDE_FIELD = "override_reason"


@dataclass
class PaperLine:
    document: Document
    appendix: bool

    @property
    def withheld(self) -> bool:
        """Not open to the public: in the members' pack only (``Document.is_restricted``)."""
        return self.document.is_restricted


@dataclass
class PendingPaper:
    link: ItemPaper
    lines: list[PaperLine]


@dataclass
class Problem:
    message: str
    href: str  # where it is put right


@dataclass
class PublicationPage:
    meeting: Meeting
    supplement: bool  # the page publishes a supplementary agenda
    published: bool  # the agenda is published already
    number: int  # the supplement's number (0 for the agenda)
    papers: list[PendingPaper]
    problems: list[Problem]
    nobody_to_summon: str
    deadline: dt.date
    late: bool
    days_left: int
    publications: list[AgendaPublication]

    @property
    def blocking(self) -> list[Problem]:
        """The problems only a change to the record puts right (not the override's reason)."""
        return [p for p in self.problems if p.message != self.nobody_to_summon]

    @property
    def problems_shown(self) -> list[Problem]:
        """What stops this page's publication: the agenda's before it is published, the
        supplement's after."""
        return self.blocking if self.published == self.supplement else []

    @property
    def may_publish(self) -> bool:
        if self.supplement:
            return self.published and bool(self.papers) and not self.blocking
        return not self.published and not self.blocking


def _pending(meeting: Meeting) -> list[PendingPaper]:
    links = services.pending_papers(meeting)
    rows = [
        PendingPaper(
            link,
            [PaperLine(link.document, False)]
            + [PaperLine(a, True) for a in link.document.appendices.all()],
        )
        for link in links
    ]
    remember_exempt_items([line.document for row in rows for line in row.lines])
    return rows


def _where_to_fix(message: str, meeting: Meeting, papers: list[PendingPaper], nobody: str) -> str:
    """The paper's row on the meeting's workspace when the problem names a paper; the
    override's field for "nobody to summon"; otherwise the meeting's agenda."""
    if nobody and message == nobody:
        return f"#{OVERRIDE_FIELD}"
    page = reverse("workspace:meeting", args=[meeting.pk])
    for row in papers:
        if any(f"“{line.document.title}”" in message for line in row.lines):
            return f"{page}#item-{row.link.item_id}"
    return f"{page}#agenda"


def publication_page(meeting: Meeting, today: dt.date, *, supplement: bool) -> PublicationPage:
    published = services.is_published(meeting)
    papers = _pending(meeting)
    nobody = "" if published else services.nobody_to_summon(meeting)
    problems = services.publication_problems(meeting)
    publications = list(AgendaPublication.objects.filter(meeting=meeting).order_by("number"))
    number = 0
    if supplement:
        done = AgendaPublication.objects.filter(meeting=meeting).aggregate(n=Max("number"))["n"]
        number = (done or 0) + 1
    due = deadlines.deadline(meeting)
    return PublicationPage(
        meeting=meeting,
        supplement=supplement,
        published=published,
        number=number,
        papers=papers,
        problems=[Problem(p, _where_to_fix(p, meeting, papers, nobody)) for p in problems],
        nobody_to_summon=nobody,
        deadline=due,
        late=deadlines.is_past(meeting, due=due),
        days_left=deadlines.working_days_left(due, today),
        publications=publications,
    )
