"""Sign-in throttling that is atomic and cannot be used to lock a real user out.

Each attempt (a password or a code) is *reserved* before it is evaluated: one ``UPDATE … SET
attempts = attempts + 1`` on the account's counter row and on the address's, inside a
transaction, which takes the row's write lock on PostgreSQL and the database's on SQLite, so
concurrent attempts are counted one after another and no more than the limit are ever evaluated.

- Per account: ``MOOT_SIGN_IN_FAILURES`` attempts without waiting; after that each attempt must
  wait, ``MOOT_SIGN_IN_DELAY_SECONDS`` doubling with each further failure up to
  ``MOOT_SIGN_IN_MAX_DELAY_SECONDS``. Nobody is locked out: the real user who waits the time
  shown is evaluated, and signing in clears the count.
- Per address: ``MOOT_SIGN_IN_ADDRESS_FAILURES`` failures in ``MOOT_SIGN_IN_WINDOW_MINUTES``.
  The address is the client's as the trusted proxy reports it (``client_ip``), never a header
  the settings do not name, so one office behind one proxy is not a single address.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import math
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import SignInCounter


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or the trusted proxy's header when configured.

    ``MOOT_CLIENT_IP_HEADER`` names the header (e.g. ``HTTP_X_FORWARDED_FOR``) and
    ``MOOT_TRUSTED_PROXIES`` how many proxies append to it: the client is that many entries
    from the right. Anything that is not an address falls back to REMOTE_ADDR.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    header = getattr(settings, "MOOT_CLIENT_IP_HEADER", "")
    if not header:
        return remote
    hops = [h.strip() for h in request.META.get(header, "").split(",") if h.strip()]
    count = max(int(getattr(settings, "MOOT_TRUSTED_PROXIES", 1)), 1)
    if not hops:
        return remote
    candidate = hops[-count] if len(hops) >= count else hops[0]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


@dataclass(frozen=True)
class Refusal:
    seconds: int
    by_address: bool = False

    @property
    def message(self) -> str:
        minutes = math.ceil(self.seconds / 60)
        wait = (
            f"{self.seconds} seconds"
            if self.seconds < 60
            else f"{minutes} minute{'s' if minutes != 1 else ''}"
        )
        if self.by_address:
            return f"Too many attempts to sign in from your network. Wait {wait} and try again."
        return (
            f"Too many attempts to sign in to this account. Wait {wait} and try again; "
            "your account is not locked."
        )


def _account_key(username: str) -> str:
    return f"account:{username.strip().lower()[:150]}"


def _reserve(key: str, now) -> SignInCounter:
    """Count this attempt first (taking the row's lock), then read the row back."""
    if not SignInCounter.objects.filter(key=key).exists():
        try:
            with transaction.atomic():
                SignInCounter.objects.create(key=key, since=now)
        except IntegrityError:
            pass  # created by a concurrent attempt
    SignInCounter.objects.filter(key=key).update(attempts=F("attempts") + 1)
    return SignInCounter.objects.select_for_update().get(key=key)


def _delay(failures_over: int) -> int:
    base = settings.MOOT_SIGN_IN_DELAY_SECONDS
    return min(base * 2 ** min(failures_over, 30), settings.MOOT_SIGN_IN_MAX_DELAY_SECONDS)


def _check_account(row: SignInCounter, now) -> Refusal | None:
    forget = dt.timedelta(hours=settings.MOOT_SIGN_IN_FORGET_HOURS)
    if row.last_at and now - row.last_at > forget and row.attempts > 1:
        row.attempts, row.blocked_until = 1, None  # a day's quiet forgets old failures
    if row.blocked_until and row.blocked_until > now:
        return Refusal(max(1, math.ceil((row.blocked_until - now).total_seconds())))
    limit = settings.MOOT_SIGN_IN_FAILURES
    if row.attempts >= limit:
        row.blocked_until = now + dt.timedelta(seconds=_delay(row.attempts - limit))
    return None


def _check_address(row: SignInCounter, now) -> Refusal | None:
    window = dt.timedelta(minutes=settings.MOOT_SIGN_IN_WINDOW_MINUTES)
    if now - row.since > window:
        row.attempts, row.since = 1, now
    if row.attempts > settings.MOOT_SIGN_IN_ADDRESS_FAILURES:
        return Refusal(
            max(1, math.ceil((row.since + window - now).total_seconds())), by_address=True
        )
    return None


def admit(username: str, ip: str | None) -> Refusal | None:
    """Reserve an attempt to sign in as ``username`` from ``ip``; a Refusal if it must wait.

    A refused attempt is not counted and not evaluated. An admitted one counts as a failure
    until ``succeeded`` is called.
    """
    now = timezone.now()
    with transaction.atomic():
        rows = [(_reserve(_account_key(username), now), _check_account)]
        if ip:
            rows.append((_reserve(f"address:{ip}", now), _check_address))
        refusal = None
        for row, check in rows:
            refusal = refusal or check(row, now)
        for row, _ in rows:
            if refusal:
                row.attempts -= 1  # a refused attempt is not evaluated, so not counted
            else:
                row.last_at = now
            row.save(update_fields=["attempts", "since", "last_at", "blocked_until"])
    if refusal is None and now.minute == 0:  # now and then, forget counters long quiet
        SignInCounter.objects.filter(last_at__lt=now - dt.timedelta(days=2)).delete()
    return refusal


def succeeded(username: str, ip: str | None) -> None:
    """Signed in: the account's count is cleared and the address's reserved attempt released."""
    with transaction.atomic():
        SignInCounter.objects.filter(key=_account_key(username)).update(
            attempts=0, blocked_until=None
        )
        if ip:
            SignInCounter.objects.filter(key=f"address:{ip}", attempts__gt=0).update(
                attempts=F("attempts") - 1
            )
