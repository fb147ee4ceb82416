"""Real servers for tests: ``moot serve`` (and nginx, deploy/tests) run as processes on free
ports of this machine, on a copy of the session's test database (SQLite) or on the test
database itself (PostgreSQL), each stopped by its own process id when the test ends."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
MOOT = [sys.executable, "-m", "moot.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url(folder: Path) -> str:
    """An address of the session's test database (the demo council) for another process:
    PostgreSQL's test database itself, or a copy of the SQLite one (which lives in memory).
    Call it outside a test's transaction (``django_db_blocker.unblock()``)."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        user = db.get("USER") or "postgres"
        password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
        host, port = db.get("HOST") or "127.0.0.1", db.get("PORT") or 5432
        return f"postgres://{user}{password}@{host}:{port}/{connection.settings_dict['NAME']}"
    connection.ensure_connection()
    target = folder / "moot.sqlite3"
    copy = sqlite3.connect(target)
    with copy:
        connection.connection.backup(copy)
    copy.close()
    return f"sqlite:///{target}"


def environment(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_"))}
    env.update(
        MOOT_DATA_DIR=str(data_dir),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        DJANGO_SETTINGS_MODULE="moot.settings",
    )
    env.update(extra)
    return env


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer to look at, not to follow."""

    def redirect_request(self, *args, **kwargs):
        return None


def wait_for(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    """Until ``url`` answers at all (any status); fails if the process ends first."""
    deadline = time.monotonic() + seconds
    opener = urllib.request.build_opener(NoRedirect)
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server stopped (exit {process.returncode})")
        try:
            opener.open(url, timeout=5).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer in {seconds} s")


@contextmanager
def running(command: list[str], env: dict, url: str | None, log: Path):
    """The process started (and ``url`` answering, if given); stopped (SIGTERM, then
    SIGKILL) after."""
    with open(log, "wb") as out:
        process = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=out, stderr=out, start_new_session=True
        )
    try:
        if url:
            wait_for(url, process)
        yield process
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """SIGTERM to the process (it stops its own workers), then SIGKILL to its whole group
    (started as a session of its own) if anything of it is left."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:  # nothing of it left
        pass
    process.wait()


def get(url: str, headers: dict | None = None, timeout: float = 30):
    """(status, headers, body) of a GET, whatever the status; redirects are not followed."""
    return fetch(urllib.request.build_opener(NoRedirect), url, headers, timeout)


def fetch(opener, url: str, headers: dict | None = None, timeout: float = 30):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
