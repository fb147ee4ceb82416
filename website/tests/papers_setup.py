"""Papers made for the website's tests on the demo's Policy and Resources Cabinet Committee of
15 September 2017 (the demo may have papers of its own there; nothing here depends on them).

A canary string is planted in everything restricted: an exempt report's title and text, a
public report's exempt appendix, a confidential paper, and a public-looking appendix of an
exempt report. The public site must never show it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone

from audit.testing import TEST_ACTOR
from council.models import Division, Membership, Role
from meetings.models import AgendaItem, Meeting
from papers import services
from papers import testing as files
from papers.models import (
    AgendaPack,
    Classification,
    Document,
    DocumentKind,
    DocumentVersion,
    PackKind,
    PackStatus,
    PathwayStep,
    Recommendation,
    Report,
    ReportSigner,
)

from .helpers import PR, body, meeting, publish

CANARY = "CANARY-5e1d-never-public"
SEPT_15 = dt.date(2017, 9, 15)
PUBLISHED = timezone.make_aware(dt.datetime(2017, 9, 7, 10, 0))


@dataclass
class Papers:
    meeting: Meeting
    report: Document  # public report with header fields, two versions
    appendix: Document  # its public appendix
    exempt_appendix: Document  # its exempt appendix (canary)
    pdf: Document  # public uploaded PDF
    exempt: Document  # exempt report on the exempt item (canary), an uploaded PDF
    exempt_child: Document  # an unrestricted-looking appendix of the exempt report (canary)
    confidential: Document  # confidential paper on a public item (canary)

    @property
    def restricted(self) -> list[Document]:
        return [self.exempt_appendix, self.exempt, self.exempt_child, self.confidential]

    @property
    def public(self) -> list[Document]:
        return [self.report, self.appendix, self.pdf]


def item(m: Meeting, title: str) -> AgendaItem:
    return m.items.get(title=title)


def document(
    title,
    *,
    html=None,
    pdf=None,
    parent=None,
    label="",
    paragraph=None,
    classification=Classification.UNRESTRICTED,
) -> Document:
    if paragraph:
        classification = Classification.EXEMPT
    doc = services.save_document(
        Document(
            title=title,
            label=label,
            parent=parent,
            classification=classification,
            exempt_paragraph=paragraph,
            kind=DocumentKind.APPENDIX if parent else DocumentKind.REPORT,
            order=ord(label[-1]) if label else 0,
        ),
        actor=TEST_ACTOR,
    )
    if html is not None:
        services.add_version(doc, html=html, actor=TEST_ACTOR)
    if pdf is not None:
        services.add_version(doc, upload=pdf, filename=f"{title}.pdf", actor=TEST_ACTOR)
    return doc


def header(doc: Document, m: Meeting) -> Report:
    pr = m.body
    chairman = Membership.objects.filter(body=pr, role=Role.CHAIRMAN).first().person
    report = Report.objects.create(
        document=doc,
        to_body=pr,
        date=dt.date(2017, 9, 6),
        key_decision=True,
        key_decision_reference="17/00084",
        decision_flag="FOR DECISION",
        summary="This report sets out how contracts are managed.",
        background_documents="Contract Standing Orders (2016)",
        author=chairman,
        author_job_title="Head of Commissioning",
        author_telephone="03000 416000",
        author_email="author@example.org",
        director=chairman,
        director_job_title="Corporate Director",
    )
    ReportSigner.objects.create(
        report=report, person=chairman, capacity="Cabinet Member for Finance"
    )
    Recommendation.objects.create(
        report=report, verb="NOTE", order=1, text="the progress made on contract management."
    )
    Recommendation.objects.create(
        report=report, verb="ENDORSE", order=2, text="the new contract register."
    )
    PathwayStep.objects.create(
        report=report,
        direction=PathwayStep.Direction.PAST,
        description="Corporate Management Team",
        date=dt.date(2017, 8, 1),
    )
    division = Division.objects.order_by("name").first()
    if division:
        report.divisions.add(division)
    return report


def make_papers(published: bool = True) -> Papers:
    """The papers, published with the meeting's agenda (at a moment not known) unless not
    ``published``."""
    m = meeting(PR, SEPT_15)
    report = document(
        "Contract Management Report", html="<h2>Introduction</h2><p>First draft of the report.</p>"
    )
    services.add_version(
        report,
        html=(
            "<h2>Introduction</h2><p>The council manages 400 contracts.</p>"
            "<h3>Risks</h3><ul><li>Supplier failure</li></ul>"
        ),
        actor=TEST_ACTOR,
    )
    DocumentVersion.objects.filter(document=report, number=2).update(published_at=PUBLISHED)
    header(report, m)
    appendix = document(
        "Contract register",
        label="Appendix A",
        parent=report,
        html="<table><caption>Contracts</caption><tr><th scope='col'>Supplier</th>"
        "<th scope='col'>Value</th></tr><tr><td>Acme</td><td>£1m</td></tr>"
        "</table>",
    )
    exempt_appendix = document(
        f"Supplier prices {CANARY}",
        label="Appendix B",
        parent=report,
        paragraph=3,
        html=f"<p>Prices {CANARY} appendix text.</p>",
    )
    services.attach(item(m, "Contract Management"), report, actor=TEST_ACTOR)

    pdf = document("Financial Monitoring Report", pdf=files.pdf(3, "Budget monitoring"))
    services.attach(item(m, "Financial Monitoring 2017 - 18"), pdf, actor=TEST_ACTOR)

    exempt = document(
        f"Company Governance {CANARY}", paragraph=3, pdf=files.pdf(2, f"Governance {CANARY}")
    )
    exempt_child = document(
        f"Company list {CANARY}",
        label="Appendix 1",
        parent=exempt,
        html=f"<p>{CANARY} company list.</p>",
    )
    services.attach(item(m, "Company Governance"), exempt, actor=TEST_ACTOR)

    confidential = document(
        f"Legal advice {CANARY}",
        html=f"<p>{CANARY} advice.</p>",
        classification=Classification.CONFIDENTIAL,
    )
    services.attach(item(m, "Customer Feedback Policy"), confidential, actor=TEST_ACTOR)
    if published:
        publish(m)
    return Papers(m, report, appendix, exempt_appendix, pdf, exempt, exempt_child, confidential)


def other_meeting() -> Meeting:
    """Another meeting of the same committee, without these papers."""
    return Meeting.objects.filter(body=body(PR)).exclude(date=SEPT_15).order_by("date").first()


def paper_url(m: Meeting, doc: Document, suffix: str = "") -> str:
    return f"/meetings/{m.pk}/{m.slug}/papers/{doc.pk}/{suffix}"


def pack(m: Meeting, kind=PackKind.PUBLIC, supplement=0, pages=2, built=True, when=None):
    """An agenda pack row with a real file, as papers.packs.run_pack leaves one."""
    data = files.pdf(pages, f"{kind} pack {supplement}")
    p = AgendaPack(
        meeting=m,
        kind=kind,
        supplement=supplement,
        page_count=pages,
        size=len(data),
        status=PackStatus.BUILT if built else PackStatus.BUILDING,
        built_at=(when or timezone.now()) if built else None,
    )
    if built:
        p.file.save(f"{m.slug}-{kind}-{supplement}.pdf", ContentFile(data), save=False)
    p.save()
    return p
