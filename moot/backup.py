"""``moot backup DIR``: a consistent copy of an installation — its database and every stored
file — with a manifest of checksums and counts, from which ``moot restore DIR``
(``moot/restore.py``) rebuilds a fresh instance. Schedule and retention: deploy/backup.md.

- The database: PostgreSQL's ``pg_dump`` in its custom format, run in a snapshot exported
  from a read-only repeatable-read transaction, in which the rows of every table are counted
  too, so the dump and the manifest's counts describe one moment; SQLite's online backup API
  (a page-by-page copy that other connections may keep writing around), counted in the copy.
- The files: every file of the private store (papers, packs, the render cache) and of the
  public media store, read through Django's storage API, so an S3 bucket is copied as a
  folder is. They are copied after the database: Moot stores a file before the row that
  names it is committed and never rewrites one (docs/storage.md), so every file a dumped row
  names is already there; a file stored since is extra and harmless.
- The backup is written in a folder beside DIR and renamed to DIR once the manifest is
  written last: a backup that was interrupted never looks complete.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.core.files.storage import Storage, storages
from django.db import connections

FORMAT = "moot-backup"
VERSION = 1
MANIFEST = "manifest.json"
#: The stores copied (``settings.STORAGES`` aliases): papers and packs, and public media.
STORES = ("private", "default")
DUMPS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot be done, in words for the person running it."""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def walk(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file name in the store, sorted, through the storage API (folders or a bucket)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a store that has never held a file has no folder yet
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from walk(storage, f"{folder}/{sub}" if folder else sub)


def _version(name: str) -> tuple[int, ...]:
    """Debian's folder of a PostgreSQL version ("15", "9.6") as numbers, so 15 is after 9.6."""
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def pg_tool(name: str) -> str:
    """A PostgreSQL client program: on the PATH, or the newest in /usr/lib/postgresql."""
    found = shutil.which(name)
    if found:
        return found
    versions = Path("/usr/lib/postgresql").glob("*/bin")
    for folder in sorted(versions, key=lambda f: _version(f.parent.name), reverse=True):
        if (folder / name).exists():
            return str(folder / name)
    raise BackupError(f"{name} is not installed (apt-get install postgresql-client).")


def pg_environment(settings_dict: dict) -> dict[str, str]:
    """The libpq environment that reaches this database, for pg_dump and pg_restore."""
    env = dict(os.environ)
    for key, variable in (
        ("NAME", "PGDATABASE"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
    ):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    options = settings_dict.get("OPTIONS") or {}
    if options.get("sslmode"):
        env["PGSSLMODE"] = str(options["sslmode"])
    return env


def count_rows(cursor, quote, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
        counts[table] = int(cursor.fetchone()[0])
    return counts


def _dump_postgresql(alias: str, target: Path) -> dict[str, int]:
    """pg_dump in the snapshot the rows are counted in (held until the dump ends)."""
    wrapper = connections.create_connection(alias)
    try:
        wrapper.ensure_connection()
        raw = wrapper.connection
        raw.autocommit = True
        with raw.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            tables = wrapper.introspection.table_names(cursor)
            counts = count_rows(cursor, wrapper.ops.quote_name, tables)
            done = subprocess.run(
                [
                    pg_tool("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    f"--file={target}",
                ],
                env=pg_environment(wrapper.settings_dict),
                capture_output=True,
                text=True,
            )
            cursor.execute("COMMIT")
    finally:
        wrapper.close()
    if done.returncode != 0:
        raise BackupError(f"pg_dump failed: {done.stderr.strip()}")
    return counts


def _dump_sqlite(alias: str, target: Path) -> dict[str, int]:
    connection = connections[alias]
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        with copy:
            connection.connection.backup(copy)
        cursor = copy.cursor()
        tables = [
            row[0]
            for row in cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return count_rows(cursor, connection.ops.quote_name, tables)
    finally:
        copy.close()


def dump_database(alias: str, folder: Path) -> dict[str, Any]:
    vendor = connections[alias].vendor
    if vendor not in DUMPS:
        raise BackupError(f"Backing up a {vendor} database is not supported.")
    target = folder / DUMPS[vendor]
    counts = (_dump_postgresql if vendor == "postgresql" else _dump_sqlite)(alias, target)
    return {
        "vendor": vendor,
        "file": target.name,
        "sha256": sha256_file(target),
        "size": target.stat().st_size,
        "tables": counts,
        "rows": sum(counts.values()),
    }


def copy_files(store: str, folder: Path) -> list[dict[str, Any]]:
    """Every file of the store into ``folder``, each with its size and checksum."""
    storage = storages[store]
    entries = []
    for name in walk(storage):
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        with storage.open(name, "rb") as source, open(target, "wb") as out:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        entries.append({"name": name, "sha256": digest.hexdigest(), "size": size})
    return entries


def backup(directory: Path, *, alias: str = "default") -> dict[str, Any]:
    """Write a backup to ``directory`` (which must not exist yet, or be empty); returns its
    manifest."""
    directory = Path(directory).absolute()
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise BackupError(
            f"{directory} is not empty: give a new folder for each backup (deploy/backup.md "
            "names them by date)."
        )
    directory.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{directory.name}.part-", dir=directory.parent))
    try:
        database = dump_database(alias, work)
        files = {store: copy_files(store, work / "files" / store) for store in STORES}
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "database": database,
            "files": files,
            "counts": {
                "tables": len(database["tables"]),
                "rows": database["rows"],
                **{f"files_{store}": len(entries) for store, entries in files.items()},
                "bytes": sum(e["size"] for entries in files.values() for e in entries),
            },
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
        if directory.exists():
            directory.rmdir()
        work.rename(directory)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return manifest
