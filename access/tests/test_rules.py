"""Who may see exempt information."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser, User

from access.models import AccessGrant, Account
from access.rules import may_ever_see_exempt, may_see_exempt, needs_two_factor
from audit.testing import TEST_ACTOR
from council import services as council_services
from council.dates import authority_today
from council.models import Role
from moot import testing as t
from papers import services as paper_services
from papers.models import Classification, Document, Report, ReportSigner

pytestmark = pytest.mark.django_db
D = dt.date


def user_for(person=None, verified=True, **account):
    """An account's user as a request sees it; ``verified``: signed in with both factors."""
    user = User.objects.create_user(f"u{User.objects.count()}", password="x-Long-Pass-123")
    Account.objects.create(user=user, person=person, **account)
    user.is_verified = lambda: verified  # as django-otp's middleware marks the request's user
    return user


@pytest.fixture
def setting():
    body = t.body("Access Test Committee")
    meeting = t.meeting(body, date=D(2030, 3, 1))
    member = t.person("Memberson")
    council_services.appoint(body, member, Role.MEMBER, D(2030, 1, 1), actor=TEST_ACTOR)
    doc = paper_services.save_document(
        Document(title="Exempt", classification=Classification.EXEMPT, exempt_paragraph=3),
        actor=TEST_ACTOR,
    )
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
    council_services.appoint(
        body, former, Role.MEMBER, D(2029, 1, 1), end=D(2029, 12, 31), actor=TEST_ACTOR
    )
    assert not may_see_exempt(user_for(former), meeting, doc)
    sub = t.person("Standin")
    council_services.appoint(body, sub, Role.SUBSTITUTE, D(2030, 1, 1), actor=TEST_ACTOR)
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
    appendix = paper_services.save_document(
        Document(
            title="Appx", parent=doc, classification=Classification.EXEMPT, exempt_paragraph=3
        ),
        actor=TEST_ACTOR,
    )
    other = paper_services.save_document(
        Document(title="Other", classification=Classification.EXEMPT, exempt_paragraph=1),
        actor=TEST_ACTOR,
    )
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
    today = authority_today()
    AccessGrant.objects.create(
        person=person,
        body=body,
        reason="Legal advice",
        start=today - dt.timedelta(days=1),
        end=today + dt.timedelta(days=1),
    )
    assert may_see_exempt(user, meeting, doc)
    AccessGrant.objects.filter(person=person).update(end=today - dt.timedelta(days=1))
    assert not may_see_exempt(user, meeting, doc)


def test_democratic_services_and_administrators_may(setting):
    _, meeting, _, doc = setting
    assert may_see_exempt(user_for(None, democratic_services=True), meeting, doc)
    admin = User.objects.create_superuser("root", password="x-Long-Pass-123")
    admin.is_verified = lambda: True
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


def test_every_route_to_exempt_information_needs_a_second_factor(setting):
    """Named officers (author, director, signer) and grantees too, not only members."""
    body, _, _, doc = setting
    author, director, signer, grantee = (t.person(n) for n in ("Auth", "Direc", "Sign", "Grant"))
    report = Report.objects.create(
        document=doc, author=author, director=director, no_background_documents=True
    )
    ReportSigner.objects.create(report=report, person=signer, capacity="Director")
    AccessGrant.objects.create(
        person=grantee, body=body, reason="Advice", start=D(2020, 1, 1), end=D(2020, 1, 2)
    )  # long over: the account could still be granted
    for person in (author, director, signer, grantee):
        assert may_ever_see_exempt(user_for(person)), person
    staff = User.objects.create_user("staffer", password="x-Long-Pass-123", is_staff=True)
    assert may_ever_see_exempt(staff)
    assert not may_ever_see_exempt(user_for(t.person("Nobody")))


def test_a_session_without_the_second_factor_sees_no_exempt_information(setting):
    body, meeting, member, doc = setting
    author = t.person("Writer")
    Report.objects.create(document=doc, author=author, no_background_documents=True)
    dem = user_for(None, verified=False, democratic_services=True)
    officer = user_for(author, verified=False)
    for user in (officer, user_for(member, verified=False), dem):
        assert not may_see_exempt(user, meeting, doc)
    plain = User.objects.get(pk=officer.pk)  # no django-otp marking at all
    assert not may_see_exempt(plain, meeting, doc)
    officer.is_verified = lambda: True
    assert may_see_exempt(officer, meeting, doc)


@pytest.mark.parametrize(
    "utc, local",
    [
        (dt.datetime(2030, 7, 1, 23, 30, tzinfo=dt.UTC), D(2030, 7, 2)),  # BST: next day
        (dt.datetime(2030, 1, 15, 0, 30, tzinfo=dt.UTC), D(2030, 1, 15)),  # GMT: same day
    ],
)
def test_grants_run_by_the_authoritys_date(setting, monkeypatch, utc, local, real_date):
    """A grant for one day is in force on that day in London, whatever the server's date (on
    a council's own installation, without a demonstration date)."""
    from django.utils import timezone

    body, meeting, _, doc = setting
    person = t.person("Dated")
    user = user_for(person)
    AccessGrant.objects.create(person=person, body=body, reason="Advice", start=local, end=local)
    monkeypatch.setattr(timezone, "now", lambda: utc)
    assert authority_today() == local
    assert may_see_exempt(user, meeting, doc)
    AccessGrant.objects.filter(person=person).update(
        start=local - dt.timedelta(days=1), end=local - dt.timedelta(days=1)
    )
    assert not may_see_exempt(user, meeting, doc)
