"""Rows for the publishing tests, made through the services."""

from __future__ import annotations

import datetime as dt
import itertools

from django.contrib.auth import get_user_model

from access.models import Account
from audit.actors import Actor, SystemActor
from audit.testing import TEST_ACTOR
from council.models import Membership, Role
from meetings.models import Meeting
from moot import testing as t
from papers import services as papers
from papers.models import Classification, Document, DocumentKind, ItemPaper, Recommendation, Report
from publishing import workflow
from publishing.deadlines import local_zone
from publishing.models import ClearanceStep

CANARY = "CANARY-9f3a-never-public"
_seq = itertools.count(1)

# Tuesday 15 January 2030: five clear days back is Tuesday 8 January, so the deadline is
# Monday 7 January 2030.
MEETING_DAY = dt.date(2030, 1, 15)
DEADLINE = dt.date(2030, 1, 7)


def london(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=local_zone())


#: The operator (a command) that approves the builders' reports.
OPERATOR = SystemActor("test")
BEFORE = london(2030, 1, 3, 10, 0)  # comfortably on time
AFTER = london(2030, 1, 9, 10, 0)  # two days late


def user(democratic_services: bool = True, staff: bool = True):
    # No password: hashing one costs a noticeable fraction of a second per user.
    u = get_user_model().objects.create_user(f"officer{next(_seq)}", is_staff=staff)
    Account.objects.create(user=u, democratic_services=democratic_services)
    return u


def steps(*names: str) -> list[ClearanceStep]:
    return [ClearanceStep.objects.create(name=n, order=i) for i, n in enumerate(names)]


def meeting(date: dt.date = MEETING_DAY, *, members: int = 1, chair=None, **kw) -> Meeting:
    """A committee meeting with one item; ``members`` serve on the body that day (a body with
    nobody serving cannot have its agenda published without a reason: nobody is summoned),
    and ``chair``, when given, is its chair (who may agree urgent business)."""
    m = t.meeting(t.body(f"Publishing Test Committee {next(_seq)}", **kw), date=date)
    if chair is not None:
        Membership.objects.create(
            body=m.body, person=chair, role=Role.CHAIRMAN, start=date - dt.timedelta(days=365)
        )
    for _ in range(members):
        Membership.objects.create(
            body=m.body,
            person=t.person(f"Member{next(_seq)}"),
            role=Role.MEMBER,
            start=date - dt.timedelta(days=365),
        )
    t.item(m, "1", "Apologies and substitutes")
    return m


def report(
    title: str = "Budget monitoring",
    *,
    recommendations: bool = True,
    background: bool = True,
    content: bool = True,
    classification: str = Classification.UNRESTRICTED,
    paragraph: int | None = None,
) -> Document:
    doc = papers.save_document(
        Document(
            kind=DocumentKind.REPORT,
            title=title,
            classification=classification,
            exempt_paragraph=paragraph,
        ),
        actor=TEST_ACTOR,
    )
    if content:
        papers.add_version(doc, html=f"<p>{title} text.</p>", actor=TEST_ACTOR)
    r = Report.objects.create(document=doc, no_background_documents=background)
    if recommendations:
        Recommendation.objects.create(report=r, verb="NOTE", text="the report.")
    return doc


def approve(doc: Document, actor: Actor = OPERATOR) -> Document:
    """Submit, sign off every active step and approve, as the operator (a command) would."""
    workflow.submit_report(doc, actor=actor)
    for step in workflow.unsigned_steps(workflow.workflow_of(doc)):
        workflow.sign_off(doc, step, actor=actor)
    workflow.approve_for_publication(doc, actor=actor)
    return doc


def paper(m: Meeting, number: str, title: str, approved: bool = True, **kw) -> ItemPaper:
    item = m.items.filter(number=number).first() or t.item(m, number, f"Item {title}")
    doc = report(title, **kw)
    if approved:
        approve(doc)
    return papers.attach(item, doc, actor=TEST_ACTOR)


def appendix(parent: Document, label: str, title: str, **kw) -> Document:
    doc = papers.save_document(
        Document(kind=DocumentKind.APPENDIX, title=title, label=label, parent=parent, **kw),
        actor=TEST_ACTOR,
    )
    papers.add_version(doc, html=f"<p>{title}</p>", actor=TEST_ACTOR)
    return doc
