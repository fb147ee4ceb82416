"""The papers of the demo's agenda meetings, from the text of the seed agenda packs.

For each agenda item with a page range in a seed (and item 14 of 15 September 2017, whose
exempt paper is written for the demo) the loader creates the paper, its appendices, a version
of each holding its text as HTML, the report header and the attachment to the item, all
through ``papers.services``. Like the rest of the demo it only adds what is missing: a paper
already attached to its item (found by title) is left as it is, with whatever an officer has
done to it since.
"""

from __future__ import annotations

from django.utils.text import slugify

from audit import trail
from council.models import Body, Person
from council.names import resolve
from demo.loader import Loader
from meetings.models import AgendaItem, Meeting
from papers import services
from papers.models import (
    Classification,
    Document,
    ItemPaper,
    PathwayStep,
    Recommendation,
    Report,
    ReportSigner,
)

from . import council_2015_12_10, pr_2017_09_15, sms_2017_03_01
from .officers import OFFICERS
from .spec import NONE, Agenda, Header, Paper
from .text_to_html import to_html

AGENDAS: tuple[Agenda, ...] = (
    council_2015_12_10.AGENDA,
    sms_2017_03_01.AGENDA,
    pr_2017_09_15.AGENDA,
)


def load(loader: Loader) -> None:
    """Create whatever of the demo's papers is missing. Call inside a transaction."""
    PaperLoader(loader).load()


class PaperLoader:
    def __init__(self, loader: Loader) -> None:
        self.loader = loader
        self.bodies = {b.name: b for b in Body.objects.all()}
        self.people: dict[str, Person | None] = {}
        self.attached = {
            (link.item_id, link.document.title): link.document
            for link in ItemPaper.objects.select_related("document")
        }
        self.children = {
            (d.parent_id, d.label, d.title) for d in Document.objects.exclude(parent=None)
        }

    def load(self) -> None:
        for agenda in AGENDAS:
            meeting = Meeting.objects.filter(body__name=agenda.body, date=agenda.date).first()
            if meeting is None:  # refused earlier, and reported there
                continue
            items = {i.number: i for i in meeting.items.all()}
            for number, papers in agenda.papers.items():
                item = items.get(number)
                if item is None:
                    continue
                for paper in papers:
                    self.paper(item, paper)

    # -- rows ------------------------------------------------------------------------------

    def _save(self, instance, save):
        return self.loader._create(instance, save)

    def paper(self, item: AgendaItem, paper: Paper) -> None:
        doc = self.attached.get((item.pk, paper.title))
        if doc is None:
            doc = self.document(paper)
            if doc is None:
                return
            self._save(doc, lambda d, actor: services.attach(item, d, actor=actor))
            self.attached[(item.pk, paper.title)] = doc
        for order, child in enumerate(paper.appendices, start=1):
            if (doc.pk, child.label, child.title) not in self.children:
                self.document(child, parent=doc, order=order)
                self.children.add((doc.pk, child.label, child.title))

    def document(
        self, paper: Paper, parent: Document | None = None, order: int = 0
    ) -> Document | None:
        exempt = paper.exempt_paragraph is not None
        doc = self._save(
            Document(
                kind=paper.kind,
                title=paper.title,
                label=paper.label,
                parent=parent,
                order=order,
                classification=Classification.EXEMPT if exempt else Classification.UNRESTRICTED,
                exempt_paragraph=paper.exempt_paragraph,
            ),
            services.save_document,
        )
        if doc is None:
            return None
        html = to_html(paper.body_text())
        self._save(doc, lambda d, actor: services.add_version(d, html=html, actor=actor))
        if paper.header is not None:
            self.report(doc, paper.header)
        return doc

    def report(self, doc: Document, header: Header) -> None:
        author = self.person(header.author.name) if header.author else None
        director = self.person(header.director.name) if header.director else None
        none = header.background == NONE
        report = self._save(
            Report(
                document=doc,
                to_body=self.bodies.get(header.to),
                date=header.date,
                all_divisions=header.all_divisions,
                decision_flag=header.decision_flag,
                summary=header.summary,
                background_documents="" if none else header.background,
                no_background_documents=none,
                author=author,
                director=director,
                **_contact("author", header.author),
                **_contact("director", header.director),
            ),
            services.save_report,
        )
        if report is None:
            return
        for order, (name, capacity) in enumerate(header.signers, start=1):
            person = self.person(name)
            if person is not None:
                self._save(
                    ReportSigner(report=report, person=person, capacity=capacity, order=order),
                    trail.save,
                )
        for order, (verb, text) in enumerate(header.recommendations, start=1):
            self._save(Recommendation(report=report, order=order, verb=verb, text=text), trail.save)
        for order, step in enumerate(header.pathway, start=1):
            body = self.bodies.get(step.where)
            self._save(
                PathwayStep(
                    report=report,
                    direction=step.direction,
                    body=body,
                    description="" if body else step.where,
                    date=step.date,
                    note=step.note,
                    order=order,
                ),
                trail.save,
            )

    def person(self, printed: str) -> Person | None:
        """The person a header names: found in the record, else an officer added for it."""
        if printed not in self.people:
            person = resolve(printed)
            if person is None and printed in OFFICERS:
                fields = OFFICERS[printed]
                person = self.loader.person(
                    slugify(f"{fields['forenames']} {fields['surname']}"), **fields
                )
            if person is None:
                if self.loader.strict:
                    raise LookupError(f"{printed!r} is named in a report but not in the demo.")
                self.loader.skipped.append(f"{printed}: not found in the record")
            self.people[printed] = person
        return self.people[printed]


def all_papers() -> list[Paper]:
    """Every paper and appendix the demo loads."""
    found = []
    for agenda in AGENDAS:
        for papers in agenda.papers.values():
            for paper in papers:
                found += [paper, *paper.appendices]
    return found


def _contact(role: str, contact) -> dict:
    if contact is None:
        return {}
    return {
        f"{role}_job_title": contact.job_title,
        f"{role}_telephone": contact.telephone,
        f"{role}_email": contact.email,
    }
