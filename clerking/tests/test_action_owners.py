"""Who the clerk may name as the owner of an action or undertaking (``choices.action_owners``):
officers in the record, and those also present or in attendance (a Cabinet Member answering
to the committee: "Mr Hotson undertook to provide …"); not the members deciding the business,
nor anyone else in the record. The list carries each officer's post and a search box, as the
officers' list does; a person the list did not offer is refused with nothing saved."""

from __future__ import annotations

import pytest

from audit.testing import TEST_ACTOR
from clerking import choices
from moot import testing
from moot.testing import writes_nothing
from proceedings.attendance import record_attendance
from proceedings.models import Action

from .helpers import an_officer, on_the_screen, sit

pytestmark = pytest.mark.django_db


@pytest.fixture
def c(client):
    c = on_the_screen(client)
    sit(c, absent=(5,))
    c.officer = an_officer()
    c.cabinet = testing.person("Clerkcabinet")  # a councillor, not of this committee
    record_attendance(c.meeting, c.cabinet, "also_present", actor=TEST_ACTOR)
    c.adviser = testing.person("Clerkadviser")
    record_attendance(c.meeting, c.adviser, "in_attendance", capacity="Adviser", actor=TEST_ACTOR)
    c.stranger = testing.person("Clerkstranger")
    return c


def action(c, owner) -> dict:
    return {
        "op": "action",
        "action-kind": "undertaking",
        "action-text": "Provide dates on the pipeline of capital receipts.",
        "action-owner": owner.pk,
    }


def owners_select(page: str) -> str:
    start = page.index('<select name="action-owner"')
    return page[start : page.index("</select>", start)]


def test_officers_and_those_answering_to_the_meeting_are_offered(c):
    owners = list(choices.action_owners(c.meeting))
    assert {c.officer, c.cabinet, c.adviser} <= set(owners)
    for not_an_owner in (*c.members, c.stranger):
        assert not_an_owner not in owners
    page = c.client.get(c.url).content.decode()
    select = owners_select(page)
    assert f'<option value="{c.officer.pk}">Ms H Clerkofficer – Head of Highways</option>' in select
    assert f'<option value="{c.cabinet.pk}">Mr A Clerkcabinet</option>' in select
    assert "Clerkmember" not in select and "Clerkstranger" not in select
    assert 'data-clerk-filter="id_action-owner"' in page  # the search box over the list
    assert "Search who is to do it" in page


def test_an_officer_owns_the_action(c):
    response = c.client.post(c.url, action(c, c.officer))
    assert response.status_code == 303
    assert Action.objects.get(meeting=c.meeting).owner == c.officer


@pytest.mark.parametrize("who", ["member", "stranger"])
def test_someone_the_list_did_not_offer_is_refused(c, who):
    owner = c.members[1] if who == "member" else c.stranger
    with writes_nothing():
        response = c.client.post(c.url, action(c, owner))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose who is to do it from the list" in page
    assert "Provide dates on the pipeline of capital receipts." in page  # kept as typed
    assert not Action.objects.filter(meeting=c.meeting).exists()


def test_a_title_still_does_for_someone_not_in_the_record(c):
    data = {**action(c, c.officer), "action-owner": "", "action-owner_text": "Head of Property"}
    assert c.client.post(c.url, data).status_code == 303
    assert Action.objects.get(meeting=c.meeting).owner_text == "Head of Property"
