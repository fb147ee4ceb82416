"""A task worker killed (SIGKILL) in the middle of building an agenda pack: nothing half-built
is recorded or stored under the pack's name; the worker, started again under its ID (as
systemd restarts it, deploy/systemd/moot-worker@.service), queues the task again
(moot/task_recovery.py) and builds the pack — once: one build recorded, one complete PDF.
A task that kills its worker every time is failed after three attempts, and a task left by a
machine that never came back is recovered by age (``moot recover_tasks``)."""

from __future__ import annotations

import datetime as dt
import io
import os
import signal
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from meetings.models import Meeting
from moot.task_recovery import MAX_ATTEMPTS, recover
from moot.tests import servers
from papers.models import AgendaPack, PackStatus
from papers.packs import request_pack

pytestmark = pytest.mark.django_db(transaction=True)
MEETING = dict(body__slug="policy-and-resources-cabinet-committee", date="2017-09-15")


class WorkerDatabase:
    """The database the worker processes use, read with SQL: PostgreSQL's test database
    itself, or the file copy of the SQLite one (``servers.database_url``)."""

    def __init__(self, url: str):
        self.url = url
        self.conn = connection
        if connection.vendor == "sqlite":
            settings = {**connection.settings_dict, "NAME": url.removeprefix("sqlite:///")}
            self.conn = type(connections["default"])(settings, "worker")

    def one(self, sql: str, *params):
        with self.conn.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()

    def pack(self, pk: int) -> tuple[str, str]:
        """(status, file name) of the pack."""
        table = AgendaPack._meta.db_table
        return self.one(f"SELECT status, file FROM {table} WHERE id = %s", pk)

    def task(self) -> tuple[str, str]:
        return self.one(f"SELECT status, worker_ids FROM {DBTaskResult._meta.db_table}")

    def built_entries(self, pk: int) -> int:
        table = AuditEntry._meta.db_table
        sql = f"SELECT COUNT(*) FROM {table} WHERE event = 'papers.pack_built' AND object_id = %s"
        return self.one(sql, str(pk))[0]

    def close(self) -> None:
        if self.conn is not connection:
            self.conn.close()


def worker(env: dict, log: Path):
    command = [*servers.MOOT, "worker", "--worker-id", "fault-1", "--interval", "0.2"]
    return servers.running([*command, "--no-startup-delay"], env, None, log)


def wait(until, seconds: float = 180, every: float = 0.02):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if found := until():
            return found
        time.sleep(every)
    raise AssertionError(f"not within {seconds} s")


def test_a_worker_killed_during_a_build_has_the_pack_built_once_after_it_restarts(
    demo_council, settings, tmp_path
):
    private = tmp_path / "private"
    settings.PRIVATE_ROOT = private
    DBTaskResult.objects.all().delete()
    meeting = Meeting.objects.get(**MEETING)
    pack = request_pack(meeting, reason="Fault test", actor=TEST_ACTOR)  # queued on commit
    database = WorkerDatabase(servers.database_url(tmp_path))
    env = servers.environment(
        tmp_path / "data", DATABASE_URL=database.url, MOOT_PRIVATE_ROOT=str(private)
    )
    try:
        with worker(env, tmp_path / "worker-1.log") as first:
            # Killed once the build is under way, papers rendered but the pack not assembled.
            wait(lambda: database.pack(pack.pk)[0] == PackStatus.BUILDING)
            os.killpg(first.pid, signal.SIGKILL)
            first.wait()
        assert database.pack(pack.pk) == (PackStatus.BUILDING, ""), "nothing recorded as built"
        status, workers = database.task()
        assert status == TaskResultStatus.RUNNING, "django-tasks alone would leave it so"
        assert not [p for p in private.rglob("*.pdf") if p.parent.name == "packs"]
        with worker(env, tmp_path / "worker-2.log"):
            status, name = wait(
                lambda: (row := database.pack(pack.pk))[0] in (PackStatus.BUILT, "failed") and row,
                every=0.5,
            )
            wait(lambda: database.task()[0] == TaskResultStatus.SUCCESSFUL, every=0.5)
        assert status == PackStatus.BUILT
        assert database.built_entries(pack.pk) == 1, "built once"
        status, workers = database.task()
        assert "fault-1" in str(workers) and str(workers).count("fault-1") == 2
        reader = PdfReader(io.BytesIO((private / name).read_bytes()))
        assert len(reader.pages) > 10, "the whole pack, not part of it"
        assert "1 unfinished tasks queued again" in (tmp_path / "worker-2.log").read_text()
    finally:
        database.close()


def running_task(worker_ids: list[str], started: dt.datetime, pack_id: int = 0) -> DBTaskResult:
    DBTaskResult.objects.all().delete()
    task = DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        started_at=started,
        args_kwargs={"args": [pack_id], "kwargs": {}},
        task_path="papers.tasks.build_pack_task",
        worker_ids=worker_ids,
        backend_name="default",
        run_after=started,
    )
    return task


def test_a_task_that_kills_its_worker_every_time_fails_after_three_attempts(
    db, django_capture_on_commit_callbacks
):
    meeting = Meeting.objects.get(**MEETING)
    pack = request_pack(meeting, "public", actor=TEST_ACTOR)
    AgendaPack.objects.filter(pk=pack.pk).update(status=PackStatus.BUILDING)
    task = running_task(["w"] * MAX_ATTEMPTS, timezone.now(), pack_id=pack.pk)
    with django_capture_on_commit_callbacks(execute=True):
        assert recover(worker_id="w") == ([], [str(task.id)])
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == "moot.task_recovery.WorkerLost"
    pack.refresh_from_db()
    assert pack.status == PackStatus.FAILED, "the pack says so, not 'building' for ever"
    assert "could not be built" in pack.message


def test_a_task_left_by_a_machine_that_never_came_back_is_recovered_by_age(db, capsys):
    old = running_task(["gone-1"], timezone.now() - dt.timedelta(hours=2))
    call_command("recover_tasks", "--older-than", "180")
    assert DBTaskResult.objects.get(pk=old.pk).status == TaskResultStatus.RUNNING  # not so old
    call_command("recover_tasks", "--older-than", "60")
    assert DBTaskResult.objects.get(pk=old.pk).status == TaskResultStatus.READY
    assert "1 tasks queued again, 0 failed." in capsys.readouterr().out
    with pytest.raises(Exception, match="at least 1"):
        call_command("recover_tasks", "--older-than", "0")
