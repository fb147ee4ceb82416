"""People, the authority, and deleting through the back office."""

import pytest
from django.urls import reverse

from access.tests.admin_forms import errors_text, post_data
from audit import trail
from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from council import services
from council.models import Authority, Body, Person, PersonNameForm, PoliticalGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def simkin():
    person = services.save_person(
        Person(title="Mr", initials="C", surname="Zedsimkin"), actor=TEST_ACTOR
    )
    services.add_name_form(person, "Mr Xanthor Zedsimkin", kind="informal", actor=TEST_ACTOR)
    return person


def test_person_added_with_a_blank_slug_gets_one_and_name_forms_are_audited(
    admin_client, admin_user
):
    page = admin_client.get(reverse("admin:council_person_add"))
    data = post_data(page)
    data.update(
        {
            "title": "Mrs",
            "initials": "A D",
            "surname": "Quillfeather",
            "slug": "",
            "name_forms-0-text": "Mrs Ann Quillfeather",
            "name_forms-0-kind": "informal",
        }
    )
    r = admin_client.post(reverse("admin:council_person_add"), data)
    assert r.status_code == 302, errors_text(r)
    person = Person.objects.get(surname="Quillfeather")
    assert person.slug == "a-d-quillfeather"
    form = PersonNameForm.objects.get(person=person)
    for obj in (person, form):
        entry = AuditEntry.objects.get(
            object_id=str(obj.pk), action="create", content_type__model=obj._meta.model_name
        )
        assert entry.actor == admin_user


def test_person_without_surname_is_refused_in_plain_words(admin_client):
    data = post_data(admin_client.get(reverse("admin:council_person_add")))
    count = Person.objects.count()
    r = admin_client.post(reverse("admin:council_person_add"), data)
    assert r.status_code == 200
    assert r.context["adminform"].form.errors["surname"] == ["This field is required."]
    assert Person.objects.count() == count


def test_search_finds_a_person_by_surname_and_by_a_name_form(admin_client, simkin):
    url = reverse("admin:council_person_changelist")
    for q in ["Zedsimkin", "Xanthor", "Mr Xanthor Zedsimkin", "Mr C Zedsimkin"]:
        r = admin_client.get(url, {"q": q})
        assert list(r.context["cl"].result_list) == [simkin], q
    assert admin_client.get(url, {"q": "Nobodyatall"}).context["cl"].result_count == 0


def test_councillor_filter(admin_client, simkin):
    url = reverse("admin:council_person_changelist")
    for value in ["now", "former", "never"]:
        assert admin_client.get(url, {"councillor": value}).status_code == 200
    assert simkin in admin_client.get(url, {"councillor": "never"}).context["cl"].result_list


def test_only_one_authority(admin_client):
    if not Authority.objects.exists():
        trail.save(Authority(name="Test County Council", short_name="TCC"), actor=TEST_ACTOR)
    assert admin_client.get(reverse("admin:council_authority_add")).status_code == 403
    authority = Authority.objects.get()
    url = reverse("admin:council_authority_delete", args=[authority.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert Authority.objects.count() == 1


def test_group_slug_is_made_from_the_name(admin_client):
    data = post_data(admin_client.get(reverse("admin:council_politicalgroup_add")))
    data.update({"name": "Test Green Group", "slug": ""})
    r = admin_client.post(reverse("admin:council_politicalgroup_add"), data)
    assert r.status_code == 302, errors_text(r)
    assert PoliticalGroup.objects.get(name="Test Green Group").slug == "test-green-group"


def test_delete_through_the_admin_is_audited(admin_client, admin_user, simkin):
    r = admin_client.post(reverse("admin:council_person_delete", args=[simkin.pk]), {"post": "yes"})
    assert r.status_code == 302
    assert not Person.objects.filter(pk=simkin.pk).exists()
    entry = AuditEntry.objects.get(
        object_id=str(simkin.pk), action="delete", content_type__model="person"
    )
    assert entry.actor == admin_user
    assert entry.changes["surname"] == ["Zedsimkin", None]


def test_bulk_delete_action_is_audited(admin_client, admin_user):
    bodies = [
        services.save_body(Body(name=f"Test Working Group {n}"), actor=TEST_ACTOR) for n in (1, 2)
    ]
    r = admin_client.post(
        reverse("admin:council_body_changelist"),
        {"action": "delete_selected", "_selected_action": [b.pk for b in bodies], "post": "yes"},
    )
    assert r.status_code == 302
    assert not Body.objects.filter(pk__in=[b.pk for b in bodies]).exists()
    entries = AuditEntry.objects.filter(
        action="delete", content_type__model="body", object_id__in=[str(b.pk) for b in bodies]
    )
    assert entries.count() == 2
    assert {e.actor for e in entries} == {admin_user}
