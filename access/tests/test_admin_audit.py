"""The audit trail in the back office: readable, read only, and a History on every record."""

import datetime as dt

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from access.tests.admin_forms import staff_user
from audit import trail
from audit.models import AuditEntry
from audit.reading import readable_changes
from audit.testing import TEST_ACTOR
from council import services
from council.models import Body, Membership, Person, Role
from meetings.models import Venue
from moot.testing import verified_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def membership(admin_user):
    body = services.save_body(Body(name="Test Audit Panel", seats=5), actor=admin_user)
    person = services.save_person(
        Person(title="Ms", initials="E", surname="Ellery"), actor=TEST_ACTOR
    )
    m = services.appoint(body, person, Role.MEMBER, start=dt.date(2024, 5, 1), actor=TEST_ACTOR)
    m.role = Role.VICE_CHAIRMAN
    return services.save_membership(m, actor=admin_user)


def entry_for(obj, action="update") -> AuditEntry:
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk), action=action
    ).latest("pk")


def test_changes_read_in_the_officers_words(membership):
    entry = entry_for(membership)
    assert readable_changes(entry) == [("role", "Member", "Vice-Chairman / Vice-Chair")]
    created = entry_for(membership, "create")
    rows = {label: after for label, _, after in readable_changes(created)}
    assert rows["person"] == "Ms E Ellery"
    assert rows["body"] == "Test Audit Panel"
    assert rows["start"] == "1 May 2024"


def test_a_deleted_related_record_is_named_as_gone(membership):
    created = entry_for(membership, "create")
    person_id = membership.person_id
    Person.objects.filter(pk=person_id).delete()
    rows = {label: after for label, _, after in readable_changes(created)}
    assert rows["person"] == f"#{person_id} (no longer in the record)"


def test_audit_list_and_entry_render(admin_client, membership):
    url = reverse("admin:audit_auditentry_changelist")
    r = admin_client.get(url)
    assert r.status_code == 200
    assert "Test Audit Panel" in r.content.decode()
    entry = entry_for(membership)
    r = admin_client.get(reverse("admin:audit_auditentry_change", args=[entry.pk]))
    assert r.status_code == 200
    html = r.content.decode()
    assert '<th scope="row">Role</th><td' in html
    assert "Vice-Chairman / Vice-Chair" in html
    assert reverse("admin:council_membership_change", args=[membership.pk]) in html


def test_audit_list_filters(admin_client, admin_user, membership):
    url = reverse("admin:audit_auditentry_changelist")
    ct = ContentType.objects.get_for_model(Membership)
    today = dt.date.today()
    for params in [
        {"action__exact": "update"},
        {"content_type__id__exact": ct.pk},
        {"actor_name": admin_user.username},
        {"at__year": today.year},
        {"q": "Ellery"},
        {"object_id__in": f"{membership.pk}", "content_type__id__exact": ct.pk},
    ]:
        r = admin_client.get(url, params)
        assert r.status_code == 200, params
        assert entry_for(membership) in r.context["cl"].result_list, params
    r = admin_client.get(url, {"action__exact": "delete", "content_type__id__exact": ct.pk})
    assert entry_for(membership) not in r.context["cl"].result_list


def test_the_event_is_listed_filtered_searched_and_shown(admin_client, membership):
    created = entry_for(membership, "create")
    assert created.event == "council.member_appointed"
    url = reverse("admin:audit_auditentry_changelist")
    for params in [{"event": "council.member_appointed"}, {"q": "council.member_appointed"}]:
        r = admin_client.get(url, params)
        assert r.status_code == 200, params
        assert list(r.context["cl"].result_list) == [created], params
    assert "council.member_appointed" in admin_client.get(url).content.decode()
    page = admin_client.get(reverse("admin:audit_auditentry_change", args=[created.pk]))
    assert "council.member_appointed" in page.content.decode()
    history = admin_client.get(reverse("admin:council_membership_history", args=[membership.pk]))
    html = history.content.decode()
    assert "<code>council.member_appointed</code>" in html
    assert "<code>council.membership_changed</code>" in html


def test_nobody_can_add_change_or_delete_audit_entries(admin_client, membership):
    entry = entry_for(membership)
    assert admin_client.get(reverse("admin:audit_auditentry_add")).status_code == 403
    r = admin_client.post(
        reverse("admin:audit_auditentry_change", args=[entry.pk]), {"actor_name": "forger"}
    )
    assert r.status_code == 403
    r = admin_client.post(
        reverse("admin:audit_auditentry_delete", args=[entry.pk]), {"post": "yes"}
    )
    assert r.status_code == 403
    r = admin_client.post(
        reverse("admin:audit_auditentry_changelist"),
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    )
    entry.refresh_from_db()
    assert entry.actor_name != "forger"
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
    model_admin = admin.site._registry[AuditEntry]
    request = r.wsgi_request
    assert "delete_selected" not in model_admin.get_actions(request)
    assert not any(
        p(request)
        for p in (
            model_admin.has_add_permission,
            model_admin.has_change_permission,
            model_admin.has_delete_permission,
        )
    )


def test_history_lists_the_records_audit_entries(admin_client, membership):
    r = admin_client.get(reverse("admin:council_membership_history", args=[membership.pk]))
    assert r.status_code == 200
    html = r.content.decode()
    assert "Vice-Chairman / Vice-Chair" in html
    assert "Changed" in html and "Created" in html
    body_history = admin_client.get(
        reverse("admin:council_body_history", args=[membership.body_id])
    )
    assert "Changes to its memberships" in body_history.content.decode()
    change_page = admin_client.get(reverse("admin:council_membership_change", args=[membership.pk]))
    assert reverse("admin:council_membership_history", args=[membership.pk]) in (
        change_page.content.decode()
    )


def test_an_officer_with_view_permission_can_read_but_not_write(client, membership):
    officer = staff_user("officer", "audit.view_auditentry", "council.view_membership")
    verified_login(client, officer)
    entry = entry_for(membership)
    assert client.get(reverse("admin:audit_auditentry_change", args=[entry.pk])).status_code == 200
    assert (
        client.get(reverse("admin:council_membership_history", args=[membership.pk])).status_code
        == 200
    )
    r = client.post(reverse("admin:council_membership_change", args=[membership.pk]), {})
    assert r.status_code == 403
    stranger = staff_user("stranger")
    verified_login(client, stranger)
    assert client.get(reverse("admin:audit_auditentry_changelist")).status_code == 403


def test_every_admin_list_and_add_page_renders(admin_client, django_assert_max_num_queries):
    for model, model_admin in admin.site._registry.items():
        info = model._meta.app_label, model._meta.model_name
        # A list page costs the same few queries however many rows it shows (no N+1).
        with django_assert_max_num_queries(12):
            r = admin_client.get(reverse("admin:{}_{}_changelist".format(*info)))
        assert r.status_code == 200, model
        r = admin_client.get(reverse("admin:{}_{}_add".format(*info)))
        allowed = model_admin.has_add_permission(r.wsgi_request)
        assert r.status_code == (200 if allowed else 403), model


def test_every_audited_change_page_and_history_renders(admin_client, membership):
    venue = trail.save(Venue(room="Audit Test Room"), actor=TEST_ACTOR)
    for obj in [membership, membership.body, membership.person, venue]:
        info = obj._meta.app_label, obj._meta.model_name
        for view in ("change", "history"):
            url = reverse("admin:{}_{}_{}".format(*info, view), args=[obj.pk])
            assert admin_client.get(url).status_code == 200, url


BAD_GETS = [
    "admin:audit_auditentry_changelist?content_type__id__exact=abc",
    "admin:audit_auditentry_changelist?at__year=abc",
    "admin:audit_auditentry_changelist?at__year=2024&at__month=13",
    "admin:audit_auditentry_changelist?p=abc",
    "admin:audit_auditentry_changelist?o=zz",
    "admin:audit_auditentry_changelist?object_id__in=",
    "admin:meetings_meeting_changelist?body__id__exact=abc",
    "admin:meetings_meeting_changelist?date__year=99999",
    "admin:meetings_meeting_changelist?date__year=2024&date__month=2&date__day=31",
    "admin:meetings_meeting_changelist?status__exact=nonsense",
    "admin:meetings_meeting_changelist?q=%00",
    "admin:council_person_changelist?councillor=maybe",
    "admin:council_person_changelist?q=" + "x" * 5000,
    "admin:council_membership_changelist?in_force=whenever",
    "admin:council_membership_changelist?start__gte=notadate",
]


@pytest.mark.parametrize("target", BAD_GETS)
def test_bad_query_strings_never_fail(admin_client, target):
    name, _, query = target.partition("?")
    r = admin_client.get(reverse(name) + "?" + query)
    assert r.status_code in (200, 302, 400), r.status_code


@pytest.mark.parametrize(
    "path",
    [
        "/admin/audit/auditentry/notanumber/change/",
        "/admin/audit/auditentry/999999999/change/",
        "/admin/council/person/abc/change/",
        "/admin/council/person/abc/history/",
        "/admin/council/person/999999999/history/",
        "/admin/meetings/meeting/abc/renumber/",
        "/admin/meetings/meeting/999999999/renumber/",
    ],
)
def test_bad_object_ids_never_fail(admin_client, path):
    assert admin_client.get(path).status_code in (302, 404, 405)
    assert admin_client.post(path).status_code in (302, 403, 404, 405)


BAD_MEMBERSHIP = [
    {"start": "31/02/2024"},
    {"start": "2024-13-01"},
    {"start": "99999-01-01"},
    {"role": "emperor"},
    {"person": "999999999"},
    {"person": "abc"},
    {"person": "9" * 30},
    {"body": ""},
    {"group": "-1"},
    {"notes": "x" * 1000},
]


@pytest.mark.parametrize("change", BAD_MEMBERSHIP)
def test_bad_form_input_is_refused_on_the_form(admin_client, membership, change):
    data = {
        "body": membership.body_id,
        "person": "",
        "role": "member",
        "group": "",
        "start": "2024-06-01",
        "end": "",
        "notes": "",
        **change,
    }
    count = Membership.objects.count()
    r = admin_client.post(reverse("admin:council_membership_add"), data)
    assert r.status_code == 200
    assert r.context["adminform"].form.errors
    assert Membership.objects.count() == count


def test_bad_inline_management_data_is_refused(admin_client, membership):
    url = reverse("admin:council_body_change", args=[membership.body_id])
    base = {"name": "Test Audit Panel", "kind": "committee", "active": "on"}
    for management in [
        {},
        {"memberships-TOTAL_FORMS": "abc", "memberships-INITIAL_FORMS": "0"},
        {"memberships-TOTAL_FORMS": "100000", "memberships-INITIAL_FORMS": "0"},
        {"memberships-TOTAL_FORMS": "1", "memberships-INITIAL_FORMS": "5"},
    ]:
        r = admin_client.post(url, {**base, **management})
        assert r.status_code == 200, management
    # The 100,000 rows were refused on the form, not built (backoffice.base.NEW_ROWS).
    r = admin_client.post(
        url, {**base, "memberships-TOTAL_FORMS": "100000", "memberships-INITIAL_FORMS": "0"}
    )
    assert "Please submit at most 101 forms." in r.content.decode()
    (seats,) = [
        f.formset for f in r.context["inline_admin_formsets"] if f.formset.prefix == "memberships"
    ]
    assert len(seats.forms) <= 101


@pytest.mark.parametrize("seats", ["99999", "99999999999", "9" * 30, "-1", "1.5"])
def test_numbers_out_of_range_are_refused_on_the_form(admin_client, seats):
    url = reverse("admin:council_body_add")
    data = {
        "name": "Test Huge Panel",
        "kind": "committee",
        "seats": seats,
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }
    r = admin_client.post(url, data)
    assert r.status_code == 200
    assert r.context["adminform"].form.errors["seats"]
    assert not Body.objects.filter(name="Test Huge Panel").exists()


def test_a_refusal_when_the_record_itself_is_saved_shows_on_the_form(admin_client, monkeypatch):
    """E.g. someone else took the same room name a moment ago: the database refuses."""
    from django.db import IntegrityError

    def clash(venue, *, actor):
        raise IntegrityError("UNIQUE constraint failed")

    monkeypatch.setattr(admin.site._registry[Venue], "save_service", clash)
    count = Venue.objects.count()
    r = admin_client.post(reverse("admin:meetings_venue_add"), {"room": "Test Clash Room"})
    assert r.status_code == 200
    errors = r.context["adminform"].form.non_field_errors()
    assert "Nothing has been saved" in errors[0]
    assert "clashes with another record" in errors[1]
    assert Venue.objects.count() == count


def test_autocomplete_lookups_answer(admin_client, membership):
    r = admin_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "council",
            "model_name": "membership",
            "field_name": "person",
            "term": "Ellery",
        },
    )
    assert r.status_code == 200
    assert [row["text"] for row in r.json()["results"]] == ["Ms E Ellery"]
    bad = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": "council", "model_name": "nope", "field_name": "person", "term": "x"},
    )
    assert bad.status_code in (403, 404)
