"""Minute numbering through the municipal year, and resolutions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from audit.testing import TEST_ACTOR
from meetings.models import Meeting
from meetings.services import save_meeting
from proceedings.minutes import add_minute, add_resolution, next_minute_number
from proceedings.models import Minute
from proceedings.rules import municipal_year


def _meeting(body, day):
    return save_meeting(Meeting(body=body, date=day), default_venue=False, actor=TEST_ACTOR)


def test_municipal_year_starts_in_may(db):
    # The demo authority keeps the default, 1 May.
    assert municipal_year(dt.date(2016, 4, 30)) == 2015
    assert municipal_year(dt.date(2016, 5, 1)) == 2016


def test_numbers_run_on_and_restart(committee):
    c = committee
    first = add_minute(c.meeting, "Minutes", item=c.items[2], number=8, actor=TEST_ACTOR)
    assert first.municipal_year == 2016 and first.body == c.body
    assert add_minute(c.meeting, "Member ICT", item=c.items[0], actor=TEST_ACTOR).number == 9
    # One item can produce two minutes, in the order business was taken.
    assert (
        add_minute(
            c.meeting, "Member ICT (closed session)", item=c.items[0], actor=TEST_ACTOR
        ).number
        == 10
    )
    later = _meeting(c.body, dt.date(2016, 11, 1))
    assert next_minute_number(later) == 11
    next_year = _meeting(c.body, dt.date(2017, 6, 1))
    assert next_minute_number(next_year) == 1


def test_colliding_and_out_of_step_numbers_refused(committee):
    c = committee
    add_minute(c.meeting, "Minutes", number=8, actor=TEST_ACTOR)
    later = _meeting(c.body, dt.date(2016, 11, 1))
    with pytest.raises(
        ValidationError, match="Minute 8 of .*2016/17 municipal year is already used"
    ):
        add_minute(later, "Apologies", number=8, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="belongs to the meeting of 27 September 2016"):
        add_minute(later, "Apologies", number=5, actor=TEST_ACTOR)
    assert Minute.objects.filter(meeting=later).count() == 0


def test_item_from_another_meeting_refused(committee):
    c = committee
    other = _meeting(c.body, dt.date(2016, 11, 1))
    with pytest.raises(ValidationError, match="not on this meeting's agenda"):
        add_minute(other, "Wrong", item=c.items[0], actor=TEST_ACTOR)


def test_resolution_parts_are_lettered(committee):
    m = add_minute(committee.meeting, "Member ICT", actor=TEST_ACTOR)
    r = add_resolution(
        m, "RESOLVED that:-", ["the report be noted;", "officers report back."], actor=TEST_ACTOR
    )
    assert r.lettered_parts == [("(a)", "the report be noted;"), ("(b)", "officers report back.")]
    with pytest.raises(ValidationError, match="must be some text"):
        add_resolution(m, "RESOLVED that:-", ["fine", "  "], actor=TEST_ACTOR)
