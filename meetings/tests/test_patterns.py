"""Reading a pattern of meetings as officers type it (meetings/patterns.py)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meetings.models import Venue
from meetings.patterns import LAST, Pattern, read_pattern

DARENT = Venue(pk=1, room="Darent Room", building="Sessions House", address="County Hall")
CHAMBER = Venue(pk=2, room="Council Chamber", building="Sessions House")
CIVIC = Venue(pk=3, room="Council Chamber", building="Civic Centre")
MAY_ROOM = Venue(pk=4, room="May Room")  # a venue named with a month and no building
VENUES = [DARENT, CHAMBER, CIVIC, MAY_ROOM]
WED, THU, MON, TUE = 2, 3, 0, 1


@pytest.mark.parametrize(
    "text, expected",
    [
        ("third Wednesday, 10.00, Darent Room", Pattern(WED, 3, dt.time(10), DARENT)),
        ("last Thursday 2pm", Pattern(THU, LAST, dt.time(14))),
        (
            "first Monday of every month at 10am in Council Chamber, Sessions House",
            Pattern(MON, 1, dt.time(10), CHAMBER),
        ),
        ("Third WEDNESDAY, 10:00, DARENT ROOM", Pattern(WED, 3, dt.time(10), DARENT)),
        ("the 2nd tues at 2.30 p.m. in the may room", Pattern(TUE, 2, dt.time(14, 30), MAY_ROOM)),
        (
            "4th Fri of every other month, 9.30am, except August and Dec",
            Pattern(4, 4, dt.time(9, 30), None, frozenset({8, 12}), 2),
        ),
        (
            "second Tuesday quarterly starting in June, 14.00, Council Chamber, Civic Centre",
            Pattern(TUE, 2, dt.time(14), CIVIC, every_months=3, starting_month=6),
        ),
        (
            "second Tuesday of every 3 months from Sept., 2.30 pm, skipping December",
            Pattern(TUE, 2, dt.time(14, 30), None, {12}, every_months=3, starting_month=9),
        ),
        ("first Monday at noon, not in August", Pattern(MON, 1, dt.time(12), None, {8})),
        ("first Monday 10am, no meeting in Aug Dec", Pattern(MON, 1, dt.time(10), None, {8, 12})),
        ("last Wed every two months, 19.00", Pattern(WED, LAST, dt.time(19), every_months=2)),
        (
            "third Thursday at 10am, Darent Room, Sessions House, County Hall",
            Pattern(THU, 3, dt.time(10), DARENT),
        ),
    ],
)
def test_what_officers_type_is_read(text, expected):
    assert read_pattern(text, VENUES) == expected


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "Type the pattern of meetings"),
        ("   ", "Type the pattern of meetings"),
        ("third Wednesday", "Give the start time"),
        ("Wednesday at 10am", "Say which Wednesday of the month"),
        ("third at 10am", "Give the day of the week"),
        ("fifth Friday, 10am", "Not every month has a fifth week"),
        ("third Wednesday, 2.00", '"2.00" could be morning or afternoon'),
        ("third Wednesday, 25.00", '"25.00" is not a time of day'),
        ("third Wednesday, 13pm", '"13pm" is not a time of day'),
        ("third Wednesday, 10am, 2pm", "more than one start time"),
        ("third Wednesday and first Monday, 10am", "more than one day of the month"),
        ("third Wednesday every 13 months, 10am", "every 1 to 12 months"),
        ("third Wednesday every month from June, 10am", "starting month only matters"),
        ("third Wednesday 10am, Darent Room, except Jan, Febuary", 'cannot read "Febuary"'),
        (
            "third Wednesday 10am, Council Chamber",
            'More than one venue is called "Council Chamber"',
        ),
        ("third Wednesday 10am, Darent Room or May Room", "more than one venue"),
        ("third Wednesday 10am fortnightly, Darent Room", 'Moot cannot read "fortnightly"'),
    ],
)
def test_what_cannot_be_read_is_refused_in_plain_words(text, message):
    with pytest.raises(ValueError, match=message):
        read_pattern(text, VENUES)


def test_an_unknown_venue_is_refused_naming_the_venues():
    with pytest.raises(ValueError) as refused:
        read_pattern("third Wednesday, 10.00, Darnet Room", VENUES)
    assert str(refused.value) == (
        'There is no venue called "Darnet Room". The venues are: Council Chamber, Civic Centre; '
        "Council Chamber, Sessions House; Darent Room, Sessions House; May Room."
    )


def test_every_month_skipped_is_refused():
    months = ", ".join(
        "January February March April May June July August September October November "
        "December".split()
    )
    with pytest.raises(ValueError, match="leaves no meetings"):
        read_pattern(f"first Monday 10am except {months}", [])


@pytest.mark.django_db
def test_the_venues_are_those_recorded_by_default():
    from moot import testing as t

    room = t.venue("Medway Room")
    assert read_pattern("last Friday 10am in the MEDWAY ROOM").venue == room
    with pytest.raises(ValueError, match="The venues are: .*Medway Room, Test House"):
        read_pattern("last Friday 10am in the Swale Room")


@pytest.mark.parametrize(
    "values, message",
    [
        ({"weekday": 7}, "Monday to Sunday"),
        ({"occurrence": 5}, "first to fourth"),
        ({"time": dt.time(10, 0, 30)}, "hours and minutes"),
        ({"every_months": 0}, "every 1 to 12 months"),
        ({"skip_months": {13}}, "January to December"),
        ({"every_months": 2, "starting_month": 0}, "January to December"),
    ],
)
def test_a_pattern_refuses_values_out_of_range(values, message):
    fields = {"weekday": 0, "occurrence": 1, "time": dt.time(10)} | values
    with pytest.raises(ValueError, match=message):
        Pattern(**fields)


def patterns():
    every = st.integers(1, 12)
    return every.flatmap(
        lambda n: st.builds(
            Pattern,
            weekday=st.integers(0, 6),
            occurrence=st.sampled_from([1, 2, 3, 4, LAST]),
            time=st.builds(dt.time, st.integers(0, 23), st.integers(0, 59)),
            venue=st.sampled_from([None, DARENT, CHAMBER, CIVIC, MAY_ROOM]),
            skip_months=st.frozensets(st.integers(1, 12), max_size=11),
            every_months=st.just(n),
            starting_month=st.none() if n == 1 else st.none() | st.integers(1, 12),
        )
    )


@given(patterns())
def test_a_pattern_written_out_reads_back_the_same(pattern):
    text = str(pattern)
    assert read_pattern(text, VENUES) == pattern
    assert read_pattern(text.upper(), VENUES) == pattern
    assert read_pattern(text.replace(",", ""), VENUES) == pattern


@given(st.integers(0, 23), st.integers(0, 59))
def test_times_read_as_typed(hour, minute):
    said = dt.time(hour, minute)
    twelve = f"{hour % 12 or 12}{f'.{minute:02d}' if minute else ''}{'am' if hour < 12 else 'pm'}"
    forms = [twelve, f"{hour % 12 or 12}:{minute:02d} {'a.m.' if hour < 12 else 'p.m.'}"]
    if not 1 <= hour <= 6:
        forms += [f"{hour}.{minute:02d}", f"{hour:02d}:{minute:02d}"]
    for form in forms:
        assert read_pattern(f"first Monday at {form}", []).time == said, form
