"""The mail queue: retries, the log, and the database task worker."""

import datetime as dt
from unittest import mock

import pytest
from django.core.management import call_command

from audit.testing import TEST_ACTOR
from publishing.signals import agenda_published
from summons import consent, mail
from summons.models import Decision, EmailLog, EmailStatus
from summons.recipients import summoned
from summons.services import send_again
from summons.testing import FlakyBackend, pr_meeting, publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def flaky(settings):
    settings.EMAIL_BACKEND = "summons.testing.FlakyBackend"
    FlakyBackend.calls = 0
    yield FlakyBackend
    FlakyBackend.failures = 0


def consent_first_member():
    meeting = pr_meeting()
    consent.record(
        summoned(meeting)[0],
        Decision.GIVEN,
        "m@example.org",
        effective=dt.date(2017, 1, 1),
        actor=TEST_ACTOR,
    )
    return meeting


def test_a_failure_is_retried_and_logged(flaky, publish, mailoutbox):
    flaky.failures = 2
    publish(agenda_published, consent_first_member(), publication())
    log = EmailLog.objects.get()
    assert (log.status, log.attempts) == (EmailStatus.SENT, 3)
    assert log.error.splitlines() == [
        "Attempt 1: ConnectionRefusedError: mail server unavailable",
        "Attempt 2: ConnectionRefusedError: mail server unavailable",
    ]
    assert log.problem == "Moot could not reach the mail server."
    assert len(mailoutbox) == 1


def test_after_three_failures_the_email_is_marked_failed(flaky, publish, mailoutbox):
    flaky.failures = 99
    publish(agenda_published, consent_first_member(), publication())
    log = EmailLog.objects.get()
    assert (log.status, log.attempts) == (EmailStatus.FAILED, mail.MAX_ATTEMPTS)
    assert mailoutbox == [] and flaky.calls == mail.MAX_ATTEMPTS


def test_a_failed_email_can_be_tried_again(
    flaky, publish, mailoutbox, django_capture_on_commit_callbacks
):
    flaky.failures = 3
    publish(agenda_published, consent_first_member(), publication())
    log = EmailLog.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        send_again(log, actor=TEST_ACTOR)
    log.refresh_from_db()
    assert (log.status, log.attempts) == (EmailStatus.SENT, 1)
    assert len(mailoutbox) == 1


def test_a_sent_email_is_not_sent_again_by_a_second_task_run(publish, mailoutbox):
    publish(agenda_published, consent_first_member(), publication())
    log = EmailLog.objects.get()
    mail.attempt(log.pk)
    assert len(mailoutbox) == 1 and EmailLog.objects.get().attempts == 1


def test_the_database_worker_sends_queued_email(django_capture_on_commit_callbacks, mailoutbox):
    """With the configured backend (django_tasks_db), the worker delivers what was queued."""
    from django_tasks_db.models import DBTaskResult

    meeting = consent_first_member()
    with django_capture_on_commit_callbacks(execute=True):
        agenda_published.send(sender=type(meeting), meeting=meeting, publication=publication())
    assert DBTaskResult.objects.count() == 1 and mailoutbox == []
    # The worker closes "old" connections between tasks; inside the test's transaction that
    # would close the test's own connection (PostgreSQL), so it is kept open here.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    assert len(mailoutbox) == 1
    assert EmailLog.objects.get().status == EmailStatus.SENT
