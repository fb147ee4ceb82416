"""What ``moot serve`` runs: gunicorn managing uvicorn worker processes (``uvicorn-worker``),
each serving moot/asgi.py. Chosen by measurement over uvicorn's own ``--workers`` and granian
(docs/benchmarks.md, "Serving"); gunicorn also restarts a worker that dies, and stops them
gracefully on SIGTERM (systemd's stop).
"""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication
from uvicorn_worker import UvicornWorker


class Worker(UvicornWorker):
    """A uvicorn worker that leaves the client's address and scheme to Moot's own settings
    (``MOOT_CLIENT_IP_HEADER``, ``MOOT_PROXY_SSL_HEADER``) rather than trusting forwarded
    headers itself, and names no server software in its answers."""

    CONFIG_KWARGS: dict[str, Any] = {
        "loop": "auto",
        "http": "auto",
        "proxy_headers": False,
        "server_header": False,
    }


def _child_exit(server, worker) -> None:
    # A worker's live metrics stop counting once it is gone (prometheus-client's multiprocess
    # mode; moot/metrics.py).
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


class Server(BaseApplication):
    def __init__(self, *, host: str, port: int, workers: int, graceful_timeout: int):
        self.options = {
            "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
            "workers": workers,
            "worker_class": f"{__name__}.Worker",
            "graceful_timeout": graceful_timeout,
            "accesslog": None,  # Moot writes its own line per request, with the time taken
            "errorlog": "-",
            "loglevel": "info",
            "child_exit": _child_exit,
            "proc_name": "moot",
            # gunicorn's control socket (newer versions) would sit in the user's home; unused.
            "control_socket_disable": True,
        }
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.options.items():
            if name in self.cfg.settings:
                self.cfg.set(name, value)

    def load(self):
        from moot.asgi import application

        return application
