"""/healthz and /readyz (moot/health.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from audit.testing import TEST_ACTOR
from meetings.models import Meeting
from papers.packs import request_pack

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_touching_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_reports_each_check_and_the_queue(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.PRIVATE_ROOT = tmp_path / "private"  # not made yet: a new installation
    meeting = Meeting.objects.get(
        body__slug="policy-and-resources-cabinet-committee", date="2017-09-15"
    )
    with django_capture_on_commit_callbacks(execute=True):  # queued for the worker
        request_pack(meeting, reason="A test", actor=TEST_ACTOR)
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(
        enqueued_at=timezone.now() - dt.timedelta(minutes=10)
    )
    response = Client().get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready" and body["failed"] == []
    assert body["checks"]["database"] == {"ok": True}
    assert body["checks"]["storage"] == {"ok": True}
    queue = body["checks"]["queue"]
    assert queue["ok"] is True and queue["depth"] >= 1
    assert queue["oldest_age_seconds"] >= 600  # the oldest waiting task, queued 10 minutes ago


def test_readyz_is_503_naming_the_storage_when_it_cannot_be_used(settings, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    settings.PRIVATE_ROOT = blocked
    response = Client().get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["failed"] == ["storage"]
    assert body["checks"]["storage"] == {"ok": False, "error": "FileExistsError"}
    assert str(blocked) not in response.content.decode()  # the kind of error, not its text
    assert body["checks"]["database"]["ok"] is True


def test_health_addresses_refuse_writes():
    assert Client().post("/healthz").status_code == 405
    assert Client().post("/readyz").status_code == 405
