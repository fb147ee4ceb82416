"""``moot backup DIR``: the database and every stored file, with a manifest of checksums
(moot/backup.py; schedule and retention in deploy/backup.md)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from moot.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and every stored file (papers, packs, media) into DIR."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="a new (or empty) folder")

    def handle(self, *, directory: Path, **options):
        try:
            manifest = backup(directory)
        except BackupError as error:
            raise CommandError(str(error)) from None
        counts = manifest["counts"]
        self.stdout.write(
            f"Backed up to {directory}: {counts['tables']} tables, {counts['rows']} rows, "
            f"{counts['files_private']} private files, {counts['files_default']} media files "
            f"({counts['bytes']} bytes)."
        )
