"""Publishing a meeting's agenda and papers (LGA 1972 s.100B). Each function validates,
changes the record in one transaction, writes the audit trail, and raises ``ValidationError``
(nothing saved) when it refuses. Signals go out only after the transaction commits.

The other changes after publication (urgent items, withdrawals, replacements) are in
``publishing.changes`` and the report workflow in ``publishing.workflow``; both are
re-exported here so callers need one import. Supplementary agendas are in
``publishing.supplements`` and the record of a past publication in ``publishing.historical``:
both are built from the helpers here, so they are imported from their own modules, not here.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit import trail
from audit.actors import Actor, name_of, user_of
from council.serving import serving_members
from meetings.models import Meeting, MeetingStatus
from papers import packs
from papers import services as papers_services
from papers.models import Document, DocumentKind, ItemPaper, PackKind

from . import deadlines, signals
from .models import AgendaPublication, EventKind, PublicationEvent, PublicationKind
from .readiness import Readiness, nobody_message, not_approved_message
from .state import (
    is_published,
    published_at,
    published_exists,
    published_paper_ids,
    require_democratic_services,
)
from .workflow import is_approved

logger = logging.getLogger(__name__)

# --- helpers -------------------------------------------------------------------------------


def _documents(links: list[ItemPaper]) -> list[Document]:
    """The attached documents with their appendices, in agenda order."""
    docs: list[Document] = []
    for link in links:
        docs += [link.document, *link.document.appendices.all()]
    return docs


def _problems(meeting: Meeting, links: list[ItemPaper]) -> list[str]:
    """Everything that stops these papers being published, in plain words."""
    found = packs.problems(meeting, [link.pk for link in links])
    for link in links:
        doc = link.document
        if doc.kind == DocumentKind.REPORT and not is_approved(doc):
            found.append(not_approved_message(link))
    return found


def _publish_papers(
    publication: AgendaPublication, links: list[ItemPaper], *, actor: Actor, event: str
) -> None:
    """Mark the current versions published and record a history event for each paper not
    already published (a report republished only for its new appendix keeps its record)."""
    for doc in _documents(links):
        current = doc.current_version()
        if current is None or any(_released(v) for v in doc.versions.all()):
            continue
        version = papers_services.publish_version(current, actor=actor)
        trail.save(
            PublicationEvent(
                meeting=publication.meeting,
                document=doc,
                version=version,
                publication=publication,
                kind=EventKind.PAPER_PUBLISHED,
                at=publication.published_at,
                by=user_of(actor),
                by_name=name_of(actor),
                note=f"Version {version.number}",
            ),
            actor=actor,
            event=event,
        )


def _event(
    publication: AgendaPublication, kind: str, note: str, *, actor: Actor, event: str
) -> PublicationEvent:
    """The publication's entry in the meeting's history, audited as ``event``."""
    return trail.save(
        PublicationEvent(
            meeting=publication.meeting,
            publication=publication,
            kind=kind,
            at=publication.published_at,
            by=user_of(actor),
            by_name=name_of(actor),
            note=note,
        ),
        actor=actor,
        event=event,
    )


def _released(version) -> bool:
    """Published: marked so, or named by the history (a record whose moment is not known)."""
    return (
        version.published_at is not None
        or PublicationEvent.objects.filter(
            version=version, kind__in=[EventKind.PAPER_PUBLISHED, EventKind.PAPER_REPLACED]
        ).exists()
    )


def _late_appendix(link: ItemPaper) -> bool:
    """An appendix added to a published report: it waits for the next supplement."""
    for appendix in link.document.appendices.all():
        version = appendix.current_version()
        if version is not None and not any(_released(v) for v in appendix.versions.all()):
            return True
    return False


def pending_papers(meeting: Meeting) -> list[ItemPaper]:
    """The meeting's attached papers not yet published, in agenda order (all of them before
    the agenda is published), including published reports that have gained an appendix."""
    done = published_paper_ids(meeting)
    links = (
        ItemPaper.objects.filter(item__meeting=meeting)
        .select_related("document", "item")
        .order_by("item__order", "order", "pk")
    )
    return [link for link in links if link.pk not in done or _late_appendix(link)]


def nobody_to_summon(meeting: Meeting) -> str:
    """Why publishing the agenda would summon nobody, or "" when someone serves on the body
    on the meeting's date (``council.serving.serving_members``, the summons' own list)."""
    return "" if serving_members(meeting.body, meeting.date) else nobody_message(meeting)


def publication_problems(meeting: Meeting) -> list[str]:
    """What would stop publishing the agenda (or the next supplement) now, apart from the
    deadline: the "Publish" page shows this before the officer presses the button. Before
    publication, as ``publishing.readiness`` reads it for many meetings at once."""
    if not is_published(meeting):
        return Readiness([meeting]).problems(meeting)
    if not meeting.items.exists():
        return [f"{meeting} has no agenda items."]
    return _problems(meeting, pending_papers(meeting))


def _announce(signal, publication: AgendaPublication) -> None:
    """Tell the listeners (summons, subscriptions). The publication has been committed by now:
    a failing listener is logged, and must not make the officer think publishing failed."""
    for receiver, result in signal.send_robust(
        sender=Meeting, meeting=publication.meeting, publication=publication
    ):
        if isinstance(result, Exception):
            logger.error("%s failed for %s", receiver, publication, exc_info=result)


def _lock_meeting(meeting: Meeting) -> None:
    # Two officers pressing "Publish" at once must not both publish.
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()


# --- publishing ----------------------------------------------------------------------------


PUBLISHED = "publishing.agenda_published"


def publish_agenda(
    meeting: Meeting,
    late_reason: str = "",
    *,
    actor: Actor,
    now: dt.datetime | None = None,
    override_reason: str = "",
) -> AgendaPublication:
    """Open the meeting's agenda, papers and public pack to inspection from this moment.

    Records the AgendaPublication (deadline, on time or late with the reason), marks the
    current version of every attached paper published, records the history, requests the
    public and members' packs, and sends ``agenda_published`` once the transaction commits.
    ``now`` is the moment of publication (for tests; defaults to the present).

    Refuses (nothing saved): an actor who is not democratic services; a meeting already
    published (publish a supplement instead); a cancelled meeting; a meeting with no agenda
    items; papers not ready (no content, background documents not stated) or reports not
    approved for publication (all listed); publication after the end of the deadline day
    (Europe/London) without ``late_reason``; a body with nobody serving on the meeting's
    date, whose summons would go to no one (``nobody_to_summon``), without
    ``override_reason``, which is kept in the publication's history and audit trail.
    """
    require_democratic_services(actor)
    now = now or timezone.now()
    with transaction.atomic():
        _lock_meeting(meeting)
        if is_published(meeting):
            raise ValidationError(
                f"The agenda of {meeting} is already published; publish a "
                "supplementary agenda for papers added since."
            )
        if meeting.status == MeetingStatus.CANCELLED:
            raise ValidationError(f"{meeting} is cancelled: there is no agenda to publish.")
        if not meeting.items.exists():
            raise ValidationError(
                f"{meeting} has no agenda items, so there is no agenda to publish."
            )
        links = pending_papers(meeting)
        problems = _problems(meeting, links)
        if problems:
            raise ValidationError(problems)
        due = deadlines.deadline(meeting)
        late = deadlines.is_past(meeting, now, due)
        if late and not late_reason.strip():
            raise ValidationError(
                f"The deadline for publishing with five clear days was {due:%A %-d %B %Y}. "
                "Give the reason the agenda is published late (it is kept with the record)."
            )
        nobody = nobody_to_summon(meeting)
        override_reason = (override_reason or "").strip()
        if nobody and not override_reason:
            raise ValidationError(nobody)
        publication = trail.save(
            AgendaPublication(
                meeting=meeting,
                kind=PublicationKind.AGENDA,
                number=0,
                published_at=now,
                published_by=user_of(actor),
                published_by_name=name_of(actor),
                deadline=due,
                late_reason=late_reason.strip(),
                on_time=deadlines.on_time(meeting, now, due),
                papers=[link.pk for link in links],
            ),
            actor=actor,
            event=PUBLISHED,
        )
        note = "" if publication.on_time else f"Published late: {publication.late_reason}"
        if nobody:
            note = " ".join(
                filter(None, [note, f"Published with nobody to summon: {override_reason}"])
            )
        _event(publication, EventKind.AGENDA_PUBLISHED, note, actor=actor, event=PUBLISHED)
        _publish_papers(publication, links, actor=actor, event=PUBLISHED)
        # Dated the day of this publication (publishing/state.py dispatch_date decides).
        for kind in (PackKind.PUBLIC, PackKind.MEMBERS):
            packs.request_pack(meeting, kind, with_publication=True, actor=actor)
        transaction.on_commit(partial(_announce, signals.agenda_published, publication))
    return publication


# One import for callers: the report workflow and the changes after publication.
from .changes import (  # noqa: E402
    add_urgent_item,
    check_item_may_be_added,
    reclassify_paper,
    replace_paper,
    save_item,
    withdraw_paper,
)
from .workflow import (  # noqa: E402
    approve_for_publication,
    missing_for_submission,
    return_to_draft,
    sign_off,
    submit_report,
)

__all__ = [
    "add_urgent_item",
    "approve_for_publication",
    "check_item_may_be_added",
    "is_published",
    "missing_for_submission",
    "nobody_to_summon",
    "pending_papers",
    "publication_problems",
    "publish_agenda",
    "published_at",
    "published_exists",
    "reclassify_paper",
    "replace_paper",
    "return_to_draft",
    "sign_off",
    "submit_report",
    "withdraw_paper",
    "save_item",
]
