"""Clear days and the latest publication dates (statutory-rules §1A)."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from hypothesis import given
from hypothesis import strategies as st

from meetings.deadlines import clear_days_between, is_clear_day, latest_publication
from meetings.models import ClosureDay

D = dt.date


@pytest.mark.django_db
@pytest.mark.parametrize(
    "meeting, deadline",
    [
        (D(2026, 6, 2), D(2026, 5, 22)),  # Spring bank holiday 25 May 2026
        (D(2017, 3, 1), D(2017, 2, 21)),  # the seeds' own dispatch dates
        (D(2017, 9, 15), D(2017, 9, 7)),
        (D(2015, 12, 10), D(2015, 12, 2)),
    ],
)
def test_latest_publication(meeting, deadline):
    assert latest_publication(meeting) == deadline
    assert clear_days_between(deadline, meeting) == 5


@pytest.mark.django_db
def test_moot_deadlines_command(capsys):
    call_command("deadlines", "2026-06-02")
    assert capsys.readouterr().out.splitlines() == ["agenda 2026-05-22", "summons 2026-05-22"]
    # 28 clear working days back from 2 June 2026 skip the 4 and 25 May bank holidays.
    call_command("deadlines", "2026-06-02", "--days", "28")
    assert capsys.readouterr().out.splitlines()[0] == "agenda 2026-04-20"
    call_command("deadlines", "2026-06-02", "--days", "28", "--calendar")
    # 2 June less 29 days is Monday 4 May, a bank holiday: publish by Friday 1 May.
    assert capsys.readouterr().out.splitlines()[0] == "agenda 2026-05-01"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "args, message",
    [
        (["02/06/2026"], "is not a date"),
        (["2026-02-31"], "is not a date"),
        (["2026-06-02", "--days", "-1"], "cannot be negative"),
    ],
)
def test_moot_deadlines_refuses_bad_input(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("deadlines", *args)


@pytest.mark.django_db
def test_closure_days_do_not_count():
    ClosureDay.objects.create(date=D(2026, 5, 29), reason="Office move")
    assert latest_publication(D(2026, 6, 2)) == D(2026, 5, 21)


def test_christmas_and_weekends_are_not_clear_days():
    assert not is_clear_day(D(2026, 12, 25))
    assert not is_clear_day(D(2026, 12, 26))  # a Saturday; Boxing Day substitute is the 28th
    assert not is_clear_day(D(2026, 12, 28))
    assert is_clear_day(D(2026, 12, 29))


@given(meeting=st.dates(D(2015, 1, 1), D(2030, 12, 31)), required=st.integers(0, 30))
def test_the_deadline_is_the_latest_working_day_that_leaves_enough_clear_days(meeting, required):
    deadline = latest_publication(meeting, required, closed=frozenset())
    assert is_clear_day(deadline)
    assert clear_days_between(deadline, meeting) >= required
    later = deadline + dt.timedelta(days=1)
    while later < meeting and not is_clear_day(later):
        later += dt.timedelta(days=1)
    if later < meeting:
        assert clear_days_between(later, meeting) < required, "a later working day would do"
