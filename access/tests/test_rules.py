"""Who may see exempt information."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser, User

from access.models import AccessGrant, Account
from access.rules import may_see_exempt, needs_two_factor
from council import services as council_services
from council.models import Role
from moot import testing as t
from papers import services as paper_services
from papers.models import Classification, Document, Report, ReportSigner

pytestmark = pytest.mark.django_db
D = dt.date


def user_for(person=None, **account):
    user = User.objects.create_user(f"u{User.objects.count()}", password="x-Long-Pass-123")
    Account.objects.create(user=user, person=person, **account)
    return user


@pytest.fixture
def setting():
    body = t.body("Access Test Committee")
    meeting = t.meeting(body, date=D(2030, 3, 1))
    member = t.person("Memberson")
    council_services.appoint(body, member, Role.MEMBER, D(2030, 1, 1))
    doc = paper_services.save_document(Document(title="Exempt", classification=Classification.EXEMPT,
                                                exempt_paragraph=3))
    return body, meeting, member, doc


def test_the_public_and_unlinked_accounts_may_not(setting):
    _, meeting, _, doc = setting
    assert not may_see_exempt(AnonymousUser(), meeting, doc)
    assert not may_see_exempt(user_for(None), meeting, doc)
    assert not may_see_exempt(user_for(t.person("Outsider")), meeting, doc)


def test_members_of_the_body_on_the_meeting_date_may(setting):
    body, meeting, member, doc = setting
    assert may_see_exempt(user_for(member), meeting, doc)
    former = t.person("Former")
    council_services.appoint(body, former, Role.MEMBER, D(2029, 1, 1), end=D(2029, 12, 31))
    assert not may_see_exempt(user_for(former), meeting, doc)
    sub = t.person("Standin")
    council_services.appoint(body, sub, Role.SUBSTITUTE, D(2030, 1, 1))
    assert may_see_exempt(user_for(sub), meeting, doc)


def test_inactive_accounts_may_not(setting):
    _, meeting, member, doc = setting
    user = user_for(member)
    user.is_active = False
    user.save()
    assert not may_see_exempt(user, meeting, doc)


def test_officers_named_on_the_report_may_see_that_document_only(setting):
    _, meeting, _, doc = setting
    author, signer = t.person("Author"), t.person("Signer")
    report = Report.objects.create(document=doc, author=author, no_background_documents=True)
    ReportSigner.objects.create(report=report, person=signer, capacity="Director")
    appendix = paper_services.save_document(Document(title="Appx", parent=doc,
                                                     classification=Classification.EXEMPT,
                                                     exempt_paragraph=3))
    other = paper_services.save_document(Document(title="Other", classification=Classification.EXEMPT,
                                                  exempt_paragraph=1))
    for person in (author, signer):
        user = user_for(person)
        assert may_see_exempt(user, meeting, doc)
        assert may_see_exempt(user, meeting, appendix)
        assert not may_see_exempt(user, meeting, other)
        assert not may_see_exempt(user, meeting)


def test_monitoring_officer_grants_last_for_their_period(setting):
    body, meeting, _, doc = setting
    person = t.person("Granted")
    user = user_for(person)
    today = dt.date.today()
    AccessGrant.objects.create(person=person, body=body, reason="Legal advice",
                               start=today - dt.timedelta(days=1), end=today + dt.timedelta(days=1))
    assert may_see_exempt(user, meeting, doc)
    AccessGrant.objects.filter(person=person).update(end=today - dt.timedelta(days=1))
    assert not may_see_exempt(user, meeting, doc)


def test_democratic_services_and_administrators_may(setting):
    _, meeting, _, doc = setting
    assert may_see_exempt(user_for(None, democratic_services=True), meeting, doc)
    admin = User.objects.create_superuser("root", password="x-Long-Pass-123")
    assert may_see_exempt(admin, meeting, doc)


def test_two_factor_is_needed_by_those_who_can_see_exempt_information(setting):
    _, _, member, _ = setting
    assert needs_two_factor(user_for(member))
    assert needs_two_factor(user_for(None, democratic_services=True))
    assert not needs_two_factor(user_for(t.person("Resident")))
    assert not needs_two_factor(AnonymousUser())


def test_a_grant_covers_exactly_one_thing_for_a_real_period(setting):
    from django.core.exceptions import ValidationError

    body, meeting, member, _ = setting
    grant = AccessGrant(person=member, reason="Advice", start=D(2030, 1, 2), end=D(2030, 1, 1))
    with pytest.raises(ValidationError, match="exactly one"):
        grant.full_clean()
    grant.body, grant.meeting = body, meeting
    with pytest.raises(ValidationError, match="exactly one"):
        grant.full_clean()
    grant.meeting = None
    with pytest.raises(ValidationError, match="cannot end before"):
        grant.full_clean()
