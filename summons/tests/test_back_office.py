"""The back office: paper consent forms, the dispatch list and the printable summons."""

import datetime as dt

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from council.dates import authority_today
from publishing.signals import agenda_published
from summons import consent
from summons.models import ConsentMethod, Decision, DispatchEntry, SummonsConsent, SummonsIssue
from summons.recipients import summoned
from summons.testing import CANARY, plant_canary, pr_meeting, publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(publish, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = pr_meeting()
    plant_canary(meeting)
    publish(agenda_published, meeting, publication())
    return SummonsIssue.objects.get(meeting=meeting)


def test_the_printable_summons_renders_for_each_member_to_post(admin_client, issued):
    response = admin_client.get(reverse("admin:summons_summonsissue_print", args=[issued.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    entries = list(issued.dispatch.select_related("person"))
    assert len(entries) == len(summoned(issued.meeting))  # nobody consented
    assert page.count("You are hereby summoned to attend a meeting of the") == len(entries)
    for entry in entries:
        assert entry.person.formal_name in page
    assert "Company Governance <em>(exempt, paragraph 3)</em>" in page
    assert "Friday, 15 September 2017 at 10.00 am" in page
    assert CANARY not in page


def test_one_members_copy_and_the_issue_page(admin_client, issued):
    person = issued.dispatch.first().person
    url = reverse("admin:summons_summonsissue_print_one", args=[issued.pk, person.pk])
    page = admin_client.get(url).content.decode()
    assert page.count("You are hereby summoned") == 1 and person.councillor_name in page
    page = admin_client.get(
        reverse("admin:summons_summonsissue_change", args=[issued.pk])
    ).content.decode()
    assert "Dispatch list and summonses to print" in page and CANARY not in page


def test_the_print_view_needs_the_back_office(client, issued):
    response = client.get(reverse("admin:summons_summonsissue_print", args=[issued.pk]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_marking_summonses_posted_is_audited(admin_client, issued):
    ids = list(issued.dispatch.values_list("pk", flat=True)[:2])
    response = admin_client.post(
        reverse("admin:summons_dispatchentry_changelist"),
        {
            "action": "mark_posted_today",
            "_selected_action": ids,
        },
    )
    assert response.status_code == 302
    assert DispatchEntry.objects.filter(posted_on=authority_today()).count() == 2
    assert (
        AuditEntry.objects.filter(content_type__model="dispatchentry", action="update").count() == 2
    )


def test_democratic_services_record_a_paper_form(admin_client, admin_user):
    person = summoned(pr_meeting())[0]
    response = admin_client.post(
        reverse("admin:summons_summonsconsent_add"),
        {
            "person": person.pk,
            "decision": Decision.GIVEN,
            "email": "paper@example.org",
            "effective": "01/09/2017",
            "evidence": "Signed form DS/7",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = SummonsConsent.objects.get()
    assert entry.method == ConsentMethod.PAPER_FORM and entry.recorded_by == admin_user
    assert consent.address_on(person, dt.date(2017, 9, 7)) == "paper@example.org"
    assert AuditEntry.objects.filter(content_type__model="summonsconsent").count() == 1
    # The ledger is a history: entries are read, never changed or deleted.
    change = reverse("admin:summons_summonsconsent_change", args=[entry.pk])
    assert 'name="email"' not in admin_client.get(change).content.decode()
    delete = reverse("admin:summons_summonsconsent_delete", args=[entry.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert SummonsConsent.objects.count() == 1
