"""Dates and times as people type them (council/typed_dates.py), and the form fields that
read them (council/date_fields.py)."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from django import forms
from django.core.exceptions import ValidationError
from hypothesis import example, given
from hypothesis import strategies as st

from council.date_fields import TypedDateField, TypedTimeField
from council.typed_dates import (
    DATE_FORMS,
    DAY_NAMES,
    MONTH_NAMES,
    TIME_FORMS,
    date_as_typed,
    read_date,
    read_time,
    time_as_typed,
)

TODAY = dt.date(2026, 9, 16)


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def _month(d: dt.date) -> str:
    return MONTH_NAMES[d.month - 1]


DATE_WAYS = {
    "22/12/2026": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    "2/1/2026": lambda d: f"{d.day}/{d.month}/{d.year}",
    "22-12-2026": lambda d: f"{d.day}-{d.month}-{d.year}",
    "22.12.2026": lambda d: f"{d.day}.{d.month:02d}.{d.year}",
    "22 12 2026": lambda d: f"{d.day} {d.month} {d.year}",
    "22 Dec 2026": lambda d: f"{d.day} {_month(d)[:3]} {d.year}",
    "22 Sept 2026": lambda d: f"{d.day} {_month(d)[:4]} {d.year}",
    "22 December 2026": lambda d: f"{d.day} {_month(d)} {d.year}",
    "22 DECEMBER 2026": lambda d: f"{d.day} {_month(d).upper()} {d.year}",
    "Tuesday 22 December 2026": lambda d: f"{DAY_NAMES[d.weekday()]} {d.day} {_month(d)} {d.year}",
    "Tue, 22nd Dec. 2026": lambda d: (
        f"{DAY_NAMES[d.weekday()][:3]}, {_ordinal(d.day)} {_month(d)[:3]}. {d.year}"
    ),
    "22nd of December, 2026": lambda d: f"{_ordinal(d.day)} of {_month(d)}, {d.year}",
    "22-Dec-2026": lambda d: f"{d.day}-{_month(d)[:3]}-{d.year}",
    "2026-12-22": lambda d: f"{d.year}-{d.month:02d}-{d.day:02d}",
    "  22 / 12 / 2026  ": lambda d: f"  {d.day} / {d.month} / {d.year}  ",
    "as a form shows it back": date_as_typed,
}
FOUR_FIGURE_YEARS = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


@pytest.mark.parametrize("way", DATE_WAYS)
@given(day=FOUR_FIGURE_YEARS)
@example(day=dt.date(2026, 12, 22))
@example(day=dt.date(2024, 2, 29))
def test_every_date_written_in_each_accepted_way_reads_back_to_itself(way, day):
    assert read_date(DATE_WAYS[way](day), today=TODAY) == day


# Two figures: within 20 years ahead of this year or 79 behind it.
TWO_FIGURE_YEARS = st.dates(min_value=dt.date(1947, 1, 1), max_value=dt.date(2046, 12, 31))


@pytest.mark.parametrize(
    "write",
    [
        lambda d: f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
        lambda d: f"{d.day} {_month(d)[:3]} {d.year % 100:02d}",
    ],
    ids=["22/12/26", "22 Dec 26"],
)
@given(day=TWO_FIGURE_YEARS)
def test_a_two_figure_year_is_the_one_nearest_this_year(write, day):
    assert read_date(write(day), today=TODAY) == day


def test_two_figure_years_around_the_window_edges():
    assert read_date("22/12/26", today=TODAY) == dt.date(2026, 12, 22)
    assert read_date("1/1/46", today=TODAY).year == 2046
    assert read_date("1/1/47", today=TODAY).year == 1947
    assert read_date("1/1/99", today=TODAY).year == 1999
    assert read_date("1/1/15", today=dt.date(2017, 9, 16)).year == 2015


@pytest.mark.parametrize(
    "text, problem",
    [
        ("31/02/2026", "There is no 31 February 2026: February 2026 has 28 days"),
        ("29 Feb 2025", "There is no 29 February 2025: February 2025 has 28 days"),
        ("31/04/2026", "April 2026 has 30 days"),
        ("0/12/2026", "There is no 0 December 2026"),
        ("22/13/2026", "There is no month 13"),
        ("2026-13-01", "There is no month 13"),
        ("Monday 22 December 2026", "22 December 2026 is a Tuesday, not a Monday"),
        ("22 Decmber 2026", "Check the month: “decmber” is not one"),
        ("22/12/0026", "Enter the year in full, like 2026"),
        ("12/22/2026", "There is no month 22"),  # never month first
        ("22/12/226", DATE_FORMS),
        ("22/12-2026", DATE_FORMS),
        ("tomorrow", DATE_FORMS),
        ("Funday 22 December 2026", DATE_FORMS),
        ("２２/12/2026", DATE_FORMS),  # full-width figures are not read as 22
        ("22/12/2026 " + "x" * 100, DATE_FORMS),
    ],
)
def test_dates_that_cannot_be_read_say_why_in_plain_words(text, problem):
    with pytest.raises(ValueError, match=problem):
        read_date(text, today=TODAY)


@given(year=st.integers(1000, 9999), month=st.integers(1, 12))
def test_the_day_after_the_end_of_a_month_is_refused(year, month):
    days = calendar.monthrange(year, month)[1]
    assert read_date(f"{days}/{month}/{year}") == dt.date(year, month, days)
    with pytest.raises(ValueError, match=f"{MONTH_NAMES[month - 1]} {year} has {days} days"):
        read_date(f"{days + 1}/{month}/{year}")


def _twelve(t: dt.time, sep: str = ":", space: str = "", pm: str = "pm", am: str = "am") -> str:
    minutes = f"{sep}{t.minute:02d}" if t.minute or sep == "." else ""
    return f"{t.hour % 12 or 12}{minutes}{space}{pm if t.hour >= 12 else am}"


TIME_WAYS = {
    "14:30": lambda t: f"{t:%H:%M}",
    "14.30": lambda t: f"{t:%H.%M}",
    "1430": lambda t: f"{t:%H%M}",
    "1430hrs": lambda t: f"{t:%H%M}hrs",
    "14:30 hours": lambda t: f"{t:%H:%M} hours",
    "2:30pm": _twelve,
    "2.30pm": lambda t: _twelve(t, sep="."),
    "2.30 p.m.": lambda t: _twelve(t, sep=".", space=" ", pm="p.m.", am="a.m."),
    "2:30 PM": lambda t: _twelve(t, space=" ", pm="PM", am="AM"),
    "as a form shows it back": time_as_typed,
}
MINUTES = st.times().map(lambda t: t.replace(second=0, microsecond=0))


@pytest.mark.parametrize("way", TIME_WAYS)
@given(moment=MINUTES)
@example(moment=dt.time(0, 0))
@example(moment=dt.time(12, 0))
@example(moment=dt.time(12, 30))
@example(moment=dt.time(10, 0))
def test_every_time_written_in_each_accepted_way_reads_back_to_itself(way, moment):
    assert read_time(TIME_WAYS[way](moment)) == moment


@given(moment=st.times().map(lambda t: t.replace(microsecond=0)))
def test_a_time_with_seconds_reads_back(moment):
    assert read_time(f"{moment:%H:%M:%S}") == moment
    assert read_time(time_as_typed(moment)) == moment


@pytest.mark.parametrize(
    "text, moment",
    [
        ("10am", dt.time(10)),
        ("10.00", dt.time(10)),
        ("10:00", dt.time(10)),
        ("2pm", dt.time(14)),
        ("2.30pm", dt.time(14, 30)),
        ("14:30", dt.time(14, 30)),
        ("noon", dt.time(12)),
        ("Midday", dt.time(12)),
        ("12 noon", dt.time(12)),
        ("midnight", dt.time(0)),
        ("12am", dt.time(0)),
        ("12pm", dt.time(12)),
        ("10 a.m.", dt.time(10)),
        ("09:30", dt.time(9, 30)),
    ],
)
def test_the_times_people_type(text, moment):
    assert read_time(text) == moment


@pytest.mark.parametrize(
    "text, problem",
    [
        ("2.30", "Say whether 2.30 is am or pm: enter 2.30am, 2.30pm or 14:30"),
        ("7", TIME_FORMS),
        ("14:30pm", "With am or pm the hour is from 1 to 12"),
        ("0am", "With am or pm the hour is from 1 to 12"),
        ("10:61", "The minutes go from 00 to 59"),
        ("24:00", TIME_FORMS),
        ("half past two", TIME_FORMS),
        ("", TIME_FORMS),
    ],
)
def test_times_that_cannot_be_read_say_why_in_plain_words(text, problem):
    with pytest.raises(ValueError, match=problem):
        read_time(text)


def test_a_form_shows_times_back_in_govuk_style():
    shown = [time_as_typed(dt.time(h, m)) for h, m in [(10, 0), (14, 30), (12, 0), (0, 0)]]
    assert shown == ["10am", "2:30pm", "midday", "midnight"]


# --- the form fields ---------------------------------------------------------------------

DATE_ISH = st.text(alphabet="0123456789/-. ,adefgjlmnoprstuvwyADJS", max_size=30)
TIME_ISH = st.text(alphabet="0123456789:. apmAPhrsnoidgt", max_size=16)


@given(text=st.one_of(st.text(), DATE_ISH))
def test_junk_is_never_anything_but_a_validation_error_for_a_date(text):
    try:
        value = TypedDateField(required=False).clean(text)
    except ValidationError as error:
        assert error.messages and all(m for m in error.messages)
    else:
        assert value is None or type(value) is dt.date


@given(text=st.one_of(st.text(), TIME_ISH))
def test_junk_is_never_anything_but_a_validation_error_for_a_time(text):
    try:
        value = TypedTimeField(required=False).clean(text)
    except ValidationError as error:
        assert error.messages and all(m for m in error.messages)
    else:
        assert value is None or type(value) is dt.time


class MeetingForm(forms.Form):
    day = TypedDateField(label="Date")
    starts = TypedTimeField(label="Start time", required=False)


def test_a_form_reads_what_was_typed_and_says_the_expected_form_when_it_cannot():
    form = MeetingForm({"day": "Tuesday 22 December 2026", "starts": "2.30pm"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"day": dt.date(2026, 12, 22), "starts": dt.time(14, 30)}
    form = MeetingForm({"day": "31/02/2026", "starts": "lunchtime"})
    assert not form.is_valid()
    assert form.errors["day"] == ["There is no 31 February 2026: February 2026 has 28 days"]
    assert form.errors["starts"] == [TIME_FORMS]
    assert MeetingForm({"day": "soon"}).errors["day"] == [DATE_FORMS]
    assert MeetingForm({"day": "  "}).errors["day"] == ["This field is required."]
    assert MeetingForm({"day": "22/12/2026", "starts": ""}).is_valid()


def test_the_inputs_are_govuk_text_inputs_that_keep_what_was_typed():
    html = str(MeetingForm({"day": "22 Decmber 2026", "starts": "2.30"})["day"])
    assert 'type="text"' in html and 'value="22 Decmber 2026"' in html
    assert 'class="govuk-input govuk-input--width-10' in html
    assert 'inputmode="text"' in html and 'autocomplete="off"' in html
    assert 'spellcheck="false"' in html and 'aria-describedby="id_day_helptext' in html
    unbound = MeetingForm(initial={"day": dt.date(2026, 12, 2), "starts": dt.time(10)})
    assert 'value="02/12/2026"' in str(unbound["day"])
    assert 'value="10am"' in str(unbound["starts"])
    assert MeetingForm.base_fields["day"].help_text == "For example, 22/12/2026 or 22 Dec 2026"


def test_an_unchanged_date_is_not_a_change():
    form = MeetingForm({"day": "22 Dec 2026"}, initial={"day": dt.date(2026, 12, 22)})
    assert "day" not in form.changed_data
    form = MeetingForm({"day": "23 Dec 2026"}, initial={"day": dt.date(2026, 12, 22)})
    assert "day" in form.changed_data
