"""Restricted pages show the published version; before the agenda is published only
democratic services and the report's named officers read the draft (publishing/versions.py);
signed out, every restricted address answers alike (no existence oracle)."""

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from access.models import Account
from audit.actors import SystemActor
from audit.testing import TEST_ACTOR
from council import services as council_services
from council.models import Role
from moot import testing as t
from papers import services
from papers.models import Classification, Document, Report
from papers.packs import request_pack, run_pack
from publishing.historical import record_historical_publication

pytestmark = pytest.mark.django_db
APPROVED = "The trading company's losses as approved"
DRAFT = "Redraft nobody has approved"


@pytest.fixture
def case(settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path
    body = t.body("Draft Papers Committee")
    meeting = t.meeting(body, date=dt.date(2030, 6, 1))
    item = t.item(meeting, "9", "Company Governance", part="exempt", exempt_paragraph=3)
    doc = services.save_document(
        Document(
            title="Trading company review", classification=Classification.EXEMPT, exempt_paragraph=3
        ),
        actor=TEST_ACTOR,
    )
    services.add_version(doc, html=f"<p>{APPROVED}</p>", actor=TEST_ACTOR)
    author = t.person("Authorby")
    Report.objects.create(document=doc, no_background_documents=True, author=author)
    services.attach(item, doc, actor=TEST_ACTOR)
    member = t.person("Memberby")
    council_services.appoint(body, member, Role.MEMBER, dt.date(2030, 1, 1), actor=TEST_ACTOR)
    return meeting, doc, member, author


def signed_in(person=None, username="someone", democratic_services=False):
    user = User.objects.create_user(username, password="Long-enough-pass-9")
    Account.objects.create(user=user, person=person, democratic_services=democratic_services)
    return t.verified_login(Client(), user)


def url(meeting, doc):
    return reverse("website:restricted_paper", args=[meeting.pk, doc.pk])


def test_before_publication_a_councillor_sees_nothing(case):
    meeting, doc, member, _ = case
    client = signed_in(member, "member")
    response = client.get(url(meeting, doc))
    assert response.status_code == 404 and APPROVED.encode() not in response.content
    run_pack(request_pack(meeting, "members", enqueue=False, actor=TEST_ACTOR).pk, actor=TEST_ACTOR)
    assert client.get(reverse("website:members_pack", args=[meeting.pk])).status_code == 404


def test_before_publication_democratic_services_and_the_author_read_the_draft(case):
    meeting, doc, _, author = case
    services.add_version(doc, html=f"<p>{DRAFT}</p>", actor=TEST_ACTOR)
    for client in (
        signed_in(username="dso", democratic_services=True),
        signed_in(author, "author"),
    ):
        response = client.get(url(meeting, doc))
        assert response.status_code == 200 and DRAFT in response.content.decode()


def test_after_publication_everyone_entitled_reads_the_published_version(case):
    meeting, doc, member, author = case
    record_historical_publication(meeting, timezone.now(), actor=SystemActor("test"))
    services.add_version(doc, html=f"<p>{DRAFT}</p>", actor=TEST_ACTOR)
    councillor = signed_in(member, "member")
    for client in (
        councillor,
        signed_in(author, "author"),
        signed_in(username="dso", democratic_services=True),
    ):
        page = client.get(url(meeting, doc)).content.decode()
        assert APPROVED in page and DRAFT not in page
    run_pack(request_pack(meeting, "members", enqueue=False, actor=TEST_ACTOR).pk, actor=TEST_ACTOR)
    response = councillor.get(reverse("website:members_pack", args=[meeting.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_signed_out_a_real_and_an_invented_address_answer_alike(case):
    meeting, doc, _, _ = case
    addresses = [
        (url(meeting, doc), url(meeting, Document(pk=doc.pk + 999))),
        (
            reverse("website:restricted_paper_pdf", args=[meeting.pk, doc.pk]),
            reverse("website:restricted_paper_pdf", args=[meeting.pk + 999, doc.pk]),
        ),
        (
            reverse("website:members_pack", args=[meeting.pk]),
            reverse("website:members_pack", args=[meeting.pk + 999]),
        ),
    ]
    for real, invented in addresses:
        answers = [Client().get(address) for address in (real, invented)]
        assert [a.status_code for a in answers] == [302, 302]
        for answer, address in zip(answers, (real, invented), strict=True):
            assert answer["Location"] == f"{reverse('access:sign_in')}?next={address}"
