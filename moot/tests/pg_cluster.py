"""Throwaway PostgreSQL servers for the tests that stop one, start one or replicate one
(moot/tests/test_faults_database.py, deploy/tests/test_replica.py): clusters made with
``initdb`` in a folder of their own under the system's temporary folder, on free ports of
127.0.0.1, their superuser ``postgres`` trusted there, stopped and removed at the end.
PostgreSQL refuses to run as root, and CI runs as root (``.ci/run``), so there the servers
run as the ``postgres`` user (``runuser``); ``.ci/replica.sh`` installs the programs."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from django.db import connection

from moot.backup import pg_environment
from moot.needs import unavailable
from moot.tests import servers

INSTALL = "apt-get install postgresql; .ci/replica.sh checks it"
# Every server: on its own port and socket folder, not durable (a test's data is thrown away).
BASE_SETTINGS = """
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = '{folder}'
fsync = off
full_page_writes = off
"""


def binaries() -> Path:
    """The newest PostgreSQL's server programs (Debian keeps them out of the PATH)."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name)
    )
    if not found:
        unavailable("PostgreSQL's server programs (initdb, pg_ctl, pg_basebackup)", INSTALL)
    return found[-1].parent


def owner() -> list[str]:
    """The prefix that runs a server program as ``postgres`` when this is root."""
    if os.geteuid() != 0:
        return []
    if shutil.which("runuser") is None:
        unavailable("runuser, to run PostgreSQL as a user who is not root", "util-linux")
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        unavailable("the postgres user, to run PostgreSQL as when root", INSTALL)
    return ["runuser", "-u", "postgres", "--"]


@dataclass
class Server:
    bin: Path
    data: Path
    port: int

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    @property
    def log(self) -> Path:
        return self.data.parent / f"{self.data.name}.log"

    def run(self, program: str, *args: str) -> None:
        subprocess.run([*owner(), str(self.bin / program), *args], check=True, capture_output=True)

    def initdb(self, settings: str = "") -> None:
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "--no-sync",
                 "-E", "UTF8", "--locale=C.UTF-8")  # fmt: skip
        folder = self.data.parent
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(BASE_SETTINGS.format(port=self.port, folder=folder) + settings)

    def start(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "start")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def query(self, sql: str, database: str = "postgres") -> list[tuple]:
        with psycopg.connect(self.url(database), autocommit=True) as db:
            return db.execute(sql).fetchall()

    def execute(self, sql: str) -> None:
        with psycopg.connect(self.url("postgres"), autocommit=True) as db:
            db.execute(sql)

    def copy_test_database(self, name: str, folder: Path) -> None:
        """The session's test database (the demo, and what a test committed to it) copied
        into a new database ``name`` of this server (pg_dump, pg_restore)."""
        dump = folder / f"{name}.dump"
        tools = binaries()
        subprocess.run(
            [str(tools / "pg_dump"), "--format=custom", "--no-owner", f"--file={dump}"],
            env=pg_environment(connection.settings_dict),
            check=True,
            capture_output=True,
        )
        self.execute(f'CREATE DATABASE "{name}"')
        subprocess.run(
            [str(tools / "pg_restore"), "--no-owner", "--exit-on-error",
             f"--dbname={self.url(name)}", str(dump)],
            check=True,
            capture_output=True,
        )  # fmt: skip

    def statements(self, since: int = 0) -> list[str]:
        """The statements this server was sent, after ``since`` bytes of its log (with
        ``log_statement = 'all'``)."""
        with open(self.log, "rb") as log:
            log.seek(since)
            text = log.read().decode(errors="replace")
        return [line for line in text.splitlines() if " LOG:  statement: " in line]

    def log_size(self) -> int:
        return self.log.stat().st_size


@contextmanager
def folder(prefix: str) -> Iterator[Path]:
    """A folder for servers' data outside the test's own (which only root may enter),
    owned by the user the servers run as; removed after."""
    made = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        if owner():
            shutil.chown(made, "postgres")
        yield made
    finally:
        shutil.rmtree(made, ignore_errors=True)


@contextmanager
def cluster() -> Iterator[Server]:
    """One running throwaway server; stopped and removed after."""
    with folder("moot-pg-") as where:
        server = Server(binaries(), where / "data", servers.free_port())
        try:
            server.initdb()
            server.start()
            yield server
        finally:
            server.stop()
