"""The default agenda template for a kind of body in the workspace
(``/office/agenda-templates/<kind>/``, listed at ``/office/agenda-templates/``): the same page
as a body's template, saved through ``meetings.template_changes``; every body of the kind
without a template of its own then starts from it. Bad input: the error summary, a 400 and
nothing saved; democratic services only."""

from __future__ import annotations

import pytest

from audit.models import AuditEntry
from meetings.models import AgendaTemplate
from meetings.template_changes import ITEM_SAVED, SAVED
from moot import testing as t

from .helpers import error_summary, officer, others, refused_for_others, text, value_of
from .test_agenda_template import form

pytestmark = pytest.mark.django_db

LIST = "/office/agenda-templates/"


def url(kind: str) -> str:
    return f"/office/agenda-templates/{kind}/"


def test_a_default_is_set_up_and_a_body_of_the_kind_starts_from_it():
    AgendaTemplate.objects.filter(body=None, body_kind="working_group").delete()
    client = officer()
    listed = client.get(LIST)
    assert listed.status_code == 200
    assert f'href="{url("working_group")}"' in listed.content.decode()
    assert "Set up the default for every Working group" in text(listed)
    assert f'href="{LIST}"' in client.get("/office/programme/").content.decode()
    page = text(client.get(url("working_group")))
    assert "Default for every working group" in page
    assert "There is no default template for every working group." in page
    data = form(
        None,
        new_0={"title": "Apologies", "kind": "apologies"},
        new_1={"title": "Notes of the meeting held on {previous_meeting_date}", "kind": "minutes"},
    )
    done = client.post(url("working_group"), data)
    assert done.status_code == 303 and done["Location"] == url("working_group")
    default = AgendaTemplate.objects.get(body=None, body_kind="working_group")
    assert [i.title for i in default.items.order_by("order")] == [
        "Apologies",
        "Notes of the meeting held on {previous_meeting_date}",
    ]
    assert AuditEntry.objects.filter(event=SAVED, object_id=str(default.pk)).exists()
    assert AuditEntry.objects.filter(event=ITEM_SAVED).count() >= 2
    assert "The agenda template of every working group is saved." in text(
        client.get(url("working_group"))
    )
    # A working group without a template of its own: its page starts from the default, and
    # links to it.
    group = t.body("Member Development Working Group", kind="working_group")
    body_page = client.get(f"/office/bodies/{group.slug}/agenda-template/")
    assert "its agendas use the default for every working group" in text(body_page)
    assert f'href="{url("working_group")}"' in body_page.content.decode()
    assert value_of(body_page, "new-0-title") == "Apologies"


def test_bad_input_is_refused_nothing_saved():
    AgendaTemplate.objects.filter(body=None, body_kind="panel").delete()
    client = officer()
    data = form(None, new_0={"title": "Apologies for {absence}", "kind": "apologies"})
    with t.writes_nothing():
        response = client.post(url("panel"), data)
    assert response.status_code == 400
    assert any("“{absence}” is not a placeholder" in e for e in error_summary(response))
    assert value_of(response, "new-0-title") == "Apologies for {absence}"
    assert not AgendaTemplate.objects.filter(body=None, body_kind="panel").exists()
    assert client.get(url("no-such-kind")).status_code == 404
    assert client.post(url("no-such-kind"), data).status_code == 404


def test_only_democratic_services():
    data = form(None, new_0={"title": "Apologies", "kind": "apologies"})
    for _, client, code in others():
        assert client.get(url("panel")).status_code == code
        assert client.get(LIST).status_code == code
        assert client.post(url("panel"), data).status_code == code
    refused_for_others([LIST, url("panel")], {url("panel"): data})
