"""Each council service checks its actor first: democratic services, a system actor, or the
Django permission the back office asks for; anyone else is refused and nothing is written."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from council import renewal, services
from council.models import Authority, Body, Membership, Person, PersonNameForm, Role
from moot import testing as t

pytestmark = pytest.mark.django_db

DAY = dt.date(2024, 5, 1)


@pytest.fixture
def record():
    body = t.body("Permissions Panel", seats=5)
    person = t.person("Holder")
    membership = services.appoint(body, person, Role.MEMBER, start=DAY, actor=TEST_ACTOR)
    return body, person, membership, t.person("Other")


CASES = {
    "save_person": lambda r, a: services.save_person(Person(surname="Refused"), actor=a),
    "add_name_form": lambda r, a: services.add_name_form(r[1], "Cllr Refused", actor=a),
    "save_body": lambda r, a: services.save_body(Body(name="Refused Panel"), actor=a),
    "save_membership": lambda r, a: services.save_membership(
        Membership(body=r[0], person=r[3], role=Role.MEMBER, start=DAY), actor=a
    ),
    "end_membership": lambda r, a: services.end_membership(r[2], dt.date(2025, 1, 1), actor=a),
    "appoint": lambda r, a: services.appoint(r[0], None, Role.MEMBER, start=DAY, actor=a),
    "set_demonstration_date": lambda r, a: services.set_demonstration_date(
        dt.date(2020, 1, 1), actor=a
    ),
    "renew_memberships": lambda r, a: renewal.renew_memberships(r[0], _ending(r), actor=a),
}


def _ending(record):
    """A renewal plan ending the holder's membership with the year to 4 May 2025."""
    plan = renewal.renewal_plan(record[0], dt.date(2025, 5, 5))
    plan.end(record[2])
    return plan


@pytest.mark.parametrize("service", CASES)
def test_an_officer_without_the_permission_is_refused_and_nothing_is_written(record, service):
    as_at = Authority.current().as_at
    for actor in (t.account(), AnonymousUser(), None):
        with t.writes_nothing(), pytest.raises(PermissionDenied):
            CASES[service](record, actor)
    assert Membership.objects.get(pk=record[2].pk).end is None
    assert Authority.current().as_at == as_at
    assert not Person.objects.filter(surname="Refused").exists()
    assert not PersonNameForm.objects.filter(text="Cllr Refused").exists()
    assert not Body.objects.filter(name="Refused Panel").exists()


def test_democratic_services_and_the_back_office_permission_may(record):
    clerk = t.account(democratic_services=True)
    services.save_person(Person(surname="Byclerk"), actor=clerk)
    editor = t.account(perms=("council.add_person",))
    services.save_person(Person(surname="Byeditor"), actor=editor)
    with pytest.raises(PermissionDenied, match="permission to change people"):
        person = Person.objects.get(surname="Byeditor")
        person.forenames = "Eve"
        services.save_person(person, actor=editor)
    entry = AuditEntry.objects.filter(content_type__model="person").order_by("-pk").first()
    assert (entry.actor, entry.event) == (editor, "council.person_created")


def test_appointing_and_ending_a_membership_are_named_events(record):
    body, person, membership, _ = record
    services.end_membership(membership, dt.date(2025, 1, 1), actor=TEST_ACTOR)
    events = AuditEntry.objects.filter(
        content_type__model="membership", object_id=str(membership.pk)
    ).values_list("event", flat=True)
    assert set(events) == {"council.member_appointed", "council.membership_ended"}
