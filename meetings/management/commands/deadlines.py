"""moot deadlines YYYY-MM-DD [--days N]: the latest publication dates for a meeting on that date."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from meetings.deadlines import AGENDA_CLEAR_DAYS, latest_publication


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(
            f"“{text}” is not a date; write it as YYYY-MM-DD, e.g. 2026-06-02."
        ) from exc


class Command(BaseCommand):
    help = (
        "For a meeting on the given date, print the latest publication date of the agenda and "
        "papers and of the summons (five clear working days, or --days N), one per line."
    )

    def add_arguments(self, parser):
        parser.add_argument("meeting_date", help="YYYY-MM-DD")
        parser.add_argument(
            "--days",
            type=int,
            default=AGENDA_CLEAR_DAYS,
            help="Clear days required (default 5; key decisions use 28).",
        )
        parser.add_argument(
            "--calendar", action="store_true", help="Count calendar days rather than working days."
        )

    def handle(self, *args, meeting_date, days, calendar, **options):
        meeting = iso_date(meeting_date)
        if days < 0:
            raise CommandError("--days cannot be negative.")
        deadline = latest_publication(meeting, days, calendar=calendar)
        # The summons (Sch 12 para 4(2)(b)) needs the same five clear days as the agenda.
        self.stdout.write(f"agenda {deadline.isoformat()}")
        self.stdout.write(f"summons {deadline.isoformat()}")
