import datetime as dt

import pytest

from meetings.formatting import cover_date, long_date, ordinal, time_text


@pytest.mark.parametrize(
    "t, text",
    [
        (dt.time(10, 0), "10.00 am"),
        (dt.time(14, 30), "2.30 pm"),
        (dt.time(12, 0), "12.00 pm"),
        (dt.time(0, 5), "12.05 am"),
        (dt.time(9, 30), "9.30 am"),
        (None, ""),
    ],
)
def test_time_text(t, text):
    assert time_text(t) == text


@pytest.mark.parametrize(
    "n, text",
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (31, "31st"),
    ],
)
def test_ordinal(n, text):
    assert ordinal(n) == text


def test_dates_as_the_seeds_print_them():
    assert cover_date(dt.date(2017, 9, 15)) == "Friday, 15th September, 2017"
    assert cover_date(dt.date(2015, 12, 10)) == "Thursday, 10th December, 2015"
    assert long_date(dt.date(2017, 3, 1)) == "Wednesday, 1 March 2017"
