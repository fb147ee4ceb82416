"""A programme of meetings from a pattern: the dates (``dates_for``) and the meetings
(``create_programme``), meetings/programme.py."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from audit.models import AuditEntry
from council.dates import municipal_year_dates
from meetings import programme
from meetings.deadlines import bank_holidays
from meetings.models import ClosureDay, Meeting, MeetingStatus
from meetings.programme import LAST, Pattern, SkippedDate, create_programme, dates_for
from meetings.tests.test_patterns import patterns
from moot import testing as t

D = dt.date
MON, WED = 0, 2


# --- The dates a pattern gives -----------------------------------------------------------


@pytest.mark.django_db
def test_a_municipal_year_of_last_mondays_skips_the_bank_holidays():
    start, end = municipal_year_dates(2026)
    assert (start, end) == (D(2026, 5, 1), D(2027, 4, 30))
    dates = dates_for(Pattern(MON, LAST, dt.time(10)), start, end)
    assert dates.skipped == (
        SkippedDate(D(2026, 5, 25), "Spring Bank Holiday (bank holiday)"),
        SkippedDate(D(2026, 8, 31), "Late Summer Bank Holiday (bank holiday)"),
        SkippedDate(D(2026, 12, 28), "Boxing Day (observed) (bank holiday)"),
        SkippedDate(D(2027, 3, 29), "Easter Monday (bank holiday)"),
    )
    assert dates.proposed == (
        D(2026, 6, 29),
        D(2026, 7, 27),
        D(2026, 9, 28),
        D(2026, 10, 26),
        D(2026, 11, 30),
        D(2027, 1, 25),
        D(2027, 2, 22),
        D(2027, 4, 26),
    )


@pytest.mark.django_db
def test_closure_days_recorded_are_skipped_with_their_reason():
    ClosureDay.objects.create(date=D(2026, 7, 15), reason="Office move")
    dates = dates_for(Pattern(WED, 3, dt.time(10), skip_months={8}), D(2026, 6, 1), D(2026, 9, 30))
    assert dates.proposed == (D(2026, 6, 17), D(2026, 9, 16))
    assert dates.skipped == (SkippedDate(D(2026, 7, 15), "the offices are closed (Office move)"),)
    assert dates.slots() == [(D(2026, 6, 17), dt.time(10)), (D(2026, 9, 16), dt.time(10))]


def test_every_three_months_from_june():
    pattern = Pattern(WED, 1, dt.time(10), every_months=3, starting_month=6)
    dates = dates_for(pattern, D(2026, 5, 1), D(2027, 4, 30), closed={})
    assert dates.proposed == (D(2026, 6, 3), D(2026, 9, 2), D(2026, 12, 2), D(2027, 3, 3))
    # None before the starting month: every two months from July is July to March.
    pattern = Pattern(WED, 1, dt.time(10), every_months=2, starting_month=7)
    dates = dates_for(pattern, D(2026, 5, 1), D(2027, 4, 30), closed={})
    assert [d.month for d in dates.proposed] == [7, 9, 11, 1, 3]


@pytest.mark.parametrize(
    "start, end, message",
    [
        (D(2026, 5, 1), D(2026, 4, 30), "cannot end"),
        ("2026-05-01", D(2027, 4, 30), "from one date to another"),
        (dt.datetime(2026, 5, 1), D(2027, 4, 30), "from one date to another"),
    ],
)
def test_a_period_that_is_not_one_is_refused(start, end, message):
    with pytest.raises(ValueError, match=message):
        dates_for(Pattern(MON, 1, dt.time(10)), start, end, closed={})


def _is_pattern_day(pattern: Pattern, day: dt.date) -> bool:
    """The pattern's rule for a day, worked out from the day alone."""
    if pattern.occurrence == LAST:
        week_fits = (day + dt.timedelta(days=7)).month != day.month
    else:
        week_fits = (day.day - 1) // 7 + 1 == pattern.occurrence
    return day.weekday() == pattern.weekday and week_fits and day.month not in pattern.skip_months


@given(
    pattern=patterns(),
    start=st.dates(D(2000, 1, 1), D(2040, 12, 31)),
    length=st.integers(0, 800),
    closed=st.sets(st.integers(0, 800), max_size=20),
)
def test_the_dates_follow_the_pattern(pattern, start, length, closed):
    end = start + dt.timedelta(days=length)
    closures = {start + dt.timedelta(days=n): "Closed" for n in closed}
    dates = dates_for(pattern, start, end, closed=closures)
    holidays = frozenset().union(*(bank_holidays(y) for y in range(start.year, end.year + 1)))
    every = sorted(dates.proposed + tuple(s.date for s in dates.skipped))
    assert list(dates.proposed) == sorted(set(dates.proposed))
    assert [s.date for s in dates.skipped] == sorted({s.date for s in dates.skipped})
    for day in dates.proposed:
        assert start <= day <= end
        assert _is_pattern_day(pattern, day)
        assert day not in holidays and day not in closures
    for skipped in dates.skipped:
        assert start <= skipped.date <= end and _is_pattern_day(pattern, skipped.date)
        assert skipped.date in holidays or skipped.date in closures
        assert skipped.reason
    # The months met in step every N months, from the starting month when there is one.
    months = [d.year * 12 + d.month for d in every]
    assert all(
        (b - a) % pattern.every_months == 0 for a, b in zip(months, months[1:], strict=False)
    )
    if pattern.every_months == 1 and not pattern.skip_months:
        # Nothing else fits: every day of the pattern in the period is proposed or skipped.
        fits = [
            day
            for n in range(length + 1)
            if _is_pattern_day(pattern, day := start + dt.timedelta(days=n))
        ]
        assert every == fits
    if pattern.starting_month is not None and every:
        # The first starting month in the period, and none before it.
        first = start.year * 12 + start.month
        anchor = next(
            m for m in range(first, first + 12) if (m - 1) % 12 + 1 == pattern.starting_month
        )
        assert months[0] >= anchor and (months[0] - anchor) % pattern.every_months == 0


# --- Creating the meetings ---------------------------------------------------------------

SLOTS = [(D(2026, 6, 17), dt.time(10)), (D(2026, 7, 15), dt.time(14, 30))]


@pytest.fixture
def clerk():
    return t.account(democratic_services=True)


@pytest.mark.django_db
def test_the_meetings_are_created_in_the_venue_and_audited(clerk):
    body, room = t.body(), t.venue()
    meetings = create_programme(body, reversed(SLOTS), room, actor=clerk)
    assert [(m.date, m.start_time, m.venue, m.status) for m in meetings] == [
        (d, time, room, MeetingStatus.SCHEDULED) for d, time in SLOTS
    ]
    entries = AuditEntry.objects.filter(content_type__model="meeting", actor=clerk)
    assert sorted(entries.values_list("object_id", "event")) == sorted(
        (str(m.pk), "meetings.meeting_programmed") for m in meetings
    )


@pytest.mark.django_db
def test_without_a_venue_the_body_s_default_venue_is_used(clerk):
    room = t.venue()
    body = t.body(default_venue=room)
    assert {m.venue for m in create_programme(body, SLOTS, None, actor=clerk)} == {room}


@pytest.mark.django_db
def test_a_day_the_body_already_meets_is_refused_unless_intended(clerk):
    body = t.body()
    t.meeting(body, D(2026, 7, 15))
    t.meeting(body, D(2026, 6, 17), status=MeetingStatus.CANCELLED)
    with t.writes_nothing(), pytest.raises(ValidationError, match="already has a meeting on"):
        create_programme(body, SLOTS, None, actor=clerk)
    assert body.meetings.count() == 2
    created = create_programme(body, SLOTS, None, actor=clerk, same_day=True)
    assert len(created) == 2 and body.meetings.count() == 4


@pytest.mark.django_db
def test_a_failure_part_way_saves_nothing(clerk, monkeypatch):
    body, real, calls = t.body(), programme.save_meeting, []

    def failing(meeting, **kw):
        calls.append(meeting.date)
        if len(calls) == 2:
            raise ValidationError("The second meeting cannot be saved.")
        return real(meeting, **kw)

    monkeypatch.setattr(programme, "save_meeting", failing)
    with t.writes_nothing(), pytest.raises(ValidationError, match="second meeting"):
        create_programme(body, SLOTS, None, actor=clerk)
    assert len(calls) == 2 and not body.meetings.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "slots, message",
    [
        ([], "at least one date"),
        ([("2026-06-17", dt.time(10))], "is not a date"),
        ([(dt.datetime(2026, 6, 17, 10), None)], "is not a date"),
        ([(D(2026, 6, 17), "10am")], "is not a time of day"),
        ([(D(2026, 6, 17), dt.time(10))] * 2, "listed twice"),
        (
            [(D(2026, 6, 17), dt.time(10)), (D(2026, 6, 17), dt.time(14))],
            "Wednesday, 17 June 2026 is listed more than once",
        ),
        (
            [(D(2017, 9, 1), None), (D(2017, 9, 15), None), (D(2026, 1, 1), None)],
            "Friday, 1 September 2017 and Friday, 15 September 2017 have passed",
        ),
    ],
)
def test_bad_dates_are_refused_and_nothing_is_saved(clerk, slots, message):
    body = t.body()
    with t.writes_nothing(), pytest.raises(ValidationError, match=message):
        create_programme(body, slots, None, actor=clerk)
    assert not body.meetings.exists()


@pytest.mark.django_db
def test_a_dissolved_body_or_an_unsaved_venue_is_refused(clerk):
    from meetings.models import Venue

    dissolved, body = t.body(active=False), t.body()
    with t.writes_nothing(), pytest.raises(ValidationError, match="has been dissolved"):
        create_programme(dissolved, SLOTS, None, actor=clerk)
    with t.writes_nothing(), pytest.raises(ValidationError, match="venue that has been saved"):
        create_programme(body, SLOTS, Venue(room="Nowhere"), actor=clerk)
    assert not Meeting.objects.filter(date=SLOTS[0][0]).exists()
