"""Enrolling a second factor: never trust on first use.

An account adds an authenticator app only with something an attacker who has guessed or stolen
its password does not have: a one-time enrolment link that democratic services issue (emailed
to the account's own address, expiring after ``MOOT_ENROLMENT_LINK_HOURS``), or the factor it
already has (a signed-in, verified session). Issuing and using a link are audited
(``audit.trail``); only the token's SHA-256 is stored.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import secrets

import segno
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit import trail
from audit.actors import Actor, SystemActor, manages_everything, name_of, user_of

from .models import EnrolmentLink

#: ``moot enrolment_link``, run on the server, as the audit trail names it.
COMMAND = SystemActor("moot enrolment_link")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def link_url(token: str) -> str:
    return settings.MOOT_SITE_URL.rstrip("/") + reverse("access:enrol", args=[token])


def issue_link(user, *, actor: Actor, send: bool = True) -> tuple[EnrolmentLink, str]:
    """A new enrolment link for ``user`` (any earlier unused one stops working), emailed to them
    unless ``send`` is False (the command prints it).

    ``actor`` must be democratic services, or ``COMMAND``: the ``moot enrolment_link`` command
    run on the server (for bootstrapping the first administrator). Raises PermissionDenied or
    ValidationError (an inactive account, or no email address to send to) and then issues
    nothing.
    """
    if not manages_everything(actor):
        raise PermissionDenied("Only democratic services may issue enrolment links.")
    if not user.is_active:
        raise ValidationError(f"The account {user.get_username()} is not active.")
    if send and not user.email:
        raise ValidationError(
            f"The account {user.get_username()} has no email address to send "
            "the link to. Add one to the account first."
        )
    token = secrets.token_urlsafe(32)
    hours = settings.MOOT_ENROLMENT_LINK_HOURS
    with transaction.atomic():
        for old in EnrolmentLink.objects.filter(
            user=user, used_at__isnull=True, expires_at__gt=timezone.now()
        ):
            old.expires_at = timezone.now()
            trail.save(old, actor=actor, event="access.enrolment_link_replaced")
        link = trail.save(
            EnrolmentLink(
                user=user,
                token_hash=_hash(token),
                expires_at=timezone.now() + dt.timedelta(hours=hours),
                issued_by=user_of(actor),
                issued_by_name=name_of(actor),
            ),
            actor=actor,
            event="access.enrolment_link_issued",
        )
        url = link_url(token)
        if send:
            send_mail(
                "Set up your authenticator app",
                f"Democratic services have sent you a link to set up the authenticator app that "
                f"signing in to your account ({user.get_username()}) needs:\n\n{url}\n\n"
                f"The link works once, with your password, for {hours} hours. If you did not "
                "expect it, tell democratic services.",
                settings.DEFAULT_FROM_EMAIL,
                [user.email],
            )
    return link, url


def valid_link(token: str) -> EnrolmentLink | None:
    """The unused, unexpired link with this token, if any."""
    if not token or len(token) > 100:
        return None
    return (
        EnrolmentLink.objects.select_related("user")
        .filter(
            token_hash=_hash(token),
            used_at__isnull=True,
            expires_at__gt=timezone.now(),
            user__is_active=True,
        )
        .first()
    )


def still_valid(link_id) -> EnrolmentLink | None:
    return (
        EnrolmentLink.objects.select_related("user")
        .filter(pk=link_id, used_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )


def new_device(user) -> TOTPDevice:
    """A fresh, unconfirmed authenticator for ``user``; earlier unconfirmed ones are dropped."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def confirm_device(
    user,
    device: TOTPDevice,
    *,
    actor: Actor,
    link: EnrolmentLink | None = None,
    replace: bool = True,
) -> None:
    """Confirm ``device`` (its code having been checked); the link, if any, is used up.

    Refuses (``PermissionDenied``, nothing changed) an actor other than the account itself
    (which enrols its own app) unless it manages everything."""
    if user_of(actor) != user and not manages_everything(actor):
        raise PermissionDenied("An account sets up its own authenticator app.")
    with transaction.atomic():
        if replace:
            TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        if link is not None:
            link.used_at = timezone.now()
            trail.save(link, actor=actor, event="access.enrolment_link_used")


QR_LABEL = "QR code to add your account to an authenticator app (the key is given below it)"


def key_and_qr(device: TOTPDevice) -> dict:
    """The key, grouped in fours, and the otpauth address as an inline SVG QR code."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(
        scale=4, title="QR code for your authenticator app", dark="#0b0c0c", light="#ffffff"
    )
    # An image to assistive technology, named; the key beside it is its text alternative.
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{QR_LABEL}" ', 1)
    return {
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "uri": device.config_url,
        "qr": mark_safe(svg),
    }  # noqa: S308 (segno's own SVG)
