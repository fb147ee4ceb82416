"""The consent ledger and the member's self-service page (SI 2015/5)."""

import datetime as dt

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from council.dates import authority_today
from council.models import Person
from summons import consent
from summons.models import ConsentMethod, Decision, SummonsConsent

pytestmark = pytest.mark.django_db

D = dt.date


@pytest.fixture
def person():
    return Person.objects.filter(terms__isnull=False).order_by("pk").first()


def test_consent_on_follows_the_history(person):
    consent.record(
        person, Decision.GIVEN, "a@example.org", effective=D(2024, 1, 10), actor=TEST_ACTOR
    )
    consent.record(person, Decision.WITHDRAWN, effective=D(2024, 3, 1), actor=TEST_ACTOR)
    consent.record(
        person, Decision.GIVEN, "b@example.org", effective=D(2024, 6, 1), actor=TEST_ACTOR
    )

    assert consent.consent_on(person, D(2024, 1, 9)) is False  # before any entry
    assert consent.consent_on(person, D(2024, 1, 10)) is True
    assert consent.address_on(person, D(2024, 2, 29)) == "a@example.org"
    assert consent.consent_on(person, D(2024, 3, 1)) is False  # withdrawal: effective at once
    assert consent.address_on(person, D(2024, 5, 31)) == ""
    assert consent.address_on(person, D(2030, 1, 1)) == "b@example.org"
    assert [e.decision for e in consent.history(person)] == ["given", "withdrawn", "given"]


def test_many_people_at_once_agree_with_one_at_a_time(person):
    other = Person.objects.filter(terms__isnull=False).exclude(pk=person.pk).first()
    consent.record(
        person, Decision.GIVEN, "a@example.org", effective=D(2024, 1, 10), actor=TEST_ACTOR
    )
    consent.record(person, Decision.WITHDRAWN, effective=D(2024, 3, 1), actor=TEST_ACTOR)
    consent.record(
        other, Decision.GIVEN, "o@example.org", effective=D(2024, 2, 1), actor=TEST_ACTOR
    )
    for day in (D(2024, 1, 1), D(2024, 2, 15), D(2024, 3, 1)):
        found = consent.in_force_for([person, other], day)
        assert found.get(person.pk) == consent.in_force(person, day)
        assert found.get(other.pk) == consent.in_force(other, day)


def test_the_entry_recorded_last_wins_on_the_same_day(person):
    consent.record(
        person, Decision.GIVEN, "a@example.org", effective=D(2024, 1, 10), actor=TEST_ACTOR
    )
    consent.record(person, Decision.WITHDRAWN, effective=D(2024, 1, 10), actor=TEST_ACTOR)
    assert consent.consent_on(person, D(2024, 1, 10)) is False


def test_consent_needs_an_address_and_a_withdrawal_keeps_none(person):
    with pytest.raises(ValidationError) as refused:
        consent.record(person, Decision.GIVEN, "", actor=TEST_ACTOR)
    assert "email" in refused.value.message_dict
    entry = consent.record(person, Decision.WITHDRAWN, "old@example.org", actor=TEST_ACTOR)
    assert entry.email == ""


def test_entries_are_audited_with_who_recorded_them(person, admin_user):
    entry = consent.record(
        person,
        Decision.GIVEN,
        "a@example.org",
        method=ConsentMethod.PAPER_FORM,
        actor=admin_user,
        evidence="Signed form DS/1",
    )
    assert entry.recorded_by == admin_user and entry.recorded_by_name == admin_user.username
    trail = AuditEntry.objects.get(object_id=str(entry.pk), content_type__model="summonsconsent")
    assert trail.actor == admin_user and trail.changes["email"] == [None, "a@example.org"]


# --- the self-service page -----------------------------------------------------------------

URL = "/account/summons-consent/"


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(settings.LOGIN_URL)
    assert "next=/account/summons-consent/" in response["Location"]


def test_an_account_without_a_person_gets_a_message(client, member_user):
    client.force_login(member_user(None))
    response = client.get(URL)
    assert response.status_code == 200
    assert "not linked to a member" in response.content.decode()
    assert client.post(URL, {"decision": "given", "email": "x@example.org"}).status_code == 200
    assert not SummonsConsent.objects.exists()


def test_a_member_gives_and_withdraws_consent(client, member_user, person):
    user = member_user(person)
    client.force_login(user)
    page = client.get(URL).content.decode()
    assert "Local Government (Electronic Communications) (England) Order 2015" in page
    assert "You have not consented" in page

    response = client.post(URL, {"decision": "given", "email": "me@example.org"})
    assert response.status_code == 302
    today = authority_today()
    assert consent.address_on(person, today) == "me@example.org"
    entry = SummonsConsent.objects.get(person=person)
    assert entry.method == ConsentMethod.SELF_SERVICE and entry.recorded_by == user
    page = client.get(URL).content.decode()
    assert "will be emailed to me@example.org" in page  # the success banner
    assert "sent by email to <strong>me@example.org</strong>" in page

    assert client.post(URL, {"decision": "withdrawn", "email": ""}).status_code == 302
    assert consent.consent_on(person, today) is False
    assert AuditEntry.objects.filter(content_type__model="summonsconsent").count() == 2


def test_form_errors_are_summarised(client, member_user, person):
    client.force_login(member_user(person))
    response = client.post(URL, {"decision": "given", "email": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page and 'href="#email"' in page
    assert "<title>Error: " in page
    response = client.post(URL, {"email": "not-an-address"})
    page = response.content.decode()
    assert 'href="#decision"' in page and "correct format" in page
    assert not SummonsConsent.objects.exists()
