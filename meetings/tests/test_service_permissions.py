"""Each meetings service checks its actor first (democratic services, a system actor, or the
back office's Django permission); anyone else is refused and nothing is written."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from audit.models import AuditEntry
from meetings import programme, services
from meetings.models import AgendaItem, Meeting, Venue
from moot import testing as t

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    m = t.meeting()
    t.item(m, "1", "First")
    t.item(m, "2", "Second")
    return m


CASES = {
    "save_venue": lambda m, a: services.save_venue(Venue(room="Refused room"), actor=a),
    "save_meeting": lambda m, a: services.save_meeting(
        Meeting(body=m.body, date=t.dt.date(2031, 1, 1)), actor=a
    ),
    "save_agenda_item": lambda m, a: services.save_agenda_item(
        AgendaItem(meeting=m, number="3", title="Refused"), actor=a
    ),
    "reorder_agenda": lambda m, a: services.reorder_agenda(
        m, list(m.items.order_by("-order").values_list("pk", flat=True)), actor=a
    ),
    "create_programme": lambda m, a: programme.create_programme(
        m.body, [(t.dt.date(2031, 1, 1), None)], None, actor=a
    ),
}


@pytest.mark.parametrize("service", CASES)
def test_an_officer_without_the_permission_is_refused_and_nothing_is_written(meeting, service):
    order = list(meeting.items.values_list("pk", "order"))
    for actor in (t.account(), AnonymousUser(), None):
        with t.writes_nothing(), pytest.raises(PermissionDenied):
            CASES[service](meeting, actor)
    assert list(meeting.items.values_list("pk", "order")) == order
    assert not Venue.objects.filter(room="Refused room").exists()
    assert not Meeting.objects.filter(date=t.dt.date(2031, 1, 1)).exists()


def test_reordering_is_a_named_event_and_needs_the_meeting_permission(meeting):
    ids = list(meeting.items.order_by("-order").values_list("pk", flat=True))
    editor = t.account(perms=("meetings.change_meeting",))
    services.reorder_agenda(meeting, ids, actor=editor)
    entries = AuditEntry.objects.filter(content_type__model="agendaitem", actor=editor)
    assert set(entries.values_list("event", flat=True)) == {"meetings.agenda_reordered"}
    assert entries.count() == 2


def test_a_programme_needs_democratic_services_not_the_meeting_permission(meeting):
    editor = t.account(perms=("meetings.add_meeting", "meetings.change_meeting"))
    with t.writes_nothing(), pytest.raises(PermissionDenied, match="Only democratic services"):
        programme.create_programme(
            meeting.body, [(t.dt.date(2031, 1, 1), None)], None, actor=editor
        )
    clerk = t.account(democratic_services=True)
    (created,) = programme.create_programme(
        meeting.body, [(t.dt.date(2031, 1, 1), None)], None, actor=clerk
    )
    entry = AuditEntry.objects.get(content_type__model="meeting", object_id=str(created.pk))
    assert (entry.actor, entry.event) == (clerk, "meetings.meeting_programmed")
