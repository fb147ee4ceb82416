"""The back office cannot slip an ordinary item onto a published agenda."""

import datetime as dt

import pytest
from django.urls import reverse

from audit.actors import SystemActor
from council.models import Membership, Role
from meetings.models import AgendaItem
from moot import testing as t
from publishing.historical import record_historical_publication
from publishing.models import PublicationEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path
    meeting = t.meeting(t.body("Published Agenda Committee"))
    t.item(meeting, "1", "Apologies")
    record_historical_publication(meeting, None, actor=SystemActor("test"))
    return meeting


def add(admin_client, meeting, **fields):
    data = {
        "meeting": meeting.pk,
        "number": "2",
        "order": 20,
        "title": "Late business",
        "purpose": "",
        "kind": "report",
        "part": "public",
        "exempt_paragraph": "",
        "motion_text": "",
        "urgency_reasons": "",
        **fields,
    }
    return admin_client.post(reverse("admin:meetings_agendaitem_add"), data)


def test_an_ordinary_item_is_refused_with_the_reason(admin_client, published):
    response = add(admin_client, published)
    assert response.status_code == 200
    assert b"has been published" in response.content
    assert not AgendaItem.objects.filter(meeting=published, number="2").exists()


def test_urgent_business_with_chair_and_reasons_is_added_and_recorded(admin_client, published):
    chair = t.person("Chairperson")
    Membership.objects.create(
        body=published.body,
        person=chair,
        role=Role.CHAIRMAN,
        start=published.date - dt.timedelta(days=30),
    )
    response = add(
        admin_client,
        published,
        urgent="on",
        urgency_chair=chair.pk,
        urgency_reasons="The contract must be let before the next meeting.",
    )
    assert response.status_code == 302, response.content[:3000]
    item = AgendaItem.objects.get(meeting=published, number="2")
    assert item.urgent and item.urgency_chair == chair
    assert PublicationEvent.objects.filter(meeting=published, kind="urgent_item_added").exists()
