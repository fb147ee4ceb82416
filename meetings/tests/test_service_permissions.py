"""Each meetings service checks its actor first (democratic services, a system actor, or the
back office's Django permission); anyone else is refused and nothing is written."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from audit.models import AuditEntry
from meetings import agenda, agenda_templates, programme, services
from meetings.models import AgendaItem, AgendaTemplate, AgendaTemplateItem, Meeting, Venue
from moot import testing as t

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    m = t.meeting()
    t.item(m, "1", "First")
    t.item(m, "2", "Second")
    t.agenda_template(m.body, ("opening", "Apologies", "apologies"))
    return m


def first(m: Meeting) -> AgendaItem:
    return m.items.get(number="1")


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
    "apply_template": lambda m, a: agenda_templates.apply_template(m, actor=a),
    "save_template": lambda m, a: agenda_templates.save_template(
        AgendaTemplate(body_kind="board"), actor=a
    ),
    "save_template_item": lambda m, a: agenda_templates.save_template_item(
        AgendaTemplateItem(template=m.body.agenda_template, title="Refused"), actor=a
    ),
    "remove_template_item": lambda m, a: agenda_templates.remove_template_item(
        m.body.agenda_template.items.get(), actor=a
    ),
    "add_item": lambda m, a: agenda.add_item(AgendaItem(meeting=m, title="Refused"), actor=a),
    "change_item": lambda m, a: agenda.change_item(first(m), actor=a),
    "move_item": lambda m, a: agenda.move_item(first(m), "down", actor=a),
    "remove_item": lambda m, a: agenda.remove_item(first(m), actor=a),
    "renumber": lambda m, a: agenda.renumber(m, actor=a),
}


@pytest.mark.parametrize("service", CASES)
def test_an_officer_without_the_permission_is_refused_and_nothing_is_written(meeting, service):
    order = list(meeting.items.values_list("pk", "order", "number", "title"))
    template = list(AgendaTemplateItem.objects.values_list("pk", "title"))
    for actor in (t.account(), AnonymousUser(), None):
        with t.writes_nothing(), pytest.raises(PermissionDenied):
            CASES[service](meeting, actor)
    assert list(meeting.items.values_list("pk", "order", "number", "title")) == order
    assert list(AgendaTemplateItem.objects.values_list("pk", "title")) == template
    assert not AgendaTemplate.objects.filter(body_kind="board").exists()
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
