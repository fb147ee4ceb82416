"""/healthz and /readyz, for a load balancer, systemd or a monitor.

- /healthz: the process is up and answering. It touches nothing else, so a database outage
  does not get healthy processes restarted.
- /readyz: the process can do its work: the database answers, the private storage (papers,
  packs) can be read, and the task queue answers, with how many tasks wait and for how long.
  503 when a check fails, the JSON body naming it. The body says what kind of error it was,
  never its message (which can hold addresses or credentials); the log has the rest.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import connection
from django.db.models import Count, Min
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from papers.storage import PrivateStorage

log = logging.getLogger(__name__)


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def _storage() -> dict:
    """The private store's own check (papers.storage): its folder made (a new installation
    has none until its first file) and writable, or its bucket answering Moot's key."""
    if not PrivateStorage.backend().reachable():
        raise PermissionError("the private storage cannot be written")
    return {}


def _queue() -> dict:
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    found = DBTaskResult.objects.filter(status=TaskResultStatus.READY).aggregate(
        depth=Count("id"), oldest=Min("enqueued_at")
    )
    oldest = found["oldest"]
    age = round((timezone.now() - oldest).total_seconds(), 1) if oldest else None
    return {"depth": found["depth"], "oldest_age_seconds": age}


CHECKS: dict[str, Callable[[], dict]] = {
    "database": _database,
    "storage": _storage,
    "queue": _queue,
}


@require_safe
@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    checks: dict[str, dict] = {}
    for name, check in CHECKS.items():
        try:
            checks[name] = {"ok": True, **check()}
        except Exception as error:  # any failure means "not ready", never a 500
            log.warning("Readiness check %s failed", name, exc_info=True)
            checks[name] = {"ok": False, "error": type(error).__name__}
    failed = [name for name, result in checks.items() if not result["ok"]]
    body = {"status": "unavailable" if failed else "ready", "failed": failed, "checks": checks}
    return JsonResponse(body, status=503 if failed else 200)
