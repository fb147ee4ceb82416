"""The formatting rules and the parameter parsers, with properties checked by Hypothesis."""

import datetime as dt
import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from moderngov.params import BadParameter, Params, parse_bool, parse_date, parse_integer
from moderngov.xml import bool_text, child, clean, count_text, date_text, serialise, time_text


def test_the_documented_forms():
    assert date_text(dt.date(2017, 9, 15)) == "15/09/2017"
    assert date_text(None) == ""
    assert time_text(dt.time(10)) == "10.00 am" and time_text(dt.time(14, 30)) == "2.30 pm"
    assert bool_text(True) == "True" and bool_text(False) == "False"
    assert count_text(3) == " 3"


@given(st.dates(min_value=dt.date(1, 1, 1)))
def test_dates_round_trip(day):
    assert parse_date(date_text(day)) == day


@given(st.text())
def test_the_date_parser_never_raises_and_accepts_only_dd_mm_yyyy(text):
    day = parse_date(text)
    assert day is None or date_text(day) == "/".join(
        part.zfill(width) for part, width in zip(text.strip().split("/"), (2, 2, 4), strict=True)
    )


def test_impossible_and_foreign_dates_are_refused():
    for text in [
        "31/02/2026",
        "29/02/2025",
        "00/01/2020",
        "01/13/2020",
        "2017-09-15",
        "15/09/17",
        "15.09.2017",
        "",
        "  ",
        "١٥/٠٩/٢٠١٧",
        "15/09/0000",
    ]:
        assert parse_date(text) is None, text
    assert parse_date(" 29/02/2024 ") == dt.date(2024, 2, 29)
    assert parse_date("1/2/2020") == dt.date(2020, 2, 1)


@given(st.integers(min_value=-(10**99), max_value=10**99))
def test_integers_round_trip(n):
    assert parse_integer(str(n)) == n


@given(st.text())
def test_the_integer_parser_never_raises(text):
    n = parse_integer(text)
    assert n is None or n == int(text.strip())


def test_other_digits_and_huge_numbers_are_refused():
    for text in ["٣", "12a", "1.0", "1e3", "0x10", "", "9" * 101]:
        assert parse_integer(text) is None, text


def test_booleans():
    assert parse_bool("TRUE") is True and parse_bool("false") is False
    assert parse_bool("1") is True and parse_bool("maybe") is None


def test_parameter_names_match_in_any_case():
    params = Params({"LMEETINGID": "12", "sfromdate": "01/01/2015"})
    assert params.integer("lMeetingId") == 12
    assert params.date("sFromDate") == dt.date(2015, 1, 1)
    assert params.text("missing", required=False) is None
    for call in (lambda: params.integer("lWardId"), lambda: Params({"x": "y"}).date("x")):
        try:
            call()
        except BadParameter as problem:
            assert "must" in str(problem) or "required" in str(problem)
        else:
            raise AssertionError("refused parameter accepted")


@given(st.text())
def test_any_text_serialises_to_a_well_formed_document(text):
    root = ET.Element("meeting")
    child(root, "meetinglocation", text, ward=text)
    parsed = ET.fromstring(serialise(root, note=text))
    node = parsed.find("meetinglocation")
    assert node.get("ward") == (node.text or "") == clean(text)
    assert set(clean(text)) <= set(text) | {"\n"}
