"""Sign-in throttling: atomic, per account with growing waits, per address through a trusted
proxy only (access/throttle.py)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from access import signin, throttle

PASSWORD = "Committee-Papers-2030"


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post(
        reverse("access:sign_in"), {"username": username, "password": password}, **extra
    )


@pytest.fixture
def counting(monkeypatch):
    """Counts the passwords actually evaluated."""
    calls = []
    lock = threading.Lock()
    real = signin.authenticate

    def authenticate(request, **kw):
        with lock:
            calls.append(kw["username"])
        return real(request, **kw)

    monkeypatch.setattr(signin, "authenticate", authenticate)
    return calls


@pytest.fixture
def clock(monkeypatch):
    """The throttle's clock, moved by hand."""
    now = [timezone.now()]
    monkeypatch.setattr(throttle.timezone, "now", lambda: now[0])

    def advance(seconds):
        now[0] += dt.timedelta(seconds=seconds)

    return advance


@pytest.mark.django_db
def test_attempts_in_flight_are_counted_before_they_are_evaluated(client, settings, monkeypatch):
    """47 attempts that arrive while the first is still being evaluated: 5 in all are evaluated.
    (They are made from inside the first one's evaluation, interleaving them deterministically
    as concurrent requests would be.)"""
    User.objects.create_user("target", password=PASSWORD)
    real = signin.authenticate
    calls, statuses = [], []

    def authenticate(request, **kw):
        calls.append(1)
        if len(calls) == 1:
            statuses.extend(sign_in(Client(), "target", "wrong").status_code for _ in range(47))
        return real(request, **kw)

    monkeypatch.setattr(signin, "authenticate", authenticate)
    first = sign_in(client, "target", "wrong")
    assert len(calls) == settings.MOOT_SIGN_IN_FAILURES
    assert first.status_code == 400
    assert statuses.count(429) == 48 - settings.MOOT_SIGN_IN_FAILURES
    assert statuses.count(400) == settings.MOOT_SIGN_IN_FAILURES - 1


# A test of PostgreSQL only (collected there, not skipped elsewhere): SQLite's shared
# in-memory test database refuses concurrent writers, and the interleaved test above
# covers the same race on SQLite.
if connection.vendor == "postgresql":

    @pytest.mark.django_db(transaction=True)
    def test_concurrent_wrong_passwords_are_not_all_evaluated(settings, counting):
        """48 threads at once, each with its own database connection."""
        User.objects.create_user("target", password=PASSWORD)
        statuses, lock, start = [], threading.Lock(), threading.Barrier(48)

        def attempt():
            try:
                start.wait()
                status = sign_in(Client(), "target", "wrong").status_code
                with lock:
                    statuses.append(status)
            finally:
                connection.close()

        threads = [threading.Thread(target=attempt) for _ in range(48)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(statuses) == 48
        assert len(counting) == settings.MOOT_SIGN_IN_FAILURES
        assert statuses.count(429) == 48 - settings.MOOT_SIGN_IN_FAILURES
        assert statuses.count(400) == settings.MOOT_SIGN_IN_FAILURES


@pytest.mark.django_db
def test_the_real_user_who_waits_can_sign_in_and_waits_grow(client, settings, clock, counting):
    user = User.objects.create_user("target", password=PASSWORD)
    for _ in range(settings.MOOT_SIGN_IN_FAILURES):
        assert sign_in(client, "target", "wrong").status_code == 400
    refused = sign_in(client, "target")
    assert refused.status_code == 429
    # The waiting time is the policy's (settings), said in the message; the clock is faked.
    delay = settings.MOOT_SIGN_IN_DELAY_SECONDS
    assert throttle.Refusal(delay).message.encode() in refused.content
    assert b"not locked" in refused.content
    assert len(counting) == settings.MOOT_SIGN_IN_FAILURES  # the right password not evaluated
    clock(delay + 1)
    assert sign_in(client, "target", "wrong").status_code == 400  # the attacker's turn
    doubled = sign_in(client, "target").content
    assert throttle.Refusal(2 * delay).message.encode() in doubled  # the wait has doubled
    clock(2 * delay + 1)
    r = sign_in(client, "target")
    assert r.status_code == 302 and client.session["_auth_user_id"] == str(user.pk)
    client.logout()
    assert sign_in(client, "target", "wrong").status_code == 400  # the count was cleared


@pytest.mark.django_db
def test_an_address_is_limited_without_locking_other_clients_of_the_proxy(settings):
    settings.MOOT_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.MOOT_TRUSTED_PROXIES = 1
    settings.MOOT_SIGN_IN_ADDRESS_FAILURES = 6
    User.objects.create_user("colleague", password=PASSWORD)
    attacker = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    for n in range(6):
        assert sign_in(Client(), f"guess{n}", "wrong", **attacker).status_code == 400
    refused = sign_in(Client(), "colleague", **attacker)
    assert refused.status_code == 429 and b"from your network" in refused.content
    office = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    assert sign_in(Client(), "colleague", **office).status_code == 302


@pytest.mark.django_db
def test_the_forwarded_header_is_ignored_unless_configured(rf, settings):
    spoofed = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")
    assert throttle.client_ip(spoofed) == "10.0.0.1"
    settings.MOOT_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    assert throttle.client_ip(spoofed) == "203.0.113.9"  # the one the proxy appended
    settings.MOOT_TRUSTED_PROXIES = 2
    assert throttle.client_ip(spoofed) == "1.2.3.4"
    junk = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="not-an-address")
    assert throttle.client_ip(junk) == "10.0.0.1"
