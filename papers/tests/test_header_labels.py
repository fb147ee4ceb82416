"""The label matcher and the value readers of a report's header (papers/header_labels.py,
papers/header_values.py): every spelling of a label names its field, and no sentence of a
report's body is taken for one."""

import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from papers.header_labels import FIELDS, field_of, read_date, split_dated, split_label
from papers.header_values import (
    Para,
    read_classification,
    read_contact,
    read_key_decision,
    read_recommendations,
    strip_marker,
)

LABELS = [(field, label) for field, labels in FIELDS.items() for label in labels]
SPACES = st.sampled_from([" ", "\u00a0", "\u202f", "  "])


def respell(label: str, data) -> str:
    """The label as an author might type it: any case, any of Word's spaces between words,
    stars of bold markdown, with or without the colon."""
    words = label.split(" ")
    cased = [data.draw(st.sampled_from([w, w.upper(), w.lower(), w.title()])) for w in words]
    text = "".join(
        w + (data.draw(SPACES) if i < len(cased) - 1 else "") for i, w in enumerate(cased)
    )
    return (
        data.draw(st.sampled_from(["", " ", "\u00a0"]))
        + text
        + data.draw(st.sampled_from(["", ":", " :", ":\u00a0", "\u00a0:"]))
    )


@given(st.sampled_from(LABELS), st.data())
def test_every_spelling_of_a_label_names_its_field(case, data):
    field, label = case
    assert field_of(respell(label, data)) == field


@given(
    st.sampled_from(LABELS),
    st.data(),
    st.from_regex(r"[A-Za-z0-9][a-z XYZ0-9,.–]{0,30}", fullmatch=True),
)
def test_a_label_and_its_value_are_split(case, data, value):
    field, label = case
    value = value.strip() or "x"
    written = respell(label, data).rstrip(": \u00a0") + data.draw(
        st.sampled_from([": ", ":", "\t", ":\u00a0"])
    )
    found = split_label(written + value)
    assert found is not None and found[0] == field
    assert found[2] == " ".join(value.split())


@example("To consider and approve the minutes as a correct record.")
@example("By entering the meeting room you are consenting to being filmed.")
@example("From 1 April the scheme will change.")
@example("Date of the next meeting is to be confirmed")
@example("Summary of the consultation responses is at Appendix 2.")
@given(
    st.from_regex(
        r"(To|By|From|Date|Summary|Subject|Title) [a-z]{2,}( [a-z]+){2,6}\.", fullmatch=True
    )
)
def test_a_sentence_of_the_body_is_not_a_label(sentence):
    assert split_label(sentence) is None


def test_the_seeds_own_spellings():
    assert split_label("Classification Unrestricted") == (
        "classification",
        "Classification",
        "Unrestricted",
    )
    assert split_label("RECOMMENDATIONS:")[:2] == ("recommendations", "RECOMMENDATIONS")
    assert split_label("Recommendation(s):")[0] == "recommendations"
    assert split_label("Past Pathway of Paper: None")[0] == "past_pathway"
    assert split_label("FOR DECISION") == ("decision_flag", "FOR DECISION", "FOR DECISION")
    assert field_of("4. Background Documents") == "background_documents"
    assert field_of("5. Contact details") == "contact"
    # The body's own numbered headings are not labels.
    assert field_of("1. Summary") is None
    assert split_label("Policy & Resources: a review") is None


MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)), st.data())
def test_a_date_in_any_of_the_councils_forms_is_read(day, data):
    month = MONTH_NAMES[day.month - 1]
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(day.day, "th")
    form = data.draw(
        st.sampled_from(
            [
                f"{day.day} {month} {day.year}",
                f"{day.day}{suffix} {month} {day.year}",
                f"{day:%A} {day.day} {month} {day.year}",
                f"{day.day} {month[:3]} {day.year}",
                f"{month} {day.day}, {day.year}",
                f"{day:%d/%m/%Y}",
                f"{day.day}.{day.month}.{day.year}",
                day.isoformat(),
            ]
        )
    )
    assert read_date(form) == day
    assert split_dated(f"Cabinet – {form}") == ("Cabinet", day, "")


def test_what_is_not_a_date_is_none():
    for text in ("tbc", "31 February 2017", "March 2017", "13/13/2017", "1 March 2017 or later"):
        assert read_date(text) is None


def test_classifications():
    assert read_classification("Exempt – paragraph 3 of Part 1 of Schedule 12A")[:2] == (
        "exempt",
        3,
    )
    assert read_classification("Exempt (para. 1)")[:2] == ("exempt", 1)
    assert read_classification("NOT FOR PUBLICATION paragraph 5")[:2] == ("exempt", 5)
    assert read_classification("Confidential")[:2] == ("confidential", None)
    assert read_classification("Unrestricted")[:2] == ("unrestricted", None)
    eight = read_classification("Exempt under paragraph 8")
    assert eight[:2] == ("exempt", None) and "not one of Schedule 12A's" in eight[2][0]
    both = read_classification("Exempt – paragraphs 3 and 4")
    assert both[:2] == ("exempt", 3) and "more than one paragraph" in both[2][0]
    assert read_classification("Green")[0] == ""


def test_key_decisions():
    assert read_key_decision("Yes – 17/00081") == (True, "17/00081")
    assert read_key_decision("No") == (False, "")
    assert read_key_decision("Non-key") == (False, "")
    assert read_key_decision("To be confirmed") == (None, "")


@given(st.sampled_from(["(1) ", "1. ", "1) ", "(a) ", "a) ", "(ii) ", "iv. ", "• ", "- "]))
def test_typed_list_markers_are_taken_off(marker):
    assert strip_marker(f"{marker}ENDORSE the strategy;") == "ENDORSE the strategy;"


def test_recommendations_with_a_lead_in_and_a_wrapped_item():
    items, lead = read_recommendations(
        [
            Para("The Committee is asked to:"),
            Para("NOTE the report;", listed=True),
            Para("AGREE the terms", listed=True),
            Para("set out in Appendix A."),
        ]
    )
    assert lead == "The Committee is asked to:"
    assert items == ["NOTE the report;", "AGREE the terms set out in Appendix A."]


def test_contact_details_on_one_line():
    assert read_contact([Para("Andrew Tait, Democratic Services Officer 03000 416749")]) == (
        read_contact([Para("Andrew Tait\nDemocratic Services Officer\nTel: 03000 416749")])
    )
    c = read_contact([Para("Paul Wickenden / Democratic Services Manager (Members) 03000 418967")])
    assert (c.name, c.job_title, c.telephone) == (
        "Paul Wickenden",
        "Democratic Services Manager (Members)",
        "03000 418967",
    )
