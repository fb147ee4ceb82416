"""A throwaway PostgreSQL server for a test that stops and starts it: a cluster made with
``initdb`` in a temporary folder, on a free port of 127.0.0.1, owned by the current user (or,
as root — CI runs as root, and PostgreSQL refuses to — by the ``postgres`` user, through
``runuser``). Stopped and thrown away at the end."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

from moot.backup import pg_tool
from moot.needs import unavailable
from moot.tests import servers


class Cluster:
    def __init__(self, folder: Path, port: int, user: str | None):
        self.folder, self.port, self.user = folder, port, user
        self.data = folder / "data"

    def run(self, *command: str) -> subprocess.CompletedProcess:
        prefix = ["runuser", "-u", self.user, "--"] if self.user else []
        return subprocess.run(
            [*prefix, *command], capture_output=True, text=True, check=True, cwd=self.folder
        )

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder}"
        self.run(
            pg_tool("pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log"),
            "-o", options, "-w", "start",
        )  # fmt: skip

    def stop(self) -> None:
        self.run(pg_tool("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")


@contextmanager
def cluster():
    """A running throwaway cluster whose superuser is ``postgres``, trusted on 127.0.0.1, in
    a folder of its own under the system's temporary folder (which that user can reach, as
    it may not pytest's, root's own)."""
    try:
        initdb = pg_tool("initdb")
    except Exception:
        unavailable("PostgreSQL's server programs (initdb)", "apt-get install postgresql")
    user = None
    if os.geteuid() == 0:
        if not shutil.which("runuser"):
            unavailable("runuser, to run PostgreSQL as a user who is not root", "util-linux")
        user = "postgres"
    folder = Path(tempfile.mkdtemp(prefix="moot-pg-"))
    try:
        if user:
            shutil.chown(folder, user)
        made = Cluster(folder, servers.free_port(), user)
        made.run(initdb, "-D", str(made.data), "-U", "postgres", "--auth=trust", "--no-sync")
        made.start()
        try:
            yield made
        finally:
            if (made.data / "postmaster.pid").exists():
                made.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
