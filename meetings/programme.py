"""A body's programme of meetings for a municipal year, from a pattern (issue 13 §2).

``read_pattern`` reads the pattern an officer types ("third Wednesday, 10.00, Darent Room");
``dates_for`` lists the dates it gives in a period, setting aside (not moving) those on a bank
holiday or closure day with the reason, so the officer may choose a replacement; and
``create_programme`` creates the meetings on the dates the officer settles on, in one step.
``meetings.clashes`` warns of clashes before they are created.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from audit.actors import Actor, manages_everything
from council.dates import authority_today, municipal_year_dates
from council.models import Body

from .deadlines import bank_holiday_name
from .formatting import long_date
from .models import ClosureDay, Meeting, MeetingKind, MeetingStatus, Venue
from .patterns import LAST, Pattern, read_pattern, venue_label
from .services import save_meeting

__all__ = [
    "LAST",
    "Pattern",
    "ProgrammeDates",
    "SkippedDate",
    "create_programme",
    "dates_for",
    "municipal_year_dates",
    "read_pattern",
    "venue_label",
]

#: A meeting date and its start time (None: not yet known), as ``create_programme`` takes them.
Slot = tuple[dt.date, dt.time | None]

PROGRAMMERS_ONLY = "Only democratic services may set up a programme of meetings."
PROGRAMMED = "meetings.meeting_programmed"  # the audit event of each meeting created


@dataclass(frozen=True)
class SkippedDate:
    """A date the pattern gives on which the body cannot meet, and why ("Spring Bank Holiday
    (bank holiday)")."""

    date: dt.date
    reason: str


@dataclass(frozen=True)
class ProgrammeDates:
    """What a pattern gives in a period: the ``proposed`` dates and the ``skipped`` ones, both
    in date order."""

    pattern: Pattern
    proposed: tuple[dt.date, ...]
    skipped: tuple[SkippedDate, ...]

    def slots(self) -> list[Slot]:
        """The proposed dates with the pattern's start time, for ``create_programme``."""
        return [(day, self.pattern.time) for day in self.proposed]


def dates_for(
    pattern: Pattern,
    start: dt.date,
    end: dt.date,
    closed: Mapping[dt.date, str] | None = None,
) -> ProgrammeDates:
    """The dates ``pattern`` gives from ``start`` to ``end`` inclusive (a municipal year:
    ``municipal_year_dates``). A date on a bank holiday (England) or on a closure day is not
    moved but listed as skipped with the reason. ``closed`` maps closure days to their reasons;
    by default the recorded ``ClosureDay`` rows (one query). Refuses (``ValueError``) a period
    that ends before it starts.
    """
    if not all(isinstance(d, dt.date) and not isinstance(d, dt.datetime) for d in (start, end)):
        raise ValueError("The period must run from one date to another.")
    if end < start:
        raise ValueError(f"The period cannot end ({long_date(end)}) before it starts.")
    if closed is None:
        closed = dict(
            ClosureDay.objects.filter(date__range=(start, end)).values_list("date", "reason")
        )
    proposed: list[dt.date] = []
    skipped: list[SkippedDate] = []
    for day in _pattern_days(pattern, start, end):
        holiday = bank_holiday_name(day)
        if holiday is not None:
            skipped.append(SkippedDate(day, f"{holiday} (bank holiday)"))
        elif day in closed:
            skipped.append(SkippedDate(day, f"the offices are closed ({closed[day]})"))
        else:
            proposed.append(day)
    return ProgrammeDates(pattern, tuple(proposed), tuple(skipped))


def nth_weekday(year: int, month: int, weekday: int, occurrence: int) -> dt.date:
    """The ``occurrence`` (1 to 4, or ``LAST``) of ``weekday`` (0 Monday) in the month."""
    if occurrence == LAST:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (occurrence - 1))


def _pattern_days(pattern: Pattern, start: dt.date, end: dt.date) -> Iterable[dt.date]:
    first = start.year * 12 + start.month - 1  # months counted from year 0
    anchor = first
    if pattern.starting_month is not None:
        anchor = first + (pattern.starting_month - start.month) % 12
    for index in range(first, end.year * 12 + end.month):
        year, month = divmod(index, 12)
        if index < anchor or (index - anchor) % pattern.every_months:
            continue
        if month + 1 in pattern.skip_months:
            continue
        day = nth_weekday(year, month + 1, pattern.weekday, pattern.occurrence)
        if start <= day <= end:
            yield day


def create_programme(
    body: Body,
    dates_with_times: Iterable[Slot],
    venue: Venue | None,
    *,
    actor: Actor,
    same_day: bool = False,
) -> list[Meeting]:
    """Create a meeting of ``body`` on each date, at its time, in ``venue`` (None: the body's
    default venue), as ordinary scheduled meetings; all of them or none, each audited
    (``meetings.meeting_programmed``). Returns them in date order.

    Refuses (``PermissionDenied``) anyone but democratic services (or a system actor), and
    (``ValidationError``, nothing saved): no dates; a value that is not a date and a time; a
    date listed twice; a date that has passed; a dissolved body; an unsaved venue; and a date
    on which the body already has a meeting (not cancelled or postponed) or is given two,
    unless ``same_day`` says a second meeting that day is intended.
    """
    if not manages_everything(actor):
        raise PermissionDenied(PROGRAMMERS_ONLY)
    slots = sorted(_checked_slots(dates_with_times), key=lambda s: (s[0], s[1] or dt.time.min))
    if not slots:
        raise ValidationError("Choose at least one date for the programme.")
    if not body.active:
        raise ValidationError(f"{body} has been dissolved: it cannot have new meetings.")
    if venue is not None and venue.pk is None:
        raise ValidationError("Choose a venue that has been saved.")
    days = [day for day, _ in slots]
    _refuse(
        sorted({d for d in days if days.count(d) > 1 and not same_day}),
        "{dates} {are} listed more than once. Give each date once, or say that two meetings "
        "on the same day are intended.",
    )
    _refuse(
        sorted({day for day in days if day < authority_today()}),
        "{dates} {have} passed: a programme is made of meetings to come.",
    )
    with transaction.atomic():
        # Serialise programmes of the same body, so two officers cannot both add a day.
        Body.objects.select_for_update().filter(pk=body.pk).first()
        if not same_day:
            taken = (
                Meeting.objects.filter(body=body, date__in=days)
                .exclude(status__in=(MeetingStatus.CANCELLED, MeetingStatus.POSTPONED))
                .values_list("date", flat=True)
            )
            _refuse(
                sorted(set(taken)),
                f"{body} already has a meeting on {{dates}}. Choose other dates, or say "
                "that a second meeting on the same day is intended.",
            )
        return [
            save_meeting(
                Meeting(
                    body=body,
                    date=day,
                    start_time=time,
                    venue=venue,
                    status=MeetingStatus.SCHEDULED,
                    kind=MeetingKind.ORDINARY,
                ),
                actor=actor,
                event=PROGRAMMED,
            )
            for day, time in slots
        ]


def _checked_slots(dates_with_times: Iterable[Slot]) -> list[Slot]:
    slots: list[Slot] = []
    for slot in dates_with_times:
        day, time = slot if isinstance(slot, tuple) and len(slot) == 2 else (slot, None)
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            raise ValidationError(f"{day!s} is not a date: give each meeting's date.")
        if time is not None and not isinstance(time, dt.time):
            raise ValidationError(f"{time!s} is not a time of day: give a start time or none.")
        if (day, time) in slots:
            raise ValidationError(f"{long_date(day)} is listed twice at the same time.")
        slots.append((day, time))
    return slots


def _refuse(days: list[dt.date], message: str) -> None:
    if not days:
        return
    names = [long_date(d) for d in days]
    dates = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    plural = len(days) > 1
    words = {
        "{dates}": dates,
        "{are}": "are" if plural else "is",
        "{have}": "have" if plural else "has",
    }
    for placeholder, word in words.items():
        message = message.replace(placeholder, word)
    raise ValidationError(message)
