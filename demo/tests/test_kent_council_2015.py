"""The County Council meeting of 22 October 2015, reproduced through the services."""

from __future__ import annotations

import pytest

from demo.kent.council_2015 import load_22_october_2015
from proceedings.attendance import chair, is_quorate
from proceedings.models import Motion, RecordedVote

TITLES = {
    35: "Apologies for Absence",
    37: "Minutes of the meeting held on 17 September 2015 and, if in order, to be approved "
    "as a correct record",
    38: "Revised Proportionality Calculations and Committee Membership - Urgent Business",
    39: "Chairman's Announcements",
    40: "Questions",
    41: "Report by Leader of the Council (Oral)",
    42: "Kent's response to the Syrian refugee crisis",
    43: "Motion for Time Limited Debate",
}


@pytest.fixture
def meeting(db):
    return load_22_october_2015()


def _names(vote, choice):
    return {
        rv.person.surname
        for rv in RecordedVote.objects.filter(vote=vote, choice=choice).select_related("person")
    }


def test_attendance(meeting):
    a = meeting.attendances
    assert a.filter(status="present").count() == 74
    assert a.filter(status="apologies").count() == 9
    assert a.filter(status="in_attendance").count() == 3
    assert chair(meeting).formal_name == "Mr M J Harrison"
    assert set(a.filter(status="in_attendance").values_list("capacity", flat=True)) == {
        "Corporate Director Strategic & Corporate Services",
        "Director of Governance and Law",
        "Head of Democratic Services",
    }
    assert is_quorate(meeting)


def test_minutes_35_to_43(meeting):
    minutes = {m.number: m for m in meeting.minutes.all()}
    assert sorted(minutes) == list(range(35, 44))
    for number, title in TITLES.items():
        assert minutes[number].title == title
    assert hasattr(meeting, "nil_declarations")
    assert minutes[38].resolutions.get().lettered_parts[2][0] == "(c)"


def test_recorded_votes_of_minute_43(meeting):
    closure = Motion.objects.get(meeting=meeting, kind="procedural")
    motion = Motion.objects.get(meeting=meeting, kind="substantive", item__number="9")
    cv, mv = closure.vote, motion.vote
    assert (cv.votes_for, cv.votes_against, cv.abstentions, cv.result) == (64, 4, 4, "carried")
    assert (mv.votes_for, mv.votes_against, mv.abstentions, mv.result) == (62, 3, 1, "carried")
    assert closure.mover.surname == "Kite" and motion.seconder.surname == "Bird"
    assert _names(cv, "against") == {"Bird", "Clark", "Vye", "Wedgbury"}
    assert _names(cv, "abstain") == {"Birkby", "Elenor", "Heale"}  # Mr J and Mrs M Elenor
    assert RecordedVote.objects.filter(vote=cv, choice="abstain").count() == 4
    assert _names(mv, "against") == {"Bowles", "Elenor"}
    assert _names(mv, "abstain") == {"Birkby"}
    # Fact 27: present but in neither list of the closure vote.
    present = {a.person_id for a in meeting.attendances.filter(status="present")}
    voted = set(RecordedVote.objects.filter(vote=cv).values_list("person_id", flat=True))
    missing = sorted(
        meeting.attendances.filter(person_id__in=present - voted).values_list(
            "person__surname", flat=True
        )
    )
    assert missing == ["Hotson", "Pearman"]
    voted_motion = set(RecordedVote.objects.filter(vote=mv).values_list("person_id", flat=True))
    assert sorted(
        meeting.attendances.filter(person_id__in=present - voted_motion).values_list(
            "person__surname", flat=True
        )
    ) == ["Harrison", "Heale", "Holden", "Homewood", "Hotson", "Pearman", "Smith", "Wedgbury"]
    # Fact 28: Bird, Clark and Vye voted against the closure but for the motion.
    assert {"Bird", "Clark", "Vye"} <= _names(mv, "for")


def test_loading_twice_changes_nothing(meeting):
    load_22_october_2015()
    assert meeting.minutes.count() == 9 and meeting.attendances.count() == 86
