"""Reads from a PostgreSQL streaming replica (docs/scaling.md "A read replica").

With ``DATABASE_REPLICA_URL`` set, ``moot/settings.py`` adds the ``replica`` database and
this router. Only one kind of request reads from it: a GET or HEAD carrying no session
cookie, that is the public's anonymous reading of the record. Everything else reads and writes
``default`` (the primary):

- every request with a session cookie, signed in or part way through signing in, so an
  officer sees what they have just published at once, whatever the replica's lag;
- every write, and every read after the request's first write, or inside a transaction
  (``transaction.atomic``), so a change is decided on what the primary holds;
- whatever the request reads of sessions, accounts and permissions, the Monitoring Officer's
  grants and the exempt access log (``access``), the audit trail, and the task queue: the
  checks that must see the latest grant, and the rows the workers claim;
- commands, the task workers and tests: there is no request, so nothing reads the replica;
- a body streamed after the view has returned (the open-data export) reads as its request did;
- a request that finds the replica unreachable (it is logged), so the site does not go down
  with it.

``ReplicaMiddleware`` decides per request and holds the decision in a context variable,
which the router reads; outside a request it says "primary".
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import cast

from django.conf import settings
from django.db import DatabaseError, connections
from django.db.models import Model
from django.http import FileResponse, HttpRequest, HttpResponseBase, StreamingHttpResponse

log = logging.getLogger(__name__)

PRIMARY, REPLICA = "default", "replica"
SAFE_METHODS = frozenset({"GET", "HEAD"})
#: Apps whose rows are always read from the primary: sign-in and sessions, permissions,
#: exempt-access grants and their log, the audit trail, the task queue.
PRIMARY_ONLY = frozenset(
    {
        "access",
        "admin",
        "audit",
        "auth",
        "django_tasks_database",
        "otp_totp",
        "django_otp",
        "sessions",
    }
)


@dataclass
class _Reading:
    """One request's decision: may it read the replica, and has it written yet? Whether the
    replica answers is asked at the request's first read of the record, not before: a page
    from the public page cache (website/cache.py) reads nothing and costs no connection."""

    eligible: bool
    wrote: bool = False
    answers: bool | None = None

    @property
    def replica(self) -> bool:
        if not self.eligible:
            return False
        if self.answers is None:
            self.answers = _replica_answers()
        return self.answers


_reading: ContextVar[_Reading | None] = ContextVar("moot_replica_reading", default=None)


def configured() -> bool:
    return REPLICA in settings.DATABASES


def anonymous_read(request: HttpRequest) -> bool:
    """A GET or HEAD with no session cookie: nobody signed in, nothing to change."""
    return request.method in SAFE_METHODS and settings.SESSION_COOKIE_NAME not in request.COOKIES


def _replica_answers() -> bool:
    try:
        connections[REPLICA].ensure_connection()
    except DatabaseError:
        log.warning("The read replica is unreachable: reading from the primary.", exc_info=True)
        return False
    return True


class ReplicaMiddleware:
    """Lets an anonymous read-only request read from the replica (a no-op without one)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        reading = _Reading(eligible=configured() and anonymous_read(request))
        token = _reading.set(reading)
        try:
            response = self.get_response(request)
        finally:
            _reading.reset(token)
        if (
            reading.eligible
            and isinstance(response, StreamingHttpResponse)
            and not isinstance(response, FileResponse)
            and not response.is_async
        ):
            # A body made as it is sent, after this returns (the open-data export), by a
            # synchronous generator: it reads as its request did.
            content = cast(Iterator[bytes], response.streaming_content)  # not is_async
            response.streaming_content = _reading_as(reading, content)
        return response


def _reading_as(reading: _Reading, content: Iterable[bytes]) -> Iterator[bytes]:
    token = _reading.set(reading)
    try:
        yield from content
    finally:
        _reading.reset(token)


class ReplicaRouter:
    """Routes reads to ``replica`` only when ``ReplicaMiddleware`` allowed it (above)."""

    def db_for_read(self, model: type[Model], **hints: object) -> str:
        reading = _reading.get()
        if (
            reading is None
            or not reading.eligible
            or reading.wrote
            or model._meta.app_label in PRIMARY_ONLY
            or connections[PRIMARY].in_atomic_block
            or not reading.replica
        ):
            return PRIMARY
        return REPLICA

    def db_for_write(self, model: type[Model], **hints: object) -> str:
        reading = _reading.get()
        if reading is not None:
            reading.wrote = True  # the rest of the request reads its own writes
        return PRIMARY

    def allow_relation(self, obj1: Model, obj2: Model, **hints: object) -> bool:
        return True  # one database, two copies of it

    def allow_migrate(self, db: str, app_label: str, **hints: object) -> bool:
        return db == PRIMARY  # the replica follows the primary's schema
