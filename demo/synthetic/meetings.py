"""Synthetic meetings (about monthly per committee, six a year for the council) and agendas."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from council.models import BodyKind
from meetings.models import AgendaItem, ItemKind, Meeting, MeetingKind, MeetingStatus, Part, Venue

from . import words
from .bodies import BodyPlan
from .options import Options
from .people import People

T = dt.time
ROOMS = [
    "Council Chamber",
    "Committee Room 1",
    "Committee Room 2",
    "Committee Room 3",
    "Members' Room",
]
# Council meetings in a municipal year: annual (May), then July, October, December, the
# budget meeting in February, and March.
COUNCIL_MONTHS = [5, 7, 10, 12, 2, 3]
# Committees avoid August; months in municipal-year order.
YEAR_MONTHS = [5, 6, 7, 9, 10, 11, 12, 1, 2, 3, 4]
TEA = "Tea/Coffee will be available 15 minutes before the start of the meeting"
EXEMPT_WEIGHTS = [(3, 70), (1, 12), (5, 10), (2, 5), (4, 3)]


@dataclass
class Meetings:
    venues: list[Venue] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)


def _day_in(rng: random.Random, year: int, month: int) -> dt.date:
    """A weekday in the month."""
    while True:
        day = dt.date(year, month, rng.randint(1, 28))
        if day.weekday() < 5:
            return day


def _dates(
    rng: random.Random, plan: BodyPlan, start: dt.date, end: dt.date, annual: bool
) -> list[dt.date]:
    if plan.body.kind == BodyKind.COUNCIL:
        months = COUNCIL_MONTHS
    else:
        months = sorted(
            rng.sample(YEAR_MONTHS, k=min(plan.per_year, len(YEAR_MONTHS))), key=YEAR_MONTHS.index
        )
    days = []
    for month in months:
        year = start.year if month >= 5 else start.year + 1
        day = start if (annual and month == 5) else _day_in(rng, year, month)
        if start <= day <= end:
            days.append(day)
    return days


class Agenda:
    """Builds one meeting's items: 5–15 of them, opening and closing as the seeds do."""

    def __init__(self, rng: random.Random, people: People):
        self.rng, self.people = rng, people

    def items(self, meeting: Meeting, theme: str, previous: dt.date | None) -> list[AgendaItem]:
        rng, council = self.rng, meeting.body.kind == BodyKind.COUNCIL
        rows: list[dict] = [
            dict(
                title="Apologies and Substitutes",
                kind=ItemKind.APOLOGIES,
                purpose="To receive apologies for absence and notification of any substitutes "
                "present",
            ),
            dict(
                title="Declarations of Interest by Members in items on the Agenda",
                kind=ItemKind.DECLARATIONS,
            ),
        ]
        if meeting.kind == MeetingKind.ANNUAL:
            rows[:0] = [
                dict(title="Election of Chairman", kind=ItemKind.PROCEDURAL),
                dict(title="Election of Vice-Chairman", kind=ItemKind.PROCEDURAL),
            ]
        if previous:
            rows.append(
                dict(
                    title=f"Minutes of the meeting held on {previous:%-d %B %Y}",
                    purpose="To consider and approve the minutes as a correct record.",
                    kind=ItemKind.MINUTES,
                )
            )
        if council:
            rows += [
                dict(title="Chairman's Announcements", kind=ItemKind.ANNOUNCEMENTS),
                dict(title="Questions", kind=ItemKind.QUESTIONS),
                dict(title="Report by Leader of the Council (Oral)", kind=ItemKind.ORAL_REPORT),
            ]
        closing = (
            []
            if council
            else [
                dict(
                    title=f"Work Programme {self._year(meeting.date)}",
                    purpose="To consider and agree a work programme.",
                    kind=ItemKind.REPORT,
                )
            ]
        )
        exempt = (
            [self._exempt() for _ in range(rng.choice([1, 1, 2]))] if rng.random() < 0.15 else []
        )
        target = rng.randint(5, 15)
        reports = max(1, target - len(rows) - len(closing) - len(exempt))
        titles: set[str] = set()
        for _ in range(reports * 5):  # a title is not repeated within an agenda
            if len(titles) == reports:
                break
            title = self._report_title(theme, meeting.date)
            if title not in titles:
                titles.add(title)
                rows.append(
                    dict(title=title, purpose=rng.choice(words.PURPOSES), kind=ItemKind.REPORT)
                )
        if council and rng.random() < 0.6:
            rows.append(self._motion(meeting.date))
        if rng.random() < 0.1:
            rows.append(
                dict(
                    title="Other items which the Chairman decides are Urgent",
                    kind=ItemKind.URGENT_BUSINESS,
                )
            )
        rows = (rows + closing + exempt)[:15]
        return [
            AgendaItem(meeting=meeting, number=str(n), order=n * 10, **row)
            for n, row in enumerate(rows, start=1)
        ]

    @staticmethod
    def _year(day: dt.date) -> str:
        first = day.year if day.month >= 5 else day.year - 1
        return f"{first}/{(first + 1) % 100:02d}"

    def _report_title(self, theme: str, day: dt.date) -> str:
        rng = self.rng
        topics = words.TOPICS.get(theme) or words.TOPICS["services"]
        if rng.random() < 0.2:
            topics = rng.choice(list(words.TOPICS.values()))
        topic = rng.choice(topics)
        form = rng.random()
        if form < 0.4:
            return topic
        if form < 0.75:
            return f"{topic} - {rng.choice(words.QUALIFIERS)}"
        return f"{topic} {self._year(day)}"

    def _exempt(self) -> dict:
        rng = self.rng
        para = rng.choices([p for p, _ in EXEMPT_WEIGHTS], [w for _, w in EXEMPT_WEIGHTS])[0]
        return dict(
            title=rng.choice(words.TOPICS["property"] + words.TOPICS["people"]),
            purpose=words.EXEMPT_PURPOSES[para],
            kind=ItemKind.REPORT,
            part=Part.EXEMPT,
            exempt_paragraph=para,
        )

    def _motion(self, day: dt.date) -> dict:
        rng = self.rng
        mover, seconder = rng.sample([s.person for s in self.people.in_office(day)], k=2)
        topic = rng.choice(words.MOTION_TOPICS)
        return dict(
            title=f"Motion for Time Limited Debate – {topic}",
            kind=ItemKind.MOTION,
            mover=mover,
            seconder=seconder,
            motion_text=f'"This Council recognises the importance of {topic.lower()} '
            "to residents and asks the Cabinet to report back with "
            'proposals."',
        )


def generate(opts: Options, plans: list[BodyPlan], people: People) -> Meetings:
    rng = opts.rng("meetings")
    out = Meetings(
        venues=[Venue(room=r, building="County Hall", address="County Hall, Wessex") for r in ROOMS]
    )
    chamber, rooms = out.venues[0], out.venues[1:]
    agenda = Agenda(opts.rng("agendas"), people)
    for plan in plans:
        if not plan.per_year:
            continue
        plan.body.default_venue = (
            chamber if plan.body.kind == BodyKind.COUNCIL else rng.choice(rooms)
        )
        previous: dt.date | None = None
        for index, (start, end) in enumerate(opts.municipal_years()):
            if plan.years is not None and index not in plan.years:
                continue
            council = plan.body.kind == BodyKind.COUNCIL
            for day in _dates(rng, plan, start, end or opts.end, annual=council):
                annual = council and day == start
                meeting = Meeting(
                    body=plan.body,
                    date=day,
                    venue=plan.body.default_venue,
                    start_time=T(10)
                    if council
                    else rng.choice([T(10), T(10), T(14), T(14, 30), T(18, 30)]),
                    kind=MeetingKind.ANNUAL if annual else MeetingKind.ORDINARY,
                    status=MeetingStatus.HELD if day <= opts.as_at else MeetingStatus.SCHEDULED,
                    refreshments=TEA if rng.random() < 0.5 else "",
                )
                if council and not annual:
                    meeting.end_time = T(16, 30)
                if meeting.status == MeetingStatus.HELD and rng.random() < 0.02:
                    meeting.status = MeetingStatus.CANCELLED
                out.meetings.append(meeting)
                if meeting.status != MeetingStatus.CANCELLED:
                    out.items.extend(agenda.items(meeting, plan.theme, previous))
                    previous = day
    return out
