"""The chair who agrees urgent business (s.100B(4)(b)) is the body's chair or vice-chair on
the meeting's date, or whoever is recorded in the chair; never one whose term has ended."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.testing import TEST_ACTOR
from council.models import Membership, Role, TermOfOffice
from meetings.models import AgendaItem
from moot import testing as t
from proceedings.attendance import record_attendance
from publishing import services

from . import builders as b

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(officer):
    meeting = b.meeting()
    services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
    return meeting


def add(meeting, chair, officer):
    return services.add_urgent_item(
        meeting,
        number="9",
        title="Grant bid",
        chair=chair,
        reasons="The bid closes first.",
        actor=officer,
    )


def appoint(meeting, role, **kw):
    person = t.person()
    Membership.objects.create(
        body=meeting.body,
        person=person,
        role=role,
        **{"start": meeting.date - dt.timedelta(days=365), **kw},
    )
    return person


def test_someone_not_chair_or_vice_chair_cannot_agree_urgency(published, officer):
    member = appoint(published, Role.MEMBER)
    with pytest.raises(ValidationError, match="is not the chair or vice-chair"):
        add(published, member, officer)
    assert not published.items.filter(number="9").exists()


def test_a_former_chair_cannot_agree_urgency(published, officer):
    former = appoint(published, Role.CHAIRMAN, end=published.date - dt.timedelta(days=20))
    with pytest.raises(ValidationError, match="is not the chair or vice-chair"):
        add(published, former, officer)


def test_a_chair_whose_term_of_office_ended_cannot_agree_urgency(published, officer):
    chair = appoint(published, Role.CHAIRMAN)
    TermOfOffice.objects.create(
        person=chair, start=dt.date(2025, 5, 1), end=published.date - dt.timedelta(days=5)
    )
    with pytest.raises(ValidationError, match="term of office as a councillor ended"):
        add(published, chair, officer)


def test_the_vice_chair_or_the_person_in_the_chair_may_agree(published, officer):
    vice = appoint(published, Role.VICE_CHAIRMAN)
    assert add(published, vice, officer).urgency_chair == vice
    presiding = appoint(published, Role.MEMBER)
    record_attendance(published, presiding, "present", in_chair=True, actor=TEST_ACTOR)
    item = services.add_urgent_item(
        published,
        number="10",
        title="Flood",
        chair=presiding,
        reasons="The river rose.",
        actor=officer,
    )
    assert item.urgency_chair == presiding


def test_the_back_office_shows_the_refusal(published, admin_client):
    member = appoint(published, Role.MEMBER)
    response = admin_client.post(
        reverse("admin:meetings_agendaitem_add"),
        {
            "meeting": published.pk,
            "number": "9",
            "order": 90,
            "title": "Late business",
            "purpose": "",
            "kind": "report",
            "part": "public",
            "exempt_paragraph": "",
            "motion_text": "",
            "urgent": "on",
            "urgency_chair": member.pk,
            "urgency_reasons": "The contract must be let first.",
        },
    )
    assert response.status_code == 200
    assert "is not the chair or vice-chair" in response.content.decode()
    assert not AgendaItem.objects.filter(meeting=published, number="9").exists()
