"""The membership rules, applied through council.services, refuse with plain messages and save
nothing."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from audit.actors import SystemActor
from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from council import services
from council.models import Membership, Role
from moot import testing as t

pytestmark = pytest.mark.django_db
D = dt.date


def test_appointment_is_saved_and_audited():
    b, p = t.body(seats=5), t.person("Sweetland")
    before = AuditEntry.objects.count()
    m = services.appoint(b, p, Role.CHAIRMAN, D(2017, 5, 25), actor=SystemActor("test"))
    assert Membership.objects.get(pk=m.pk).role == Role.CHAIRMAN
    entry = AuditEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Membership), object_id=str(m.pk)
    )
    assert entry.action == "create"
    assert entry.actor_name == "test"
    assert entry.changes["role"] == [None, "chairman"]
    assert AuditEntry.objects.count() == before + 1


def test_second_chairman_at_the_same_time_is_refused():
    b = t.body()
    services.appoint(b, t.person("First"), Role.CHAIRMAN, D(2017, 5, 25), actor=TEST_ACTOR)
    second = t.person("Second")
    audits = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as err:
        services.appoint(b, second, Role.CHAIRMAN, D(2017, 6, 1), actor=TEST_ACTOR)
    assert "already has a chairman" in str(err.value)
    assert "Mr A First" in str(err.value)
    assert Membership.objects.filter(body=b).count() == 1
    assert AuditEntry.objects.count() == audits


def test_successive_chairmen_are_allowed():
    b = t.body()
    first = services.appoint(b, t.person("First"), Role.CHAIRMAN, D(2016, 5, 25), actor=TEST_ACTOR)
    services.end_membership(first, D(2017, 5, 24), actor=TEST_ACTOR)
    services.appoint(b, t.person("Second"), Role.CHAIRMAN, D(2017, 5, 25), actor=TEST_ACTOR)
    assert Membership.objects.filter(body=b, role=Role.CHAIRMAN).count() == 2


def test_a_chairman_and_a_vice_chairman_together_are_allowed_but_not_two_vices():
    b = t.body()
    services.appoint(b, t.person("Chair"), Role.CHAIRMAN, D(2017, 5, 25), actor=TEST_ACTOR)
    services.appoint(b, t.person("Vice"), Role.VICE_CHAIRMAN, D(2017, 5, 25), actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="already has a vice-chairman"):
        services.appoint(
            b,
            t.person("Vice2"),
            Role.VICE_CHAIRMAN,
            D(2017, 5, 26),
            end=D(2017, 7, 1),
            actor=TEST_ACTOR,
        )


def test_overlapping_memberships_of_the_same_person_are_refused():
    b, p = t.body(), t.person("Marsh")
    services.appoint(b, p, Role.MEMBER, D(2017, 5, 25), end=D(2017, 6, 15), actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="already a member"):
        services.appoint(b, p, Role.VICE_CHAIRMAN, D(2017, 6, 15), actor=TEST_ACTOR)
    # The day after the first ends is fine: a member becoming vice-chairman.
    services.appoint(b, p, Role.VICE_CHAIRMAN, D(2017, 6, 16), actor=TEST_ACTOR)
    assert Membership.objects.filter(body=b, person=p).count() == 2


def test_the_same_person_may_sit_on_different_bodies_at_once():
    p = t.person()
    services.appoint(t.body(), p, Role.MEMBER, D(2017, 5, 25), actor=TEST_ACTOR)
    services.appoint(t.body(), p, Role.MEMBER, D(2017, 5, 25), actor=TEST_ACTOR)
    assert Membership.objects.filter(person=p).count() == 2


def test_seats_filled_never_exceed_the_seats():
    b = t.body(seats=2)
    services.appoint(b, t.person(), Role.MEMBER, D(2017, 5, 25), actor=TEST_ACTOR)
    services.appoint(
        b, None, Role.MEMBER, D(2017, 5, 25), group=t.group("UKIP"), actor=TEST_ACTOR
    )  # vacant, allocated
    with pytest.raises(ValidationError, match="has 2 seats"):
        services.appoint(b, t.person(), Role.MEMBER, D(2017, 9, 1), actor=TEST_ACTOR)


def test_a_seat_freed_before_the_new_start_can_be_filled():
    b = t.body(seats=1)
    first = services.appoint(
        b, t.person(), Role.MEMBER, D(2016, 1, 1), end=D(2016, 12, 31), actor=TEST_ACTOR
    )
    services.appoint(b, t.person(), Role.MEMBER, D(2017, 1, 1), actor=TEST_ACTOR)
    # …but extending the first into the second's period now breaks the rule.
    first.end = D(2017, 3, 1)
    with pytest.raises(ValidationError, match="has 1 seats"):
        services.save_membership(first, actor=TEST_ACTOR)
    first.refresh_from_db()
    assert first.end == D(2016, 12, 31)


def test_a_later_membership_starting_inside_the_period_counts():
    b = t.body(seats=1)
    services.appoint(b, t.person(), Role.MEMBER, D(2018, 1, 1), actor=TEST_ACTOR)
    with pytest.raises(ValidationError):
        services.appoint(b, t.person(), Role.MEMBER, D(2017, 1, 1), actor=TEST_ACTOR)


def test_substitutes_do_not_take_seats():
    b = t.body(seats=1)
    services.appoint(b, t.person(), Role.MEMBER, D(2017, 5, 25), actor=TEST_ACTOR)
    services.appoint(b, t.person(), Role.SUBSTITUTE, D(2017, 5, 25), actor=TEST_ACTOR)
    assert Membership.objects.filter(body=b).count() == 2


def test_end_before_start_is_refused():
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        services.appoint(
            t.body(), t.person(), Role.MEMBER, D(2017, 5, 25), end=D(2017, 5, 1), actor=TEST_ACTOR
        )


def test_seats_not_recorded_means_no_limit():
    b = t.body(seats=None)
    for _ in range(4):
        services.appoint(b, t.person(), Role.MEMBER, D(2017, 5, 25), actor=TEST_ACTOR)
    assert Membership.objects.on(D(2017, 6, 1)).filter(body=b).count() == 4
