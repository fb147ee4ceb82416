"""``moot worker --worker-id ID [--queue-name Q] [--interval S] [--no-startup-delay]``: the
task worker (django-tasks' ``db_worker``), which first puts back in the queue the tasks its
own previous run left RUNNING when it was killed (moot/task_recovery.py)."""

from __future__ import annotations

import socket

from django.core.management import call_command
from django.core.management.base import BaseCommand

from moot.task_recovery import recover


class Command(BaseCommand):
    help = "Run a task worker, first recovering the tasks its previous run left unfinished."

    def add_arguments(self, parser):
        parser.add_argument(
            "--worker-id",
            default=f"{socket.gethostname()}-1",
            help="unique across the pool, the same at each start (default: HOSTNAME-1)",
        )
        parser.add_argument("--queue-name", default="default", help="as db_worker's")
        parser.add_argument("--interval", default="1", help="as db_worker's (seconds)")
        parser.add_argument("--no-startup-delay", action="store_true", help="as db_worker's")

    def handle(self, *, worker_id: str, queue_name: str, interval: str, **options):
        requeued, failed = recover(worker_id=worker_id)
        if requeued or failed:
            self.stderr.write(
                f"Worker {worker_id}: {len(requeued)} unfinished tasks queued again, "
                f"{len(failed)} failed after too many attempts."
            )
        rest = ["--no-startup-delay"] if options["no_startup_delay"] else []
        call_command(
            "db_worker",
            *["--worker-id", worker_id, "--queue-name", queue_name, "--interval", interval],
            *rest,
            verbosity=options["verbosity"],
        )
