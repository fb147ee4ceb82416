"""The public generation: a token that changes after every change to the record is committed.

The caches of public pages (``website/cache.py`` in Moot, nginx's ``proxy_cache`` in
deploy/) put the token in every key, so after a change no page cached before it is served
again: the first request after a publication, a withdrawal, a reclassification, minutes or
any other change renders the page afresh (docs/benchmarks.md "Public page cache";
docs/architecture.md "Invalidate caches on the events that change the record").

Every change to the record writes an audit entry (``audit.trail.record``), which calls
``changed()``: the token is replaced once the transaction commits, before the service's caller
answers anyone. Derived data written after a commit (the search index, a built pack) calls
``changed()`` again when it is written.

The token is where nginx can read it without asking Moot: a symbolic link
``$MOOT_PUBLIC_GENERATION_DIR/current`` to an entry ``g-<token>`` beside it. nginx's
``$realpath_root`` resolves the link on each request; Moot reads it with ``readlink``. A new
token is a new entry and a new link put in place of the old one by ``rename``, which is
atomic: a reader sees the old token or the new one, never none. Each token is new (random),
so a page stored under an old token can never be served under a later one.

Superseded entries are removed once they have been superseded for a minute (a reader that
read the link before the swap has long finished resolving it).
"""

from __future__ import annotations

import logging
import os
import secrets
import time
from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction

logger = logging.getLogger(__name__)

LINK = "current"
PREFIX = "g-"
GRACE_SECONDS = 60  # how long a superseded entry stays, for readers resolving the old link
SWEEP_EVERY_SECONDS = 5  # at most one sweep of superseded entries per process this often
_last_sweep = [0.0]


def folder() -> Path:
    return Path(settings.MOOT_PUBLIC_GENERATION_DIR)


def current() -> str:
    """The token now in force (made on first use)."""
    try:
        return os.readlink(folder() / LINK).removeprefix(PREFIX)
    except FileNotFoundError:
        return bump()


def bump() -> str:
    """Put a new token in force now, and return it. Raises ``OSError`` when the folder cannot
    be written: a change whose pages cannot be invalidated must not pass unseen."""
    base = folder()
    base.mkdir(parents=True, exist_ok=True)
    token = f"{time.time_ns():x}{secrets.token_hex(4)}"
    (base / f"{PREFIX}{token}").touch()
    staged = base / f".{LINK}-{token}"
    os.symlink(f"{PREFIX}{token}", staged)
    try:
        old = os.readlink(base / LINK)
    except FileNotFoundError:
        old = None
    os.replace(staged, base / LINK)
    if old is not None:
        try:
            os.utime(base / old)  # superseded now: the grace period starts
        except FileNotFoundError:
            pass
    _sweep(base, f"{PREFIX}{token}")
    return token


def _sweep(base: Path, keep: str) -> None:
    now = time.time()
    if now - _last_sweep[0] < SWEEP_EVERY_SECONDS:
        return
    _last_sweep[0] = now
    for entry in os.scandir(base):
        if entry.name.startswith(PREFIX) and entry.name != keep:
            try:
                if now - entry.stat(follow_symlinks=False).st_mtime > GRACE_SECONDS:
                    os.unlink(entry.path)
            except FileNotFoundError:  # another process swept it
                pass


def _bump_after_commit() -> None:
    bump()


def changed(using: str = DEFAULT_DB_ALIAS) -> None:
    """Something public may have changed: a new token once the current transaction commits
    (at once outside one; nothing if it is rolled back). One per transaction, however many
    changes it holds: the transaction's outermost block (a test's own blocks aside) remembers
    the callback it waits on, for as long as the connection still holds it (a rolled-back
    savepoint takes it away, and the next change asks again)."""
    connection = connections[using]
    block = next(
        (b for b in connection.atomic_blocks if not getattr(b, "_from_testcase", False)), None
    )
    pending = getattr(block, "_moot_generation", None)
    if pending is not None and any(entry[1] is pending for entry in connection.run_on_commit):
        return
    callback = partial(_bump_after_commit)  # an object of its own, to be found again
    if block is not None:
        block._moot_generation = callback  # type: ignore[attr-defined]
    transaction.on_commit(callback, using=using)
