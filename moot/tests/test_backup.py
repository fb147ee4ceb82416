"""``moot backup`` and ``moot restore`` (moot/backup.py, moot/restore.py): the demo council,
with a published paper, a built pack and a photo, backed up and restored into an empty
database and empty stores by another process, as a council would on a new server; then every
row of every table and every file compared: no difference. A backup that is damaged or has
no manifest, and a target that is not empty, are refused with nothing written."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, storages
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.utils import timezone

from audit.actors import SystemActor
from audit.testing import TEST_ACTOR
from moot import testing as t
from moot.backup import MANIFEST, STORES, walk
from moot.tests import servers
from papers.models import Classification, PackStatus
from papers.packs import request_pack, run_pack
from publishing.historical import record_historical_publication

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def stores(settings, tmp_path):
    """This test's own private and media folders (the source instance's stores)."""
    settings.PRIVATE_ROOT = tmp_path / "source" / "private"
    settings.MEDIA_ROOT = tmp_path / "source" / "media"
    return tmp_path / "source"


@pytest.fixture
def with_files(demo_council, stores):
    """The demo with files in both stores: a meeting's published PDF paper and its built pack
    (with the papers' PDFs and render cache the build stores), a member's photo."""
    meeting = t.meeting(t.body("Backup Committee"), date=dt.date(2030, 6, 1))
    item = t.item(meeting, "5", "Budget Monitoring")
    record_historical_publication(meeting, timezone.now(), actor=SystemActor("test"))
    t.published_pdf_paper(meeting, item, "Backup paper", Classification.UNRESTRICTED)
    pack = request_pack(meeting, reason="Backup test", enqueue=False, actor=TEST_ACTOR)
    assert run_pack(pack.pk, actor=TEST_ACTOR).status == PackStatus.BUILT
    storages["default"].save("photos/member.jpg", ContentFile(b"\xff\xd8 a photo \xff\xd9"))
    return meeting


class Target:
    """A new, empty database (PostgreSQL: created on the same server; SQLite: a new file)
    and empty folders, for ``moot restore`` in a process of its own."""

    def __init__(self, folder: Path):
        self.folder = folder
        db = connection.settings_dict
        if connection.vendor == "postgresql":
            self.name = f"{db['NAME']}_restored"[:63]
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{self.name}"')
                cursor.execute(f'CREATE DATABASE "{self.name}"')
            url = servers.database_url(folder).rsplit("/", 1)[0]
            self.url = f"{url}/{self.name}"
        else:
            self.name = str(folder / "restored.sqlite3")
            self.url = f"sqlite:///{self.name}"
        self.env = servers.environment(
            folder / "data",
            DATABASE_URL=self.url,
            MOOT_PRIVATE_ROOT=str(folder / "data" / "private"),
        )

    def restore(self, backup: Path) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*servers.MOOT, "restore", str(backup)],
            env=self.env,
            cwd=servers.ROOT,
            capture_output=True,
            text=True,
        )

    def connection(self):
        """A Django connection to the target, of the same kind as the source's (so both give
        the same Python values for the same rows)."""
        wrapper = type(connections["default"])
        return wrapper({**connection.settings_dict, "NAME": self.name}, "restored")

    def drop(self) -> None:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture
def target(tmp_path):
    made = Target(tmp_path / "target")
    yield made
    made.drop()


def rows(conn) -> dict[str, list]:
    """Every row of every table, sorted; and (PostgreSQL) every sequence's position."""
    found = {}
    with conn.cursor() as cursor:
        for table in sorted(conn.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {conn.ops.quote_name(table)}")
            found[table] = sorted(cursor.fetchall(), key=repr)
        if conn.vendor == "postgresql":
            cursor.execute("SELECT sequencename, last_value FROM pg_sequences ORDER BY 1")
            found["(sequences)"] = cursor.fetchall()
    return found


def differences(source: dict[str, list], restored: dict[str, list]) -> list[str]:
    diff = [f"table {name} only in the source" for name in source.keys() - restored.keys()]
    diff += [f"table {name} only in the restored" for name in restored.keys() - source.keys()]
    for name in sorted(source.keys() & restored.keys()):
        if source[name] != restored[name]:
            missing = [r for r in source[name] if r not in restored[name]]
            extra = [r for r in restored[name] if r not in source[name]]
            diff.append(f"{name}: {len(missing)} rows not restored, {len(extra)} extra")
    return diff


def checksums(storage) -> dict[str, str]:
    found = {}
    for name in walk(storage):
        with storage.open(name, "rb") as f:
            found[name] = hashlib.sha256(f.read()).hexdigest()
    return found


def test_the_demo_backed_up_and_restored_into_a_fresh_instance_differs_in_nothing(
    with_files, target, tmp_path
):
    backup = tmp_path / "backup"
    call_command("backup", str(backup), verbosity=0)
    manifest = json.loads((backup / MANIFEST).read_text())
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["counts"]["files_private"] >= 3 and manifest["counts"]["files_default"] == 1
    restored = target.restore(backup)
    assert restored.returncode == 0, restored.stderr
    assert "every checksum verified" in restored.stdout

    source_rows = rows(connection)
    other = target.connection()
    try:
        restored_rows = rows(other)
    finally:
        other.close()
    assert differences(source_rows, restored_rows) == []
    assert source_rows == restored_rows
    assert sum(len(r) for r in source_rows.values()) >= manifest["counts"]["rows"] > 3000
    assert len(source_rows["papers_agendapack"]) >= 1

    data = target.folder / "data"
    for store, folder in (("private", data / "private"), ("default", data / "media")):
        source_files = checksums(storages[store])
        restored_files = checksums(FileSystemStorage(location=folder))
        assert sorted(source_files.items() ^ restored_files.items()) == []
        assert len(source_files) == manifest["counts"][f"files_{store}"] > 0


@pytest.fixture
def backup(with_files, tmp_path) -> Path:
    folder = tmp_path / "backup"
    call_command("backup", str(folder), verbosity=0)
    return folder


def test_a_backup_without_its_manifest_is_refused(backup, target):
    (backup / MANIFEST).unlink()
    refused = target.restore(backup)
    assert refused.returncode != 0
    assert "has no manifest.json: it is not a Moot backup" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert nothing_in(target)


def test_a_damaged_file_is_refused_before_anything_is_restored(backup, target):
    manifest = json.loads((backup / MANIFEST).read_text())
    damaged = f"files/private/{manifest['files']['private'][0]['name']}"
    path = backup / damaged
    path.write_bytes(path.read_bytes()[:-1] + b"!")
    refused = target.restore(backup)
    assert refused.returncode != 0
    assert f"{damaged} does not match its checksum" in refused.stderr
    assert "nothing was restored" in refused.stderr
    assert nothing_in(target)


def nothing_in(target: Target) -> bool:
    """The target's database has no table and its folders no file."""
    other = target.connection()
    try:
        with other.cursor() as cursor:
            tables = other.introspection.table_names(cursor)
    finally:
        other.close()
    files = [p for p in (target.folder / "data").rglob("*") if p.is_file()]
    return tables == [] and [p for p in files if "static" not in p.parts] == []


def test_a_target_that_is_not_empty_is_refused(backup, stores):
    before = {store: sorted(walk(storages[store])) for store in STORES}
    counts = rows(connection)
    with pytest.raises(CommandError, match=r"The database is not empty \(\d+ tables\)"):
        call_command("restore", str(backup))
    assert {store: sorted(walk(storages[store])) for store in STORES} == before
    assert rows(connection) == counts


def test_a_backup_is_never_written_over_another(backup):
    with pytest.raises(CommandError, match="is not empty: give a new folder"):
        call_command("backup", str(backup))
    assert not [p for p in backup.parent.iterdir() if ".part-" in p.name]
