"""A PostgreSQL primary and its streaming replica, made on this machine for a test
(deploy/tests/test_replica.py): two throwaway servers (``pg_cluster.py``), the replica from
``pg_basebackup -R`` of the primary, both logging every statement so a test can tell which
of them answered.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from moot.tests import servers
from moot.tests.pg_cluster import Server, binaries, folder

SETTINGS = """
wal_level = replica
max_wal_senders = 4
hot_standby = on
log_statement = 'all'
# A commit returns once the replica has applied it (docs/scaling.md "A read replica").
synchronous_standby_names = '*'
synchronous_commit = remote_apply
log_line_prefix = '%d '
"""


@contextmanager
def primary_and_replica() -> Iterator[tuple[Server, Server]]:
    """Both running, the replica streaming from the primary; both stopped and removed after."""
    bin = binaries()
    with folder("moot-replica-") as where:
        primary = Server(bin, where / "primary", servers.free_port())
        replica = Server(bin, where / "replica", servers.free_port())
        try:
            primary.initdb(SETTINGS)
            primary.start()
            source = ["-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres"]
            primary.run("pg_basebackup", *source, "-D", str(replica.data), "-R", "-X", "stream")
            with open(replica.data / "postgresql.conf", "a") as conf:
                conf.write(f"port = {replica.port}\n")
            replica.start()
            yield primary, replica
        finally:
            for server in (replica, primary):
                server.stop()


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
