"""Synthetic agenda papers: reports (with appendices) for report items, the minutes of the
previous meeting, exempt reports for exempt items, and the agenda publication of every meeting
held, so the council has years of searchable business.

Text is committee prose assembled from a deterministic pool of sentences naming the council's
own divisions, councillors, officers and topics. Rows are bulk-created meeting chunk by chunk
(the text of a twenty-year council does not need to sit in memory at once).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils import timezone
from django.utils.html import escape

from meetings.models import AgendaItem, ItemKind, Meeting, MeetingStatus, Part
from papers.models import (
    Classification,
    Document,
    DocumentKind,
    DocumentVersion,
    ItemPaper,
    SourceKind,
)
from publishing.models import AgendaPublication, PublicationKind

from . import words
from .options import Options

CHUNK = 250  # meetings written at once
BATCH = 1000
POOL = 4000  # sentences to draw from

OPENINGS = [
    "This report sets out {topic_l} for the {year} municipal year.",
    "The purpose of this report is to update Members on {topic_l}.",
    "Members are asked to consider the proposals on {topic_l} set out below.",
    "This paper summarises progress on {topic_l} since the last meeting of the Committee.",
]
SENTENCES = [
    "The Cabinet Member for {portfolio}, {councillor}, has been consulted on the proposals.",
    "Spending in {division} was £{money}m against a budget of £{money2}m, an underspend of "
    "{pct} per cent.",
    "The {officer} advised that {count} responses to the consultation had been received, most "
    "of them from residents of {division}.",
    "Members raised concerns about {topic_l} and asked officers to report back in {month}.",
    "{councillor} asked whether the savings of £{money}m were deliverable; the {officer} "
    "confirmed that they were on track.",
    "The risk register records {count} risks rated red, of which {small} relate to {topic_l}.",
    "A public meeting was held at {place} Village Hall on {date} and was attended by {count} "
    "people.",
    "Performance against the target of {pct} per cent was {pct2} per cent in the quarter to "
    "{month}.",
    "The contract with {company} Limited expires in {month} {yearnum} and a procurement "
    "exercise will begin shortly.",
    "Highways officers inspected {count} kilometres of road in {division} and repaired {small} "
    "potholes within the twenty-eight day standard.",
    "Demand for adult social care rose by {pct} per cent, and the number of children in care "
    "reached {count}.",
    "The equality impact assessment found no adverse impact on people with protected "
    "characteristics.",
    "The local member for {division}, {councillor}, supported the recommendation.",
    "Following the debate the Committee noted the report and agreed to receive a further "
    "update on {topic_l}.",
    "Capital receipts of £{money}m are expected from the disposal of land at {place}.",
    "The {officer} explained that the council's reserves stood at £{money2}m.",
    "Schools in {division} reported {count} applications for {yearnum} admissions.",
    "The proposal would reduce carbon emissions from council buildings by {pct} per cent by "
    "{yearnum}.",
    "{councillor} proposed and {councillor2} seconded that the recommendations be agreed.",
    "Flood defences at {place} were completed in {month} at a cost of £{money}m.",
    "The library at {place} will open for an additional {small} hours each week.",
    "Bus services between {place} and {place2} are supported at a cost of £{money}m a year.",
    "Recruitment of social workers remains difficult, with a vacancy rate of {pct} per cent.",
    "Internal audit gave substantial assurance on {topic_l}.",
]
OFFICERS = [
    "Corporate Director of Finance",
    "Head of Democratic Services",
    "Director of Highways and Transportation",
    "Corporate Director of Adult Social Care",
    "Director of Children's Services",
    "Head of Internal Audit",
    "Director of Property and Infrastructure",
    "Chief Executive",
    "Head of Waste Management",
    "Director of Public Health",
]
PORTFOLIOS = [
    "Finance and Corporate Resources",
    "Highways and Transport",
    "Adult Social Care",
    "Children, Young People and Education",
    "Environment",
    "Community Safety",
    "Economic Development",
    "Public Health",
]
COMPANIES = ["Amey", "Kier", "Serco", "Capita", "Veolia", "Balfour Beatty", "Mears", "Biffa"]
APPENDICES = [
    "Data",
    "Action Plan",
    "Consultation Responses",
    "Risk Register",
    "Equality Impact Assessment",
    "Financial Tables",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "September",
    "October",
    "November",
    "December",
]


class Prose:
    """Paragraphs of committee prose from a fixed pool of sentences."""

    def __init__(self, rng: random.Random, places: list[str], names: list[str], years: range):
        self.rng = rng
        topics = [t for group in words.TOPICS.values() for t in group]
        self.topics = topics

        def fill(template: str) -> str:
            topic, first = rng.choice(topics), rng.choice(years)
            return template.format(
                topic_l=topic.lower(),
                year=f"{first}/{(first + 1) % 100:02d}",
                portfolio=rng.choice(PORTFOLIOS),
                councillor=rng.choice(names),
                councillor2=rng.choice(names),
                division=rng.choice(places),
                place=rng.choice(places),
                place2=rng.choice(places),
                money=f"{rng.randint(1, 99)}.{rng.randint(0, 9)}",
                money2=f"{rng.randint(10, 400)}.{rng.randint(0, 9)}",
                pct=rng.randint(1, 40),
                pct2=rng.randint(40, 99),
                count=rng.randint(12, 4000),
                small=rng.randint(2, 60),
                officer=rng.choice(OFFICERS),
                month=rng.choice(MONTHS),
                yearnum=rng.choice(years),
                company=rng.choice(COMPANIES),
                date=f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.choice(years)}",
            )

        self.pool = [fill(rng.choice(SENTENCES)) for _ in range(POOL)]
        self.openings = [fill(rng.choice(OPENINGS)) for _ in range(POOL // 10)]

    def paragraphs(self, n_words: int) -> list[str]:
        rng = self.rng
        out, count = [rng.choice(self.openings)], 0
        while count < n_words:
            para = " ".join(rng.choices(self.pool, k=rng.randint(3, 7)))
            out.append(para)
            count += para.count(" ") + 1
        return out


@dataclass
class Written:
    documents: int = 0
    words: int = 0
    publications: int = 0


def _version(doc: Document, paras: list[str], heading: str, when: dt.datetime):
    text = "\n\n".join([heading, *paras])
    html = f"<h2>{escape(heading)}</h2>" + "".join(f"<p>{escape(p)}</p>" for p in paras)
    return DocumentVersion(
        document=doc,
        number=1,
        source_kind=SourceKind.HTML,
        html=html,
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        created_by_name="moot demo --synthetic",
        published_at=when,
    ), text.count(" ") + text.count("\n\n") + 1


def _published_at(m: Meeting) -> dt.datetime:
    """A week before the meeting, at ten: five clear days' notice."""
    return timezone.make_aware(dt.datetime.combine(m.date - dt.timedelta(days=7), dt.time(10)))


def _chunks(meetings: list[Meeting]) -> Iterator[list[Meeting]]:
    for start in range(0, len(meetings), CHUNK):
        yield meetings[start : start + CHUNK]


def generate(
    opts: Options,
    meetings: list[Meeting],
    items: list[AgendaItem],
    places: list[str],
    names: list[str],
) -> Written:
    """Write the papers and agenda publications of the meetings held (saved, with keys)."""
    rng = opts.rng("papers")
    years = range(opts.first_year, opts.first_year + opts.years + 1)
    prose = Prose(rng, places, names, years)
    by_meeting: dict[int, list[AgendaItem]] = {}
    for item in items:
        by_meeting.setdefault(item.meeting_id, []).append(item)
    held = [m for m in meetings if m.status == MeetingStatus.HELD]
    out = Written()
    mean = max(50, opts.paper_words)
    for chunk in _chunks(held):
        docs, appendices, versions, links, pubs = [], [], [], [], []
        plan: list[tuple[Meeting, AgendaItem, Document, list[Document]]] = []
        for m in chunk:
            for item in by_meeting.get(m.pk, []):
                if item.kind not in (ItemKind.REPORT, ItemKind.MINUTES):
                    continue
                exempt = item.part == Part.EXEMPT
                doc = Document(
                    kind=DocumentKind.MINUTES
                    if item.kind == ItemKind.MINUTES
                    else DocumentKind.REPORT,
                    title=item.title[:300],
                    classification=Classification.EXEMPT if exempt else Classification.UNRESTRICTED,
                    exempt_paragraph=item.exempt_paragraph if exempt else None,
                )
                extra = []
                if item.kind == ItemKind.REPORT and not exempt:
                    for n in range(rng.choices([0, 1, 2, 3], [45, 30, 17, 8])[0]):
                        extra.append(
                            Document(
                                kind=DocumentKind.APPENDIX,
                                label=f"Appendix {chr(65 + n)}",
                                title=f"{rng.choice(prose.topics)} – {rng.choice(APPENDICES)}",
                                order=n + 1,
                            )
                        )
                docs.append(doc)
                plan.append((m, item, doc, extra))
        Document.objects.bulk_create(docs, batch_size=BATCH)
        for _m, _item, doc, extra in plan:
            for a in extra:
                a.parent = doc
                appendices.append(a)
        Document.objects.bulk_create(appendices, batch_size=BATCH)
        for m, item, doc, extra in plan:
            when = _published_at(m)
            n_words = int(rng.lognormvariate(0, 0.6) * mean)
            version, count = _version(doc, prose.paragraphs(n_words), doc.title, when)
            versions.append(version)
            out.words += count
            for a in extra:
                version, count = _version(a, prose.paragraphs(int(n_words * 1.5)), a.title, when)
                versions.append(version)
                out.words += count
            links.append(ItemPaper(item=item, document=doc, order=0))
        DocumentVersion.objects.bulk_create(versions, batch_size=BATCH // 4)
        ItemPaper.objects.bulk_create(links, batch_size=BATCH)
        out.documents += len(docs) + len(appendices)
        papers: dict[int, list[int]] = {}
        for link in links:
            papers.setdefault(link.item.meeting_id, []).append(link.pk)
        for m in chunk:
            if not by_meeting.get(m.pk):
                continue
            when = _published_at(m)
            pubs.append(
                AgendaPublication(
                    meeting=m,
                    kind=PublicationKind.AGENDA,
                    number=0,
                    published_at=when,
                    published_by_name="moot demo --synthetic",
                    deadline=m.date - dt.timedelta(days=6),
                    on_time=True,
                    historical=True,
                    papers=papers.get(m.pk, []),
                )
            )
        AgendaPublication.objects.bulk_create(pubs, batch_size=BATCH)
        out.publications += len(pubs)
    return out
