"""/metrics (moot/metrics.py): who may read it, what it counts, and what its labels never hold."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from prometheus_client.parser import text_string_to_metric_families

from audit.testing import TEST_ACTOR
from meetings.models import Meeting
from papers.packs import request_pack

pytestmark = pytest.mark.django_db
MEETING = dict(body__slug="policy-and-resources-cabinet-committee", date="2017-09-15")


def sample(text: str, name: str, **labels) -> float | None:
    """The value of the sample ``name{labels}`` in Prometheus' text format."""
    for family in text_string_to_metric_families(text):
        for found in family.samples:
            if found.name == name and all(found.labels.get(k) == v for k, v in labels.items()):
                return found.value
    return None


def scrape(client=None, **extra) -> str:
    response = (client or Client()).get("/metrics", **extra)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/plain")
    return response.content.decode()


def test_only_allowed_addresses_or_the_token_read_the_metrics(settings):
    assert Client().get("/metrics").status_code == 200  # the test client is 127.0.0.1
    outside = Client(REMOTE_ADDR="203.0.113.9")
    assert outside.get("/metrics").status_code == 404
    settings.MOOT_METRICS_TOKEN = "s3cret-token"
    assert outside.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    assert outside.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-token").status_code == 200
    settings.MOOT_METRICS_ALLOWED_IPS = []
    assert Client().get("/metrics").status_code == 404


def test_behind_a_proxy_the_client_address_decides(settings):
    """Through nginx every request comes from 127.0.0.1: the forwarded address counts."""
    settings.MOOT_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    proxied = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert proxied.get("/metrics").status_code == 404


def test_request_latency_is_labelled_by_view_name_never_by_path():
    meeting = Meeting.objects.get(**MEETING)
    page = f"/meetings/{meeting.pk}/{meeting.slug}/"
    # A histogram's _count is its number of observations: here, requests answered.
    requests = "moot_request_duration_seconds_count"
    earlier = scrape()
    before = sample(earlier, requests, view="website:meeting")
    missing = sample(earlier, requests, view="unresolved", status="404")
    assert Client().get(page).status_code == 200
    assert Client().get("/no-such-page/").status_code == 404
    text = scrape()
    assert sample(text, requests, view="website:meeting") == (before or 0) + 1
    assert sample(text, requests, view="unresolved", status="404") == (missing or 0) + 1
    labels = set(re.findall(r'view="([^"]*)"', text))
    assert labels and not any("/" in label or re.search(r"\d", label) for label in labels)


def test_queue_depth_and_age_are_read_from_the_task_table(django_capture_on_commit_callbacks):
    meeting = Meeting.objects.get(**MEETING)
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY).count()
    with django_capture_on_commit_callbacks(execute=True):  # enqueued once committed
        request_pack(meeting, reason="A test", actor=TEST_ACTOR)
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(
        enqueued_at=timezone.now() - dt.timedelta(minutes=10)
    )
    text = scrape()
    assert sample(text, "moot_task_queue_depth", queue="default") == waiting + 1
    assert sample(text, "moot_task_queue_oldest_age_seconds", queue="default") >= 600


def test_pack_build_times_are_a_histogram_of_the_workers_builds(
    django_capture_on_commit_callbacks,
):
    meeting = Meeting.objects.get(**MEETING)
    with django_capture_on_commit_callbacks(execute=True):
        request_pack(meeting, reason="A test", actor=TEST_ACTOR)
        request_pack(meeting, "members", reason="A test", actor=TEST_ACTOR)
    first, second = DBTaskResult.objects.filter(task_path="papers.tasks.build_pack_task")[:2]
    start = timezone.now() - dt.timedelta(minutes=5)
    for task, seconds, status in ((first, 4, "SUCCESSFUL"), (second, 45, "FAILED")):
        DBTaskResult.objects.filter(pk=task.pk).update(
            status=status, started_at=start, finished_at=start + dt.timedelta(seconds=seconds)
        )
    text = scrape()
    assert sample(text, "moot_pack_build_seconds_count") == 1
    assert sample(text, "moot_pack_build_seconds_sum") == 4.0
    assert sample(text, "moot_pack_build_seconds_bucket", le="2.5") == 0
    assert sample(text, "moot_pack_build_seconds_bucket", le="5.0") == 1
    assert sample(text, "moot_pack_builds_failed_total") == 1


def test_the_metrics_refuse_writes():
    assert Client().post("/metrics").status_code == 405
