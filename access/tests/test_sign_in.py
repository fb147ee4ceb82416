"""Signing in: throttling, the second factor for those who can see exempt information, replays."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from access.models import Account, SignInFailure
from audit.testing import TEST_ACTOR
from council import services as council_services
from council.models import Body, Role
from moot import testing as t

pytestmark = pytest.mark.django_db
PASSWORD = "Committee-Papers-2030"


def code_for(device: TOTPDevice, offset: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + offset * device.step if offset else totp.time
    return f"{totp.token():06d}"


@pytest.fixture
def councillor():
    person = t.person("Signinson")
    council_services.appoint(
        Body.objects.get(slug="policy-and-resources-cabinet-committee"),
        person,
        Role.SUBSTITUTE,
        t.dt.date(2030, 1, 1),
        actor=TEST_ACTOR,
    )
    user = User.objects.create_user("cllr", password=PASSWORD)
    Account.objects.create(user=user, person=person)
    return user


@pytest.fixture
def resident():
    return User.objects.create_user("resident", password=PASSWORD)


def sign_in(client, username, password=PASSWORD, next_url="/"):
    return client.post(
        reverse("access:sign_in"), {"username": username, "password": password, "next": next_url}
    )


def test_an_account_without_exempt_access_signs_in_with_a_password(client, resident):
    r = sign_in(client, "resident", next_url="/committees/")
    assert r.status_code == 302 and r["Location"] == "/committees/"
    assert client.session["_auth_user_id"] == str(resident.pk)


def test_wrong_password_is_refused_plainly(client, resident):
    r = sign_in(client, "resident", "nope")
    assert r.status_code == 400 and b"username or password is not right" in r.content
    assert "_auth_user_id" not in client.session


def test_open_redirects_are_refused(client, resident):
    r = sign_in(client, "resident", next_url="https://evil.example/")
    assert r["Location"] == "/"


def test_repeated_failures_are_throttled(client, resident, settings):
    for _ in range(settings.MOOT_SIGN_IN_FAILURES):
        sign_in(client, "resident", "wrong")
    r = sign_in(client, "resident")  # even the right password, for a while
    assert r.status_code == 429 and b"Too many attempts" in r.content
    assert "_auth_user_id" not in client.session


def test_without_an_authenticator_the_password_alone_shows_no_secret(client, councillor):
    """Not trust-on-first-use: the account is told to ask for an enrolment link."""
    r = sign_in(client, "cllr")
    assert r.status_code == 403 and b"Ask democratic services for an enrolment link" in r.content
    assert "_auth_user_id" not in client.session
    assert not TOTPDevice.objects.filter(user=councillor).exists()
    page = client.get(reverse("access:set_up"))  # the old set-up step: back to sign in
    assert page.status_code == 302 and page["Location"] == reverse("access:sign_in")
    assert not TOTPDevice.objects.filter(user=councillor).exists()
    assert client.get(reverse("access:verify"))["Location"] == reverse("access:sign_in")


def test_a_code_cannot_be_replayed_or_expired(client, councillor):
    device = TOTPDevice.objects.create(user=councillor, name="app", confirmed=True)
    code = code_for(device)
    assert sign_in(client, "cllr")["Location"] == reverse("access:verify")
    assert client.post(reverse("access:verify"), {"code": code}).status_code == 302
    client.post(reverse("access:sign_out"))
    sign_in(client, "cllr")
    replay = client.post(reverse("access:verify"), {"code": code})
    assert replay.status_code == 400 and b"already been used" in replay.content
    old = client.post(reverse("access:verify"), {"code": code_for(device, offset=-10)})
    assert old.status_code == 400
    assert "_auth_user_id" not in client.session
    assert SignInFailure.objects.filter(username="cllr", stage="code").count() == 2


def test_the_code_page_without_a_password_step_goes_back_to_sign_in(client):
    assert client.get(reverse("access:verify"))["Location"] == reverse("access:sign_in")
    assert client.post(reverse("access:set_up"), {"code": "1"})["Location"] == reverse(
        "access:sign_in"
    )


def test_back_office_needs_the_second_factor(client, admin_user):
    client.force_login(admin_user)  # a password-only session
    r = client.get(reverse("admin:index"), follow=True)
    assert r.redirect_chain[-1][0].startswith(reverse("access:sign_in") + "?next=/admin/")
    t.verified_login(client, admin_user)
    assert client.get(reverse("admin:index")).status_code == 200


def test_admin_login_page_sends_people_to_the_site_sign_in(client):
    r = client.get(reverse("admin:login") + "?next=/admin/")
    assert r.status_code == 302 and r["Location"].startswith(reverse("access:sign_in"))


def test_sign_in_pages_render_and_sign_out_needs_post(client):
    assert client.get(reverse("access:sign_in")).status_code == 200
    assert client.get(reverse("access:sign_out")).status_code == 405


def test_sessions_expire(settings):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE and settings.SESSION_COOKIE_AGE <= 12 * 3600


def test_a_wrong_code_delays_the_next_try(client, councillor):
    device = TOTPDevice.objects.create(user=councillor, name="app", confirmed=True)
    sign_in(client, "cllr")
    assert client.post(reverse("access:verify"), {"code": "000000"}).status_code == 400
    # Even the right code is refused during django-otp's back-off after a failure.
    assert client.post(reverse("access:verify"), {"code": code_for(device)}).status_code == 400
    assert "_auth_user_id" not in client.session


def test_an_officer_named_on_a_report_must_give_the_second_factor(client):
    """Named on a report (access.rules.may_ever_see_exempt), not a member of anything."""
    from papers import services as paper_services
    from papers.models import Classification, Document, Report

    officer = t.person("Namedauthor")
    doc = paper_services.save_document(
        Document(title="Exempt", exempt_paragraph=3, classification=Classification.EXEMPT),
        actor=TEST_ACTOR,
    )
    Report.objects.create(document=doc, author=officer, no_background_documents=True)
    user = User.objects.create_user("author", password=PASSWORD)
    Account.objects.create(user=user, person=officer)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    r = sign_in(client, "author")
    assert r["Location"] == reverse("access:verify")
    assert "_auth_user_id" not in client.session


def test_democratic_services_land_on_their_work(client):
    """An officer signing in without somewhere else to go lands on the workspace's home; one
    sent to sign in from a page goes back to it."""
    user = User.objects.create_user("officer", password=PASSWORD, is_staff=True)
    Account.objects.create(user=user, democratic_services=True)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    for step, (wanted, lands) in enumerate((("/", "/office/"), ("/committees/", "/committees/"))):
        client.post(reverse("access:sign_out"))
        assert sign_in(client, "officer", next_url=wanted)["Location"] == reverse("access:verify")
        r = client.post(reverse("access:verify"), {"code": code_for(device, offset=step)})
        assert r.status_code == 302 and r["Location"] == lands
