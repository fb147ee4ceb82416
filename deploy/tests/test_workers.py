"""Several task workers share the database task queue without running a task twice
(docs/scaling.md "Task workers"): 200 agenda packs queued, two real ``moot db_worker``
processes started on the session's test database (PostgreSQL itself, or a file copy of the
SQLite one, copied back when they have finished), and every pack built exactly once.

django-tasks' database backend claims a task in a transaction that selects the oldest ready
row ``FOR UPDATE SKIP LOCKED`` (PostgreSQL) or holds SQLite's exclusive lock, and marks it
running with the worker's id before committing (``DBTaskResult.claim``): a second worker
skips the locked row and, once it is committed, no longer sees it as ready. The test counts
what each worker did, never how long it took.
"""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from contextlib import ExitStack

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from moot import testing as t
from moot.tests import servers
from papers.models import AgendaPack, PackStatus
from papers.packs import request_pack

PACKS = 200
WORKERS = ("two-1", "two-2")

pytestmark = [pytest.mark.stack, pytest.mark.django_db(transaction=True)]


def _wait_until_done(workers, seconds: float = 600) -> None:
    """Until no task is ready or running in the workers' database (a limit, not a measure)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert all(w.poll() is None for w in workers), "a worker stopped"
        if not _unfinished():
            return
        time.sleep(1)
    raise AssertionError(f"{_unfinished()} tasks still unfinished")


def _unfinished() -> int:
    if connection.vendor == "postgresql":
        return DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).count()
    with sqlite3.connect(_unfinished.file) as db:  # type: ignore[attr-defined]
        table = DBTaskResult._meta.db_table
        sql = f"SELECT count(*) FROM {table} WHERE status IN ('READY', 'RUNNING')"
        return db.execute(sql).fetchone()[0]


def test_two_workers_build_200_packs_each_once(settings, tmp_path):
    private = tmp_path / "data" / "private"
    settings.PRIVATE_ROOT = private
    meeting = t.meeting_with_a_short_paper("Two Workers Committee")
    requested = [
        request_pack(meeting, reason=f"Build {n}", actor=TEST_ACTOR).pk for n in range(PACKS)
    ]
    assert DBTaskResult.objects.filter(status="READY").count() == PACKS
    database = servers.database_url(tmp_path)
    _unfinished.file = tmp_path / "moot.sqlite3"  # type: ignore[attr-defined]
    env = servers.environment(
        tmp_path / "data", DATABASE_URL=database, MOOT_PRIVATE_ROOT=str(private)
    )
    with ExitStack() as stack:
        workers = [
            stack.enter_context(
                servers.running(
                    [*servers.MOOT, "db_worker", "--worker-id", name, "--interval", "0.2"],
                    env,
                    None,
                    tmp_path / f"{name}.log",
                )
            )
            for name in WORKERS
        ]
        _wait_until_done(workers)
    if connection.vendor == "sqlite":  # the workers' database, back into the test's
        with sqlite3.connect(tmp_path / "moot.sqlite3") as copy:
            connection.ensure_connection()
            copy.backup(connection.connection)

    tasks = list(DBTaskResult.objects.all())
    assert len(tasks) == PACKS
    assert Counter(task.status for task in tasks) == {"SUCCESSFUL": PACKS}, "none failed"
    # Each task claimed once, by one worker; both workers took a share.
    assert all(len(task.worker_ids) == 1 for task in tasks), "no task was claimed twice"
    shares = Counter(task.worker_ids[0] for task in tasks)
    assert set(shares) == set(WORKERS), shares
    # Each task was for a different pack, and each pack was built once.
    assert sorted(task.args_kwargs["args"][0] for task in tasks) == sorted(requested)
    packs = AgendaPack.objects.filter(pk__in=requested)
    assert Counter(packs.values_list("status", flat=True)) == {PackStatus.BUILT: PACKS}
    assert all(pack.file and pack.file.size == pack.size for pack in packs)
    built = AuditEntry.objects.filter(event="papers.pack_built").values_list("object_id", flat=True)
    assert Counter(built) == {str(pk): 1 for pk in requested}, "one build entry per pack"
