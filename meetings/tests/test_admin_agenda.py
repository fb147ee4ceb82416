"""A meeting and its agenda through the back office: saved or refused as a whole."""

import datetime as dt

import pytest
from django.urls import reverse

from access.tests.admin_forms import errors_text, post_data, rows
from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from council import services as council_services
from council.models import Body
from meetings import services
from meetings.models import AgendaItem, Meeting, Venue
from moot.testing import verified_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def body():
    return council_services.save_body(Body(name="Test Scrutiny Committee"), actor=TEST_ACTOR)


@pytest.fixture
def meeting(body):
    meeting = services.save_meeting(
        Meeting(body=body, date=dt.date(2025, 3, 4), start_time=dt.time(10)), actor=TEST_ACTOR
    )
    for n, title in enumerate(["Apologies", "Minutes", "Budget"], start=1):
        services.save_agenda_item(
            AgendaItem(meeting=meeting, number=str(n), title=title), actor=TEST_ACTOR
        )
    return meeting


def change_url(meeting):
    return reverse("admin:meetings_meeting_change", args=[meeting.pk])


def page(client, meeting):
    response = client.get(change_url(meeting))
    return response, post_data(response)


def set_row(data, index: int, **fields):
    data["items-TOTAL_FORMS"] = str(max(int(data["items-TOTAL_FORMS"]), index + 1))
    for key in [
        "id",
        "meeting",
        "order",
        "number",
        "title",
        "kind",
        "part",
        "exempt_paragraph",
        "parent",
    ]:
        data.setdefault(f"items-{index}-{key}", "")
    for key, value in fields.items():
        data[f"items-{index}-{key}"] = str(value)


def by_number(response) -> dict:
    return {f.instance.number: i for i, f in enumerate(rows(response, "items")) if f.instance.pk}


def test_an_invalid_item_refuses_the_whole_meeting(admin_client, meeting):
    response, data = page(admin_client, meeting)
    new = len(rows(response, "items")) - 1
    data["status"] = "confirmed"
    data[f"items-{by_number(response)['3']}-title"] = "Revenue budget"
    set_row(
        data,
        new,
        meeting=meeting.pk,
        number="4",
        title="Contract award",
        part="exempt",
        kind="report",
        order="0",
    )
    audits = AuditEntry.objects.count()
    r = admin_client.post(change_url(meeting), data)
    assert r.status_code == 200
    assert "must cite the paragraph of Schedule 12A" in errors_text(r)
    assert rows(r, "items")[new].errors["exempt_paragraph"]
    meeting.refresh_from_db()
    assert meeting.status == "scheduled"
    assert list(meeting.items.values_list("title", flat=True)) == ["Apologies", "Minutes", "Budget"]
    assert AuditEntry.objects.count() == audits


def test_a_new_meeting_with_an_invalid_item_is_not_created(admin_client, body):
    url = reverse("admin:meetings_meeting_add")
    data = post_data(admin_client.get(url))
    data.update({"body": body.pk, "date": "2025-06-10", "start_time": "14:00"})
    set_row(
        data,
        0,
        number="1",
        title="Apologies",
        kind="apologies",
        part="public",
        exempt_paragraph="3",
        order="0",
    )
    count, audits = Meeting.objects.count(), AuditEntry.objects.count()
    r = admin_client.post(url, data)
    assert r.status_code == 200
    assert "A public item cannot cite a Schedule 12A paragraph" in errors_text(r)
    assert (Meeting.objects.count(), AuditEntry.objects.count()) == (count, audits)


def test_a_valid_meeting_and_items_are_saved_with_audits(admin_client, admin_user, body):
    venue = services.save_venue(Venue(room="Test Room", building="Test House"), actor=TEST_ACTOR)
    url = reverse("admin:meetings_meeting_add")
    data = post_data(admin_client.get(url))
    data.update({"body": body.pk, "date": "2025-06-10", "start_time": "14:00", "venue": venue.pk})
    set_row(data, 0, number="1", title="Apologies", kind="apologies", part="public", order="0")
    set_row(
        data,
        1,
        number="2",
        title="Exempt minutes",
        kind="minutes",
        part="exempt",
        exempt_paragraph="1",
        order="0",
    )
    r = admin_client.post(url, data)
    assert r.status_code == 302, errors_text(r)
    meeting = Meeting.objects.get(body=body, date=dt.date(2025, 6, 10))
    items = list(meeting.items.all())
    assert [(i.number, i.order, i.exempt_paragraph) for i in items] == [
        ("1", 10, None),
        ("2", 20, 1),
    ]
    for obj in [meeting, *items]:
        entry = AuditEntry.objects.get(
            object_id=str(obj.pk), action="create", content_type__model=obj._meta.model_name
        )
        assert entry.actor == admin_user


def test_duplicate_numbers_on_one_agenda_are_explained(admin_client, meeting):
    response, data = page(admin_client, meeting)
    set_row(
        data,
        len(rows(response, "items")) - 1,
        meeting=meeting.pk,
        number="2",
        title="Another",
        kind="report",
        part="public",
        order="0",
    )
    r = admin_client.post(change_url(meeting), data)
    assert r.status_code == 200
    assert "Two or more items have the same number" in errors_text(r)
    assert meeting.items.count() == 3


def test_numbers_can_be_shifted_to_insert_an_item(admin_client, meeting):
    response, data = page(admin_client, meeting)
    at = by_number(response)
    data[f"items-{at['2']}-number"] = "3"
    data[f"items-{at['3']}-number"] = "4"
    set_row(
        data,
        len(rows(response, "items")) - 1,
        meeting=meeting.pk,
        number="2",
        title="Declarations",
        kind="declarations",
        part="public",
        order="15",
    )
    r = admin_client.post(change_url(meeting), data)
    assert r.status_code == 302, errors_text(r)
    assert list(meeting.items.values_list("number", "title")) == [
        ("1", "Apologies"),
        ("2", "Declarations"),
        ("3", "Minutes"),
        ("4", "Budget"),
    ]


def test_swapping_two_numbers_is_refused_with_a_way_forward(admin_client, meeting):
    response, data = page(admin_client, meeting)
    at = by_number(response)
    data[f"items-{at['2']}-number"], data[f"items-{at['3']}-number"] = "3", "2"
    r = admin_client.post(change_url(meeting), data)
    assert r.status_code == 200
    assert "give one a temporary number" in errors_text(r)
    assert list(meeting.items.values_list("number", flat=True)) == ["1", "2", "3"]


def test_standalone_item_with_a_used_number_is_explained(admin_client, meeting):
    url = reverse("admin:meetings_agendaitem_add")
    data = post_data(admin_client.get(url))
    data.update({"meeting": meeting.pk, "number": "2", "title": "Dup", "order": "0"})
    r = admin_client.post(url, data)
    assert r.status_code == 200
    assert r.context["adminform"].form.errors["number"] == [
        "Item number 2 is already used on this agenda. Give each item its own number."
    ]


def test_sub_items_choose_a_parent_from_the_same_meeting_only(admin_client, meeting, body):
    other = services.save_meeting(Meeting(body=body, date=dt.date(2025, 4, 1)), actor=TEST_ACTOR)
    services.save_agenda_item(
        AgendaItem(meeting=other, number="1", title="Elsewhere"), actor=TEST_ACTOR
    )
    response, _ = page(admin_client, meeting)
    choices = {str(label) for _, label in rows(response, "items")[0].fields["parent"].choices}
    assert "1 Elsewhere" not in choices
    assert "3 Budget" in choices


def test_deleting_an_item_inline_is_audited(admin_client, admin_user, meeting):
    response, data = page(admin_client, meeting)
    item = meeting.items.get(number="3")
    data[f"items-{by_number(response)['3']}-DELETE"] = "on"
    r = admin_client.post(change_url(meeting), data)
    assert r.status_code == 302, errors_text(r)
    assert not AgendaItem.objects.filter(pk=item.pk).exists()
    entry = AuditEntry.objects.get(
        object_id=str(item.pk), action="delete", content_type__model="agendaitem"
    )
    assert entry.actor == admin_user


def test_renumber_button_and_action(admin_client, admin_user, meeting, body):
    AgendaItem.objects.filter(meeting=meeting, number="3").update(order=5)  # moved to the top
    url = reverse("admin:meetings_meeting_renumber", args=[meeting.pk])
    assert admin_client.get(url).status_code == 405
    r = admin_client.post(url)
    assert r.status_code == 302
    assert list(meeting.items.values_list("number", "order")) == [("3", 10), ("1", 20), ("2", 30)]
    assert (
        AuditEntry.objects.filter(
            content_type__model="agendaitem", action="update", actor=admin_user
        ).count()
        == 3
    )
    AgendaItem.objects.filter(meeting=meeting, number="2").update(order=1)
    r = admin_client.post(
        reverse("admin:meetings_meeting_changelist"),
        {"action": "renumber_in_order", "_selected_action": [meeting.pk]},
    )
    assert r.status_code == 302
    assert list(meeting.items.values_list("number", flat=True)) == ["2", "3", "1"]
    assert "Renumber in order" in admin_client.get(change_url(meeting)).content.decode()


def test_meeting_delete_single_and_bulk_are_audited(admin_client, meeting, body):
    other = services.save_meeting(Meeting(body=body, date=dt.date(2025, 5, 1)), actor=TEST_ACTOR)
    r = admin_client.post(
        reverse("admin:meetings_meeting_delete", args=[meeting.pk]), {"post": "yes"}
    )
    assert r.status_code == 302
    r = admin_client.post(
        reverse("admin:meetings_meeting_changelist"),
        {"action": "delete_selected", "_selected_action": [other.pk], "post": "yes"},
    )
    assert r.status_code == 302
    deleted = AuditEntry.objects.filter(action="delete", content_type__model="meeting")
    assert set(deleted.values_list("object_id", flat=True)) >= {str(meeting.pk), str(other.pk)}


def test_meeting_list_search_and_filters(admin_client, meeting, body):
    url = reverse("admin:meetings_meeting_changelist")
    r = admin_client.get(url, {"q": "Test Scrutiny"})
    assert list(r.context["cl"].result_list) == [meeting]
    assert r.context["cl"].result_list[0].item_count == 3
    for params in [
        {"status__exact": "scheduled"},
        {"kind__exact": "ordinary"},
        {"body__id__exact": body.pk},
        {"date__year": 2025, "date__month": 3},
        {"date__year": 2025, "date__month": 3, "date__day": 4},
    ]:
        r = admin_client.get(url, params)
        assert r.status_code == 200
        assert meeting in r.context["cl"].result_list, params
    assert meeting not in admin_client.get(url, {"status__exact": "held"}).context["cl"].result_list


def test_an_officer_with_permissions_saves_as_themselves(client, meeting):
    from access.tests.admin_forms import staff_user

    officer = staff_user(
        "dso",
        "meetings.view_meeting",
        "meetings.change_meeting",
        "meetings.add_agendaitem",
        "meetings.change_agendaitem",
        "meetings.view_agendaitem",
        "council.view_body",
        "meetings.view_venue",
        "council.view_person",
    )
    verified_login(client, officer)
    response, data = page(client, meeting)
    data["status"] = "confirmed"
    data[f"items-{by_number(response)['2']}-title"] = "Minutes of the last meeting"
    r = client.post(change_url(meeting), data)
    assert r.status_code == 302, errors_text(r)
    changed = AuditEntry.objects.filter(actor=officer, action="update")
    assert {e.content_type.model for e in changed} == {"meeting", "agendaitem"}
    assert changed.get(content_type__model="meeting").changes == {
        "status": ["scheduled", "confirmed"]
    }
