"""``moot recover_tasks --older-than MINUTES``: queue again the tasks RUNNING for longer than
any task takes, left by a worker whose machine never came back (moot/task_recovery.py)."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from moot.task_recovery import recover


class Command(BaseCommand):
    help = "Queue again the tasks left running by workers that died."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, metavar="MINUTES", default=60)
        parser.add_argument("--worker-id", help="only this worker's (one that is not running)")

    def handle(self, *, older_than: int, worker_id: str | None, **options):
        if older_than < 1:
            raise CommandError("--older-than is a number of minutes, at least 1.")
        age = None if worker_id else dt.timedelta(minutes=older_than)
        requeued, failed = recover(worker_id=worker_id, older_than=age)
        self.stdout.write(f"{len(requeued)} tasks queued again, {len(failed)} failed.")
