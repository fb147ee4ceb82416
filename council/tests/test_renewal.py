"""Annual appointments (council/renewal.py): a body's memberships renewed for the new
municipal year in one step, the changes shown before they are saved."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from council import services
from council.models import Authority, Membership, Role
from council.renewal import Change, renew_memberships, renewal_plan
from moot import testing as t

pytestmark = pytest.mark.django_db

D = dt.date
OLD = D(2025, 5, 20)  # the old year's annual meeting
NEW = D(2026, 5, 19)  # the new one's
LAST_DAY = D(2026, 5, 18)


@pytest.fixture
def body():
    """A committee of six seats: a chair, a vice-chair, two members (one appointed for the
    year only), a vacant seat allocated to a group; and a member already appointed from the
    new year."""
    b = t.body("Renewal Committee", seats=6)
    people = {name: t.person(name) for name in ("Chair", "Vice", "Member", "Yearly", "Later")}
    group = t.group("Renewal Group")
    appoint = services.appoint
    appoint(b, people["Chair"], Role.CHAIRMAN, OLD, actor=TEST_ACTOR)
    appoint(b, people["Vice"], Role.VICE_CHAIRMAN, OLD, actor=TEST_ACTOR)
    appoint(b, people["Member"], Role.MEMBER, OLD, actor=TEST_ACTOR)
    appoint(b, people["Yearly"], Role.MEMBER, OLD, end=LAST_DAY, actor=TEST_ACTOR)
    appoint(b, None, Role.MEMBER, OLD, group=group, actor=TEST_ACTOR)
    appoint(b, people["Later"], Role.MEMBER, NEW, actor=TEST_ACTOR)
    b.people, b.group = people, group
    return b


def held(body, day):
    rows = Membership.objects.on(day).filter(body=body).select_related("person")
    return sorted((m.person.surname if m.person else "", m.role, m.end) for m in rows)


def test_the_plan_lists_each_membership_carried_over_and_writes_nothing(body):
    with t.writes_nothing():
        plan = renewal_plan(body, NEW)
    assert [line.membership.person for line in plan.lines] == [
        body.people["Chair"],
        body.people["Vice"],
        body.people["Member"],
        body.people["Yearly"],
        None,
    ]
    assert {line.action for line in plan.lines} == {Change.CARRY_OVER}
    assert [m.person for m in plan.already_appointed] == [body.people["Later"]]
    chair = Authority.current().role_label(Role.CHAIRMAN)
    assert plan.steps() == [
        f"{body.people['Chair']}: {chair}, continues.",
        f"{body.people['Vice']}: Vice-{chair}, continues.",
        f"{body.people['Member']}: Member, continues.",
        f"{body.people['Yearly']}: Member, again from 19 May 2026 to 18 May 2027.",
        "A vacant seat (Renewal Group): Member, continues.",
    ]


def test_the_changes_are_shown_then_saved_in_one_step(body):
    p = body.people
    newcomer, filler = t.person("Newcomer"), t.person("Filler")
    plan = renewal_plan(body, NEW)
    chair, vice, member, yearly, vacant = (line.membership for line in plan.lines)
    plan.change(chair, role=Role.MEMBER)
    plan.change(vice, role=Role.CHAIRMAN)
    plan.end(member)
    plan.change(vacant, person=filler, group=None)
    plan.add(newcomer, Role.VICE_CHAIRMAN)
    label = Authority.current().role_label(Role.CHAIRMAN)
    with t.writes_nothing():
        assert plan.steps()[:3] == [
            f"{p['Chair']}: {label}, ends on 18 May 2026; then {p['Chair']}: Member, "
            "from 19 May 2026.",
            f"{p['Vice']}: Vice-{label}, ends on 18 May 2026; then {p['Vice']}: {label}, "
            "from 19 May 2026.",
            f"{p['Member']}: Member, ends on 18 May 2026.",
        ]
        assert plan.steps()[-2:] == [
            "A vacant seat (Renewal Group): Member, ends on 18 May 2026; then "
            f"{filler}: Member, from 19 May 2026.",
            f"{newcomer}: Vice-{label}, from 19 May 2026.",
        ]
    clerk = t.account(democratic_services=True)
    written = renew_memberships(body, plan, actor=clerk)
    assert held(body, NEW) == sorted(
        [
            ("Chair", Role.MEMBER, None),
            ("Vice", Role.CHAIRMAN, None),
            ("Yearly", Role.MEMBER, D(2027, 5, 18)),
            ("Filler", Role.MEMBER, None),
            ("Newcomer", Role.VICE_CHAIRMAN, None),
            ("Later", Role.MEMBER, None),
        ]
    )
    assert Membership.objects.get(pk=member.pk).end == LAST_DAY
    events = AuditEntry.objects.filter(actor=clerk).values_list("event", flat=True)
    assert sorted(events) == sorted(
        ["council.membership_ended"] * 4
        + ["council.member_appointed"] * 5
        + ["council.memberships_renewed"]
    )
    summary = AuditEntry.objects.get(event="council.memberships_renewed")
    assert summary.object_id == str(body.pk)
    assert summary.changes["memberships"][1] == sorted({m.pk for m in written})


def test_what_the_rules_refuse_saves_nothing(body):
    plan = renewal_plan(body, NEW)
    plan.change(plan.lines[2].membership, role=Role.CHAIRMAN)  # the chair carries over too
    before, last_day = held(body, NEW), held(body, LAST_DAY)
    with t.writes_nothing(), pytest.raises(ValidationError, match="already has a"):
        renew_memberships(body, plan, actor=TEST_ACTOR)
    assert held(body, NEW) == before and held(body, LAST_DAY) == last_day
    assert plan.lines[2].membership.end is None  # the plan is left as it was shown
    plan = renewal_plan(body, NEW)
    for n in range(2):
        plan.add(t.person(f"Extra{n}"))
    with t.writes_nothing(), pytest.raises(ValidationError, match="has 6 seats"):
        renew_memberships(body, plan, actor=TEST_ACTOR)
    assert held(body, NEW) == before


def test_a_plan_overtaken_by_another_change_is_refused(body):
    plan = renewal_plan(body, NEW)
    plan.end(plan.lines[2].membership)
    services.end_membership(plan.lines[3].membership, D(2026, 1, 31), actor=TEST_ACTOR)
    with t.writes_nothing(), pytest.raises(ValidationError, match="have changed since"):
        renew_memberships(body, plan, actor=TEST_ACTOR)


@pytest.mark.parametrize(
    "spoil, message",
    [
        (lambda plan, other: setattr(plan, "body", other), "This plan is for"),
        (lambda plan, other: plan.change(plan.lines[0].membership, role="boss"), '"boss" is not'),
        (lambda plan, other: plan.add(None, role="boss"), '"boss" is not'),
        (lambda plan, other: None, "Nothing would change"),
    ],
)
def test_bad_plans_are_refused_and_nothing_is_saved(body, spoil, message):
    other = t.body("Another Renewal Committee")
    Membership.objects.filter(body=body, end=LAST_DAY).update(end=None)  # nothing fixed-term
    plan = renewal_plan(body, NEW)
    spoil(plan, other)
    with t.writes_nothing(), pytest.raises(ValidationError, match=message):
        renew_memberships(body, plan, actor=TEST_ACTOR)


def test_a_change_that_changes_nothing_carries_over(body):
    plan = renewal_plan(body, NEW)
    plan.change(plan.lines[0].membership, role=Role.CHAIRMAN)
    assert plan.steps()[0].endswith("continues.")
    plan.carry_over(plan.lines[0].membership)
    assert plan.line(plan.lines[0].membership.pk).action == Change.CARRY_OVER
    with pytest.raises(KeyError):
        plan.line(0)


def test_a_start_that_is_not_a_date_is_refused(body):
    for bad in ("2026-05-19", dt.datetime(2026, 5, 19), None):
        with pytest.raises(ValidationError, match="must start on a date"):
            renewal_plan(body, bad)


def test_renewing_needs_the_permission_to_add_and_change_memberships(body):
    plan = renewal_plan(body, NEW)
    plan.end(plan.lines[2].membership)
    for actor in (t.account(), t.account(perms=("council.add_membership",))):
        with t.writes_nothing(), pytest.raises(PermissionDenied, match="add or change"):
            renew_memberships(body, plan, actor=actor)
    editor = t.account(perms=("council.add_membership", "council.change_membership"))
    renew_memberships(body, plan, actor=editor)
    assert Membership.objects.get(pk=plan.lines[2].membership.pk).end == LAST_DAY
