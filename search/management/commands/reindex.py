"""``moot reindex``: rebuild the search index from the record."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from search import indexing


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the record: meetings, agenda items, released "
        "papers, public minutes and decisions, and members. Publishing keeps the index up "
        "to date; run this after loading data in bulk or to repair it."
    )

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        verbose = options["verbosity"] >= 2

        def progress(done, total):
            if verbose:
                self.stdout.write(f"  {done}/{total} meetings")

        rows = indexing.rebuild(progress)
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"Search index rebuilt: {rows} entries ({time.monotonic() - started:.1f}s)."
            )
