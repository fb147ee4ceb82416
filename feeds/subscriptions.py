"""Subscribing (double opt-in), confirming and unsubscribing.

Links carry a signed token naming the subscription and its current secret. Confirmation links
expire after ``CONFIRM_DAYS``; unsubscribe links do not (RFC 8058 one-click must keep working
for every email sent). Nothing here reveals whether an address was already subscribed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from council.models import Authority, Body
from summons import mail
from summons.links import absolute
from summons.models import EmailKind

from .models import Subscription, new_secret

CONFIRM_DAYS = settings.MOOT_ALERT_CONFIRM_DAYS
CONFIRM_SALT = "feeds.subscription.confirm"
UNSUBSCRIBE_SALT = "feeds.subscription.unsubscribe"
# Someone could enter another person's address again and again; one confirmation email per
# subscription in this period is enough.
RESEND_AFTER = dt.timedelta(minutes=10)


class TokenProblem(Exception):
    """Why a link cannot be used, in words for the page that says so."""

    def __init__(self, title: str, message: str, status: int = 400):
        super().__init__(message)
        self.title, self.message, self.status = title, message, status


def _token(sub: Subscription, salt: str) -> str:
    return signing.dumps({"s": sub.pk, "k": sub.secret}, salt=salt, compress=False)


def confirm_token(sub: Subscription) -> str:
    return _token(sub, CONFIRM_SALT)


def unsubscribe_token(sub: Subscription) -> str:
    return _token(sub, UNSUBSCRIBE_SALT)


def unsubscribe_url(sub: Subscription) -> str:
    return absolute(reverse("feeds:unsubscribe", args=[unsubscribe_token(sub)]))


def list_headers(sub: Subscription) -> dict[str, str]:
    """RFC 2369 / RFC 8058 one-click unsubscribe headers for an email to ``sub``."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(sub)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _load(token: str, salt: str, max_age: dt.timedelta | None) -> Subscription:
    bad = TokenProblem(
        "This link does not work",
        "The link is not complete or not valid. Check you copied the whole link from the email.",
    )
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise TokenProblem(
            "This link has expired",
            f"Confirmation links work for {CONFIRM_DAYS} days. Subscribe again to get a new link.",
        ) from None
    except signing.BadSignature:
        raise bad from None
    if not isinstance(data, dict) or not isinstance(data.get("s"), int):
        raise bad
    sub = Subscription.objects.select_related("body").filter(pk=data["s"]).first()
    if sub is None or sub.secret != data.get("k"):
        raise TokenProblem(
            "This link no longer works",
            "The subscription it belongs to has been replaced or removed.",
            404,
        )
    return sub


def for_confirmation(token: str) -> Subscription:
    sub = _load(token, CONFIRM_SALT, dt.timedelta(days=CONFIRM_DAYS))
    if sub.confirmed_at is not None:
        raise TokenProblem(
            "This link has already been used",
            "This subscription was confirmed already. You do not need to do anything else.",
        )
    return sub


def for_unsubscribe(token: str) -> Subscription:
    return _load(token, UNSUBSCRIBE_SALT, None)


@dataclass
class Outcome:
    subscription: Subscription
    emailed: bool


def subscribe(email: str, body: Body | None) -> Outcome:
    """Start (or restart) a subscription and send the confirmation email."""
    email = email.strip().lower()
    now = timezone.now()
    with transaction.atomic():
        try:
            with transaction.atomic():
                sub, _ = Subscription.objects.get_or_create(email=email, body=body)
        except IntegrityError:  # made meanwhile by a double-clicked form
            sub = Subscription.objects.get(email=email, body=body)
        sub = Subscription.objects.select_for_update().get(pk=sub.pk)
        if sub.active:
            return Outcome(sub, False)  # already receiving emails: nothing to confirm
        if sub.unsubscribed_at is not None:
            # Coming back after leaving: a fresh subscription with fresh links.
            sub.secret, sub.unsubscribed_at, sub.confirmed_at = new_secret(), None, None
            sub.confirmation_sent_at = None
        recent = sub.confirmation_sent_at and now - sub.confirmation_sent_at < RESEND_AFTER
        if recent:
            sub.save()
            return Outcome(sub, False)
        sub.confirmation_sent_at = now
        sub.save()
        _send_confirmation(sub, now)
    return Outcome(sub, True)


def _send_confirmation(sub: Subscription, sent_at: dt.datetime) -> None:
    context = {
        "sub": sub,
        "authority": Authority.current(),
        "confirm_url": absolute(reverse("feeds:confirm", args=[confirm_token(sub)])),
        "days": CONFIRM_DAYS,
    }
    mail.queue(
        key=f"confirm:{sub.pk}:{sent_at.isoformat()}",
        kind=EmailKind.CONFIRMATION,
        to=sub.email,
        subject=f"Confirm your email alerts: {sub.scope_name}",
        text=render_to_string("feeds/email/confirm.txt", context),
        html=render_to_string("feeds/email/confirm.html", context),
    )


def confirm(sub: Subscription) -> Subscription:
    updated = Subscription.objects.filter(pk=sub.pk, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now()
    )
    if not updated:  # confirmed by another click meanwhile
        raise TokenProblem(
            "This link has already been used", "This subscription was confirmed already."
        )
    sub.refresh_from_db()
    return sub


def unsubscribe(sub: Subscription) -> Subscription:
    """Stop the emails. Repeating it is harmless (one-click clients may POST twice)."""
    Subscription.objects.filter(pk=sub.pk, unsubscribed_at__isnull=True).update(
        unsubscribed_at=timezone.now()
    )
    sub.refresh_from_db()
    return sub
