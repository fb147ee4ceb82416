"""A PostgreSQL primary and its streaming replica, made on this machine for a test
(deploy/tests/test_replica.py): ``initdb`` on free ports in a folder of their own, the
replica from ``pg_basebackup -R`` of the primary, both logging every statement so a test can
tell which of them answered. PostgreSQL refuses to run as root, and CI runs as root
(``.ci/run``), so there the servers run as the ``postgres`` user (``runuser``).
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg

from moot.needs import unavailable
from moot.tests import servers

INSTALL = "apt-get install postgresql; .ci/replica.sh checks it"
SETTINGS = """
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = '{folder}'
wal_level = replica
max_wal_senders = 4
hot_standby = on
fsync = off
full_page_writes = off
log_statement = 'all'
# A commit returns once the replica has applied it (docs/scaling.md "A read replica").
synchronous_standby_names = '*'
synchronous_commit = remote_apply
log_line_prefix = '%d '
"""


def binaries() -> Path:
    """The newest PostgreSQL's server programs (Debian keeps them out of the PATH)."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name)
    )
    if not found or (os.geteuid() == 0 and shutil.which("runuser") is None):
        unavailable("PostgreSQL's initdb, pg_ctl and pg_basebackup", INSTALL)
    return found[-1].parent


def _owner() -> list[str]:
    """Run as ``postgres`` when this is root (PostgreSQL refuses root)."""
    if os.geteuid() != 0:
        return []
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

    def ctl(self, *args: str) -> None:
        subprocess.run(
            [*_owner(), str(self.bin / "pg_ctl"), "-D", str(self.data), *args],
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        self.ctl("-l", str(self.log), "-w", "-t", "60", "start")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.ctl("-m", "immediate", "-w", "stop")

    def query(self, sql: str, database: str = "postgres") -> list[tuple]:
        with psycopg.connect(self.url(database), autocommit=True) as db:
            return db.execute(sql).fetchall()

    def execute(self, sql: str) -> None:
        with psycopg.connect(self.url("postgres"), autocommit=True) as db:
            db.execute(sql)

    def statements(self, since: int = 0) -> list[str]:
        """The statements this server was sent, after ``since`` bytes of its log."""
        with open(self.log, "rb") as log:
            log.seek(since)
            text = log.read().decode(errors="replace")
        return [line for line in text.splitlines() if " LOG:  statement: " in line]

    def log_size(self) -> int:
        return self.log.stat().st_size


@contextmanager
def primary_and_replica() -> Iterator[tuple[Server, Server]]:
    """Both running, the replica streaming from the primary; both stopped and removed after.
    Their folder is made outside the test's own (which only root may enter)."""
    bin = binaries()
    owner = _owner()
    folder = Path(tempfile.mkdtemp(prefix="moot-replica-"))
    if owner:
        shutil.chown(folder, "postgres")
    primary = Server(bin, folder / "primary", servers.free_port())
    replica = Server(bin, folder / "replica", servers.free_port())
    try:
        subprocess.run(
            [*owner, str(bin / "initdb"), "-D", str(primary.data), "-U", "postgres"]
            + ["--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
            check=True,
            capture_output=True,
        )
        with open(primary.data / "postgresql.conf", "a") as conf:
            conf.write(SETTINGS.format(port=primary.port, folder=folder))
        primary.start()
        subprocess.run(
            [*owner, str(bin / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(primary.port)]
            + ["-U", "postgres", "-D", str(replica.data), "-R", "-X", "stream"],
            check=True,
            capture_output=True,
        )
        with open(replica.data / "postgresql.conf", "a") as conf:
            conf.write(f"port = {replica.port}\n")
        replica.start()
        yield primary, replica
    finally:
        for server in (replica, primary):
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def wait_for_replay(primary: Server, replica: Server, seconds: float = 60) -> None:
    """Until the replica has replayed everything the primary has written (a limit, not a
    measure)."""
    ((target,),) = primary.query("SELECT pg_current_wal_lsn()::text")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ((behind,),) = replica.query(
            f"SELECT pg_wal_lsn_diff('{target}', pg_last_wal_replay_lsn())"
        )
        if behind <= 0:
            return
        time.sleep(0.2)
    raise AssertionError(f"the replica is still {behind} bytes behind")
