"""One test database built per run, copied to each of its parallel workers.

Each pytest-xdist worker (``scripts/test.sh``) needs a test database of its own holding the
demo council (``conftest.django_db_setup``): migrated (about 5 s of CPU), the demo loaded
through its services (about 6 s) and its snapshot taken (``moot/db_snapshot.py``). Built once
per run and copied, the workers after the first pay a fraction of a second instead:

- the first worker to take the run's lock builds its own database as before, then leaves a
  copy for the others: PostgreSQL a database made from it (``CREATE DATABASE … TEMPLATE``),
  SQLite (an in-memory database per worker) a file written by SQLite's backup;
- every other worker makes its test database from that copy: PostgreSQL ``CREATE DATABASE
  … TEMPLATE`` (a file copy in the server), SQLite a backup of the file into its memory.

The copy is of the built database itself, so a worker's database is the one a build would
have made (the same rows, keys and sequences). Its name carries the run's id (pytest-xdist's
``testrunuid``), so two runs never share one; the last worker using it removes it when it
finishes (a worker starting after that builds its own again).
"""

from __future__ import annotations

import fcntl
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connections


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Template:
    """The run's shared copy of the built test database; its files (the SQLite copy, the lock
    and the count of the workers using it) are kept in ``folder``."""

    def __init__(self, folder: Path, run_id: str, alias: str = "default"):
        self.folder, self.alias = folder, alias
        self.run_id = "".join(c for c in run_id if c.isalnum())[:16]
        self.lock = folder / f"moot-db-{self.run_id}.lock"
        self.users = folder / f"moot-db-{self.run_id}.users"

    @property
    def _vendor(self) -> str:
        return connections[self.alias].vendor

    @property
    def _name(self) -> str:
        """The copy: a PostgreSQL database, or a SQLite file."""
        if self._vendor == "postgresql":
            return f"moot_template_{self.run_id}"
        return str(self.folder / f"moot-db-{self.run_id}.sqlite3")

    def setup(self, build: Callable[[], None], adopt: Callable[[], None]) -> None:
        """``build()`` the worker's database, or ``adopt()`` its name and copy it from the
        template when another worker of the run has built one already."""
        with _locked(self.lock):
            users = self._count()
            if users:
                adopt()
                self._copy_in()
            else:
                build()
                self._copy_out()
            self.users.write_text(str(users + 1))

    def teardown(self) -> None:
        """Count this worker out; the last one removes the copy."""
        with _locked(self.lock):
            users = self._count() - 1
            self.users.write_text(str(users))
            if users > 0:
                return
            if self._vendor == "postgresql":
                with self._server_cursor() as cursor:
                    cursor.execute(f"DROP DATABASE IF EXISTS {self._quoted}")
            else:
                Path(self._name).unlink(missing_ok=True)
            self.users.unlink()

    def _count(self) -> int:
        return int(self.users.read_text() or 0) if self.users.exists() else 0

    @property
    def _quoted(self) -> str:
        return connections[self.alias].ops.quote_name(self._name)

    def _server_cursor(self):
        return connections[self.alias]._nodb_cursor()  # type: ignore[attr-defined]

    def _copy_out(self) -> None:
        connection = connections[self.alias]
        if self._vendor == "postgresql":
            own = connection.ops.quote_name(connection.settings_dict["NAME"])
            connection.close()  # PostgreSQL copies a database nobody is connected to
            with self._server_cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {self._quoted}")
                cursor.execute(f"CREATE DATABASE {self._quoted} TEMPLATE {own}")
        else:
            connection.ensure_connection()
            target = sqlite3.connect(self._name)
            try:
                connection.connection.backup(target)
            finally:
                target.close()

    def _copy_in(self) -> None:
        connection = connections[self.alias]
        if self._vendor == "postgresql":
            own = connection.ops.quote_name(connection.settings_dict["NAME"])
            connection.close()
            with self._server_cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {own}")
                cursor.execute(f"CREATE DATABASE {own} TEMPLATE {self._quoted}")
        else:
            connection.ensure_connection()
            source = sqlite3.connect(f"file:{self._name}?mode=ro", uri=True)
            try:
                source.backup(connection.connection)
            finally:
                source.close()


def test_database_name(alias: str = "default") -> str:
    """The name Django gives the test database (``create_test_db`` would use), set on the
    connection and in the settings, as ``create_test_db`` sets it."""
    connection = connections[alias]
    name = connection.creation._get_test_db_name()  # type: ignore[attr-defined]
    settings.DATABASES[alias]["NAME"] = name
    connection.settings_dict["NAME"] = name
    return name
