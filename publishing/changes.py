"""Changes to an agenda once it is open to inspection: urgent items (LGA 1972 s.100B(4)(b)),
withdrawn papers and replaced papers. Each is kept in the meeting's public history.

The meetings service (``meetings.services.save_agenda_item``) does not know about
publication, on purpose: meetings must not depend on publishing. So every screen or command
that adds an agenda item must call ``check_item_may_be_added`` first, or add urgent business
through ``add_urgent_item``. There is deliberately no pre_save signal: a rule hidden in a
signal would also fire for the demo loader and data imports, and could not be explained on
the form that broke it.
"""

from __future__ import annotations

import logging
from typing import cast

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit import trail
from audit.actors import Actor, name_of, user_of
from audit.models import AuditEntry
from council.models import BodyKind, Person
from council.serving import chair_and_vice, presiding_problem
from meetings.models import AgendaItem, Meeting
from meetings.services import save_agenda_item
from papers import packs
from papers import services as papers_services
from papers.models import Classification, Document, DocumentVersion, ItemPaper

from . import signals
from .models import AgendaPublication, EventKind, PublicationEvent
from .state import is_published, published_paper_ids, require_democratic_services

logger = logging.getLogger(__name__)

URGENCY_RULE = "section 100B(4)(b) of the Local Government Act 1972"
URGENT = "publishing.urgent_item_added"
WITHDRAWN = "publishing.paper_withdrawn"


def _chair_urgency_allowed(meeting: Meeting) -> bool:
    # The executive's access-to-information rules (SI 2012/2089 reg 6) have no chair's
    # urgency clause (statutory-rules §3.3): off for the cabinet unless legal advice enables it.
    if meeting.body.kind == BodyKind.CABINET:
        return getattr(settings, "MOOT_EXECUTIVE_CHAIR_URGENCY", False)
    return True


def urgency_chair_problems(meeting: Meeting, person: Person) -> list[str]:
    """The chair who agrees urgent business (s.100B(4)(b)) is the body's chair or vice-chair
    on the meeting's date, or whoever is recorded in the chair of the meeting; never one whose
    term of office has ended (``council.serving``)."""
    ended = presiding_problem(person, meeting.body, meeting.date)
    if ended:
        return [ended]
    if person in chair_and_vice(meeting.body, meeting.date):
        return []
    attendance = apps.get_model("proceedings", "Attendance")
    if attendance.objects.filter(meeting=meeting, person=person, in_chair=True).exists():
        return []
    return [
        f"{person} is not the chair or vice-chair of {meeting.body} on "
        f"{meeting.date:%-d %B %Y}, nor recorded in the chair of this meeting, so cannot "
        f"agree that business is urgent ({URGENCY_RULE})."
    ]


def check_item_may_be_added(meeting: Meeting, item: AgendaItem) -> None:
    """Refuse a new item on a published agenda unless it is urgent business with the chair who
    agreed it and the special circumstances. Items of an unpublished agenda, and changes to
    existing items, pass. Call this before ``meetings.services.save_agenda_item``."""
    if item.pk is not None or not is_published(meeting):
        return
    if not item.urgent:
        raise ValidationError(
            f"The agenda of {meeting} has been published. An item can now be added only as "
            f"urgent business that the chair agrees to consider ({URGENCY_RULE})."
        )
    if not _chair_urgency_allowed(meeting):
        raise ValidationError(
            f"{meeting.body} is an executive body: its rules have no chair's urgency route for "
            "new items. Convene a meeting at shorter notice or use the executive urgency "
            "procedures."
        )
    problems = []
    if not item.urgency_chair_id:
        problems.append("Name the chair who agreed that the item is urgent.")
    else:
        problems += urgency_chair_problems(meeting, item.urgency_chair)
    if not (item.urgency_reasons or "").strip():
        problems.append(
            "State the special circumstances that make the item urgent; they are "
            "recorded in the minutes."
        )
    if problems:
        raise ValidationError(problems)


def add_urgent_item(
    meeting: Meeting,
    *,
    number: str,
    title: str,
    chair: Person | None,
    reasons: str,
    actor: Actor,
    **fields,
) -> AgendaItem:
    """Add urgent business to a published agenda; it is open to inspection from now and
    recorded in the public history.

    Refuses (nothing saved): an actor who is not democratic services; an agenda not yet
    published (add the item normally); no chair or no special circumstances; the cabinet
    (no chair's urgency route); anything ``save_agenda_item`` refuses (e.g. a duplicate number).
    """
    require_democratic_services(actor)
    if not is_published(meeting):
        raise ValidationError(
            f"The agenda of {meeting} is not published yet: add the item to "
            "the agenda in the usual way."
        )
    item = AgendaItem(
        meeting=meeting,
        number=number,
        title=title,
        urgent=True,
        urgency_chair=chair,
        urgency_reasons=(reasons or "").strip(),
        **fields,
    )
    check_item_may_be_added(meeting, item)
    with transaction.atomic():
        save_agenda_item(item, actor=actor, event=URGENT)
        # The special circumstances of an exempt item may touch on the exempt information;
        # they reach the public through the minutes, after the chair has seen them.
        # Saved, so urgent with its chair (meetings.rules.check_agenda_item).
        note = f"Item {item.number}: {item.title}. Chair: {cast(Person, chair).full_name}"
        if not item.is_exempt:
            note += f". Special circumstances: {item.urgency_reasons}"
        trail.save(
            PublicationEvent(
                meeting=meeting,
                kind=EventKind.URGENT_ITEM_ADDED,
                at=timezone.now(),
                by=user_of(actor),
                by_name=name_of(actor),
                note=note,
            ),
            actor=actor,
            event=URGENT,
        )
    return item


ITEM_FIELDS = (
    "order",
    "purpose",
    "kind",
    "part",
    "exempt_paragraph",
    "parent",
    "motion_text",
    "mover",
    "seconder",
)


def save_item(item: AgendaItem, *, actor: Actor) -> AgendaItem:
    """Create or change an agenda item, wherever the agenda stands: a new item on a published
    agenda can only be urgent business (``add_urgent_item``: the chair and the special
    circumstances are required, and it enters the public history); anything else is
    ``meetings.services.save_agenda_item``. Refuses a non-urgent new item on a published agenda
    with the plain explanation, saving nothing."""
    if item.pk is None and item.meeting_id and is_published(item.meeting):
        if not item.urgent:
            check_item_may_be_added(item.meeting, item)  # raises the plain explanation
        return add_urgent_item(
            item.meeting,
            number=item.number,
            title=item.title,
            chair=item.urgency_chair,
            reasons=item.urgency_reasons,
            actor=actor,
            **{name: getattr(item, name) for name in ITEM_FIELDS},
        )
    return save_agenda_item(item, actor=actor)


def withdraw_paper(item_paper: ItemPaper, reason: str, *, actor: Actor) -> PublicationEvent:
    """Take a published paper off the agenda, giving the public reason. The attachment is
    removed (audited); the document and all its versions stay in the record.

    Refuses (nothing saved): an actor who is not democratic services; a blank reason; a paper
    not published yet (detach it instead).
    """
    require_democratic_services(actor)
    if not (reason or "").strip():
        raise ValidationError("Give the reason the paper is withdrawn; it is shown publicly.")
    meeting = item_paper.item.meeting
    if item_paper.pk not in published_paper_ids(meeting):
        raise ValidationError(
            f"“{item_paper.document.title}” has not been published: detach it "
            "from the agenda instead."
        )
    with transaction.atomic():
        event = trail.save(
            PublicationEvent(
                meeting=meeting,
                document=item_paper.document,
                version=item_paper.document.current_version(),
                kind=EventKind.PAPER_WITHDRAWN,
                at=timezone.now(),
                by=user_of(actor),
                by_name=name_of(actor),
                note=reason.strip(),
            ),
            actor=actor,
            event=WITHDRAWN,
        )
        # Every public pack holding the paper is withdrawn and rebuilt without it.
        packs.withdraw_packs_with(
            [item_paper.pk],
            f"Item {item_paper.item.number}: a paper was withdrawn.",
            drop=True,
            actor=actor,
        )
        trail.delete(item_paper, actor=actor, event=WITHDRAWN)
        document = item_paper.document
        transaction.on_commit(
            lambda: _announce(
                signals.paper_withdrawn,
                sender=Meeting,
                meeting=meeting,
                document=document,
                event=event,
            )
        )
    return event


def _announce(signal, **kwargs) -> None:
    """Tell the listeners (the search index) once the change has committed; a failing
    listener is logged and must not make the officer think the change failed."""
    for receiver, result in signal.send_robust(**kwargs):
        if isinstance(result, Exception):
            logger.error("%s failed", receiver, exc_info=result)


def _published_meetings(document: Document) -> list[Meeting]:
    """The meetings whose published agenda included the document (or its report)."""
    top = document.parent_id or document.pk
    links = dict(ItemPaper.objects.filter(document_id=top).values_list("pk", "item__meeting_id"))
    meeting_ids = {
        links[pk]
        for papers in AgendaPublication.objects.filter(
            meeting_id__in=set(links.values())
        ).values_list("papers", flat=True)
        for pk in papers
        if pk in links
    }
    return list(Meeting.objects.filter(pk__in=meeting_ids))


def replace_paper(
    document: Document,
    *,
    html: str | None = None,
    upload: bytes | None = None,
    filename: str = "",
    reason: str,
    actor: Actor,
) -> DocumentVersion:
    """Publish a corrected version of a published paper now, with the public reason. The
    earlier versions stay in the record, retrievable by number.

    Refuses (nothing saved): an actor who is not democratic services; a blank reason; a paper
    not on any published agenda (add a version in the usual way); anything
    ``papers.services.add_version`` refuses (bad HTML or file).
    """
    require_democratic_services(actor)
    if not (reason or "").strip():
        raise ValidationError("Give the reason the paper is replaced; it is shown publicly.")
    meetings = _published_meetings(document)
    if not meetings:
        raise ValidationError(
            f"“{document.title}” is not on a published agenda: add the new "
            "version in the usual way."
        )
    with transaction.atomic():
        version = papers_services.add_version(
            document, html=html, upload=upload, filename=filename, actor=actor
        )
        version = papers_services.publish_version(version, actor=actor)
        for meeting in meetings:
            trail.save(
                PublicationEvent(
                    meeting=meeting,
                    document=document,
                    version=version,
                    kind=EventKind.PAPER_REPLACED,
                    at=version.published_at,
                    by=user_of(actor),
                    by_name=name_of(actor),
                    note=f"Version {version.number}: {reason.strip()}",
                ),
                actor=actor,
                event="publishing.paper_replaced",
            )
        transaction.on_commit(
            lambda: _announce(
                signals.paper_replaced,
                sender=Document,
                document=document,
                version=version,
                meetings=meetings,
            )
        )
    return version


def reclassify_paper(
    document: Document,
    classification: str,
    exempt_paragraph: int | None = None,
    *,
    reason: str,
    actor: Actor,
) -> Document:
    """Make a paper exempt (citing its Schedule 12A paragraph) or confidential, after its
    agenda may have been published. Every built public pack holding it is withdrawn from the
    public (kept for democratic services) and queued as a new version with the paper
    restricted (``papers.services.save_document``); the public pages withhold it from now.

    Refuses (nothing saved): an actor who is not democratic services; a blank reason (kept in
    the audit trail; the public history says only that a paper was reclassified); a paper
    that is already restricted; an exempt classification without its paragraph.
    """
    require_democratic_services(actor)
    if not (reason or "").strip():
        raise ValidationError(
            "Give the reason the paper is reclassified; it is kept in the record."
        )
    if document.is_restricted:
        raise ValidationError(f"“{document.title}” is already {document.restriction_text}.")
    if classification not in (Classification.EXEMPT, Classification.CONFIDENTIAL):
        raise ValidationError("Reclassify a paper as exempt or confidential.")
    document.classification = classification
    document.exempt_paragraph = (
        exempt_paragraph if classification == Classification.EXEMPT else None
    )
    links = ItemPaper.objects.filter(document_id=document.parent_id or document.pk)
    items = ", ".join(sorted({f"item {link.item.number}" for link in links.select_related("item")}))
    public = f"A paper ({items}) was reclassified as not for publication." if items else ""
    with transaction.atomic():
        saved = papers_services.save_document(document, actor=actor, reason=public)
        trail.record(
            AuditEntry.Action.UPDATE,
            saved,
            {"reclassification_reason": [None, reason.strip()]},
            actor=actor,
            event="publishing.paper_reclassified",
        )
    return saved
