"""Meetings: the meeting page (with its agenda in the seeds' two parts, once published),
home-page lists and the calendar month."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Max, Min, Q

from meetings.models import AgendaItem, Meeting
from publishing import inspection, public

from . import today


@dataclass
class Agenda:
    public: list[AgendaItem] = field(default_factory=list)
    exempt: list[AgendaItem] = field(default_factory=list)

    @property
    def exempt_paragraphs(self) -> list[int]:
        """The distinct Schedule 12A paragraphs the exempt items rely on, sub-items included."""
        paras = {i.exemption_paragraph for i in self.exempt if i.exemption_paragraph}
        paras |= {s.exemption_paragraph for i in self.exempt + self.public for s in i.children
                  if s.exemption_paragraph}
        return sorted(paras)


def agenda(meeting: Meeting) -> Agenda | None:
    """The meeting's items split into public and exempt parts, sub-items under their item;
    None until the agenda is published (the notice of the meeting is public, its agenda is not
    yet open to inspection).

    Up to seven queries: publication, the items, and their published papers
    (``item.listed_papers``). Sub-items are attached as ``item.children`` in agenda order.
    """
    if not inspection.is_published(meeting):
        return None
    items = list(
        meeting.items.select_related("mover", "seconder").order_by("order", "pk")
    )
    by_pk = {i.pk: i for i in items}
    for i in items:
        i.children = []
    result = Agenda()
    for i in items:
        parent = by_pk.get(i.parent_id)
        if parent is not None:
            i.parent = parent  # loaded once: ``is_exempt`` follows the parents
            parent.children.append(i)
        elif i.is_exempt:
            result.exempt.append(i)
        else:
            result.public.append(i)
    public.attach_papers(meeting, items)
    return result


def meeting_for_page(pk: int) -> Meeting | None:
    return (
        Meeting.objects.select_related(
            "body", "body__contact_officer", "body__parent", "venue", "contact"
        )
        .filter(pk=pk)
        .first()
    )


def neighbours(meeting: Meeting) -> tuple[Meeting | None, Meeting | None]:
    """The body's previous and next meetings (by date, then by id on the same day)."""
    same_body = Meeting.objects.filter(body_id=meeting.body_id).select_related("body")
    earlier = same_body.filter(
        Q(date__lt=meeting.date) | Q(date=meeting.date, pk__lt=meeting.pk)
    ).order_by("-date", "-pk")
    later = same_body.filter(
        Q(date__gt=meeting.date) | Q(date=meeting.date, pk__gt=meeting.pk)
    ).order_by("date", "pk")
    return earlier.first(), later.first()


def upcoming(limit: int = 10) -> list[Meeting]:
    return list(
        Meeting.objects.filter(date__gte=today())
        .select_related("body", "venue")
        .order_by("date", "start_time", "pk")[:limit]
    )


def recent(limit: int = 10) -> list[Meeting]:
    return list(
        Meeting.objects.filter(date__lt=today())
        .select_related("body", "venue")
        .order_by("-date", "-start_time", "-pk")[:limit]
    )


# --- the calendar ---------------------------------------------------------------------------

FIRST_YEAR, LAST_YEAR = 1900, 2200  # beyond these a month is a typo, not a request


def month_start(year: int, month: int) -> dt.date | None:
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        return None
    return dt.date(year, month, 1)


def add_months(day: dt.date, n: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


@dataclass
class Month:
    first: dt.date
    weeks: list[list[tuple[dt.date, list[Meeting]]]]
    meetings: list[Meeting]
    previous: dt.date | None
    next: dt.date | None


def month(first: dt.date) -> Month:
    """A month's meetings laid out in Monday-first weeks, with links to the months around it.

    Previous/next links stop a year past the record's last meeting (or today) and at its
    first meeting, so robots following them cannot walk the calendar for ever. Two queries.
    """
    last = add_months(first, 1) - dt.timedelta(days=1)
    meetings = list(
        Meeting.objects.filter(date__range=(first, last))
        .select_related("body", "venue")
        .order_by("date", "start_time", "pk")
    )
    by_day: dict[dt.date, list[Meeting]] = {}
    for m in meetings:
        by_day.setdefault(m.date, []).append(m)
    weeks = [
        [(d, by_day.get(d, []) if d.month == first.month else []) for d in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    ]
    span = Meeting.objects.aggregate(lo=Min("date"), hi=Max("date"))
    now = today().replace(day=1)
    lo = min(filter(None, [span["lo"], now])).replace(day=1)
    hi = add_months(max(filter(None, [span["hi"], now])).replace(day=1), 12)
    return Month(
        first=first,
        weeks=weeks,
        meetings=meetings,
        previous=add_months(first, -1) if first > lo else None,
        next=add_months(first, 1) if first < hi else None,
    )
