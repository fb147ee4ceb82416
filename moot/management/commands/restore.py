"""``moot restore DIR``: a fresh instance (empty database and stores) rebuilt from a backup
made by ``moot backup``, its checksums verified first (moot/restore.py)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from moot.backup import BackupError
from moot.restore import restore


class Command(BaseCommand):
    help = "Rebuild this fresh installation (empty database and file stores) from a backup."
    # The target has no tables yet: the checks (which read the database) wait until it has.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="a folder written by moot backup")

    def handle(self, *, directory: Path, **options):
        try:
            manifest = restore(directory)
        except BackupError as error:
            raise CommandError(str(error)) from None
        counts = manifest["counts"]
        self.stdout.write(
            f"Restored from {directory}: {counts['tables']} tables, {counts['rows']} rows, "
            f"{counts['files_private']} private files, {counts['files_default']} media files; "
            "every checksum verified."
        )
