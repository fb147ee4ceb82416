"""Deleting a row audits every row Django deletes with it."""

import pytest
from django.contrib.contenttypes.models import ContentType

from audit import trail
from audit.actors import SystemActor
from audit.models import AuditEntry
from meetings.models import AgendaItem, Meeting
from moot import testing as t

pytestmark = pytest.mark.django_db


def test_deleting_a_meeting_audits_its_agenda_items():
    meeting = t.meeting()
    items = [t.item(meeting, str(n), f"Item {n}") for n in (1, 2)]
    trail.delete(meeting, actor=SystemActor("test"))
    deleted = AuditEntry.objects.filter(action="delete", actor_name="test")
    item_type = ContentType.objects.get_for_model(AgendaItem)
    assert {e.object_id for e in deleted.filter(content_type=item_type)} == {
        str(i.pk) for i in items
    }
    entry = deleted.get(content_type=ContentType.objects.get_for_model(Meeting))
    assert entry.changes["date"][1] is None and entry.changes["date"][0] == meeting.date.isoformat()
    assert not AgendaItem.objects.filter(pk__in=[i.pk for i in items]).exists()
