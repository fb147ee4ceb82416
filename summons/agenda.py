"""What a summons says about the meeting: its agenda lines, public papers and packs.

Exempt business appears by item number and title with its Schedule 12A paragraph only: the
purpose of an exempt item and the titles of restricted papers are never read into a summons
(members get those papers in the members' pack, behind sign-in).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from meetings.models import AgendaItem, Meeting
from papers.models import AgendaPack, Document, ItemPaper, PackKind, PackStatus
from publishing.public import is_public
from publishing.state import published_paper_ids

from .links import absolute, reverse_or_none


@dataclass
class Link:
    text: str
    url: str


@dataclass
class Line:
    number: str
    title: str
    exempt_paragraph: int | None
    is_exempt: bool
    depth: int
    papers: list[Link] = field(default_factory=list)

    @property
    def exempt_text(self) -> str:
        if not self.is_exempt:
            return ""
        return f"exempt, paragraph {self.exempt_paragraph}" if self.exempt_paragraph else "exempt"


@dataclass
class Agenda:
    meeting: Meeting
    url: str
    lines: list[Line]
    packs: list[Link]

    @property
    def has_exempt(self) -> bool:
        return any(line.is_exempt for line in self.lines)


def _is_public(doc: Document) -> bool:
    # An appendix goes with its report: a public appendix of a restricted report stays hidden.

    return is_public(doc)


def _paper_links(meeting: Meeting, public_items: set[int]) -> dict[int, list[Link]]:
    """Public papers with content, by item id, for the public items only. Once publishing
    has recorded which papers its publications made public, only those are linked: a paper
    attached since waits for its supplement."""
    links = ItemPaper.objects.filter(item_id__in=public_items)
    published = published_paper_ids(meeting)
    if published:
        links = links.filter(pk__in=published)
    links = links.select_related("document__parent").order_by("order", "pk")
    found: dict[int, list[Link]] = {}
    for link in links:
        docs = [link.document]
        docs += list(link.document.appendices.select_related("parent").order_by("order", "pk"))
        for doc in docs:
            if not _is_public(doc) or not doc.versions.exists():
                continue
            path = reverse_or_none("website:paper", [meeting.pk, meeting.slug, doc.pk])
            if path:
                found.setdefault(link.item_id, []).append(Link(str(doc), absolute(path)))
    return found


def _ancestry(item: AgendaItem, by_pk: dict[int, AgendaItem]) -> tuple[int, bool]:
    """(depth, exempt): whether it is exempt business is ``AgendaItem.is_exempt`` (a sub-item
    of an exempt item is exempt whatever its part)."""
    depth, parent = 0, by_pk.get(item.parent_id)
    while parent is not None and depth < 5:  # the bound guards against a cycle in bad data
        depth, parent = depth + 1, by_pk.get(parent.parent_id)
    return depth, item.is_exempt


def pack_links(meeting: Meeting) -> list[Link]:
    """The latest built public pack of each supplement number (members' packs hold exempt
    papers and are never linked from email)."""
    latest: dict[int, AgendaPack] = {}
    for pack in AgendaPack.objects.filter(
        meeting=meeting, kind=PackKind.PUBLIC, status=PackStatus.BUILT, withdrawn_at__isnull=True
    ).order_by("supplement", "-built_at"):
        if pack.file:
            latest.setdefault(pack.supplement, pack)
    result = []
    for number in latest:
        if number:
            path = reverse_or_none("website:supplementary_pack", [meeting.pk, meeting.slug, number])
            text = f"Supplementary agenda {number} (PDF)"
        else:
            path = reverse_or_none("website:agenda_pack", [meeting.pk, meeting.slug])
            text = "Agenda reports pack (PDF)"
        if path:
            result.append(Link(text, absolute(path)))
    return result


def agenda(meeting: Meeting) -> Agenda:
    items = list(meeting.items.order_by("order", "pk"))
    by_pk = {i.pk: i for i in items}
    for i in items:
        if i.parent_id in by_pk:
            i.parent = by_pk[i.parent_id]
    ancestry = {i.pk: _ancestry(i, by_pk) for i in items}
    papers = _paper_links(meeting, {pk for pk, (_, exempt) in ancestry.items() if not exempt})
    lines = [
        Line(
            number=i.number,
            title=i.title,
            exempt_paragraph=i.exemption_paragraph,
            is_exempt=ancestry[i.pk][1],
            depth=ancestry[i.pk][0],
            papers=papers.get(i.pk, []),
        )
        for i in items
    ]
    return Agenda(meeting, absolute(meeting.get_absolute_url()), lines, pack_links(meeting))
