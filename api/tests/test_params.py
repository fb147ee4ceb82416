"""The query-parameter parsers, against whatever hypothesis can think of: they return a value
of the right type or raise ApiError (a 400) — never anything else."""

import datetime as dt

import pytest
from django.http import QueryDict
from hypothesis import given, settings
from hypothesis import strategies as st

from api import params as p
from api.params import ApiError

ANY_TEXT = st.text(max_size=40)


@given(ANY_TEXT)
def test_parse_date_returns_a_date_or_refuses(text):
    try:
        value = p.parse_date("from", text)
    except ApiError as error:
        assert error.status == 400 and error.parameters == ["from"]
    else:
        assert isinstance(value, dt.date)
        assert value.isoformat() == text.strip()


@given(st.dates())
def test_every_real_date_is_accepted(day):
    text = day.isoformat()
    if len(text) == 10:  # years before 1000 are not written YYYY by isoformat
        assert p.parse_date("to", text) == day


@given(st.integers(1, 9999), st.integers(1, 12), st.integers(29, 35))
def test_impossible_days_are_refused(year, month, day):
    text = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        dt.date(year, month, day)
    except ValueError:
        with pytest.raises(ApiError, match="not a real date"):
            p.parse_date("from", text)
    else:
        assert p.parse_date("from", text) == dt.date(year, month, day)


@given(ANY_TEXT)
def test_parse_datetime_returns_an_aware_datetime_or_refuses(text):
    try:
        value = p.parse_datetime("updated_since", text)
    except ApiError as error:
        assert error.parameters == ["updated_since"]
    else:
        assert value.tzinfo is not None


@given(
    st.datetimes(
        min_value=dt.datetime(1000, 1, 1),
        max_value=dt.datetime(9998, 12, 31),
        timezones=st.just(dt.UTC),
    )
)
def test_iso_datetimes_round_trip(moment):
    assert p.parse_datetime("updated_since", moment.isoformat()) == moment
    text = moment.isoformat().replace("+00:00", "Z")
    assert p.parse_datetime("updated_since", text) == moment


@given(ANY_TEXT)
def test_parse_int_returns_a_bounded_int_or_refuses(text):
    try:
        value = p.parse_int("body", text)
    except ApiError as error:
        assert error.parameters == ["body"]
    else:
        assert 1 <= value <= p.MAX_ID


@given(
    st.dictionaries(
        st.sampled_from(["page", "page_size"]),
        st.one_of(ANY_TEXT, st.integers(-10, 10**12).map(str)),
    )
)
def test_parse_page_is_bounded_or_refuses(values):
    try:
        page = p.parse_page(values)
    except ApiError as error:
        assert set(error.parameters) <= {"page", "page_size"}
    else:
        assert 1 <= page.size <= p.MAX_PAGE_SIZE
        assert 1 <= page.number <= p.MAX_PAGE


@settings(max_examples=200)
@given(st.binary(max_size=30))
def test_query_strings_of_any_bytes_are_checked_not_crashed(raw):
    text = raw.decode("latin-1")
    try:
        p.check_query_string(text)
    except ApiError as error:
        assert "UTF-8" in error.message
    else:
        from urllib.parse import unquote_to_bytes

        unquote_to_bytes(raw).decode("utf-8")


@given(
    st.lists(
        st.tuples(st.sampled_from(["body", "from", "x", "page", "'; --"]), ANY_TEXT), max_size=5
    )
)
def test_single_values_refuses_unknown_and_repeated(pairs):
    q = QueryDict(mutable=True)
    for k, v in pairs:
        q.appendlist(k, v)
    allowed = {"body", "from", "page"}
    try:
        values = p.single_values(q, allowed)
    except ApiError as error:
        assert error.parameters
    else:
        assert set(values) <= allowed
        assert all(len(q.getlist(k)) == 1 for k in values)


def test_examples():
    with pytest.raises(ApiError, match="2026-02-31 is not a real date"):
        p.parse_date("from", "2026-02-31")
    assert p.parse_datetime("updated_since", "2026-01-31T09:30:00+01:00") == dt.datetime(
        2026, 1, 31, 8, 30, tzinfo=dt.UTC
    )
    assert p.parse_datetime("updated_since", "2026-07-01T12:00") == dt.datetime(
        2026, 7, 1, 11, 0, tzinfo=dt.UTC
    )  # UK local time (BST)
    with pytest.raises(ApiError, match="at most 200"):
        p.parse_page({"page_size": "201"})


@pytest.mark.parametrize(
    "text, expected",
    [
        # Valid RFC 3339 moments that UTC cannot write: the first and last moments there are.
        ("0001-01-01T00:00:00+23:59", p.EARLIEST),
        ("0001-01-01T00:30:00+01:00", p.EARLIEST),
        ("9999-12-31T23:59:59-23:59", p.LATEST),
        ("9999-12-31T23:00:00.5-01:00", p.LATEST),
        # The same ends written in UTC are themselves.
        ("0001-01-01T00:00:00Z", p.EARLIEST),
        ("9999-12-31T23:59:59.999999Z", p.LATEST),
        ("0001-01-01T02:00:00+01:00", dt.datetime(1, 1, 1, 1, tzinfo=dt.UTC)),
    ],
)
def test_the_far_ends_of_the_calendar_are_accepted(text, expected):
    assert p.parse_datetime("updated_since", text) == expected


@given(
    st.datetimes(
        min_value=dt.datetime(1, 1, 1),
        max_value=dt.datetime(9999, 12, 31, 23, 59),
        timezones=st.builds(
            dt.timezone,
            st.timedeltas(
                min_value=dt.timedelta(hours=-23, minutes=-59),
                max_value=dt.timedelta(hours=23, minutes=59),
            ).map(lambda d: dt.timedelta(minutes=d // dt.timedelta(minutes=1))),
        ),
    )
)
def test_every_rfc3339_moment_is_accepted(moment):
    """Whatever the schema's date-time admits (any year, any offset up to ±23:59) is a
    moment, never a 400."""
    text = moment.isoformat()
    parsed = p.parse_datetime("updated_since", text)
    assert parsed.tzinfo == dt.UTC
    assert p.EARLIEST <= parsed <= p.LATEST
