"""A small committee of eight members, a meeting with three items, and helpers."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from audit.testing import TEST_ACTOR
from council.models import Body, Person, Role
from council.services import appoint, save_body, save_person
from meetings.models import AgendaItem, Meeting
from meetings.services import save_agenda_item, save_meeting

DAY = dt.date(2016, 9, 27)
START = dt.date(2016, 5, 1)


def person(surname: str, title: str = "Mr", initials: str = "A") -> Person:
    return save_person(Person(title=title, initials=initials, surname=surname), actor=TEST_ACTOR)


@pytest.fixture
def committee(db):
    body = save_body(Body(name="Test Scrutiny Committee", seats=8), actor=TEST_ACTOR)
    members = [person(f"Member{i}") for i in range(8)]
    appoint(body, members[0], Role.CHAIRMAN, start=START, actor=TEST_ACTOR)
    for m in members[1:]:
        appoint(body, m, Role.MEMBER, start=START, actor=TEST_ACTOR)
    meeting = save_meeting(Meeting(body=body, date=DAY), default_venue=False, actor=TEST_ACTOR)
    items = [
        save_agenda_item(
            AgendaItem(meeting=meeting, number=str(n), title=f"Item {n}"), actor=TEST_ACTOR
        )
        for n in (1, 2, 3)
    ]
    return SimpleNamespace(
        body=body,
        members=members,
        meeting=meeting,
        items=items,
        outsider=person("Outsider", "Mrs", "B"),
        officer=person("Officer", "Ms", "C"),
    )
