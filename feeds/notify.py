"""Emailing confirmed subscribers when an agenda or minutes are published.

Only public information goes out: the meeting's body, date, time and place, the titles of
public items and links to the public pages. Exempt business is counted, never described.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

from audit.actors import Actor, SystemActor
from council.models import Authority
from meetings.models import Meeting
from publishing.once import record_once
from publishing.state import require_democratic_services
from summons import ics, mail
from summons.agenda import pack_links
from summons.links import absolute
from summons.models import EmailKind

from .models import NoticeKind, PublicationNotice, Subscription
from .subscriptions import list_headers, unsubscribe_url

logger = logging.getLogger(__name__)

EMAIL_KIND: dict[str, EmailKind] = {
    NoticeKind.AGENDA: EmailKind.AGENDA_NOTICE,
    NoticeKind.MINUTES: EmailKind.MINUTES_NOTICE,
}


def recipients(meeting: Meeting) -> list[Subscription]:
    """Confirmed subscribers of the meeting's body or of the whole authority, one per address
    (the body's own subscription preferred, so its unsubscribe link is the one offered)."""
    subs = (
        Subscription.objects.filter(Q(body_id=meeting.body_id) | Q(body__isnull=True))
        .filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)
        .select_related("body")
        .order_by("email", "body_id")
    )
    chosen: dict[str, Subscription] = {}
    for sub in subs:
        if sub.email not in chosen or sub.body_id:
            chosen[sub.email] = sub
    return list(chosen.values())


#: The signal receiver that tells subscribers once a publication has committed.
ACTOR = SystemActor("notices on publication")
NOTIFIED = "feeds.subscribers_notified"


def notify(meeting: Meeting, publication, kind: str, *, actor: Actor) -> PublicationNotice | None:
    """Record the publication (audited as ``NOTIFIED``) and email the subscribers; None when it
    was handled before. Only the publication signals' receiver (``ACTOR``) or democratic
    services notify (``PermissionDenied`` otherwise)."""
    require_democratic_services(actor, "Only democratic services notify subscribers.")
    with transaction.atomic():
        notice = record_once(
            PublicationNotice, meeting, kind, publication, actor=actor, event=NOTIFIED
        )
        if notice is None:
            return None
        items = list(meeting.items.select_related("parent").order_by("order", "pk"))
        # A sub-item of an exempt item is exempt business too (``AgendaItem.is_exempt``).
        public = [i for i in items if not i.is_exempt]
        context = {
            "meeting": meeting,
            "kind": kind,
            "authority": Authority.current(),
            "when": ics.when_text(meeting),
            "public_items": public if kind == NoticeKind.AGENDA else [],
            "exempt_count": len(items) - len(public) if kind == NoticeKind.AGENDA else 0,
            "meeting_url": absolute(meeting.get_absolute_url()),
            "packs": pack_links(meeting) if kind == NoticeKind.AGENDA else [],
        }
        what = "Agenda" if kind == NoticeKind.AGENDA else "Minutes"
        subject = f"{what} published: {meeting.body.name}, {ics.when_text(meeting)}"
        for sub in recipients(meeting):
            context.update(
                sub=sub,
                unsubscribe_url=unsubscribe_url(sub),
                manage_url=absolute(reverse("feeds:subscribe")),
            )
            mail.queue(
                key=f"notice:{notice.pk}:{sub.email}",
                kind=EMAIL_KIND[kind],
                to=sub.email,
                subject=subject,
                text=render_to_string("feeds/email/notice.txt", context),
                html=render_to_string("feeds/email/notice.html", context),
                headers=list_headers(sub),
                meeting=meeting,
            )
    return notice


def on_publication(kind: str):
    """A receiver for ``kind``; failures are logged, not raised into the publisher's request
    (the publication has committed, and other receivers must still run)."""

    def receiver(sender, meeting: Meeting, publication, **kwargs) -> None:
        try:
            notify(meeting, publication, kind, actor=ACTOR)
        except Exception:
            logger.exception("Subscribers were not notified of %s (%s)", meeting, kind)

    receiver.__name__ = f"notify_{kind}_subscribers"
    return receiver
