"""The clerk types dates as people write them (council/date_fields.py): an action's due date
and the day it was done; a date that cannot be read is a 400 saying so, nothing saved."""

from __future__ import annotations

import datetime as dt

import pytest

from proceedings.models import Action

from .helpers import HTMX, an_officer, on_the_screen, sit

pytestmark = pytest.mark.django_db


def add_action(c, due: str, **extra):
    return c.client.post(
        c.url,
        {
            "op": "action",
            "action-kind": "action",
            "action-text": "Circulate the list of schemes.",
            "action-owner": an_officer().pk,
            "action-due": due,
        },
        **extra,
    )


def test_an_action_takes_its_dates_as_typed(c):
    assert add_action(c, "Monday 1 April 2030").status_code == 303
    action = Action.objects.get(meeting=c.meeting)
    assert action.due == dt.date(2030, 4, 1)
    page = c.client.get(c.url).content.decode()
    assert 'name="action-due"' in page and "For example, 22/12/2026 or 22 Dec 2026" in page
    response = c.client.post(
        c.url,
        {
            "op": "action_update",
            "action": action.pk,
            f"act-{action.pk}-status": "done",
            f"act-{action.pk}-completed_on": "20 Mar 30",
            f"act-{action.pk}-progress": "Sent.",
        },
        **HTMX,
    )
    assert response.status_code == 200
    action.refresh_from_db()
    assert (action.status, action.completed_on) == ("done", dt.date(2030, 3, 20))
    page = c.client.get(c.url).content.decode()
    assert f'name="act-{action.pk}-completed_on" value="20/03/2030"' in page


@pytest.mark.parametrize(
    "typed, message",
    [
        ("31/02/2030", "There is no 31 February 2030: February 2030 has 28 days"),
        ("next week", "Enter a date like 22/12/2026 or 22 Dec 2026"),
        ("Tuesday 1 April 2030", "1 April 2030 is a Monday, not a Tuesday: check the date"),
    ],
)
def test_a_date_that_cannot_be_read_says_what_is_expected(c, typed, message):
    for extra in ({}, HTMX):
        response = add_action(c, typed, **extra)
        assert response.status_code == 400
        assert message in response.content.decode()
        if not extra:  # the page again, the date as typed (htmx leaves the form as it is)
            assert f'value="{typed}"' in response.content.decode()
    assert not Action.objects.filter(meeting=c.meeting).exists()


@pytest.fixture
def c(client):
    screen = on_the_screen(client)
    sit(screen)
    return screen
