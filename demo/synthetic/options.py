"""The synthetic council's parameters and calendar.

Everything is derived from the options alone, never from today's date, so the same options
(and seed) always give the same council.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

DAY = dt.timedelta(days=1)


def first_weekday(year: int, month: int, weekday: int, nth: int = 1) -> dt.date:
    """The ``nth`` ``weekday`` (Monday 0) of the month."""
    day = dt.date(year, month, 1)
    day += dt.timedelta(days=(weekday - day.weekday()) % 7)
    return day + dt.timedelta(weeks=nth - 1)


@dataclass(frozen=True)
class Options:
    members: int = 80
    years: int = 4
    seed: int = 1
    # English county elections fall on the first Thursday in May.
    first_year: int = 2022
    # Agenda papers for the meetings held, of about this many words per report (appendices
    # half as long again), published with their agendas; 0 for none.
    paper_words: int = 600

    def rng(self, part: str) -> random.Random:
        """A generator per part, so changing one part's code leaves the others' output alone."""
        return random.Random(f"{self.seed}:{part}")

    @property
    def start(self) -> dt.date:
        return first_weekday(self.first_year, 5, 3)

    @property
    def end(self) -> dt.date:
        """The last day of the generated period (``years`` municipal years)."""
        return self.annual_meeting(self.first_year + self.years) - DAY

    @property
    def as_at(self) -> dt.date:
        """Meetings up to this day have been held; later ones (about three months) are scheduled."""
        return self.end - dt.timedelta(days=90)

    def elections(self) -> list[dt.date]:
        """Ordinary elections every four years from the first, within the period."""
        years = range(self.first_year, self.first_year + self.years, 4)
        return [first_weekday(y, 5, 3) for y in years]

    def annual_meeting(self, year: int) -> dt.date:
        """The annual meeting: a fortnight after an election, else the third Thursday in May."""
        if (year - self.first_year) % 4 == 0:
            return first_weekday(year, 5, 3) + dt.timedelta(weeks=2)
        return first_weekday(year, 5, 3, nth=3)

    def municipal_years(self) -> list[tuple[dt.date, dt.date | None]]:
        """(first day, last day) of each municipal year; the last one continues (None)."""
        years = []
        last = self.first_year + self.years - 1
        for y in range(self.first_year, last + 1):
            end = self.annual_meeting(y + 1) - DAY
            years.append((self.annual_meeting(y), None if y == last else end))
        return years

    def term_end(self, election: dt.date) -> dt.date | None:
        """The day before the next election, or None for the council now sitting."""
        nxt = first_weekday(election.year + 4, 5, 3)
        return None if nxt > self.end else nxt - DAY


def earlier_end(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    """The earlier of two ends, where None means 'continuing'."""
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)
