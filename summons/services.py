"""Issuing the summons when an agenda (or a supplement) is published.

Each summoned member with consent in force on the publication day is emailed at the consented
address; everyone else goes on the issue's dispatch list for a printed summons, left at or
posted to their residence (Sch 12 para 4; SI 2015/5). One issue per publication: a signal
received twice finds the issue made and sends nothing.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone

from access import audit
from access.models import AuditEntry
from meetings.models import Meeting

from . import consent, mail
from .agenda import agenda
from .models import (
    Decision,
    DispatchEntry,
    DispatchReason,
    EmailKind,
    IssueKind,
    SummonsIssue,
)
from .recipients import summoned
from .render import email_parts, ics_text, summons_for

logger = logging.getLogger(__name__)
ACTOR = "summons on publication"


def publication_key(publication) -> str:
    """What identifies a publication: its id when it has one, and its time."""
    pk = getattr(publication, "pk", None)
    published_at = getattr(publication, "published_at", None)
    stamp = published_at.isoformat() if published_at else ""
    return f"{pk if pk is not None else ''}@{stamp}"[:100]


def publication_day(publication) -> tuple[dt.datetime, dt.date]:
    published_at = getattr(publication, "published_at", None) or timezone.now()
    if timezone.is_naive(published_at):
        published_at = timezone.make_aware(published_at)
    return published_at, timezone.localdate(published_at)


def issue_summons(
    meeting: Meeting, publication, kind: str = IssueKind.AGENDA
) -> SummonsIssue | None:
    """Email or list for posting the summons of ``meeting``; None if this publication's
    summons was issued before."""
    published_at, day = publication_day(publication)
    with transaction.atomic():
        issue, created = SummonsIssue.objects.get_or_create(
            meeting=meeting, kind=kind, publication_key=publication_key(publication),
            defaults={"published_at": published_at},
        )
        if not created:
            return None
        audit.record(AuditEntry.Action.CREATE, issue, audit.diff({}, audit.snapshot(issue)),
                     actor_name=ACTOR)
        summons = summons_for(meeting, agenda(meeting), kind, day)
        attachment = ics_text(summons)
        email_kind = EmailKind.SUPPLEMENT if kind == IssueKind.SUPPLEMENT else EmailKind.SUMMONS
        people = summoned(meeting)
        entries = consent.in_force_for(people, day)
        for person in people:
            entry = entries.get(person.pk)
            given = entry is not None and entry.decision == Decision.GIVEN
            if given and entry.email:
                subject, text, html = email_parts(summons, person)
                mail.queue(
                    key=f"summons:{issue.pk}:{person.pk}", kind=email_kind, to=entry.email,
                    subject=subject, text=text, html=html, ics=attachment,
                    meeting=meeting, person=person,
                )
            else:
                # Consent without an address can only come from a row written around the
                # service; it is still a summons to post, and the office should know why.
                reason = DispatchReason.NO_EMAIL if given else DispatchReason.NO_CONSENT
                audit.save(DispatchEntry(issue=issue, person=person, reason=reason),
                           actor_name=ACTOR)
    return issue


def on_publication(kind: str):
    """A signal receiver issuing summonses of ``kind``. The publication has committed by the
    time it runs, so a failure here is logged with its traceback rather than raised into the
    publisher's request (where it would also stop the other receivers)."""

    def receiver(sender, meeting: Meeting, publication, **kwargs) -> None:
        try:
            issue_summons(meeting, publication, kind)
        except Exception:
            logger.exception("Summons for %s (%s) could not be issued", meeting, kind)

    receiver.__name__ = f"issue_{kind}_summons"
    return receiver
