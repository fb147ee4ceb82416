"""What the decisions register, the vote pages and the voting records show.

Everything of the proceedings comes through ``proceedings.public`` (the one gate): public
resolutions, motions, votes and recorded votes only, so exempt minutes, motions on exempt
items and unpublished minutes never reach these pages. Papers follow the website's own rule
(``website.queries.papers``): public, published on the agenda, and their released version.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.urls import NoReverseMatch, reverse

from council.models import Person, PoliticalGroup
from council.serving import groups_on
from meetings.models import Meeting
from papers.models import ItemPaper
from proceedings.models import Choice, Minute, MinutesStatus, Motion, RecordedVote, Resolution, Vote
from proceedings.public import (
    public_motions,
    public_recorded_votes,
    public_resolutions,
    public_votes,
)
from publishing import inspection
from publishing import public as site_papers
from publishing.versions import published_versions

from .filters import Filters

NO_GROUP = "Group not recorded"


# --- links ---------------------------------------------------------------------------------


def minutes_url(meeting: Meeting) -> str | None:
    """The meeting's published minutes (the proceedings app's page), if the site has it."""
    try:
        return reverse("proceedings:minutes", args=[meeting.pk, meeting.slug])
    except NoReverseMatch:
        return None


def minute_url(minute: Minute) -> str:
    """One minute in the published minutes ("" without a minutes page: callers then link
    the decision page's copy of the minute)."""
    base = minutes_url(minute.meeting)
    return f"{base}#minute-{minute.number}" if base else ""


# --- minute text ---------------------------------------------------------------------------

SUB_POINT = re.compile(r"^\(?([a-z]|[ivx]+)\)\s+")
MOTIONS_HERE = "[motions]"  # where the minutes place the motions and votes (see render.py)


@dataclass
class Paragraph:
    heading: str  # a "### " sub-heading block
    lines: list[str]
    points: list[tuple[str, str]]  # lettered sub-points: ("(a)", text)


def paragraphs(text: str) -> list[Paragraph]:
    """A minute's own words (see ``Minute.text``): paragraphs with lettered sub-points and
    sub-headings. Unnumbered: the published minutes number them together with the motions,
    votes and resolutions, and the decision page links there for the minute as printed."""
    blocks = [
        b.strip()
        for b in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n"))
        if b.strip() and b.strip() != MOTIONS_HERE
    ]
    result = []
    for block in blocks:
        if block.startswith("### "):
            result.append(Paragraph(block[4:].strip(), [], []))
            continue
        para = Paragraph("", [], [])
        for line in (raw.strip() for raw in block.splitlines() if raw.strip()):
            m = SUB_POINT.match(line)
            if m and para.lines:
                para.points.append((f"({m.group(1)})", line[m.end() :]))
            elif para.points:
                label, words = para.points[-1]
                para.points[-1] = (label, f"{words} {line}")
            else:
                para.lines.append(line)
        result.append(para)
    return result


# --- papers of items -----------------------------------------------------------------------


def item_reports(items) -> dict[int, list]:
    """For each agenda item (by id): its public papers, as the meeting page lists them (top
    level only, with a link). Three queries whatever the number of items."""
    items = [i for i in items if i is not None]
    if not items:
        return {}
    meeting_ids = {i.meeting_id for i in items}
    published = inspection.all_paper_ids(meeting_ids)
    if not published:
        return {}
    links = list(
        ItemPaper.objects.filter(item_id__in=[i.pk for i in items], pk__in=published)
        .filter(site_papers.public_q("document__"))
        .select_related("document", "item__meeting__body")
        .order_by("item_id", "order", "pk")
    )
    versions = published_versions({link.document_id for link in links})
    result: dict[int, list] = {}
    for link in links:
        if link.document_id in versions:
            result.setdefault(link.item_id, []).append(link)
    return result


# --- the register --------------------------------------------------------------------------


def _resolutions() -> QuerySet[Resolution]:
    return public_resolutions().select_related(
        "minute__meeting__body", "minute__meeting__minutes_record", "minute__item", "motion"
    )


def register(f: Filters) -> QuerySet[Resolution]:
    """Public resolutions matching the filters, newest meeting first, in minute order."""
    rows = _resolutions()
    if f.body:
        rows = rows.filter(minute__meeting__body=f.body)
    if f.date_from:
        rows = rows.filter(minute__meeting__date__gte=f.date_from)
    if f.date_to:
        rows = rows.filter(minute__meeting__date__lte=f.date_to)
    if f.text:
        # JSON stored as text may escape non-ASCII ("£" as "\u00a3", on SQLite): look for both.
        escaped = json.dumps(f.text)[1:-1]
        in_parts = Q(parts__icontains=f.text)
        if escaped != f.text:
            in_parts |= Q(parts__icontains=escaped)
        rows = rows.filter(
            Q(text__icontains=f.text)
            | in_parts
            | Q(minute__title__icontains=f.text)
            | Q(minute__item__title__icontains=f.text)
        )
    if f.status:
        rows = rows.filter(minute__meeting__minutes_record__status=f.status)
    if f.delegated:
        rows = rows.exclude(delegated_to="")
    return rows.order_by("-minute__meeting__date", "-minute__meeting_id", "minute__number", "pk")


@dataclass
class Entry:
    resolution: Resolution
    vote: Vote | None
    reports: list = field(default_factory=list)

    @property
    def minute(self) -> Minute:
        return self.resolution.minute

    @property
    def meeting(self) -> Meeting:
        return self.resolution.minute.meeting

    @property
    def status(self) -> str:
        record = getattr(self.meeting, "minutes_record", None)
        return dict(STATUS_LABELS).get(record.status, "") if record else ""

    @property
    def minute_url(self) -> str:
        return minute_url(self.minute) or self.resolution_url + "#minute"

    @property
    def resolution_url(self) -> str:
        return reverse("decisions:decision", args=[self.resolution.pk])


STATUS_LABELS = [
    (MinutesStatus.PUBLISHED_DRAFT, "Draft minutes (not yet confirmed)"),
    (MinutesStatus.APPROVED, "Minutes approved"),
    (MinutesStatus.SIGNED, "Minutes signed"),
]


def entries(resolutions: list[Resolution]) -> list[Entry]:
    """The resolutions of one page with their public votes and reports. Four queries."""
    motion_ids = {r.motion_id for r in resolutions if r.motion_id}
    votes = {v.motion_id: v for v in public_votes().filter(motion_id__in=motion_ids)}
    reports = item_reports({r.minute.item for r in resolutions if r.minute.item_id})
    return [
        Entry(
            r,
            votes.get(r.motion_id) if r.motion_id else None,
            reports.get(r.minute.item_id, []) if r.minute.item_id else [],
        )
        for r in resolutions
    ]


@dataclass
class Decision:
    entry: Entry
    paragraphs: list[Paragraph]
    papers: list  # website.queries.papers entries, as the meeting page lists them
    motion: Motion | None
    minutes_url: str | None
    others: list[Resolution]  # other public resolutions of the same minute


def decision(pk: int) -> Decision | None:
    resolution = (
        _resolutions().select_related("motion__mover", "motion__seconder").filter(pk=pk).first()
    )
    if resolution is None:
        return None
    entry = entries([resolution])[0]
    minute = resolution.minute
    listed = []
    item = minute.item
    if item is not None:
        site_papers.attach_papers(minute.meeting, [item])
        listed = [p for p in item.listed_papers if not p.is_restricted]
    motion = None
    if resolution.motion_id:
        motion = (
            public_motions()
            .select_related("mover", "seconder")
            .filter(pk=resolution.motion_id)
            .first()
        )
    return Decision(
        entry=entry,
        paragraphs=paragraphs(minute.text),
        papers=listed,
        motion=motion,
        minutes_url=minutes_url(minute.meeting),
        others=list(public_resolutions().filter(minute=minute).exclude(pk=pk).order_by("pk")),
    )


# --- one recorded vote ---------------------------------------------------------------------


@dataclass
class Voter:
    person: Person
    group: PoliticalGroup | None


@dataclass
class GroupRow:
    name: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def cells(self) -> list[int]:
        return [self.counts[c] for c in Choice.values]


@dataclass
class VotePage:
    vote: Vote
    motion: Motion
    meeting: Meeting
    amends: Motion | None
    columns: list[tuple[str, str, list[Voter]]]  # (choice, label, voters) for recorded votes
    groups: list[GroupRow]
    totals: GroupRow | None
    resolutions: list[Resolution]

    @property
    def recorded(self) -> bool:
        return self.vote.method == "recorded"


def vote_page(pk: int) -> VotePage | None:
    vote = (
        public_votes()
        .select_related(
            "motion__meeting__body",
            "motion__item",
            "motion__mover",
            "motion__seconder",
            "motion__amends",
            "motion__nominee",
        )
        .filter(pk=pk)
        .first()
    )
    if vote is None:
        return None
    motion, meeting = vote.motion, vote.motion.meeting
    columns, groups, totals = [], [], None
    if vote.method == "recorded":
        rows = list(public_recorded_votes().filter(vote=vote).select_related("person"))
        on_day = groups_on([r.person_id for r in rows], meeting.date)
        by_choice: dict[str, list[Voter]] = {c: [] for c in Choice.values}
        by_group: dict[str, GroupRow] = {}
        for r in sorted(rows, key=lambda r: r.person.sort_key):
            group = on_day.get(r.person_id)
            by_choice[r.choice].append(Voter(r.person, group))
            name = group.name if group else NO_GROUP
            row = by_group.setdefault(name, GroupRow(name, {c: 0 for c in Choice.values}))
            row.counts[r.choice] += 1
        columns = [(c, label, by_choice[c]) for c, label in Choice.choices]
        groups = sorted(by_group.values(), key=lambda g: (g.name == NO_GROUP, -g.total, g.name))
        totals = GroupRow("All members", {c: len(by_choice[c]) for c in Choice.values})
    amends = None
    if motion.amends_id:
        amends = public_motions().filter(pk=motion.amends_id).first()
    return VotePage(
        vote=vote,
        motion=motion,
        meeting=meeting,
        amends=amends,
        columns=columns,
        groups=groups,
        totals=totals,
        resolutions=list(public_resolutions().filter(motion=motion).order_by("pk")),
    )


# --- a member's voting record --------------------------------------------------------------


def voting_record(person: Person, f: Filters) -> QuerySet[RecordedVote]:
    rows = (
        public_recorded_votes()
        .filter(person=person)
        .select_related("vote__motion__meeting__body", "vote__motion__item")
    )
    if f.body:
        rows = rows.filter(vote__motion__meeting__body=f.body)
    if f.date_from:
        rows = rows.filter(vote__motion__meeting__date__gte=f.date_from)
    if f.date_to:
        rows = rows.filter(vote__motion__meeting__date__lte=f.date_to)
    return rows.order_by(
        "-vote__motion__meeting__date",
        "-vote__motion__meeting_id",
        "-vote__motion__order",
        "-vote__motion_id",
    )


def has_votes(person: Person) -> bool:
    return public_recorded_votes().filter(person=person).exists()
