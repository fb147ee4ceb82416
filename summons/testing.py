"""Helpers for tests of summonses and subscriptions (used by summons and feeds tests)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.utils import timezone

from audit.testing import TEST_ACTOR
from meetings.models import AgendaItem, Meeting
from papers import services as papers
from papers.models import Classification, Document, ItemPaper
from publishing.models import AgendaPublication, PublicationKind

CANARY = "CANARY-7f3a-summons-never-public"
PR = "Policy and Resources Cabinet Committee"
SEPT_15 = dt.date(2017, 9, 15)


@dataclass
class Publication:
    """Stands in for publishing's publication: the receivers read ``pk`` and ``published_at``."""

    pk: int
    published_at: dt.datetime


def publication(pk: int = 1, day: dt.date = dt.date(2017, 9, 7)) -> Publication:
    return Publication(pk, timezone.make_aware(dt.datetime.combine(day, dt.time(10))))


def pr_meeting() -> Meeting:
    return Meeting.objects.get(body__name=PR, date=SEPT_15)


@dataclass
class Planted:
    meeting: Meeting
    public_item: AgendaItem
    exempt_item: AgendaItem
    public_doc: Document
    exempt_doc: Document


def plant_canary(meeting: Meeting | None = None) -> Planted:
    """A public report on a public item, and the canary in everything restricted: an exempt
    item's purpose, an exempt report's title and text, and a public report's exempt appendix."""
    meeting = meeting or pr_meeting()
    public_item = meeting.items.get(title="Contract Management")
    exempt_item = meeting.items.get(title="Company Governance")
    AgendaItem.objects.filter(pk=exempt_item.pk).update(purpose=f"Purpose {CANARY}")
    public_doc = papers.save_document(
        Document(title="Contract Management Report"), actor=TEST_ACTOR
    )
    papers.add_version(
        public_doc, html="<p>The council manages 400 contracts.</p>", actor=TEST_ACTOR
    )
    appendix = papers.save_document(
        Document(
            title=f"Prices {CANARY}",
            label="Appendix B",
            parent=public_doc,
            classification=Classification.EXEMPT,
            exempt_paragraph=3,
        ),
        actor=TEST_ACTOR,
    )
    papers.add_version(appendix, html=f"<p>{CANARY}</p>", actor=TEST_ACTOR)
    papers.attach(public_item, public_doc, actor=TEST_ACTOR)
    exempt_doc = papers.save_document(
        Document(
            title=f"Company Governance {CANARY}",
            classification=Classification.EXEMPT,
            exempt_paragraph=3,
        ),
        actor=TEST_ACTOR,
    )
    papers.add_version(exempt_doc, html=f"<p>Governance {CANARY}</p>", actor=TEST_ACTOR)
    papers.attach(exempt_item, exempt_doc, actor=TEST_ACTOR)
    _join_recorded_publication(meeting)
    return Planted(meeting, public_item, exempt_item, public_doc, exempt_doc)


def _join_recorded_publication(meeting: Meeting) -> None:
    """The demo records this agenda as published; the planted papers join that publication,
    as if they had been on the agenda, because emails and feeds link published papers only."""
    publication = AgendaPublication.objects.filter(
        meeting=meeting, kind=PublicationKind.AGENDA
    ).first()
    if publication is not None:
        ids = ItemPaper.objects.filter(item__meeting=meeting).values_list("pk", flat=True)
        publication.papers = sorted(set(publication.papers) | set(ids))
        publication.save(update_fields=["papers"])


class FlakyBackend(LocmemBackend):
    """Fails the first ``failures`` sends (class-wide) with ``error()``, then delivers to the
    locmem outbox."""

    failures = 0
    calls = 0

    @staticmethod
    def error() -> Exception:
        return ConnectionRefusedError("mail server unavailable")

    def send_messages(self, messages):
        type(self).calls += 1
        if type(self).calls <= type(self).failures:
            raise type(self).error()
        return super().send_messages(messages)
