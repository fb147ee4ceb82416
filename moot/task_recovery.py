"""Tasks left RUNNING by a worker that died (killed, out of memory, its machine lost), put
back in the queue. django-tasks' database backend marks a task RUNNING when a worker claims
it and finished when the worker ends it; a worker killed in between (SIGKILL ends a process
with no chance to record anything) leaves it RUNNING forever, and no other worker takes it.

Two ways to know a worker has died:

- it starts again: ``moot worker --worker-id ID`` (deploy/systemd/moot-worker@.service,
  restarted by systemd) first recovers the tasks its own ID still holds. Worker IDs are
  unique across the pool (``%H-%i``: the machine and the instance), so a task RUNNING under
  the ID of a worker that is only starting was left by its previous run;
- it has held the task far longer than any task takes: ``moot recover_tasks --older-than
  MINUTES`` (a timer, deploy/systemd/moot-recover-tasks.timer), for a machine that never
  comes back.

A recovered task is run again from the start (papers/packs.py ``run_pack`` builds a pack
whole, writing its file under a temporary name then moving it into place, and does nothing
for a pack already built, so a pack is built once). A task that has been started
``MAX_ATTEMPTS`` times is recorded as failed instead, so a task that kills its worker every
time does not do so for ever.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

MAX_ATTEMPTS = 3


def _announce_failure(result: TaskResult) -> None:
    task_finished.send(DatabaseBackend, task_result=result)


class WorkerLost(Exception):
    """The worker running the task stopped without ending it."""


def recover(
    *,
    worker_id: str | None = None,
    older_than: dt.timedelta | None = None,
    now: dt.datetime | None = None,
) -> tuple[list[str], list[str]]:
    """Put back in the queue the RUNNING tasks last claimed by ``worker_id`` and/or started
    more than ``older_than`` ago; returns the ids (requeued, failed)."""
    if worker_id is None and older_than is None:
        raise ValueError("Say whose tasks to recover: a worker id, or an age.")
    now = now or timezone.now()
    requeued: list[str] = []
    failed: list[str] = []
    with transaction.atomic():
        for task in DBTaskResult.objects.select_for_update().filter(
            status=TaskResultStatus.RUNNING
        ):
            mine = worker_id is not None and task.worker_ids[-1:] == [worker_id]
            stale = older_than is not None and (task.started_at or now) < now - older_than
            if not (mine or stale):
                continue
            if len(task.worker_ids) >= MAX_ATTEMPTS:
                task.set_failed(
                    WorkerLost(f"Its worker stopped {len(task.worker_ids)} times while running it.")
                )
                failed.append(str(task.id))
                # Told as the worker tells a task's end (django-tasks' task_finished), so
                # what waits on the task learns it failed (papers: its pack is failed).
                transaction.on_commit(partial(_announce_failure, task.task_result))
            else:
                task.status, task.started_at = TaskResultStatus.READY, None
                task.save(update_fields=["status", "started_at"])
                requeued.append(str(task.id))
    return requeued, failed
