"""Annual appointments in the workspace (workspace/views/appointments.py): a body's memberships
for the new municipal year from ``council.renewal.renewal_plan``, the changes shown before
they are saved, then ``renew_memberships`` in one step. The demo is shown as at 16 September
2017, so the next municipal year starts on 1 May 2018."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from council import services
from council.models import Authority, Membership, Role, TermOfOffice
from council.renewal import RENEWED
from moot import testing as t

from .helpers import error_summary, officer, refused_for_others, text, value_of

pytestmark = pytest.mark.django_db

D = dt.date
OLD, NEW, LAST_DAY = D(2017, 5, 25), D(2018, 5, 1), D(2018, 4, 30)


def councillor(surname: str):
    person = t.person(surname)
    TermOfOffice.objects.create(person=person, start=D(2017, 5, 4))
    return person


@pytest.fixture
def body():
    """Six seats: a chair, a vice-chair, two members, a vacant seat for a group, one free."""
    b = t.body("Appointments Committee", seats=6)
    b.people = {n: councillor(n) for n in ("Chairone", "Viceone", "Memberone", "Membertwo")}
    b.group = t.group("Appointments Group")
    p = b.people
    b.chair = services.appoint(b, p["Chairone"], Role.CHAIRMAN, OLD, actor=TEST_ACTOR)
    b.vice = services.appoint(b, p["Viceone"], Role.VICE_CHAIRMAN, OLD, actor=TEST_ACTOR)
    b.one = services.appoint(b, p["Memberone"], Role.MEMBER, OLD, actor=TEST_ACTOR)
    b.two = services.appoint(b, p["Membertwo"], Role.MEMBER, OLD, actor=TEST_ACTOR)
    b.vacant = services.appoint(b, None, Role.MEMBER, OLD, group=b.group, actor=TEST_ACTOR)
    return b


def url(body) -> str:
    return f"/office/bodies/{body.slug}/appointments/"


def shown(client, body) -> dict:
    """The plan's form as first shown: every value it would post as it is."""
    response = client.get(url(body))
    assert response.status_code == 200
    data = {"start": "01/05/2018", "shown": value_of(response, "shown")}
    for m in (body.chair, body.vice, body.one, body.two, body.vacant):
        data |= {
            f"action-{m.pk}": "carry_over",
            f"role-{m.pk}": m.role,
            f"group-{m.pk}": str(m.group_id or ""),
            f"person-{m.pk}": str(m.person_id or ""),
        }
    for n in range(3):
        data |= {f"add-{n}-person": "", f"add-{n}-role": "member", f"add-{n}-group": ""}
    return data


def held(body, day):
    rows = Membership.objects.on(day).filter(body=body).select_related("person")
    return sorted((m.person.surname if m.person else "", m.role) for m in rows)


def test_the_plan_shows_each_membership_carried_over_by_default(body):
    later = councillor("Laterone")
    services.appoint(body, later, Role.MEMBER, NEW, actor=TEST_ACTOR)
    response = officer().get(url(body))
    assert response.status_code == 200
    page = text(response)
    assert "Memberships on 30 April 2018" in page
    chair = Authority.current().role_label(Role.CHAIRMAN)
    assert f"{body.people['Chairone']}: {chair}" in page
    assert "A vacant seat: Member (Appointments Group)" in page
    html = response.content.decode()
    assert html.count('value="carry_over" checked') == 5
    assert f"Already appointed from the new year {later}: Member, from 1 May 2018" in page
    assert value_of(response, "start") == "01/05/2018"
    # Another year is asked for by its first day.
    response = officer().get(url(body), {"start": "01/06/2018"})
    assert "Memberships on 31 May 2018" in text(response)


def test_the_changes_are_shown_before_saving_then_saved_in_one_step(body):
    p = body.people
    newcomer, filler = councillor("Newcomer"), councillor("Fillerone")
    client = officer()
    data = shown(client, body) | {
        f"action-{body.chair.pk}": "change",
        f"role-{body.chair.pk}": Role.MEMBER,
        f"action-{body.vice.pk}": "change",
        f"role-{body.vice.pk}": Role.CHAIRMAN,
        f"action-{body.one.pk}": "end",
        f"action-{body.vacant.pk}": "change",
        f"person-{body.vacant.pk}": str(filler.pk),
        f"group-{body.vacant.pk}": "",
        "add-0-person": str(newcomer.pk),
        "add-0-role": Role.VICE_CHAIRMAN,
    }
    with t.writes_nothing():
        response = client.post(url(body), data | {"step": "check"})
    assert response.status_code == 200
    page = text(response)
    chair = Authority.current().role_label(Role.CHAIRMAN)
    assert "Nothing has been saved yet." in page
    assert (
        f"{p['Chairone']}: {chair}, ends on 30 April 2018; then {p['Chairone']}: Member, from "
        "1 May 2018." in page
    )
    assert f"{p['Memberone']}: Member, ends on 30 April 2018." in page
    assert f"{p['Membertwo']}: Member, continues." in page
    assert f"{newcomer}: Vice-{chair}, from 1 May 2018." in page
    # The confirmation carries every choice, to be saved as shown.
    assert value_of(response, f"action-{body.one.pk}") == "end"
    assert value_of(response, "add-0-person") == str(newcomer.pk)
    response = client.post(url(body), data | {"step": "save"})
    assert response.status_code == 303
    assert response["Location"] == url(body) + "?start=01%2F05%2F2018"
    assert held(body, NEW) == sorted(
        [
            ("Chairone", Role.MEMBER),
            ("Viceone", Role.CHAIRMAN),
            ("Membertwo", Role.MEMBER),
            ("Fillerone", Role.MEMBER),
            ("Newcomer", Role.VICE_CHAIRMAN),
        ]
    )
    assert held(body, LAST_DAY) == sorted(
        [
            ("Chairone", Role.CHAIRMAN),
            ("Viceone", Role.VICE_CHAIRMAN),
            ("Memberone", Role.MEMBER),
            ("Membertwo", Role.MEMBER),
            ("", Role.MEMBER),
        ]
    )
    assert AuditEntry.objects.filter(event=RENEWED, object_id=body.pk).count() == 1
    page = text(client.get(response["Location"]))
    assert "The annual appointments to Appointments Committee from 1 May 2018 are saved" in page


def test_change_them_brings_the_form_back_as_it_was_filled_in(body):
    client = officer()
    data = shown(client, body) | {f"action-{body.two.pk}": "end", "add-4-person": "vacant"}
    response = client.post(url(body), data | {"step": "edit"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'name="action-{body.two.pk}" type="radio" value="end" checked' in html
    assert html.count('value="carry_over" checked') == 4
    # The row filled in comes back, with blank rows after it.
    assert '<option value="vacant" selected>' in html
    assert 'name="add-7-person"' in html and 'name="add-8-person"' not in html


def test_nothing_to_change_is_refused_by_the_service_and_nothing_is_saved(body):
    client = officer()
    with t.writes_nothing():
        response = client.post(url(body), shown(client, body) | {"step": "save"})
    assert response.status_code == 400
    assert error_summary(response) == [
        "Nothing would change: every membership of Appointments Committee carries over as it is."
    ]


def test_what_the_membership_rules_refuse_is_shown_and_nothing_is_saved(body):
    client = officer()
    second_chair = shown(client, body) | {
        "add-0-person": str(councillor("Otherchair").pk),
        "add-0-role": Role.CHAIRMAN,
    }
    before = list(Membership.objects.filter(body=body).values_list("pk", "end"))
    with t.writes_nothing():
        response = client.post(url(body), second_chair | {"step": "save"})
    assert response.status_code == 400
    [message] = error_summary(response)
    assert message.startswith("Appointments Committee already has a chairman"), message
    assert list(Membership.objects.filter(body=body).values_list("pk", "end")) == before


def test_a_plan_overtaken_by_another_change_is_refused_and_shown_again(body):
    client = officer()
    data = shown(client, body) | {f"action-{body.one.pk}": "end"}
    services.end_membership(body.two, D(2017, 12, 31), actor=TEST_ACTOR)  # meanwhile
    with t.writes_nothing():
        response = client.post(url(body), data | {"step": "save"})
    assert response.status_code == 409
    assert error_summary(response) == [
        "The memberships of Appointments Committee have changed since these changes were "
        "shown. Look at them again before saving."
    ]
    assert f"action-{body.two.pk}" not in response.content.decode()  # ended: not in the plan
    body.one.refresh_from_db()
    assert body.one.end is None


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"add-0-person": "999999"}, "New appointment 1: Choose a person from the list."),
        (
            {"role-{one}": "emperor", "action-{one}": "change"},
            "Mr A Memberone: Choose a role from the list.",
        ),
        (
            {"action-{one}": "abolish"},
            "Mr A Memberone: Choose whether the membership is carried over, ended or changed.",
        ),
        ({"start": "30/02/2018"}, "There is no 30 February 2018: February 2018 has 28 days"),
        ({"step": "delete"}, "That is not a step of the annual appointments."),
    ],
)
def test_bad_choices_are_refused_with_a_message_and_nothing_is_saved(body, changes, message):
    client = officer()
    data = shown(client, body) | {"step": "save"}
    data |= {k.format(one=body.one.pk): v for k, v in changes.items()}
    with t.writes_nothing():
        response = client.post(url(body), data)
    assert response.status_code == 400
    [shown_message] = error_summary(response)
    assert shown_message.startswith(message), shown_message


def test_an_unknown_body_is_404():
    assert officer().get("/office/bodies/no-such-body/appointments/").status_code == 404


def test_only_democratic_services_renew_memberships(body):
    client = officer()
    data = shown(client, body) | {f"action-{body.one.pk}": "end", "step": "save"}
    refused_for_others([url(body)], {url(body): data})
    body.one.refresh_from_db()
    assert body.one.end is None
