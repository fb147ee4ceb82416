"""What stands between meetings and the publication of their agendas, read at once for many
of them (the officer's home page shows a few dozen): their items, the papers attached with
their appendices, versions, report headers and clearance, and who serves on each body on the
day. A fixed number of queries however many meetings.

``publishing.services.publication_problems`` of a meeting not yet published is
``Readiness([meeting]).problems(meeting)``: the home page and the publish page say the same.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from django.db.models import Max

from council.models import Body
from council.serving import ServingRecord
from meetings.models import AgendaItem, Meeting
from papers.models import Document, DocumentKind, DocumentVersion, ItemPaper, Report
from papers.services import pack_problems

from .models import ReportWorkflow
from .workflow import approval_is_current


def nobody_message(meeting: Meeting) -> str:
    """Why publishing the agenda needs a reason when nobody serves on the body that day."""
    return (
        f"Nobody serves on {meeting.body} on {meeting.date:%-d %B %Y}, so publishing the "
        "agenda would issue a summons to no one. Record the body's memberships first (the "
        "summons can then be re-issued to those not yet summoned), or give the reason for "
        "publishing without summoning anyone; it is kept with the record."
    )


def not_approved_message(link: ItemPaper) -> str:
    return (
        f"The report “{link.document.title}” (item {link.item.number}) is not approved "
        "for publication."
    )


class Readiness:
    """The papers and memberships of ``meetings`` (with their bodies selected), read once."""

    def __init__(self, meetings: Sequence[Meeting]) -> None:
        ids = [m.pk for m in meetings]
        self._items: dict[int, list[AgendaItem]] = defaultdict(list)
        for item in AgendaItem.objects.filter(meeting_id__in=ids):
            self._items[item.meeting_id].append(item)
        self._links: dict[int, list[ItemPaper]] = defaultdict(list)
        links = ItemPaper.objects.filter(item__meeting_id__in=ids)
        # In agenda order, as the pack reads them.
        for link in links.select_related("document", "item"):
            self._links[link.item.meeting_id].append(link)
        attached = {link.document_id for group in self._links.values() for link in group}
        self._appendices: dict[int, list[Document]] = defaultdict(list)
        for appendix in Document.objects.filter(parent_id__in=attached):
            self._appendices[appendix.parent_id].append(appendix)
        papers = attached | {a.pk for group in self._appendices.values() for a in group}
        versions = DocumentVersion.objects.filter(document_id__in=papers).order_by()
        self._latest: dict[int, int] = dict(
            versions.values("document_id").annotate(n=Max("number")).values_list("document_id", "n")
        )
        self._headers = {r.document_id: r for r in Report.objects.filter(document_id__in=papers)}
        self._workflows = {
            w.document_id: w for w in ReportWorkflow.objects.filter(document_id__in=attached)
        }
        self._bodies = {b.pk: b for b in Body.objects.filter(pk__in={m.body_id for m in meetings})}
        dates = [m.date for m in meetings]
        self._serving = (
            ServingRecord(self._bodies.values(), min(dates), max(dates)) if dates else None
        )

    def items(self, meeting: Meeting) -> list[AgendaItem]:
        return self._items.get(meeting.pk, [])

    def links(self, meeting: Meeting) -> list[ItemPaper]:
        """The papers attached to the meeting's items, in agenda order."""
        return self._links.get(meeting.pk, [])

    def is_approved(self, document: Document) -> bool:
        """``publishing.workflow.is_approved``, from what was read."""
        return approval_is_current(self._workflows.get(document.pk), self._latest.get(document.pk))

    def serves_nobody(self, meeting: Meeting) -> bool:
        assert self._serving is not None, "a meeting of those read"
        return not self._serving.members(self._bodies[meeting.body_id], meeting.date)

    def problems(self, meeting: Meeting) -> list[str]:
        """What would stop publishing the agenda of ``meeting``, not yet published, now: as
        ``publication_problems`` says it (every attached paper is still to be published)."""
        if not self.items(meeting):
            return [f"{meeting} has no agenda items."]
        links = self.links(meeting)
        found = []
        for link in links:
            for doc in [link.document, *self._appendices.get(link.document_id, [])]:
                found += pack_problems(doc, doc.pk in self._latest, self._headers.get(doc.pk))
        for link in sorted(links, key=lambda link: (link.item.order, link.order, link.pk)):
            if link.document.kind == DocumentKind.REPORT and not self.is_approved(link.document):
                found.append(not_approved_message(link))
        if self.serves_nobody(meeting):
            found.append(nobody_message(meeting))
        return found
