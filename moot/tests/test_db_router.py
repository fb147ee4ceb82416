"""The read replica's router (moot/db_router.py): which requests may read the replica, and
which reads never do. The real replica is started in deploy/tests/test_replica.py."""

from __future__ import annotations

import io
import json
import subprocess

import pytest
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.db import OperationalError, connections
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.test import RequestFactory
from django_tasks_db.models import DBTaskResult

from access.models import AccessGrant, ExemptAccess
from audit.models import AuditEntry
from council.models import Authority
from meetings.models import Meeting
from moot import db_router
from moot.db_router import PRIMARY, REPLICA, ReplicaMiddleware, ReplicaRouter
from moot.tests import servers
from papers.models import Document

router = ReplicaRouter()
RECORD = (Meeting, Document, Authority)
CHECKS = (AccessGrant, ExemptAccess, User, Session, AuditEntry, DBTaskResult)


@pytest.fixture
def replica(monkeypatch):
    """A replica configured and answering (no connection is made)."""
    monkeypatch.setattr(db_router, "configured", lambda: True)
    monkeypatch.setattr(db_router, "_replica_answers", lambda: True)


def through(request, during=None):
    """The router's choice for each model while ``request`` is answered (after ``during``)."""
    seen = {}

    def view(request):
        if during:
            during()
        seen.update({model: router.db_for_read(model) for model in RECORD + CHECKS})
        return HttpResponse()

    ReplicaMiddleware(view)(request)
    return seen


def test_an_anonymous_get_reads_the_record_from_the_replica(replica):
    for request in (RequestFactory().get("/meetings/"), RequestFactory().head("/")):
        seen = through(request)
        assert {seen[model] for model in RECORD} == {REPLICA}, request.method
        assert {seen[model] for model in CHECKS} == {PRIMARY}, "access checks, sessions, audit"


def test_a_request_with_a_session_reads_the_primary(replica):
    """Signed in (or signing in): an officer sees what they have just published."""
    request = RequestFactory().get("/meetings/")
    request.COOKIES["sessionid"] = "anything"
    assert set(through(request).values()) == {PRIMARY}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_a_request_that_is_not_a_read_uses_the_primary(replica, method):
    assert set(through(getattr(RequestFactory(), method)("/search/")).values()) == {PRIMARY}


def test_after_its_first_write_a_request_reads_its_own_writes(replica):
    assert router.db_for_write(Meeting) == PRIMARY
    seen = through(RequestFactory().get("/"), during=lambda: router.db_for_write(Meeting))
    assert set(seen.values()) == {PRIMARY}


def test_reads_inside_a_transaction_use_the_primary(replica, monkeypatch):
    monkeypatch.setattr(connections[PRIMARY], "in_atomic_block", True)
    assert set(through(RequestFactory().get("/")).values()) == {PRIMARY}


def test_a_body_streamed_after_the_view_reads_as_its_request(replica):
    """The open-data export is made as it is sent, after the middleware has returned."""

    def export():
        yield router.db_for_read(Meeting).encode()

    streamed = ReplicaMiddleware(lambda request: StreamingHttpResponse(export()))
    assert b"".join(streamed(RequestFactory().get("/api/export.zip"))) == REPLICA.encode()
    signed_in = RequestFactory().get("/api/export.zip")
    signed_in.COOKIES["sessionid"] = "anything"
    assert b"".join(streamed(signed_in)) == PRIMARY.encode()
    assert router.db_for_read(Meeting) == PRIMARY, "reset after"
    sent = ReplicaMiddleware(lambda request: FileResponse(io.BytesIO(b"%PDF")))
    response = sent(RequestFactory().get("/"))
    assert isinstance(response, FileResponse), "a file is sent as it is, unwrapped"
    assert b"".join(response.streaming_content) == b"%PDF"


def test_outside_a_request_and_after_it_everything_reads_the_primary(replica):
    assert {router.db_for_read(model) for model in RECORD} == {PRIMARY}
    through(RequestFactory().get("/"))
    assert {router.db_for_read(model) for model in RECORD} == {PRIMARY}, "reset after"


def test_without_a_replica_the_middleware_does_nothing():
    assert not db_router.configured()
    assert set(through(RequestFactory().get("/")).values()) == {PRIMARY}


class Unreachable:
    def ensure_connection(self):
        raise OperationalError("connection refused")


def test_an_unreachable_replica_sends_reads_to_the_primary(monkeypatch, caplog):
    monkeypatch.setattr(db_router, "configured", lambda: True)
    monkeypatch.setattr(
        db_router, "connections", {PRIMARY: connections[PRIMARY], REPLICA: Unreachable()}
    )
    assert set(through(RequestFactory().get("/")).values()) == {PRIMARY}
    assert "The read replica is unreachable" in caplog.text


def test_the_replica_is_asked_once_and_only_by_a_request_that_reads(monkeypatch):
    """A page answered without reading the record (from the public page cache) costs no
    connection to the replica; one that reads asks whether it answers once."""
    asked = []
    monkeypatch.setattr(db_router, "configured", lambda: True)
    monkeypatch.setattr(db_router, "_replica_answers", lambda: asked.append(1) or True)
    ReplicaMiddleware(lambda request: HttpResponse())(RequestFactory().get("/"))
    assert asked == []
    seen = through(RequestFactory().get("/meetings/"))
    assert asked == [1] and {seen[model] for model in RECORD} == {REPLICA}


def test_the_apps_always_read_from_the_primary_are_installed():
    from django.apps import apps

    assert db_router.PRIMARY_ONLY <= {app.label for app in apps.get_app_configs()}


def test_only_the_primary_is_migrated_and_relations_span_both():
    assert router.allow_migrate(PRIMARY, "meetings")
    assert not router.allow_migrate(REPLICA, "meetings")
    assert router.allow_relation(Meeting(), Document())


SHOW = (
    "import json; from django.conf import settings as s; "
    "print(json.dumps([s.DATABASES.get('replica'), getattr(s, 'DATABASE_ROUTERS', []), "
    "s.MIDDLEWARE]))"
)


def _settings(tmp_path, **env):
    shown = subprocess.run(
        [*servers.MOOT[:1], "-c", f"import django; django.setup(); {SHOW}"],
        env=servers.environment(tmp_path, **env),
        cwd=servers.ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(shown.stdout)


def test_the_settings_add_the_replica_only_when_it_is_named(tmp_path):
    url = "postgres://moot@10.0.0.6:5433/moot?connect_timeout=2"
    replica, routers, middleware = _settings(tmp_path, DATABASE_REPLICA_URL=url)
    assert (replica["HOST"], replica["PORT"], replica["NAME"]) == ("10.0.0.6", 5433, "moot")
    assert replica["OPTIONS"] == {"connect_timeout": 2}
    assert replica["TEST"]["MIRROR"] == "default", "tests read the primary under both names"
    assert routers == ["moot.db_router.ReplicaRouter"]
    # After WhiteNoise (a static file opens no connection), before anything reads the record.
    at = middleware.index("moot.db_router.ReplicaMiddleware")
    assert middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") < at
    assert at < middleware.index("council.dates.AuthorityScopeMiddleware")
    replica, routers, _ = _settings(tmp_path, DATABASE_REPLICA_URL="")
    assert replica is None and routers == []
