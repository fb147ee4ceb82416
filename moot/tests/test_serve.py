"""``moot serve`` for real: uvicorn in a process of its own on a free port.

- A long-lived event stream (server-sent events, issue 15) does not hold up the process's
  other requests: while one is open, pages are answered, and the stream goes on after.
- One log line per request: method, path, status, time taken.
- With the database down: /healthz stays 200, /readyz is 503 naming what failed, /metrics
  still answers (the request counts of every worker process, the record's figures left out).
- It refuses to start without the collected static files.
"""

from __future__ import annotations

import http.client
import re
import subprocess

import pytest
from prometheus_client.parser import text_string_to_metric_families

from meetings.models import Meeting
from moot.tests import servers

# The session's test database is made only for a run holding tests that use it.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """The session's demo council, where a server process can open it."""
    with django_db_blocker.unblock():
        folder = tmp_path_factory.mktemp("serve")
        meeting = Meeting.objects.get(
            body__slug="policy-and-resources-cabinet-committee", date="2017-09-15"
        )
        return servers.database_url(folder), f"/meetings/{meeting.pk}/{meeting.slug}/"


def serve(tmp_path, database: str, workers: int, **env):
    port = servers.free_port()
    command = [*servers.MOOT, "serve", "--port", str(port), "--workers", str(workers)]
    environment = servers.environment(
        tmp_path, DATABASE_URL=database, DJANGO_SETTINGS_MODULE="moot.tests.sse_settings", **env
    )
    log = tmp_path / "server.log"
    return servers.running(command, environment, f"http://127.0.0.1:{port}/healthz", log), port


def read_event(stream) -> str:
    lines = []
    while (line := stream.readline()) not in (b"\n", b""):
        lines.append(line.decode().strip())
    return "\n".join(lines)


def test_a_long_stream_does_not_block_other_requests(demo_database, tmp_path):
    database, page = demo_database
    server, port = serve(tmp_path, database, workers=1)  # one process: the same event loop
    with server:
        stream = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        stream.request("GET", "/test-events/")
        events = stream.getresponse()
        assert events.status == 200
        assert events.getheader("Content-Type") == "text/event-stream"
        assert read_event(events) == "id: 0\ndata: tick 0"
        # The stream is open: the same process answers a page from the database meanwhile.
        status, _, body = servers.get(f"http://127.0.0.1:{port}{page}")
        assert status == 200 and b"Policy and Resources Cabinet Committee" in body
        assert servers.get(f"http://127.0.0.1:{port}/healthz")[0] == 200
        later = read_event(events)  # and the stream went on meanwhile
        assert re.fullmatch(r"id: (\d+)\ndata: tick \1", later) and later != "id: 0\ndata: tick 0"
        stream.close()
    log = (tmp_path / "server.log").read_text()
    assert re.search(rf"GET {re.escape(page)} 200 \d+\.\dms", log), log
    assert re.search(r"GET /healthz 200 \d+\.\dms", log)
    assert "GET /test-events/ 200" in log


def test_with_the_database_down_health_stays_up_and_readiness_says_why(tmp_path):
    closed = f"postgres://postgres@127.0.0.1:{servers.free_port()}/nothing"
    server, port = serve(tmp_path, closed, workers=2)
    base = f"http://127.0.0.1:{port}"
    with server:
        for _ in range(6):
            assert servers.get(f"{base}/healthz")[0] == 200
        status, headers, body = servers.get(f"{base}/readyz")
        assert status == 503 and headers["Content-Type"] == "application/json"
        assert b'"failed": ["database", "queue"]' in body
        status, _, body = servers.get(f"{base}/metrics")
    assert status == 200
    samples = {
        (s.name, s.labels.get("view")): s.value
        for family in text_string_to_metric_families(body.decode())
        for s in family.samples
    }
    # Both processes' requests are counted, whichever answered the scrape (and the first,
    # waiting for the server to answer).
    assert samples[("moot_request_duration_seconds_count", "healthz")] == 1 + 6
    assert samples[("moot_record_up", None)] == 0


def test_serve_refuses_to_start_without_the_collected_static_files(tmp_path):
    done = subprocess.run(
        [*servers.MOOT, "serve", "--port", str(servers.free_port())],
        env=servers.environment(tmp_path),
        cwd=servers.ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "run `moot collectstatic` first" in done.stderr
