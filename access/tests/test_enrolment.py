"""Enrolling a second factor only through a link democratic services issue, or with the
existing factor (access/enrolment.py); never after a password alone."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from access import enrolment
from access.enrolment import issue_link
from access.models import Account, EnrolmentLink
from audit.models import AuditEntry
from moot import testing as t

pytestmark = pytest.mark.django_db
PASSWORD = "Committee-Papers-2030"


def code_for(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


@pytest.fixture
def clerk():
    user = User.objects.create_user("clerk", password=PASSWORD, email="clerk@example.gov.uk")
    Account.objects.create(user=user, democratic_services=True)
    return user


@pytest.fixture
def officer():
    """An officer who can see exempt information (democratic services) with no app yet."""
    user = User.objects.create_user("officer", password=PASSWORD, email="officer@example.gov.uk")
    Account.objects.create(user=user, person=t.person("Enrolson"), democratic_services=True)
    return user


def emailed_link() -> str:
    assert len(mail.outbox) == 1
    return re.search(r"https?://\S+", mail.outbox[0].body).group(0)


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_democratic_services_issue_a_link_by_email_and_it_is_audited(clerk, officer):
    link, url = issue_link(officer, actor=clerk)
    assert emailed_link() == url and mail.outbox[0].to == ["officer@example.gov.uk"]
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert token not in link.token_hash and len(link.token_hash) == 64  # only the hash is kept
    hours = (link.expires_at - timezone.now()).total_seconds() / 3600
    assert 71.9 < hours <= 72
    ct = ContentType.objects.get_for_model(EnrolmentLink)
    entry = AuditEntry.objects.get(content_type=ct, object_id=str(link.pk))
    assert entry.action == "create" and entry.actor == clerk


def test_only_democratic_services_issue_links_and_an_address_is_needed(clerk, officer):
    councillor = User.objects.create_user("cllr", password=PASSWORD, email="c@example.gov.uk")
    with pytest.raises(PermissionDenied):
        issue_link(officer, actor=councillor)
    officer.email = ""
    officer.save()
    with pytest.raises(ValidationError, match="no email address"):
        issue_link(officer, actor=clerk)
    assert not EnrolmentLink.objects.exists() and not mail.outbox


def test_the_link_with_the_password_shows_a_qr_code_and_signs_in_with_both_factors(
    client, clerk, officer, settings
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    _, url = issue_link(officer, actor=clerk)
    enrol = path_of(url)
    assert client.get(enrol).status_code == 200
    wrong = client.post(enrol, {"password": "not-it"})
    assert wrong.status_code == 400 and b"password is not right" in wrong.content
    assert client.get(reverse("access:set_up"))["Location"] == reverse("access:sign_in")
    r = client.post(enrol, {"password": PASSWORD})
    assert r["Location"] == reverse("access:set_up")
    page = client.get(reverse("access:set_up"))
    assert b"<svg" in page.content and b"Enter this key" not in page.content
    assert b"or enter this key" in page.content
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    grouped = page.context["secret"]
    assert re.fullmatch(r"([A-Z2-7]{4} )*[A-Z2-7]{1,4}", grouped)
    assert client.post(reverse("access:set_up"), {"code": "000000"}).status_code == 400
    r = client.post(reverse("access:set_up"), {"code": code_for(device)})
    assert r.status_code == 302 and client.session["_auth_user_id"] == str(officer.pk)
    device.refresh_from_db()
    assert device.confirmed
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id  # both factors given
    used = EnrolmentLink.objects.get(user=officer)
    assert used.used_at is not None
    assert AuditEntry.objects.filter(
        object_id=str(used.pk), action="update", changes__has_key="used_at"
    ).exists()
    client.post(reverse("access:sign_out"))
    again = client.get(enrol)  # single use
    assert again.status_code == 404 and b"does not work" in again.content


def test_expired_and_replaced_links_do_not_work(client, clerk, officer):
    _, first = issue_link(officer, actor=clerk)
    _, second = issue_link(officer, actor=clerk)
    assert client.get(path_of(first)).status_code == 404  # replaced
    EnrolmentLink.objects.filter(user=officer).update(
        expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    r = client.post(path_of(second), {"password": PASSWORD})
    assert r.status_code == 404 and not TOTPDevice.objects.filter(user=officer).exists()
    assert client.get("/sign-in/enrol/made-up-token/").status_code == 404


def test_a_verified_session_replaces_its_app_with_the_existing_factor(client, officer, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    t.verified_login(client, officer)
    old = TOTPDevice.objects.get(user=officer)
    page = client.get(reverse("access:set_up"))
    assert page.status_code == 200 and b"<svg" in page.content
    new = TOTPDevice.objects.get(user=officer, confirmed=False)
    r = client.post(reverse("access:set_up"), {"code": code_for(new), "replace": "1"})
    assert r.status_code == 302
    assert list(TOTPDevice.objects.filter(user=officer)) == [new]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert client.session[DEVICE_ID_SESSION_KEY] == new.persistent_id  # verified by the new one


def test_a_password_only_session_cannot_add_an_app(client, officer):
    client.force_login(officer)
    r = client.get(reverse("access:set_up"))
    assert r.status_code == 302 and r["Location"].startswith(reverse("access:sign_in"))
    assert not TOTPDevice.objects.filter(user=officer).exists()


def test_the_command_prints_a_link_for_bootstrapping(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    admin = User.objects.create_superuser("root", password=PASSWORD)  # no email address
    out = io.StringIO()
    call_command("enrolment_link", "root", stdout=out)
    url = re.search(r"https?://\S+", out.getvalue()).group(0)
    assert not mail.outbox
    assert client.post(path_of(url), {"password": PASSWORD})["Location"] == reverse("access:set_up")
    client.get(reverse("access:set_up"))
    device = TOTPDevice.objects.get(user=admin)
    client.post(reverse("access:set_up"), {"code": code_for(device)})
    assert client.get(reverse("admin:index")).status_code == 200
    entry = AuditEntry.objects.filter(content_type__model="enrolmentlink").last()
    assert entry.actor_name == "moot enrolment_link"
    with pytest.raises(CommandError, match="No account"):
        call_command("enrolment_link", "nobody")
    with pytest.raises(CommandError, match="no email address"):
        call_command("enrolment_link", "root", "--email")


def test_the_back_office_action_sends_links_and_explains_refusals(clerk, officer):
    from django.test import Client

    client = t.verified_login(Client(), clerk)
    clerk.is_staff = True
    clerk.is_superuser = True
    clerk.save()
    noemail = User.objects.create_user("noemail", password=PASSWORD)
    r = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "send_enrolment_link", "_selected_action": [officer.pk, noemail.pk]},
        follow=True,
    )
    text = r.content.decode()
    assert "Sent an enrolment link to officer." in text
    assert "noemail has no email address" in text
    assert [m.to for m in mail.outbox] == [["officer@example.gov.uk"]]
    account = Account.objects.get(user=officer)
    r = client.post(
        reverse("admin:access_account_changelist"),
        {"action": "send_enrolment_link", "_selected_action": [account.pk]},
        follow=True,
    )
    assert "Sent an enrolment link to officer." in r.content.decode() and len(mail.outbox) == 2


def test_the_header_offers_the_app_page_only_to_a_verified_session(client, officer):
    client.force_login(officer)
    assert reverse("access:set_up").encode() not in client.get("/").content
    t.verified_login(client, officer)
    assert reverse("access:set_up").encode() in client.get("/").content


def test_no_link_without_an_actor_and_an_app_is_confirmed_only_by_its_own_account(clerk, officer):
    for nobody in (None, AnonymousUser()):
        with t.writes_nothing(), pytest.raises(PermissionDenied):
            issue_link(officer, actor=nobody)
    link, _ = issue_link(officer, actor=clerk)
    assert AuditEntry.objects.get(
        content_type__model="enrolmentlink", object_id=str(link.pk)
    ).event == ("access.enrolment_link_issued")
    device = enrolment.new_device(officer)
    other = User.objects.create_user("other", password=PASSWORD)
    with t.writes_nothing(), pytest.raises(PermissionDenied, match="its own authenticator"):
        enrolment.confirm_device(officer, device, actor=other, link=link)
    device.refresh_from_db()
    assert not device.confirmed and EnrolmentLink.objects.get(pk=link.pk).used_at is None
    enrolment.confirm_device(officer, device, actor=officer, link=link)
    used = AuditEntry.objects.get(event="access.enrolment_link_used", object_id=str(link.pk))
    assert used.actor == officer
