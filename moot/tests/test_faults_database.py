"""The database goes away while ``moot serve`` (two worker processes) is answering, and comes
back: meanwhile every request gets a clear 503 page (moot/unavailable.py) — never a 500 —
while /healthz still answers and /readyz says the database failed; afterwards the same
server, not restarted, answers every request again.

On PostgreSQL the server is really stopped and started: a throwaway cluster
(``pg_cluster.py``) holding a copy of the session's demo council (pg_dump, pg_restore). On
SQLite, which has no server, the database file is taken away and put back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.db import connection

from meetings.models import Meeting
from moot.tests import servers
from moot.tests.pg_cluster import cluster

pytestmark = pytest.mark.django_db(transaction=True)
REQUESTS = 12  # each way: enough for both worker processes to answer several
UNAVAILABLE = "Sorry, the service is not available at the moment"


class SqliteOutage:
    def __init__(self, folder: Path):
        self.url = servers.database_url(folder)
        self.path = Path(self.url.removeprefix("sqlite:///"))
        self.away = self.path.with_suffix(".away")

    def down(self) -> None:
        os.replace(self.path, self.away)

    def up(self) -> None:
        os.replace(self.away, self.path)


class PostgresOutage:
    def __init__(self, server, folder: Path):
        self.url = server.url("moot")
        server.copy_test_database("moot", folder)
        self.down, self.up = server.stop, server.start


@pytest.fixture
def outage(demo_council, tmp_path):
    if connection.vendor == "sqlite":
        yield SqliteOutage(tmp_path)
        return
    with cluster() as server:
        yield PostgresOutage(server, tmp_path)


def answers(base: str, page: str) -> list[tuple[int, str, str]]:
    found = []
    for n in range(REQUESTS):
        status, headers, body = servers.get(base + (page if n % 2 else "/"))
        found.append((status, headers.get("Retry-After", ""), body.decode(errors="replace")))
    return found


def test_the_database_restarting_gives_503s_and_the_site_recovers_by_itself(outage, tmp_path):
    meeting = Meeting.objects.get(
        body__slug="policy-and-resources-cabinet-committee", date="2017-09-15"
    )
    page = f"/meetings/{meeting.pk}/{meeting.slug}/"
    port = servers.free_port()
    env = servers.environment(
        tmp_path / "data",
        DATABASE_URL=outage.url,
        DJANGO_SETTINGS_MODULE="moot.tests.sse_settings",
        CONN_MAX_AGE="60",  # kept connections too must survive the restart
        # What is tested is the database: Moot's page cache off, so every request asks it.
        MOOT_PAGE_CACHE="0",
    )
    base = f"http://127.0.0.1:{port}"
    command = [*servers.MOOT, "serve", "--port", str(port), "--workers", "2"]
    with servers.running(command, env, f"{base}/healthz", tmp_path / "serve.log") as server:
        assert {status for status, _, _ in answers(base, page)} == {200}
        outage.down()
        during = answers(base, page)
        assert [status for status, _, _ in during] == [503] * REQUESTS
        for _, retry_after, body in during:
            assert retry_after == "30" and UNAVAILABLE in body
            assert "Traceback" not in body and "OperationalError" not in body
        assert servers.get(f"{base}/healthz")[0] == 200, "the process itself is up"
        status, _, body = servers.get(f"{base}/readyz")
        assert status == 503 and b'"database"' in body
        outage.up()
        after = answers(base, page)
        assert [status for status, _, _ in after] == [200] * REQUESTS
        assert meeting.body.name in after[1][2]
        assert servers.get(f"{base}/readyz")[0] == 200
        assert server.poll() is None, "the same server, never restarted"
    log = (tmp_path / "serve.log").read_text()
    assert "The database did not answer" in log
