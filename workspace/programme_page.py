"""What the programme pages show: a municipal year's meetings by body, and the proposed dates
of a new programme each with its clash warnings (``meetings.clashes``). Reads only."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Max, Min

from council.dates import municipal_year_dates, municipal_year_of
from council.models import Body
from meetings.clashes import Clash, Proposal, clashes_for_each
from meetings.models import Meeting, Venue

from .programme_forms import ProposedDate, year_choices


@dataclass
class BodyProgramme:
    """A body and its meetings in the year."""

    body: Body
    meetings: list[Meeting] = field(default_factory=list)


def years_listed(today: dt.date) -> list[tuple[int, str]]:
    """From the year of the first meeting recorded to two years ahead of today's (one query)."""
    span = Meeting.objects.aggregate(first=Min("date"), last=Max("date"))
    this = municipal_year_of(today)
    first = municipal_year_of(span["first"]) if span["first"] else this
    last = max(this + 2, municipal_year_of(span["last"]) if span["last"] else this)
    return year_choices(first, last)


def programme_of(year: int, body: Body | None) -> list[BodyProgramme]:
    """Each body (the one chosen, or every body still active and any dissolved one that met
    in the year) with its meetings of the municipal year, in date order. Two queries."""
    start, end = municipal_year_dates(year)
    meetings = Meeting.objects.filter(date__range=(start, end)).select_related("venue")
    if body is not None:
        meetings = meetings.filter(body=body)
    by_body: dict[int, list[Meeting]] = defaultdict(list)
    for m in meetings.order_by("date", "start_time", "pk"):
        by_body[m.body_id].append(m)
    if body is not None:
        bodies = [body]
    else:
        bodies = [b for b in Body.objects.order_by("name") if b.active or b.pk in by_body]
    for b in bodies:
        for m in by_body[b.pk]:
            m.body = b  # one body row for all its meetings
    return [BodyProgramme(b, by_body[b.pk]) for b in bodies]


@dataclass
class ProposedRow:
    """A row of the proposal: its form, its number and the warnings for its date."""

    number: int
    form: ProposedDate
    kept: bool
    clashes: list[Clash]

    @property
    def date(self) -> dt.date | None:
        data = getattr(self.form, "cleaned_data", None)
        if data is not None:
            return data.get("date")
        return self.form.initial.get("date")


def proposal_rows(body: Body, venue: Venue | None, forms: list[ProposedDate]) -> list[ProposedRow]:
    """Each proposed date with its clashes: those kept are checked against the record and
    against each other (``clashes_for_each``), those left out are not checked."""
    venue = venue or body.default_venue
    slots = [_slot_of(f) for f in forms]
    proposals = [
        Proposal(body, day, time, venue) for day, time in (s for s in slots if s is not None)
    ]
    found = iter(clashes_for_each(proposals) if proposals else [])
    return [
        ProposedRow(number, f, slot is not None, next(found) if slot is not None else [])
        for number, (f, slot) in enumerate(zip(forms, slots, strict=True), start=1)
    ]


def _slot_of(form: ProposedDate) -> tuple[dt.date, dt.time | None] | None:
    if form.is_bound:
        return form.slot()
    initial = form.initial
    return (initial["date"], initial.get("time")) if initial.get("keep") else None
