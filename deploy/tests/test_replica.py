"""The public site read from a real PostgreSQL streaming replica (moot/db_router.py,
docs/scaling.md "A read replica"): a primary and a replica made on this machine
(moot/tests/replication.py); the session's database (the demo council) with the canary
crawl's plants (access/tests/test_canary_crawl.py) copied into the primary; and, once the
replica has replayed it all, ``moot serve`` with ``DATABASE_REPLICA_URL`` pointing at it.

The public crawl (access/tests/crawling.py) runs through it: no server error, the canary
nowhere. Both servers log every statement, so the test sees who answered: the replica served
the record; the primary was asked nothing of it. A request with a session cookie (signed
in) reads the primary, a write through the replica's alias is refused, and with the replica
stopped the site answers from the primary.
"""

from __future__ import annotations

import re
import subprocess
from urllib.parse import urlsplit

import pytest
from django.db import connection

from access.tests import crawling
from access.tests.test_canary_crawl import check_planted, plant, restricted_addresses
from moot.tests import replication, servers

pytestmark = [pytest.mark.stack, pytest.mark.django_db(transaction=True)]

WRITE_ON_REPLICA = """
import django
django.setup()
from django.db import DatabaseError
from council.models import Authority
try:
    Authority.objects.using("replica").update(name="Written on the replica")
except DatabaseError as error:
    print("refused:", error)
"""
RECLASSIFY = """
import django
django.setup()
from audit.actors import SystemActor
from papers import services
from papers.models import Classification, Document
doc = Document.objects.get(pk={pk})
doc.classification, doc.exempt_paragraph = Classification.EXEMPT, 3
services.save_document(doc, actor=SystemActor("replica test"))
"""
PAPER = re.compile(r"/meetings/\d+/[\w-]+/papers/(\d+)/")  # a public paper's page
# The record's tables, as the servers' logs name them in the statements they were sent.
RECORD = re.compile(r'"(council|meetings|papers|publishing|proceedings|decisions)_\w+"')


class Http:
    """What ``crawling.fetch`` asks of a test client, over HTTP to ``moot serve``."""

    def __init__(self, base: str, **headers: str):
        self.base, self.headers = base, {"Host": "localhost", **headers}

    def get(self, url: str) -> Answer:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        return Answer(*servers.get(self.base + path, self.headers))


class Answer:
    streaming = False

    def __init__(self, status, headers, body: bytes):
        self.status_code, self.headers, self.content = status, headers, body

    def get(self, name: str, default: str = "") -> str:
        return self.headers.get(name, default)

    def __getitem__(self, name: str) -> str:
        return self.headers[name]


def _run(code: str, env: dict) -> str:
    done = subprocess.run(
        [*servers.MOOT[:1], "-c", code], env=env, cwd=servers.ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.fixture
def planted(demo_council, settings, tmp_path):
    """The canary crawl's plants in the session's database (the demo council), committed."""
    settings.PRIVATE_ROOT = tmp_path / "data" / "private"
    meeting, _, members_pack = plant()
    check_planted(meeting, members_pack)
    return [f"/meetings/{meeting.pk}/{meeting.slug}/", *restricted_addresses(meeting)]


def _the_public_crawl_reads_a_streaming_replica(planted, tmp_path):
    page, restricted = planted[0], planted[1:]
    data = tmp_path / "data"
    with replication.primary_and_replica() as (primary, replica):
        primary.copy_test_database("moot", tmp_path)
        replication.wait_for_replay(primary, replica)
        ((in_recovery,),) = replica.query("SELECT pg_is_in_recovery()")
        assert in_recovery, "a standby"
        env = servers.environment(
            data,
            DATABASE_URL=primary.url("moot"),
            DATABASE_REPLICA_URL=replica.url("moot") + "?connect_timeout=2",
            MOOT_PRIVATE_ROOT=str(data / "private"),
            MOOT_SITE_URL="http://localhost",
        )
        refused = _run(WRITE_ON_REPLICA, env)
        assert "refused: cannot execute UPDATE in a read-only transaction" in refused
        subprocess.run(
            [*servers.MOOT, "collectstatic", "--noinput", "-v0"],
            env=env,
            cwd=servers.ROOT,
            check=True,
        )
        port = servers.free_port()
        env["PORT"] = str(port)
        site = f"http://127.0.0.1:{port}"
        with servers.running(
            [*servers.MOOT, "serve", "--workers", "2"],
            env,
            f"{site}/healthz",
            tmp_path / "serve.log",
        ):
            on_primary, on_replica = primary.log_size(), replica.log_size()
            seen = crawling.crawl(Http(site), restricted)
            assert sum(status == 200 for status in seen.values()) > 200, "the public site"
            assert seen[page] == 200
            _the_replica_answered(primary.statements(on_primary), replica.statements(on_replica))

            # A paper reclassified on the primary is gone from the replica's pages at once: the
            # primary's commit waits for the replica to apply it (synchronous_commit =
            # remote_apply, docs/scaling.md), so no wait here.
            paper = next(url for url in sorted(seen) if PAPER.fullmatch(url) and seen[url] == 200)
            _run(RECLASSIFY.format(pk=PAPER.fullmatch(paper).group(1)), env)
            for url in (paper, f"{paper}pdf/"):
                answer = Http(site).get(url)
                assert answer.status_code == 404, f"{url}: exempt from its reclassification"

            # Signed in (a session cookie): the primary answers, whatever the replica's lag.
            on_primary, on_replica = primary.log_size(), replica.log_size()
            assert Http(site, Cookie="sessionid=not-a-session").get(page).status_code == 200
            assert any(RECORD.search(s) for s in primary.statements(on_primary))
            assert not any(RECORD.search(s) for s in replica.statements(on_replica))

            # The replica stops: the public is answered from the primary.
            replica.stop()
            on_primary = primary.log_size()
            answer = Http(site).get(page)
            assert answer.status_code == 200 and crawling.CANARY.encode() not in answer.content
            assert any(RECORD.search(s) for s in primary.statements(on_primary))
    assert "The read replica is unreachable" in (tmp_path / "serve.log").read_text()


# A test of PostgreSQL only, collected in the suite's PostgreSQL run and not skipped in the
# SQLite one (as access/tests/test_throttle.py's): a streaming replica copies a PostgreSQL
# database.
if connection.vendor == "postgresql":
    test_the_public_crawl_reads_a_streaming_replica = _the_public_crawl_reads_a_streaming_replica


def _the_replica_answered(on_primary: list[str], on_replica: list[str]) -> None:
    """The crawl's reads of the record all went to the replica (its statement log), none to
    the primary, which still answered what must see the latest state: the task queue."""
    assert sum(bool(RECORD.search(s)) for s in on_replica) > 1000, "the replica served"
    record_on_primary = [s[:300] for s in on_primary if RECORD.search(s)]
    assert not record_on_primary, "\n".join(["the primary served:", *record_on_primary[:10]])
    assert any('"django_tasks_database_dbtaskresult"' in s for s in on_primary), "/readyz"
