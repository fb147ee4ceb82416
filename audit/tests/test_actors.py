"""The actor of every change: required, typed, never guessed; and the event each entry carries
(audit/actors.py, audit/trail.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied

from audit import trail
from audit.actors import SystemActor, name_of, require_model_permission, user_of
from audit.models import AuditEntry
from council.models import Body, Membership, Person, Role

pytestmark = pytest.mark.django_db

WORKER = SystemActor("worker")


def new_entries():
    """The entries written since the test began (every test database holds the demo)."""
    return AuditEntry.objects.filter(pk__gt=_START).order_by("pk")


_START = 0


@pytest.fixture(autouse=True)
def start():
    global _START
    _START = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def test_a_system_actor_needs_a_name():
    for name in ("", "   "):
        with pytest.raises(ValueError, match="needs a name"):
            SystemActor(name)
    assert str(SystemActor("moot demo")) == "moot demo"


def test_a_system_actor_is_recorded_by_name_and_a_user_by_account_and_name():
    user = User.objects.create_user("clerk")
    person = trail.save(Person(surname="Actorone", slug="actorone"), actor=WORKER)
    person.surname = "Actortwo"
    trail.save(person, actor=user)
    created, changed = new_entries().filter(object_id=str(person.pk))
    assert (created.actor, created.actor_name) == (None, "worker")
    assert (changed.actor, changed.actor_name) == (user, "clerk")
    assert (user_of(WORKER), name_of(WORKER), user_of(user), name_of(user)) == (
        None,
        "worker",
        user,
        "clerk",
    )


def test_without_an_actor_nothing_is_saved():
    inactive = User.objects.create_user("gone", is_active=False)
    for nobody in (None, AnonymousUser(), inactive):
        with pytest.raises(PermissionDenied, match="Sign in"):
            trail.save(Person(surname="Nobody", slug="nobody"), actor=nobody)
    with pytest.raises(TypeError, match="user or a SystemActor"):
        trail.save(Person(surname="Nobody", slug="nobody"), actor="moot demo")
    with pytest.raises(TypeError):
        trail.save(Person(surname="Nobody", slug="nobody"))  # the actor is required
    assert not Person.objects.filter(surname="Nobody").exists()
    assert not new_entries().exists()


def test_a_delete_without_an_actor_deletes_nothing():
    person = trail.save(Person(surname="Staying", slug="staying"), actor=WORKER)
    for nobody in (None, AnonymousUser()):
        with pytest.raises(PermissionDenied):
            trail.delete(person, actor=nobody)
    assert Person.objects.filter(pk=person.pk).exists()
    assert not new_entries().filter(action="delete").exists()


def test_each_entry_carries_an_event_derived_from_the_change_or_named_by_the_service():
    body = trail.save(Body(name="Event Panel", slug="event-panel"), actor=WORKER)
    body.seats = 5
    trail.save(body, actor=WORKER, event="council.seats_set")
    person = trail.save(Person(surname="Member", slug="member"), actor=WORKER)
    membership = trail.save(
        Membership(body=body, person=person, role=Role.MEMBER, start="2024-05-01"), actor=WORKER
    )
    trail.delete(person, actor=WORKER)  # takes the membership with it
    assert list(new_entries().values_list("event", flat=True)) == [
        "council.body_created",
        "council.seats_set",
        "council.person_created",
        "council.membership_created",
        "council.person_deleted",
        "council.membership_deleted",
    ]
    body_id = body.pk
    trail.delete(body, actor=WORKER, event="council.body_wound_up")
    assert new_entries().get(action="delete", object_id=str(body_id)).event == (
        "council.body_wound_up"
    )
    gone = new_entries().get(event="council.membership_deleted")
    assert gone.object_id == str(membership.pk)


def test_record_writes_the_event_it_is_given():
    person = trail.save(Person(surname="Recorded", slug="recorded"), actor=WORKER)
    entry = trail.record("update", person, {"note": [None, "x"]}, actor=WORKER)
    assert entry.event == "council.person_changed"
    named = trail.record("update", person, {}, actor=WORKER, event="council.person_noted")
    assert named.event == "council.person_noted"


def test_the_model_permission_rule():
    staff = User.objects.create_user("staff", is_staff=True)
    with pytest.raises(PermissionDenied, match="permission to add people"):
        require_model_permission(staff, Person(surname="New"))
    with pytest.raises(PermissionDenied, match="permission to remove bodies"):
        require_model_permission(staff, Body, "delete")
    from django.contrib.auth.models import Permission

    staff.user_permissions.add(Permission.objects.get(codename="add_person"))
    staff = User.objects.get(pk=staff.pk)  # permissions are cached on the instance
    require_model_permission(staff, Person(surname="New"))  # allowed now
    with pytest.raises(PermissionDenied, match="permission to change people"):
        require_model_permission(staff, Person.objects.create(surname="Old", slug="old"))
    require_model_permission(WORKER, Body, "delete")  # a system actor is trusted
