"""``moot serve``: the site in production, gunicorn managing uvicorn worker processes
(moot/server.py), with one log line per request. ``moot runserver`` stays Django's
development server."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.management.base import BaseCommand, CommandError

from audit import generation

METRICS_DIR = "PROMETHEUS_MULTIPROC_DIR"


class Command(BaseCommand):
    help = "Serve the site in production: worker processes (MOOT_WORKERS) on MOOT_HOST:PORT."
    # Checked in handle(), once the worker processes' shared metrics are set up: the checks
    # import the URLs, and with them prometheus-client, which reads that setting on import.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--workers",
            type=int,
            default=settings.MOOT_WORKERS,
            help="worker processes (default MOOT_WORKERS, or one per CPU)",
        )
        parser.add_argument("--host", default=settings.MOOT_HOST, help="default MOOT_HOST")
        parser.add_argument("--port", type=int, default=settings.MOOT_PORT, help="default PORT")
        parser.add_argument(
            "--no-access-log",
            action="store_true",
            help="no line per request (MOOT_ACCESS_LOG=0 says the same)",
        )
        parser.add_argument(
            "--graceful-timeout",
            type=int,
            default=10,
            help="seconds open requests (event streams) get to finish when stopping",
        )

    def handle(self, *args, workers, host, port, no_access_log, graceful_timeout, **options):
        from moot.server import Server

        if workers < 1:
            raise CommandError("--workers must be at least 1.")
        if isinstance(staticfiles_storage, ManifestFilesMixin) and (
            staticfiles_storage.read_manifest() is None
        ):
            raise CommandError(
                "The static files have not been collected: run `moot collectstatic` first."
            )
        access_log = not no_access_log and os.environ.get("MOOT_ACCESS_LOG") not in ("0", "off")
        # The worker processes are forked from this one and set Django up again from these.
        os.environ["MOOT_ACCESS_LOG"] = "1" if access_log else "0"
        settings.MOOT_ACCESS_LOG = access_log
        # Moot's own public page cache, on unless MOOT_PAGE_CACHE=0 (website/cache.py).
        cache = os.environ.get("MOOT_PAGE_CACHE") not in ("0", "off", "false")
        os.environ["MOOT_PAGE_CACHE"] = "1" if cache else "0"
        settings.MOOT_PAGE_CACHE = cache
        generation.current()  # made now: nginx names it in every key (deploy/nginx)
        level = logging.INFO if access_log else logging.WARNING
        settings.LOGGING["loggers"]["moot.requests"]["level"] = logging.getLevelName(level)
        logging.getLogger("moot.requests").setLevel(level)
        made = None
        if not os.environ.get(METRICS_DIR):  # the processes' shared metrics (moot/metrics.py)
            made = os.environ[METRICS_DIR] = tempfile.mkdtemp(prefix="moot-metrics-")
        for stale in Path(os.environ[METRICS_DIR]).glob("*.db"):
            stale.unlink()
        self.check()
        self.stdout.write(f"Serving http://{host}:{port}/ with {workers} worker(s)", ending="\n")
        self.stdout.flush()
        try:
            Server(host=host, port=port, workers=workers, graceful_timeout=graceful_timeout).run()
        finally:
            if made:
                shutil.rmtree(made, ignore_errors=True)
