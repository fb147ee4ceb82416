"""Issuing the summons when an agenda (or a supplement) is published.

Each summoned member with consent in force on the publication day is emailed at the consented
address; everyone else goes on the issue's dispatch list for a printed summons, left at or
posted to their residence (Sch 12 para 4; SI 2015/5). One issue per publication: a signal
received twice finds the issue made and sends nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit import trail
from audit.actors import Actor, SystemActor
from audit.models import AuditEntry
from council.models import Person
from meetings.models import Meeting
from publishing.deadlines import local_date
from publishing.once import publication_day, record_once
from publishing.state import is_published, require_democratic_services

from . import consent, mail
from .agenda import agenda
from .models import (
    Decision,
    DispatchEntry,
    DispatchReason,
    EmailKind,
    EmailLog,
    EmailStatus,
    IssueKind,
    SummonsIssue,
)
from .recipients import summoned
from .render import email_parts, ics_text, summons_for

logger = logging.getLogger(__name__)
#: The signal receiver that issues the summons once a publication has committed.
ACTOR = SystemActor("summons on publication")
ISSUED = "summons.issued"


def already_summoned(meeting: Meeting) -> set[int]:
    """People sent the meeting's summons so far: emailed, or listed to be left or posted,
    by any summons (not supplement) issue of the meeting."""
    emailed = EmailLog.objects.filter(
        meeting=meeting, kind=EmailKind.SUMMONS, person__isnull=False
    ).values_list("person_id", flat=True)
    posted = DispatchEntry.objects.filter(
        issue__meeting=meeting, issue__kind=IssueKind.AGENDA
    ).values_list("person_id", flat=True)
    return set(emailed) | set(posted)


def _send(
    issue: SummonsIssue,
    meeting: Meeting,
    people: list[Person],
    day: dt.date,
    *,
    actor: Actor,
    event: str,
) -> None:
    """Email each of ``people`` with consent in force on ``day``; list the rest to post. A
    supplement says "further to the summons already sent" only to those sent one."""
    summons = summons_for(meeting, agenda(meeting), issue.kind, day)
    attachment = ics_text(summons)
    supplement = issue.kind == IssueKind.SUPPLEMENT
    email_kind = EmailKind.SUPPLEMENT if supplement else EmailKind.SUMMONS
    before = already_summoned(meeting) if supplement else set()
    entries = consent.in_force_for(people, day)
    for person in people:
        entry = entries.get(person.pk)
        given = entry is not None and entry.decision == Decision.GIVEN
        email = entry.email if entry is not None else ""
        if given and email:
            subject, text, html = email_parts(summons, person, summoned_before=person.pk in before)
            mail.queue(
                key=f"summons:{issue.pk}:{person.pk}",
                kind=email_kind,
                to=email,
                subject=subject,
                text=text,
                html=html,
                ics=attachment,
                meeting=meeting,
                person=person,
            )
        else:
            # Consent without an address can only come from a row written around the
            # service; it is still a summons to post, and the office should know why.
            reason = DispatchReason.NO_EMAIL if given else DispatchReason.NO_CONSENT
            trail.save(
                DispatchEntry(issue=issue, person=person, reason=reason), actor=actor, event=event
            )


def issue_summons(
    meeting: Meeting, publication, kind: str = IssueKind.AGENDA, *, actor: Actor
) -> SummonsIssue | None:
    """Email or list for posting the summons of ``meeting``; None if this publication's
    summons was issued before. Refuses (``PermissionDenied``) an actor who is not democratic
    services; the receiver of the publication signals is ``ACTOR``."""
    require_democratic_services(actor, "Only democratic services issue summonses.")
    _, day = publication_day(publication)
    with transaction.atomic():
        issue = record_once(SummonsIssue, meeting, kind, publication, actor=actor, event=ISSUED)
        if issue is None:
            return None
        _send(issue, meeting, summoned(meeting), day, actor=actor, event=ISSUED)
    return issue


def reissue_summons(meeting: Meeting, *, actor: Actor) -> SummonsIssue:
    """Send the summons of a published agenda to the members serving on the meeting's date
    who have not had one (e.g. after the body's membership was recorded late), as a new
    summons issue: emailed with consent, otherwise on its dispatch list. Audited.

    Refuses (nothing saved): an actor who is not democratic services; an agenda not yet
    published (publishing it issues the summons); nobody serving on the body that day;
    everyone serving already summoned.
    """
    require_democratic_services(actor, "Only democratic services issue summonses.")
    now = timezone.now()
    with transaction.atomic():
        Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
        if not is_published(meeting):
            raise ValidationError(
                f"The agenda of {meeting} is not published yet: publishing it issues the summons."
            )
        serving = summoned(meeting)
        if not serving:
            raise ValidationError(
                f"Nobody serves on {meeting.body} on {meeting.date:%-d %B %Y}: record the "
                "body's memberships first, then re-issue the summons."
            )
        done = already_summoned(meeting)
        people = [p for p in serving if p.pk not in done]
        if not people:
            raise ValidationError(
                f"Every member serving on {meeting.body} on "
                f"{meeting.date:%-d %B %Y} has already been summoned."
            )
        issue = SummonsIssue.objects.create(
            meeting=meeting,
            kind=IssueKind.AGENDA,
            published_at=now,
            publication_key=f"reissue@{now.isoformat()}"[:100],
        )
        names = ", ".join(str(p) for p in people)
        trail.record(
            AuditEntry.Action.CREATE,
            issue,
            {**trail.diff({}, trail.snapshot(issue)), "reissued_to": [None, names[:2000]]},
            actor=actor,
            event="summons.reissued",
        )
        _send(
            issue, meeting, people, timezone.localdate(now), actor=actor, event="summons.reissued"
        )
    return issue


POSTED = "summons.posted"
DISPATCH_CHANGED = "summons.dispatch_entry_changed"


def _check_posted_on(issue: SummonsIssue, posted_on: dt.date) -> None:
    """A paper summons is left or posted between the day of its issue and today (the real
    calendar: a moment of record, like publication)."""
    issued = local_date(issue.published_at)
    if posted_on < issued:
        raise ValidationError(
            f"The summons was issued on {issued:%-d %B %Y}: it cannot have been left or "
            "posted before that day."
        )
    if posted_on > local_date(timezone.now()):
        raise ValidationError(
            f"{posted_on:%-d %B %Y} has not come yet: record the day the summons was left "
            "or posted."
        )


def record_posted(
    entries: Sequence[DispatchEntry], posted_on: dt.date, *, actor: Actor
) -> list[DispatchEntry]:
    """Record the day these members' paper summonses were left at or posted to their usual
    residence (Sch 12 para 4); an entry already recorded takes the new day (a correction).
    Each entry is audited. The day is a moment of record, like publication: it is checked
    against the real calendar, not a demonstration's date.

    Refuses (nothing saved): an actor who is not democratic services; no entries; entries
    of more than one summons issue; a day before the summons was issued, or still to come.
    """
    require_democratic_services(actor, "Only democratic services record paper summonses.")
    entries = list(entries)
    if not entries:
        raise ValidationError("Choose the members whose summons was left or posted.")
    if len({entry.issue_id for entry in entries}) > 1:
        raise ValidationError("Record the posting of one summons issue at a time.")
    _check_posted_on(SummonsIssue.objects.get(pk=entries[0].issue_id), posted_on)
    with transaction.atomic():
        for entry in entries:
            entry.posted_on = posted_on
            trail.save(entry, actor=actor, event=POSTED)
    return entries


def save_dispatch_entry(entry: DispatchEntry, *, actor: Actor) -> DispatchEntry:
    """Correct one entry of a dispatch list: the day its summons was left or posted (checked
    as ``record_posted`` checks it; cleared, when it was recorded by mistake) and its note.
    Audited as ``summons.posted`` when the day changes.

    Refuses (nothing saved): an actor who is not democratic services; a change of the
    entry's issue, member or reason (publication decides those); a day ``record_posted``
    refuses.
    """
    require_democratic_services(actor, "Only democratic services record paper summonses.")
    with transaction.atomic():
        saved = DispatchEntry.objects.select_for_update().get(pk=entry.pk)
        fixed = ("issue_id", "person_id", "reason")
        if any(getattr(saved, name) != getattr(entry, name) for name in fixed):
            raise ValidationError(
                "A dispatch list is made when the summons is issued: its members and their "
                "reasons cannot be changed, only the day each was left or posted and the note."
            )
        if entry.posted_on is not None and entry.posted_on != saved.posted_on:
            _check_posted_on(saved.issue, entry.posted_on)
        event = POSTED if entry.posted_on != saved.posted_on else DISPATCH_CHANGED
        return trail.save(entry, actor=actor, event=event)


SENT_AGAIN = "summons.email_sent_again"
NOT_FAILED = {
    EmailStatus.SENT: "The email to {to} was sent: there is nothing to send again.",
    EmailStatus.QUEUED: "The email to {to} is waiting to be sent.",
    EmailStatus.RETRYING: "The email to {to} will be tried again shortly.",
}


def send_again(log: EmailLog, *, actor: Actor) -> EmailLog:
    """Send a failed email again: its attempts start afresh (``summons.mail``). A summons or
    supplement goes to the address the member's consent in force today names, so an address
    corrected since (a new consent form) is the one used. Audited.

    Refuses (nothing saved): an actor who is not democratic services; an email that has not
    failed (sent, waiting, or still being retried); a summons to a member who no longer
    consents to summonses by email (their summons is to be left or posted).
    """
    require_democratic_services(actor, "Only democratic services send emails again.")
    with transaction.atomic():
        current = (
            EmailLog.objects.select_for_update(of=("self",)).select_related("person").get(pk=log.pk)
        )
        if current.status != EmailStatus.FAILED:
            raise ValidationError(NOT_FAILED[EmailStatus(current.status)].format(to=current.to))
        person = current.person
        if current.kind in (EmailKind.SUMMONS, EmailKind.SUPPLEMENT) and person is not None:
            entry = consent.in_force_for([person], local_date(timezone.now())).get(person.pk)
            if entry is None or entry.decision != Decision.GIVEN or not entry.email:
                raise ValidationError(
                    f"{person} no longer consents to summonses by email: leave or post "
                    "their summons instead."
                )
            current.to = entry.email
        current.status, current.attempts, current.problem = EmailStatus.QUEUED, 0, ""
        trail.save(current, actor=actor, event=SENT_AGAIN)
        transaction.on_commit(lambda: mail.enqueue(current.pk))
    return current


def on_publication(kind: str):
    """A signal receiver issuing summonses of ``kind``. The publication has committed by the
    time it runs, so a failure here is logged with its traceback rather than raised into the
    publisher's request (where it would also stop the other receivers)."""

    def receiver(sender, meeting: Meeting, publication, **kwargs) -> None:
        try:
            issue_summons(meeting, publication, kind, actor=ACTOR)
        except Exception:
            logger.exception("Summons for %s (%s) could not be issued", meeting, kind)

    receiver.__name__ = f"issue_{kind}_summons"
    return receiver
