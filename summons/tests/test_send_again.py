"""A failed email, in plain words and sent again (``summons.services.send_again``): the log
says what went wrong as the office would put it, keeping the raw error for administrators;
sending again is democratic services' act, audited, to the address the member's consent now
names; what has not failed, and a member who no longer consents, are refused with nothing
saved."""

from __future__ import annotations

import datetime as dt
import smtplib
import socket
import ssl

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from moot import testing as t
from publishing.signals import agenda_published
from summons import consent, mail
from summons.mail_errors import NOT_SENT, REFUSED_ADDRESS, plain_words
from summons.models import Decision, EmailLog, EmailStatus
from summons.recipients import summoned
from summons.services import SENT_AGAIN, send_again
from summons.testing import FlakyBackend, pr_meeting, publication

pytestmark = pytest.mark.django_db

REFUSAL = smtplib.SMTPRecipientsRefused({"m@example.org": (550, b"5.1.1 User unknown")})


@pytest.fixture
def refusing(settings, monkeypatch):
    """Every send refused by the mail server for the address, until ``failures`` is lowered."""
    settings.EMAIL_BACKEND = "summons.testing.FlakyBackend"
    monkeypatch.setattr(FlakyBackend, "calls", 0)
    monkeypatch.setattr(FlakyBackend, "failures", 99)
    monkeypatch.setattr(FlakyBackend, "error", staticmethod(lambda: REFUSAL))
    return FlakyBackend


@pytest.fixture
def failed(refusing, publish):
    meeting = pr_meeting()
    member = summoned(meeting)[0]
    consent.record(
        member, Decision.GIVEN, "m@example.org", effective=dt.date(2017, 1, 1), actor=TEST_ACTOR
    )
    publish(agenda_published, meeting, publication())
    log = EmailLog.objects.get()
    assert log.status == EmailStatus.FAILED
    return log


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (REFUSAL, REFUSED_ADDRESS),
        (
            ConnectionRefusedError(111, "Connection refused"),
            "Moot could not reach the mail server.",
        ),
        (smtplib.SMTPAuthenticationError(535, b"5.7.8 bad"), "did not accept Moot's sign-in"),
        (socket.gaierror(-2, "Name or service not known"), "name was not found"),
        (TimeoutError("timed out"), "did not answer in time"),
        (ssl.SSLError("wrong version number"), "secure connection to the mail server failed"),
        (smtplib.SMTPServerDisconnected("gone"), "broke off the connection"),
        (ValueError("something odd"), NOT_SENT),
    ],
)
def test_each_failure_is_put_in_plain_words(error, words):
    said = plain_words(error)
    assert words in said
    assert "SMTP" not in said and "Error" not in said and "550" not in said


def test_the_log_says_it_plainly_and_keeps_the_detail(failed):
    assert failed.problem == REFUSED_ADDRESS
    assert "SMTPRecipientsRefused" in failed.error and "5.1.1 User unknown" in failed.error


def test_democratic_services_send_it_again_to_the_address_now_consented(
    failed, refusing, mailoutbox, django_capture_on_commit_callbacks, immediate_tasks
):
    officer = t.account(democratic_services=True)
    consent.record(
        failed.person,
        Decision.GIVEN,
        "new@example.org",
        effective=dt.date(2017, 9, 8),
        actor=TEST_ACTOR,
    )
    refusing.failures = 0
    with django_capture_on_commit_callbacks(execute=True):
        again = send_again(failed, actor=officer)
    assert again.to == "new@example.org"
    log = EmailLog.objects.get(pk=failed.pk)
    assert (log.status, log.attempts, log.to, log.problem) == (
        EmailStatus.SENT,
        1,
        "new@example.org",
        "",
    )
    assert [m.to for m in mailoutbox] == [["new@example.org"]]
    entry = AuditEntry.objects.get(event=SENT_AGAIN)
    assert entry.actor == officer and entry.object_id == str(log.pk)
    assert entry.changes["to"] == ["m@example.org", "new@example.org"]
    assert entry.changes["status"] == ["failed", "queued"]


def test_an_email_that_has_not_failed_is_not_sent_again(failed):
    EmailLog.objects.filter(pk=failed.pk).update(status=EmailStatus.SENT)
    with t.writes_nothing(), pytest.raises(ValidationError, match="nothing to send again"):
        send_again(failed, actor=TEST_ACTOR)
    EmailLog.objects.filter(pk=failed.pk).update(status=EmailStatus.RETRYING)
    with t.writes_nothing(), pytest.raises(ValidationError, match="tried again shortly"):
        send_again(failed, actor=TEST_ACTOR)


def test_a_member_who_withdrew_consent_is_not_emailed_again(failed):
    consent.record(
        failed.person, Decision.WITHDRAWN, effective=dt.date(2017, 9, 8), actor=TEST_ACTOR
    )
    with t.writes_nothing(), pytest.raises(ValidationError, match="no longer consents"):
        send_again(failed, actor=TEST_ACTOR)
    assert EmailLog.objects.get(pk=failed.pk).status == EmailStatus.FAILED


def test_only_democratic_services_send_again(failed):
    for actor in (t.account(), t.account(perms=("summons.change_emaillog",)), None):
        with t.writes_nothing(), pytest.raises(PermissionDenied):
            send_again(failed, actor=actor)
    assert EmailLog.objects.get(pk=failed.pk).status == EmailStatus.FAILED


def test_nothing_is_queued_when_it_is_refused(failed, monkeypatch):
    queued = []
    monkeypatch.setattr(mail, "enqueue", lambda pk, delay=0: queued.append(pk))
    EmailLog.objects.filter(pk=failed.pk).update(status=EmailStatus.SENT)
    with pytest.raises(ValidationError):
        send_again(failed, actor=TEST_ACTOR)
    assert queued == []
