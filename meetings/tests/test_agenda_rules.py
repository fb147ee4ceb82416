"""Agenda items and meetings: the rules refuse bad input with plain messages and save nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from audit.testing import TEST_ACTOR
from meetings import services
from meetings.models import AgendaItem, Part
from moot import testing as t

pytestmark = pytest.mark.django_db


def test_exempt_item_needs_a_schedule_12a_paragraph():
    m = t.meeting()
    with pytest.raises(ValidationError) as err:
        t.item(m, "14", "Company Governance", part=Part.EXEMPT)
    assert "Schedule 12A" in str(err.value)
    assert not AgendaItem.objects.filter(meeting=m).exists()
    item = t.item(m, "14", "Company Governance", part=Part.EXEMPT, exempt_paragraph=3)
    assert item.is_exempt


def test_public_item_cannot_cite_a_paragraph():
    with pytest.raises(ValidationError, match="public item cannot cite"):
        t.item(t.meeting(), "1", "Minutes", exempt_paragraph=3)


def test_invalid_paragraph_number_is_refused():
    with pytest.raises(ValidationError):
        t.item(t.meeting(), "1", "X", part=Part.EXEMPT, exempt_paragraph=8)


def test_item_numbers_are_unique_within_a_meeting_only():
    m = t.meeting()
    t.item(m, "A3", "Disposal")
    with pytest.raises(ValidationError):
        t.item(m, "A3", "Another")
    t.item(t.meeting(), "A3", "Same number elsewhere")


def test_new_items_go_to_the_end_and_can_be_reordered():
    m = t.meeting()
    a, b, c = (t.item(m, n) for n in ("1", "2", "3"))
    assert [i.number for i in m.items.all()] == ["1", "2", "3"]
    services.reorder_agenda(m, [c.pk, a.pk, b.pk], actor=TEST_ACTOR)
    assert [i.number for i in m.items.all()] == ["3", "1", "2"]


def test_reorder_must_name_every_item_once():
    m = t.meeting()
    a, b = t.item(m, "1"), t.item(m, "2")
    with pytest.raises(ValidationError, match="exactly once"):
        services.reorder_agenda(m, [a.pk, a.pk], actor=TEST_ACTOR)
    with pytest.raises(ValidationError):
        services.reorder_agenda(m, [a.pk], actor=TEST_ACTOR)
    assert [i.pk for i in m.items.all()] == [a.pk, b.pk]


def test_mover_cannot_second_their_own_motion():
    p = t.person("Eddy")
    with pytest.raises(ValidationError, match="other than the mover"):
        t.item(t.meeting(), "13", "Motion", kind="motion", mover=p, seconder=p)


def test_scheduled_end_after_start():
    with pytest.raises(ValidationError, match="scheduled end"):
        t.meeting(start_time=dt.time(9, 30), end_time=dt.time(9, 0))


def test_new_meeting_takes_the_body_default_venue():
    v = t.venue("Darent Room")
    b = t.body(default_venue=v)
    assert t.meeting(b).venue == v


def test_urgent_business_needs_the_chair_and_the_reasons():
    m = t.meeting()
    with pytest.raises(ValidationError, match="section 100B"):
        t.item(m, "9", "Proportionality", urgent=True)
    with pytest.raises(ValidationError, match="special circumstances"):
        t.item(m, "9", "Proportionality", urgent=True, urgency_chair=t.person("Chair"))
    item = t.item(
        m,
        "9",
        "Proportionality",
        urgent=True,
        urgency_chair=t.person("Chair"),
        urgency_reasons="Membership must be reviewed at the first meeting after a change.",
    )
    assert item.urgent
