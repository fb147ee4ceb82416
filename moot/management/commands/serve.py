"""``moot serve``: the site under uvicorn, the production ASGI server (chosen by measurement:
docs/benchmarks.md, "Serving"), with worker processes, and one log line per request.

``moot runserver`` stays Django's development server.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.management.base import BaseCommand, CommandError

APP = "moot.asgi:application"
METRICS_DIR = "PROMETHEUS_MULTIPROC_DIR"


class Command(BaseCommand):
    help = "Serve the site in production: uvicorn with worker processes (MOOT_WORKERS, PORT)."

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
        import uvicorn

        if workers < 1:
            raise CommandError("--workers must be at least 1.")
        if isinstance(staticfiles_storage, ManifestFilesMixin) and (
            staticfiles_storage.read_manifest() is None
        ):
            raise CommandError(
                "The static files have not been collected: run `moot collectstatic` first."
            )
        access_log = not no_access_log and os.environ.get("MOOT_ACCESS_LOG") not in ("0", "off")
        # The workers read the environment when they start (moot/settings.py).
        os.environ["MOOT_ACCESS_LOG"] = "1" if access_log else "0"
        made = None
        if workers > 1:  # the processes share their request metrics (moot/metrics.py)
            if not os.environ.get(METRICS_DIR):
                made = os.environ[METRICS_DIR] = tempfile.mkdtemp(prefix="moot-metrics-")
            for stale in Path(os.environ[METRICS_DIR]).glob("*.db"):
                stale.unlink()
        else:  # this process serves, with its own registry
            os.environ.pop(METRICS_DIR, None)
        # One process: this one serves (after the application's set-up, which configures the
        # logging again from the settings read before the line above).
        app = APP if workers > 1 else _application()
        level = logging.INFO if access_log else logging.WARNING
        logging.getLogger("moot.requests").setLevel(level)
        self.stdout.write(f"Serving http://{host}:{port}/ with {workers} worker(s)")
        try:
            uvicorn.run(
                app,
                host=host,
                port=port,
                workers=workers,
                access_log=False,  # Moot writes its own, with the time taken
                # The client's address and scheme come from Moot's own settings
                # (MOOT_CLIENT_IP_HEADER, MOOT_PROXY_SSL_HEADER), not from the server.
                proxy_headers=False,
                server_header=False,
                timeout_graceful_shutdown=graceful_timeout,
                log_level="info",
            )
        finally:
            if made:
                shutil.rmtree(made, ignore_errors=True)


def _application():
    from moot.asgi import application

    return application
