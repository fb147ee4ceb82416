"""The back office: paper consent forms, the dispatch list and the printable summons."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from moot.testing import writes_nothing
from publishing.deadlines import local_date
from publishing.signals import agenda_published
from summons import consent
from summons.models import (
    ConsentMethod,
    Decision,
    DispatchEntry,
    EmailLog,
    EmailStatus,
    SummonsConsent,
    SummonsIssue,
)
from summons.recipients import summoned
from summons.services import POSTED, SENT_AGAIN, issue_summons
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


def test_marking_summonses_posted_goes_through_the_service(admin_client, issued):
    """``record_posted``: the real calendar's today (a moment of record), audited as
    ``summons.posted``, one issue at a time."""
    ids = list(issued.dispatch.values_list("pk", flat=True)[:2])
    other = issue_summons(issued.meeting, publication(pk=2), actor=TEST_ACTOR)
    ids.append(other.dispatch.values_list("pk", flat=True).first())
    response = admin_client.post(
        reverse("admin:summons_dispatchentry_changelist"),
        {"action": "mark_posted_today", "_selected_action": ids},
        follow=True,
    )
    today = local_date(timezone.now())
    assert DispatchEntry.objects.filter(posted_on=today).count() == 3
    assert AuditEntry.objects.filter(content_type__model="dispatchentry", event=POSTED).count() == 3
    assert "2 marked as left or posted today" in response.content.decode()


def test_a_day_typed_in_the_list_is_checked_by_the_service(admin_client, issued):
    """The list's "left or posted on" column is ``save_dispatch_entry``: a day before the issue
    is refused with the service's words, and nothing is saved."""
    entries = list(issued.dispatch.all()[:2])
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "_save": "Save",
        "form-0-id": entries[0].pk,
        "form-0-posted_on": "01/09/2017",
        "form-0-notes": "",
        "form-1-id": entries[1].pk,
        "form-1-posted_on": "08/09/2017",
        "form-1-notes": "Hand delivered",
    }
    url = reverse("admin:summons_dispatchentry_changelist") + "?o=1"
    with writes_nothing():
        response = admin_client.post(url, data, follow=True)
    assert "it cannot have been left or posted before that day" in response.content.decode()
    assert not DispatchEntry.objects.filter(posted_on__isnull=False).exists()
    data["form-0-posted_on"] = "07/09/2017"
    admin_client.post(url, data)
    assert DispatchEntry.objects.get(pk=entries[0].pk).posted_on == dt.date(2017, 9, 7)
    assert DispatchEntry.objects.get(pk=entries[1].pk).notes == "Hand delivered"
    assert AuditEntry.objects.filter(content_type__model="dispatchentry", event=POSTED).count() == 2


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
    # Through the consent service, as the member's own page records it.
    assert AuditEntry.objects.get(content_type__model="summonsconsent").event == (
        "summons.consent_recorded"
    )
    # The ledger is a history: entries are read, never changed or deleted.
    change = reverse("admin:summons_summonsconsent_change", args=[entry.pk])
    assert 'name="email"' not in admin_client.get(change).content.decode()
    delete = reverse("admin:summons_summonsconsent_delete", args=[entry.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert SummonsConsent.objects.count() == 1


def test_trying_failed_emails_again_goes_through_the_service(admin_client, issued):
    """The email log's action is ``send_again``: audited, and an email that has not failed is
    left alone. The log shows the plain words beside the raw error (administrators only)."""
    failed = EmailLog.objects.create(
        key=f"summons:{issued.pk}:0",
        kind="summons",
        to="x@example.org",
        subject="Summons",
        text="t",
        meeting=issued.meeting,
        status=EmailStatus.FAILED,
        error="Attempt 3: SMTPRecipientsRefused: {'x@example.org': (550, b'no')}",
        problem="The mail server refused the address.",
    )
    sent = EmailLog.objects.create(
        key="confirm:9",
        kind="confirmation",
        to="y@example.org",
        subject="s",
        text="t",
        status=EmailStatus.SENT,
    )
    listing = admin_client.get(reverse("admin:summons_emaillog_changelist")).content.decode()
    assert "The mail server refused the address." in listing
    response = admin_client.post(
        reverse("admin:summons_emaillog_changelist"),
        {"action": "try_again", "_selected_action": [failed.pk, sent.pk]},
        follow=True,
    )
    assert "1 email(s) queued again." in response.content.decode()
    assert EmailLog.objects.get(pk=failed.pk).status == EmailStatus.QUEUED
    assert EmailLog.objects.get(pk=sent.pk).status == EmailStatus.SENT
    assert AuditEntry.objects.filter(event=SENT_AGAIN, object_id=str(failed.pk)).count() == 1
