"""``moot demo``: load the Kent County Council demo, or generate a synthetic council."""

from __future__ import annotations

import argparse
import datetime as dt
import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from council.models import Authority
from council.services import set_demonstration_date
from demo import kent
from demo.loader import ACTOR, Loader
from demo.packs import queue_packs
from demo.synthetic import ACTOR as SYNTHETIC
from demo.synthetic import generate
from demo.synthetic.options import Options
from demo.wipe import wipe
from search.indexing import rebuild as rebuild_search_index

# ``--as-at off``: the real date.
OFF = object()


def as_at_value(text: str):
    if text.strip().lower() == "off":
        return OFF
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date: give it as YYYY-MM-DD (e.g. 2017-09-16), or 'off' for "
            "the real date."
        ) from None


def _shown_as_at(authority: Authority | None) -> str:
    if authority is None or authority.as_at is None:
        return ""
    day = authority.as_at
    return (
        f" The site is shown as at {day:%A} {day.day} {day:%B %Y} ('moot demo --as-at' changes it)."
    )


class Command(BaseCommand):
    help = (
        "Load the demo council: Kent County Council, from the facts in the seed agenda packs. "
        "Idempotent: on a database that already holds it, only missing rows are added and "
        "nothing is changed. Every row is written through the service functions and audited "
        "as 'moot demo'.\n\n"
        "--synthetic instead generates a deterministic council for benchmarks (the same "
        "options and seed always give the same content). An installation holds one council, "
        "so both modes refuse to run on a database that already holds a different council "
        "(and --synthetic on any existing council) unless --replace is given, which deletes "
        "the council record (people, bodies, seats, meetings, agendas; the audit trail is "
        "kept) first.\n\n"
        "The Kent demo also queues the agenda packs (public and members') of every published "
        "meeting for the task worker ('moot db_worker'; 'make run' starts one), unless "
        "--no-packs is given; packs already queued or built are not queued again.\n\n"
        "The site is shown as at a date of the record (--as-at): every page, feed and API "
        "takes it for today. A new Kent demo is shown as at 16 September 2017, the day after "
        "its last meeting with papers; 'off' uses the real date. On a database already "
        "holding a council, the date changes only when --as-at is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--synthetic",
            action="store_true",
            help="Generate a synthetic council instead of loading Kent.",
        )
        parser.add_argument(
            "--members", type=int, default=80, help="Synthetic: number of councillors (default 80)."
        )
        parser.add_argument(
            "--years",
            type=int,
            default=4,
            help="Synthetic: municipal years of meetings (default 4).",
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Synthetic: random seed (default 1)."
        )
        parser.add_argument(
            "--first-year",
            type=int,
            default=2022,
            help="Synthetic: year of the first ordinary election (default 2022).",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete the council record already in the database first.",
        )
        parser.add_argument(
            "--no-packs",
            action="store_true",
            help="Kent: do not queue the published meetings' agenda packs.",
        )
        parser.add_argument(
            "--as-at",
            type=as_at_value,
            metavar="YYYY-MM-DD",
            help="Show the site as at this date ('off': the real date). "
            f"Kent's default on a new load: {kent.AS_AT.isoformat()}.",
        )

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        existing = Authority.current()
        as_at = options.get("as_at")
        if isinstance(as_at, str):  # from call_command, which does not parse keyword options
            try:
                as_at = as_at_value(as_at)
            except argparse.ArgumentTypeError as exc:
                raise CommandError(f"--as-at: {exc}") from None
        if options["synthetic"]:
            summary = self._synthetic(existing, options)
        else:
            summary = self._kent(existing, options["replace"], options["verbosity"], as_at)
            if not options["no_packs"]:
                summary += self._packs(options["verbosity"])
        if as_at is not None:
            set_demonstration_date(None if as_at is OFF else as_at, actor=ACTOR)
        summary += (
            _shown_as_at(Authority.current())
            if as_at is not OFF
            else (" The site uses the real date.")
        )
        if options["verbosity"] >= 1:
            self.stdout.write(f"{summary} ({time.monotonic() - started:.1f}s)")

    def _kent(
        self,
        existing: Authority | None,
        replace: bool,
        verbosity: int,
        as_at: dt.date | object | None,
    ) -> str:
        """Load Kent; a new council record is dated ``as_at`` (None: Kent's default; OFF: no
        date, the real one)."""
        if existing and existing.name != kent.NAME and not replace:
            raise CommandError(
                f"This database already holds another council ({existing.name}). Run "
                "'moot demo --replace' to delete it and load the Kent demo instead."
            )
        with transaction.atomic():
            if existing and replace:
                wipe(ACTOR)
                existing = None
            loader = Loader(strict=existing is None)
            kent.load(loader, kent.AS_AT if as_at is None else None if as_at is OFF else as_at)
        # Search reads the record as loaded (also on a re-run that added nothing).
        rebuild_search_index()
        if verbosity >= 1:
            for refusal in loader.skipped:
                self.stderr.write(f"Not added (the record has changed since): {refusal}")
        if not loader.created:
            return "The Kent County Council demo is already loaded; nothing to add."
        return f"Kent County Council demo: {loader.created} rows added."

    def _packs(self, verbosity: int) -> str:
        queued, refused = queue_packs(ACTOR)
        if verbosity >= 1:
            for refusal in refused:
                self.stderr.write(f"No pack queued for {refusal}")
        if not queued:
            return " No agenda packs to queue."
        return f" {len(queued)} agenda packs queued for the task worker."

    def _synthetic(self, existing: Authority | None, options: dict) -> str:
        opts = Options(
            members=options["members"],
            years=options["years"],
            seed=options["seed"],
            first_year=options["first_year"],
        )
        if opts.members < 6 or opts.years < 1:
            raise CommandError("--synthetic needs at least 6 members and 1 year.")
        if existing and not options["replace"]:
            raise CommandError(
                f"This database already holds a council ({existing.name}); --synthetic builds a "
                "whole council of its own. Run with --replace to delete the existing council "
                "record first (the audit trail is kept), or use an empty database."
            )
        with transaction.atomic():
            if options["replace"]:
                wipe(SYNTHETIC)
            counts = generate(opts)
        return "Synthetic council: " + ", ".join(f"{n} {what}" for what, n in counts.items())
