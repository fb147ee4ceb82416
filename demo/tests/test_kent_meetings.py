"""The Kent demo's meetings and agendas, as the packs print them."""

from __future__ import annotations

import datetime as dt

import pytest

from meetings.models import AgendaItem, ItemKind, Meeting, MeetingStatus, Part

pytestmark = pytest.mark.django_db
D, T = dt.date, dt.time
PR = "Policy and Resources Cabinet Committee"


def meeting(body: str, day: dt.date) -> Meeting:
    return Meeting.objects.get(body__name=body, date=day)


def test_policy_and_resources_15_september_2017():
    m = meeting(PR, D(2017, 9, 15))
    assert (m.start_time, m.venue.room, m.status) == (T(10), "Council Chamber", MeetingStatus.HELD)
    assert m.refreshments == (
        "Tea/Coffee will be available 15 minutes before the start of the meeting"
    )
    assert m.ask_for.full_name == "Ann Hunter" and m.telephone == "03000 416287"
    items = list(m.items.all())
    assert [i.number for i in items] == [str(n) for n in range(1, 15)]
    assert items[0].title == "Introduction/Webcast announcement"
    assert items[0].kind == ItemKind.PROCEDURAL
    assert [i.kind for i in items[1:5]] == [
        ItemKind.APOLOGIES,
        ItemKind.DECLARATIONS,
        ItemKind.MINUTES,
        ItemKind.MINUTES,
    ]
    assert {i.kind for i in items[5:]} == {ItemKind.REPORT}
    assert items[3].purpose == "To consider and approve the minutes as a correct record."
    assert items[6].title == "Financial Monitoring 2017 - 18"
    last = items[-1]
    assert (last.title, last.part, last.exempt_paragraph) == ("Company Governance", Part.EXEMPT, 3)
    assert last.purpose == "To receive an exempt report concerning company governance at KCC."
    assert [i.number for i in items if i.is_exempt] == ["14"]


def test_selection_and_member_services_1_march_2017():
    m = meeting("Selection and Member Services Committee", D(2017, 3, 1))
    assert (m.start_time, m.venue.room) == (T(14, 30), "Darent Room")
    assert m.ask_for.full_name == "Andrew Tait"
    titles = list(m.items.values_list("title", flat=True))
    assert len(titles) == 8
    assert titles[0] == "Substitutes" and titles[2] == "Minutes - 27 September 2016"
    assert titles[-1] == "Other items which the Chairman decides are Urgent"
    assert not m.items.filter(part=Part.EXEMPT).exists()


def test_county_council_10_december_2015():
    m = meeting("County Council", D(2015, 12, 10))
    assert (m.start_time, m.end_time, m.venue.room) == (T(9, 30), T(16, 30), "Council Chamber")
    assert m.notes == "Please note the earlier start time for this meeting"
    items = {i.number: i for i in m.items.all()}
    assert len(items) == 13
    assert items["6"].kind == ItemKind.ORAL_REPORT
    motion = items["13"]
    assert motion.title == "Motion for Time Limited Debate – Retaining and recruiting GPs"
    assert motion.kind == ItemKind.MOTION
    assert (motion.mover.formal_name, motion.seconder.formal_name) == (
        "Dr M R Eddy",
        "Ms A Harrison",
    )
    assert motion.motion_text.startswith('"This Council is increasingly concerned')
    assert "3. Increasing the opportunities for training practice nurses" in motion.motion_text


def test_county_council_22_october_2015_in_minute_order():
    m = meeting("County Council", D(2015, 10, 22))
    items = list(m.items.all())
    assert [i.number for i in items] == [str(n) for n in range(1, 10)]
    assert items[3].title == (
        "Revised Proportionality Calculations and Committee Membership - Urgent Business"
    )
    assert items[3].kind == ItemKind.URGENT_BUSINESS
    assert (items[8].mover.surname, items[8].seconder.surname) == ("Vye", "Bird")


def test_policy_and_resources_16_june_2017_from_the_minutes():
    m = meeting(PR, D(2017, 6, 16))
    assert m.venue.room == "Darent Room"
    items = {i.number: i for i in m.items.all()}
    assert len(items) == 13
    assert items["2"].title == "Election of Vice-Chairman"
    assert items["9"].title == "Total Facilities Management - Bi-annual Review"
    assert {n for n, i in items.items() if i.is_exempt} == {"9", "12", "13"}
    assert all(i.exempt_paragraph == 3 for i in items.values() if i.is_exempt)


def test_property_sub_committee_alphanumeric_items():
    m = meeting("Property Sub-Committee", D(2017, 3, 21))
    assert m.venue.room == "Council Chamber"
    assert list(m.items.values_list("number", flat=True)) == ["A3", "B1", "B2", "B3", "C1"]
    assert list(m.items.filter(part=Part.EXEMPT).values_list("number", flat=True)) == ["C1"]


def test_meetings_known_only_by_date_and_future_ones():
    held_without_agenda = [
        ("County Council", D(2015, 9, 17)),
        ("Selection and Member Services Committee", D(2016, 6, 23)),
        (PR, D(2017, 3, 8)),
        (PR, D(2017, 5, 25)),
        ("Property Sub-Committee", D(2017, 2, 21)),
    ]
    for body, day in held_without_agenda:
        m = meeting(body, day)
        assert m.status == MeetingStatus.HELD and not m.items.exists()
    future = Meeting.objects.filter(body__name=PR, date__gt=D(2017, 9, 15))
    assert [(m.date, m.status) for m in future] == [
        (D(2017, 12, 5), "scheduled"),
        (D(2018, 2, 2), "scheduled"),
        (D(2018, 3, 16), "scheduled"),
    ]
    sms_27_sept = meeting("Selection and Member Services Committee", D(2016, 9, 27))
    assert list(sms_27_sept.items.values_list("number", "title")) == [
        ("3", "Minutes - 23 June 2016"),
        ("4", "Information Point and Members' Area"),
        ("5", "Flood Risk Management Committee"),
    ]
    assert Meeting.objects.count() == 15
    assert AgendaItem.objects.count() == 14 + 13 + 8 + 3 + 13 + 9 + 5
