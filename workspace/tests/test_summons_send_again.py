"""A failed summons email on the meeting's summons page: what went wrong in plain words (the
raw error is the administrators'), and "Send again" through ``summons.services.send_again``;
a refusal is the page again with the service's words in the error summary, a 400 and nothing
saved."""

from __future__ import annotations

import datetime as dt

import pytest

from audit import generation
from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from moot import testing as t
from summons import consent
from summons.mail_errors import REFUSED_ADDRESS
from summons.models import Decision, EmailLog, EmailStatus
from summons.recipients import summoned
from summons.services import SENT_AGAIN, issue_summons
from summons.testing import pr_meeting, publication

from .helpers import error_summary, officer, others, text

pytestmark = pytest.mark.django_db

RAW = "Attempt 3: SMTPRecipientsRefused: {'member@example.org': (550, b'5.1.1 User unknown')}"


def failed_summons_email() -> EmailLog:
    """The summons of 15 September 2017 emailed to one member and refused by the server."""
    meeting = pr_meeting()
    member = summoned(meeting)[0]
    consent.record(
        member,
        Decision.GIVEN,
        "member@example.org",
        effective=dt.date(2017, 1, 1),
        actor=TEST_ACTOR,
    )
    issue_summons(meeting, publication(), actor=TEST_ACTOR)
    log = EmailLog.objects.get(person=member)
    EmailLog.objects.filter(pk=log.pk).update(
        status=EmailStatus.FAILED, attempts=3, error=RAW, problem=REFUSED_ADDRESS
    )
    return EmailLog.objects.get(pk=log.pk)


@pytest.fixture
def failed() -> EmailLog:
    return failed_summons_email()


def page_url(log: EmailLog) -> str:
    return f"/office/meetings/{log.meeting_id}/summons/"


def send_url(log: EmailLog, meeting_pk: int | None = None) -> str:
    return f"/office/meetings/{meeting_pk or log.meeting_id}/summons/emails/{log.pk}/send-again/"


def test_the_page_says_what_went_wrong_in_plain_words(failed):
    response = officer().get(page_url(failed))
    page = text(response)
    assert "member@example.org Failed The mail server refused the address." in page
    member = failed.person.formal_name
    assert f"{member}, member@example.org: The mail server refused the address. Send again" in page
    assert "SMTP" not in page and "5.1.1" not in page and "550" not in page
    assert f'action="{send_url(failed)}"' in response.content.decode()


def test_send_again_queues_it_through_the_service(failed, django_capture_on_commit_callbacks):
    client = officer()
    with django_capture_on_commit_callbacks() as queued:
        response = client.post(send_url(failed))
    assert response.status_code == 302
    assert response["Location"] == f"{page_url(failed)}#email-{failed.pk}"
    # The send, once the change is committed (besides the public generation's move,
    # audit/generation.py, which every audited change queues).
    sends = [c for c in queued if getattr(c, "func", None) is not generation._bump_after_commit]
    assert len(sends) == 1
    log = EmailLog.objects.get(pk=failed.pk)
    assert (log.status, log.attempts, log.problem) == (EmailStatus.QUEUED, 0, "")
    assert AuditEntry.objects.filter(event=SENT_AGAIN, object_id=str(log.pk)).count() == 1
    page = text(client.get(page_url(failed)))
    assert f"The summons to {log.person.formal_name} will be sent again to" in page
    assert "Send again" not in page and "Emails that failed" not in page


def test_what_has_not_failed_is_refused_with_the_services_words(failed):
    EmailLog.objects.filter(pk=failed.pk).update(status=EmailStatus.SENT)
    with t.writes_nothing():
        response = officer().post(send_url(failed))
    assert response.status_code == 400
    assert error_summary(response) == [
        "The email to member@example.org was sent: there is nothing to send again."
    ]
    assert EmailLog.objects.get(pk=failed.pk).status == EmailStatus.SENT


def test_a_member_who_withdrew_consent_is_not_emailed_again(failed):
    consent.record(
        failed.person, Decision.WITHDRAWN, effective=dt.date(2017, 9, 8), actor=TEST_ACTOR
    )
    with t.writes_nothing():
        response = officer().post(send_url(failed))
    assert response.status_code == 400
    assert "no longer consents to summonses by email" in error_summary(response)[0]
    assert EmailLog.objects.get(pk=failed.pk).status == EmailStatus.FAILED


def test_only_the_meetings_own_summons_emails(failed):
    other = t.meeting(t.body(), dt.date(2030, 1, 15))
    notice = EmailLog.objects.create(
        key="confirm:1",
        kind="confirmation",
        to="x@example.org",
        subject="s",
        text="t",
        meeting=failed.meeting,
        status=EmailStatus.FAILED,
    )
    with t.writes_nothing():
        assert officer().post(send_url(failed, other.pk)).status_code == 404
        assert officer().post(send_url(notice)).status_code == 404
        assert officer().get(send_url(failed)).status_code == 405
    assert EmailLog.objects.get(pk=failed.pk).status == EmailStatus.FAILED


def test_only_democratic_services_send_again(failed):
    for who, client, status in others():
        with t.writes_nothing():
            assert client.post(send_url(failed)).status_code == status, who
    assert EmailLog.objects.get(pk=failed.pk).status == EmailStatus.FAILED
