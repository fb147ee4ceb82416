"""``moot restore DIR``: a fresh instance rebuilt from a backup made by ``moot backup``
(``moot/backup.py``), into the database and the stores this installation is configured with.

All or nothing, in this order:

1. the manifest is read and every checksum in it verified (the database dump and each file):
   a backup that is incomplete or corrupted is refused before anything is written;
2. the target must be fresh: a database without a table (a new, empty database; not even
   migrated) of the backup's kind, and stores without a file. Anything else is refused, so a
   restore never mixes two instances nor overwrites a live one;
3. the files are stored through the storage API (a folder or a bucket alike), then the
   database restored in one transaction (``pg_restore --single-transaction``; SQLite's backup
   API). Should either fail, the files stored so far are deleted again;
4. the rows of every table are counted against the manifest.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.core.files import File
from django.core.files.storage import storages
from django.db import DatabaseError, connections

from .backup import (
    FORMAT,
    MANIFEST,
    STORES,
    VERSION,
    BackupError,
    count_rows,
    pg_environment,
    pg_tool,
    sha256_file,
    walk,
)


def read_manifest(directory: Path) -> dict[str, Any]:
    path = Path(directory) / MANIFEST
    if not path.is_file():
        raise BackupError(
            f"{directory} has no {MANIFEST}: it is not a Moot backup, or one that did not "
            "finish. Nothing was restored."
        )
    try:
        manifest = json.loads(path.read_text())
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"{path} is not a readable manifest ({error}).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not the manifest of a Moot backup.")
    if manifest.get("version") != VERSION:
        raise BackupError(
            f"{path} is a backup of format {manifest.get('version')!r}; this Moot restores "
            f"format {VERSION}."
        )
    return manifest


def verify(directory: Path, manifest: dict[str, Any]) -> list[str]:
    """Every problem with the backup's files against its manifest (empty: all intact)."""
    directory = Path(directory)
    expected = [(manifest["database"]["file"], manifest["database"]["sha256"])]
    for store in STORES:
        for entry in manifest["files"].get(store, []):
            expected.append((f"files/{store}/{entry['name']}", entry["sha256"]))
    problems = []
    for name, digest in expected:
        path = directory / name
        if not path.is_file():
            problems.append(f"{name} is missing")
        elif sha256_file(path) != digest:
            problems.append(f"{name} does not match its checksum (damaged or changed)")
    return problems


def target_problems(manifest: dict[str, Any], alias: str = "default") -> list[str]:
    """Why this installation is not a fresh target for the backup (empty: it is)."""
    connection = connections[alias]
    vendor = manifest["database"]["vendor"]
    if connection.vendor != vendor:
        return [
            f"The backup holds a {vendor} database; this installation's is {connection.vendor} "
            "(set DATABASE_URL to a new, empty database of the same kind)."
        ]
    problems = []
    try:
        with connection.cursor() as cursor:
            tables = connection.introspection.table_names(cursor)
    except DatabaseError as error:
        return [f"The database does not answer ({error}); create it, empty, first."]
    if tables:
        problems.append(
            f"The database is not empty ({len(tables)} tables): restore into a new, empty "
            "database (createdb), never over an installation."
        )
    for store in STORES:
        if next(walk(storages[store]), None) is not None:
            problems.append(f"The {store!r} file store is not empty: restore into an empty one.")
    return problems


def _store_files(directory: Path, manifest: dict[str, Any], stored: list[tuple[str, str]]):
    for store in STORES:
        storage = storages[store]
        for entry in manifest["files"].get(store, []):
            with open(directory / "files" / store / entry["name"], "rb") as f:
                saved = storage.save(entry["name"], File(f, name=entry["name"]))
            stored.append((store, saved))
            if saved != entry["name"]:
                raise BackupError(f"The {store!r} store kept {entry['name']} as {saved}.")


def _restore_postgresql(path: Path, alias: str) -> None:
    connection = connections[alias]
    connection.close()  # pg_restore works in a connection of its own
    done = subprocess.run(
        [
            pg_tool("pg_restore"),
            "--single-transaction",
            "--exit-on-error",
            "--no-owner",
            "--no-privileges",
            f"--dbname={connection.settings_dict['NAME']}",
            str(path),
        ],
        env=pg_environment(connection.settings_dict),
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise BackupError(f"pg_restore failed, nothing restored: {done.stderr.strip()}")


def _restore_sqlite(path: Path, alias: str) -> None:
    connection = connections[alias]
    connection.ensure_connection()
    source = sqlite3.connect(path)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def restore(directory: Path, *, alias: str = "default") -> dict[str, Any]:
    """Rebuild this (fresh) installation from the backup in ``directory``; returns the
    manifest. Raises ``BackupError``, having written nothing, when it cannot."""
    directory = Path(directory)
    manifest = read_manifest(directory)
    problems = verify(directory, manifest)
    if problems:
        raise BackupError("The backup is damaged, nothing was restored: " + "; ".join(problems))
    problems = target_problems(manifest, alias)
    if problems:
        raise BackupError("Nothing was restored. " + " ".join(problems))
    stored: list[tuple[str, str]] = []
    try:
        _store_files(directory, manifest, stored)
        dump = directory / manifest["database"]["file"]
        if manifest["database"]["vendor"] == "postgresql":
            _restore_postgresql(dump, alias)
        else:
            _restore_sqlite(dump, alias)
    except BaseException:
        for store, name in stored:
            storages[store].delete(name)
        raise
    connection = connections[alias]
    with connection.cursor() as cursor:
        counts = count_rows(cursor, connection.ops.quote_name, list(manifest["database"]["tables"]))
    if counts != manifest["database"]["tables"]:
        differ = sorted(t for t in counts if counts[t] != manifest["database"]["tables"][t])
        raise BackupError(f"The restored tables hold other counts than the backup's: {differ}")
    return manifest
