"""Memberships through the back office: the rules refuse on the form, nothing half saved."""

import datetime as dt

import pytest
from django.urls import reverse

from access.tests.admin_forms import errors_text, post_data, rows
from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from council import services
from council.models import Body, Membership, Person, Role

pytestmark = pytest.mark.django_db

MAY = dt.date(2024, 5, 1)


@pytest.fixture
def body():
    return services.save_body(Body(name="Test Licensing Sub-Committee", seats=3), actor=TEST_ACTOR)


@pytest.fixture
def people():
    return [
        services.save_person(Person(title="Mr", initials=i, surname=s), actor=TEST_ACTOR)
        for i, s in [("A", "Adams"), ("B", "Baker"), ("C", "Cole"), ("D", "Dunn")]
    ]


@pytest.fixture
def chairman(body, people):
    return services.appoint(body, people[0], Role.CHAIRMAN, start=MAY, actor=TEST_ACTOR)


def add_membership(client, **fields):
    data = {
        "body": "",
        "person": "",
        "role": "member",
        "group": "",
        "start": "",
        "end": "",
        "notes": "",
    }
    data.update({k: str(v) for k, v in fields.items()})
    return client.post(reverse("admin:council_membership_add"), data)


def refused(response, text: str, audit_before: int, memberships_before: int):
    assert response.status_code == 200
    assert text in errors_text(response)
    assert Membership.objects.count() == memberships_before
    assert AuditEntry.objects.count() == audit_before


def test_second_chairman_at_the_same_time_is_refused(admin_client, body, people, chairman):
    audits, count = AuditEntry.objects.count(), Membership.objects.count()
    r = add_membership(
        admin_client, body=body.pk, person=people[1].pk, role="chairman", start="2024-09-01"
    )
    refused(r, f"{body} already has a chairman, Mr A Adams", audits, count)


def test_overlapping_membership_of_the_same_person_is_refused(admin_client, body, people, chairman):
    audits, count = AuditEntry.objects.count(), Membership.objects.count()
    r = add_membership(admin_client, body=body.pk, person=people[0].pk, start="2024-06-01")
    refused(r, "Mr A Adams is already the chairman of", audits, count)


def test_more_members_than_seats_is_refused(admin_client, body, people, chairman):
    services.appoint(body, people[1], start=MAY, actor=TEST_ACTOR)
    services.appoint(body, None, start=MAY, actor=TEST_ACTOR)  # a vacant seat is still a seat
    audits, count = AuditEntry.objects.count(), Membership.objects.count()
    r = add_membership(admin_client, body=body.pk, person=people[3].pk, start="2024-06-01")
    refused(r, "has 3 seats and all are filled or allocated on 1 June 2024", audits, count)


def test_end_before_start_is_refused_on_the_field(admin_client, body, people):
    r = add_membership(
        admin_client, body=body.pk, person=people[1].pk, start="2024-06-01", end="2024-05-01"
    )
    errors = r.context["adminform"].form.errors
    assert errors["end"] == ["The membership cannot end before it starts."]


def test_a_valid_change_is_saved_and_audited(admin_client, admin_user, chairman):
    url = reverse("admin:council_membership_change", args=[chairman.pk])
    data = post_data(admin_client.get(url))
    data["end"] = "2025-04-30"
    r = admin_client.post(url, data)
    assert r.status_code == 302
    chairman.refresh_from_db()
    assert chairman.end == dt.date(2025, 4, 30)
    entry = AuditEntry.objects.filter(object_id=str(chairman.pk), action="update").get()
    assert entry.actor == admin_user
    assert entry.changes == {"end": [None, "2025-04-30"]}


# --- the same rules on the body's page, where memberships are rows of an inline ---


def body_page(client, body):
    url = reverse("admin:council_body_change", args=[body.pk])
    response = client.get(url)
    return url, response, post_data(response)


def fill_row(data, index: int, **fields):
    data["memberships-TOTAL_FORMS"] = str(max(int(data["memberships-TOTAL_FORMS"]), index + 1))
    row = {
        "id": "",
        "body": "",
        "person": "",
        "role": "member",
        "group": "",
        "start": "",
        "end": "",
        "notes": "",
    }
    row.update({k: str(v) for k, v in fields.items()})
    for key, value in row.items():
        data.setdefault(f"memberships-{index}-{key}", value)
        if key in fields:
            data[f"memberships-{index}-{key}"] = value


def test_inline_row_breaking_a_rule_refuses_the_whole_page(admin_client, body, people, chairman):
    url, page, data = body_page(admin_client, body)
    new = len(rows(page, "memberships")) - 1  # the blank row
    data["name"] = "Renamed Sub-Committee"
    fill_row(data, new, body=body.pk, person=people[1].pk, role="chairman", start="2024-09-01")
    audits, count = AuditEntry.objects.count(), Membership.objects.count()
    r = admin_client.post(url, data)
    refused(r, "already has a chairman, Mr A Adams", audits, count)
    assert "Nothing has been saved" in errors_text(r)
    assert rows(r, "memberships")[new].errors  # shown on the row concerned
    body.refresh_from_db()
    assert body.name == "Test Licensing Sub-Committee"


def test_two_chairmen_added_in_one_go_are_refused(admin_client, body, people):
    url, page, data = body_page(admin_client, body)
    first = len(rows(page, "memberships")) - 1
    for i, person in enumerate(people[1:3]):
        fill_row(
            data, first + i, body=body.pk, person=person.pk, role="chairman", start="2024-09-01"
        )
    audits, count = AuditEntry.objects.count(), Membership.objects.count()
    r = admin_client.post(url, data)
    refused(r, "already has a chairman, Mr B Baker", audits, count)
    assert not rows(r, "memberships")[first].errors
    assert rows(r, "memberships")[first + 1].errors


def test_seats_overfilled_within_one_submission_are_refused(admin_client, body, people):
    url, page, data = body_page(admin_client, body)
    first = len(rows(page, "memberships")) - 1
    for i, person in enumerate(people):  # four members for three seats
        fill_row(data, first + i, body=body.pk, person=person.pk, start="2024-09-01")
    audits, count = AuditEntry.objects.count(), Membership.objects.count()
    r = admin_client.post(url, data)
    refused(r, "has 3 seats and all are filled", audits, count)


def test_one_submission_can_end_a_chairman_and_appoint_the_next(
    admin_client, body, people, chairman
):
    # Aardvark sorts before Adams, so his row is tried first and must wait for Adams's end.
    aardvark = services.save_person(
        Person(title="Mr", initials="Z", surname="Aardvark"), actor=TEST_ACTOR
    )
    member = services.appoint(body, aardvark, start=dt.date(2024, 9, 1), actor=TEST_ACTOR)
    url, page, data = body_page(admin_client, body)
    index = {f.instance.pk: i for i, f in enumerate(rows(page, "memberships"))}
    assert index[member.pk] < index[chairman.pk]
    data[f"memberships-{index[chairman.pk]}-end"] = "2024-08-31"
    data[f"memberships-{index[member.pk]}-role"] = "chairman"
    r = admin_client.post(url, data)
    assert r.status_code == 302, errors_text(r)
    member.refresh_from_db()
    chairman.refresh_from_db()
    assert (member.role, chairman.end) == ("chairman", dt.date(2024, 8, 31))
    assert AuditEntry.objects.filter(object_id=str(member.pk), changes__role=["member", "chairman"])


def test_inline_membership_added_with_audit(admin_client, admin_user, body, people):
    url, page, data = body_page(admin_client, body)
    fill_row(
        data,
        len(rows(page, "memberships")) - 1,
        body=body.pk,
        person=people[2].pk,
        start="2024-09-01",
    )
    r = admin_client.post(url, data)
    assert r.status_code == 302, errors_text(r)
    m = Membership.objects.get(body=body, person=people[2])
    entry = AuditEntry.objects.get(
        object_id=str(m.pk), action="create", content_type__model="membership"
    )
    assert entry.actor == admin_user
    assert entry.changes["person_id"] == [None, people[2].pk]


def test_membership_list_filters_and_search(admin_client, body, people, chairman):
    url = reverse("admin:council_membership_changelist")
    for query in [
        "?in_force=now",
        "?in_force=ended",
        "?role__exact=chairman",
        f"?body__id__exact={body.pk}",
        "?q=Adams",
    ]:
        r = admin_client.get(url + query)
        assert r.status_code == 200, query
    r = admin_client.get(url + "?q=Adams&role__exact=chairman")
    assert chairman in r.context["cl"].result_list
