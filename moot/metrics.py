"""Prometheus metrics at /metrics (prometheus-client), and the log line of each request.

- ``moot_request_duration_seconds{view, method, status}``: each request's time to its
  response, labelled by the *name* of the view that answered (``website:meeting``), never by
  its path: a path can hold the id of an exempt paper, a name cannot. Static files are
  ``static``, addresses no view answers ``unresolved``.
- ``moot_task_queue_depth{queue}`` and ``moot_task_queue_oldest_age_seconds{queue}``: tasks
  waiting for a worker and how long the oldest has waited, read from the task table when
  scraped, so they count every worker's queue on every machine.
- ``moot_pack_build_seconds``: the worker's agenda pack builds (started to finished), from
  the same table; ``moot_pack_builds_failed_total``: those that failed.

Under ``moot serve`` the server's worker processes share their request metrics through
``PROMETHEUS_MULTIPROC_DIR`` (set by the command), so a scrape answered by any one process
counts every process's requests.

/metrics answers only the addresses in ``MOOT_METRICS_ALLOWED_IPS`` or a request bearing
``MOOT_METRICS_TOKEN``; anyone else gets the site's 404.
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import os
import time
from collections.abc import Iterator

from django.conf import settings
from django.db import DatabaseError
from django.db.models import Count, DurationField, ExpressionWrapper, F, Min, Q, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Histogram,
    generate_latest,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector

from access.throttle import client_ip

log = logging.getLogger("moot.requests")
PACK_TASK = "papers.tasks.build_pack_task"
METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
# Seconds: pages take tens of milliseconds, a pack build tens of seconds.
REQUEST_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
PACK_BUCKETS = (1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600)

REQUEST_SECONDS = Histogram(
    "moot_request_duration_seconds",
    "Time from a request to its response, by the name of the view that answered it.",
    ["view", "method", "status"],
    buckets=REQUEST_BUCKETS,
)


def view_label(request: HttpRequest) -> str:
    """The name of the view that answered, never the path (which can hold exempt ids)."""
    match = getattr(request, "resolver_match", None)
    if match is not None:
        return match.view_name or "unnamed"
    if request.path.startswith(settings.STATIC_URL):
        return "static"
    return "unresolved"


class RequestMetricsMiddleware:
    """Times every request for ``moot_request_duration_seconds`` and writes its log line
    ("GET /meetings/ 200 12.3ms", logger ``moot.requests``: on under ``moot serve``). For a
    streaming response the time is to its first byte."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        seconds = time.perf_counter() - started
        method = request.method if request.method in METHODS else "other"
        status = response.status_code
        REQUEST_SECONDS.labels(view_label(request), method, str(status)).observe(seconds)
        log.info("%s %s %s %.1fms", request.method, request.path, status, seconds * 1e3)
        return response


class RecordCollector:
    """The task queue and the pack builds, read from the task table at each scrape;
    ``moot_record_up`` is 0 when the database does not answer (and they are left out)."""

    def collect(self) -> Iterator[GaugeMetricFamily | HistogramMetricFamily | CounterMetricFamily]:
        try:
            found = list(self._from_the_record())
        except DatabaseError:
            logging.getLogger(__name__).warning("Metrics: the database did not answer")
            found = []
        yield GaugeMetricFamily(
            "moot_record_up", "1 when the database answered this scrape.", 1 if found else 0
        )
        yield from found

    def _from_the_record(self):
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        depth = GaugeMetricFamily(
            "moot_task_queue_depth", "Tasks waiting for a worker.", labels=["queue"]
        )
        age = GaugeMetricFamily(
            "moot_task_queue_oldest_age_seconds",
            "How long the oldest task waiting for a worker has waited.",
            labels=["queue"],
        )
        now = timezone.now()
        waiting = (
            DBTaskResult.objects.filter(status=TaskResultStatus.READY)
            .values("queue_name")
            .annotate(n=Count("id"), oldest=Min("enqueued_at"))
            .order_by("queue_name")
        )
        for row in waiting:
            depth.add_metric([row["queue_name"]], row["n"])
            age.add_metric([row["queue_name"]], (now - row["oldest"]).total_seconds())
        yield depth
        yield age
        yield from pack_builds(DBTaskResult, TaskResultStatus)


def pack_builds(model, status) -> Iterator[HistogramMetricFamily | CounterMetricFamily]:
    """The worker's pack builds, counted in the database (one query): a histogram of the
    successful ones' times, and the number that failed."""
    took = ExpressionWrapper(F("finished_at") - F("started_at"), output_field=DurationField())
    rows = model.objects.filter(
        task_path=PACK_TASK, started_at__isnull=False, finished_at__isnull=False
    ).annotate(took=took)
    built = Q(status=status.SUCCESSFUL)
    buckets = {
        f"b{i}": Count("id", filter=built & Q(took__lte=dt.timedelta(seconds=bound)))
        for i, bound in enumerate(PACK_BUCKETS)
    }
    found = rows.aggregate(
        count=Count("id", filter=built),
        total=Sum("took", filter=built),
        failed=Count("id", filter=Q(status=status.FAILED)),
        **buckets,
    )
    family = HistogramMetricFamily(
        "moot_pack_build_seconds", "Agenda pack builds by the worker, started to finished."
    )
    family.add_metric(
        [],
        [(str(float(b)), found[f"b{i}"]) for i, b in enumerate(PACK_BUCKETS)]
        + [("+Inf", found["count"])],
        (found["total"] or dt.timedelta()).total_seconds(),
    )
    yield family
    yield CounterMetricFamily(
        "moot_pack_builds_failed", "Agenda pack builds by the worker that failed.", found["failed"]
    )


class _ThisProcess:
    """The default registry's metrics (this process), for a single-process server."""

    def collect(self):
        return REGISTRY.collect()


def may_read(request: HttpRequest) -> bool:
    token = settings.MOOT_METRICS_TOKEN
    given = request.headers.get("Authorization", "")
    if token and hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return True
    return client_ip(request) in settings.MOOT_METRICS_ALLOWED_IPS


@require_safe
@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    """The metrics in Prometheus' text format, for the allowed addresses or the token."""
    if not may_read(request):
        raise Http404("No such page")
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        MultiProcessCollector(registry)
    else:
        registry.register(_ThisProcess())
    registry.register(RecordCollector())
    return HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
