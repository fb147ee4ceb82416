"""Entitled people read restricted papers; everyone else gets the 404 a missing paper gets."""

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from access.models import Account, ExemptAccess
from audit.actors import SystemActor
from audit.testing import TEST_ACTOR
from council import services as council_services
from council.models import Role
from moot import testing as t
from papers import services
from papers.models import Classification, Document, Report
from publishing.historical import record_historical_publication

pytestmark = pytest.mark.django_db
SECRET = "Exempt text: the trading company's losses"


@pytest.fixture
def case(settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path
    body = t.body("Restricted Papers Committee")
    meeting = t.meeting(body, date=dt.date(2030, 6, 1))
    item = t.item(meeting, "9", "Company Governance", part="exempt", exempt_paragraph=3)
    doc = services.save_document(
        Document(
            title="Trading company review", classification=Classification.EXEMPT, exempt_paragraph=3
        ),
        actor=TEST_ACTOR,
    )
    services.add_version(doc, html=f"<p>{SECRET}</p>", actor=TEST_ACTOR)
    Report.objects.create(document=doc, no_background_documents=True)
    services.attach(item, doc, actor=TEST_ACTOR)
    member = t.person("Memberby")
    council_services.appoint(body, member, Role.MEMBER, dt.date(2030, 1, 1), actor=TEST_ACTOR)
    # Members read the papers once the agenda is published (test_restricted_versions.py
    # covers the drafts before).
    record_historical_publication(meeting, timezone.now(), actor=SystemActor("test"))
    return meeting, doc, member


def account(person, username):
    user = User.objects.create_user(username, password="Long-enough-pass-9")
    Account.objects.create(user=user, person=person)
    return user


def url(meeting, doc):
    return reverse("website:restricted_paper", args=[meeting.pk, doc.pk])


def test_a_member_signed_in_with_both_factors_reads_it_and_it_is_logged(case):
    meeting, doc, member = case
    client = t.verified_login(Client(), account(member, "member"))
    response = client.get(url(meeting, doc))
    assert response.status_code == 200
    assert (
        SECRET in response.content.decode() and "NOT FOR PUBLICATION" in response.content.decode()
    )
    assert "no-store" in response["Cache-Control"]
    log = ExemptAccess.objects.get()
    assert (log.username, log.action, log.document) == ("member", "view", doc)


def test_a_password_only_session_is_sent_to_the_second_step(case):
    meeting, doc, member = case
    client = Client()
    client.force_login(account(member, "member"))
    response = client.get(url(meeting, doc))
    assert response.status_code == 302 and response["Location"].startswith(
        reverse("access:sign_in")
    )
    assert not ExemptAccess.objects.exists()


def test_signed_out_visitors_are_asked_to_sign_in(case):
    meeting, doc, _ = case
    response = Client().get(url(meeting, doc))
    assert response.status_code == 302 and SECRET.encode() not in response.content


def test_a_councillor_not_on_the_body_gets_a_404(case):
    meeting, doc, _ = case
    client = t.verified_login(Client(), account(t.person("Outsidely"), "outsider"))
    response = client.get(url(meeting, doc))
    assert response.status_code == 404 and SECRET.encode() not in response.content
    assert client.get(reverse("website:members_pack", args=[meeting.pk])).status_code == 404
    assert not ExemptAccess.objects.exists()


def test_public_or_unattached_papers_are_not_served_here(case):
    meeting, doc, member = case
    client = t.verified_login(Client(), account(member, "member"))
    public = services.save_document(Document(title="Public"), actor=TEST_ACTOR)
    services.attach(meeting.items.get(), public, actor=TEST_ACTOR)
    assert client.get(url(meeting, public)).status_code == 404
    other = t.meeting(date=dt.date(2030, 7, 1))
    assert client.get(url(other, doc)).status_code == 404


def test_the_members_pack_is_downloadable_by_members_and_logged(case):
    from papers.packs import request_pack, run_pack

    meeting, doc, member = case
    run_pack(request_pack(meeting, "members", enqueue=False, actor=TEST_ACTOR).pk, actor=TEST_ACTOR)
    client = t.verified_login(Client(), account(member, "member"))
    response = client.get(reverse("website:members_pack", args=[meeting.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert ExemptAccess.objects.get().action == "download"
