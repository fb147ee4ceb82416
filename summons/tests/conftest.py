"""Fixtures for the summons and feeds tests (feeds/tests/conftest.py re-exports them)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from access.models import Account
from meetings.models import Meeting

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def immediate_tasks(settings):
    """Run tasks as they are enqueued (the database worker is tested on its own)."""
    settings.TASKS = IMMEDIATE
    return settings


@pytest.fixture
def publish(django_capture_on_commit_callbacks, immediate_tasks):
    """``publish(signal, meeting, publication)``: send a publishing signal as publishing does
    (after commit) and run what it queues."""

    def send(signal, meeting: Meeting, publication) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            signal.send(sender=Meeting, meeting=meeting, publication=publication)

    return send


@pytest.fixture
def member_user(db):
    """``member_user(person)``: a signed-in-able account linked to ``person`` (or to nobody)."""

    def make(person=None, username: str = "member"):
        user = get_user_model().objects.create_user(username, password="a-long-passphrase-1")
        Account.objects.create(user=user, person=person)
        return user

    return make
