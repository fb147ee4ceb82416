"""Sending email through the task queue, with retries and a log row per email.

``queue`` stores the email (an ``EmailLog`` row, unique per key, so the same email is never
queued twice) and enqueues ``send_email_task`` once the transaction commits. Each attempt is
counted; a failure is retried after a delay up to ``MAX_ATTEMPTS`` attempts, then marked
failed for the office to see on the meeting's summons page, with what went wrong in plain
words (``summons.mail_errors``); the raw error is kept for administrators. Sending a failed
email again is ``summons.services.send_again``.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.utils import timezone

from .mail_errors import plain_words
from .models import EmailLog, EmailStatus

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
# Seconds to wait before the second and third attempts (a mail server restarting, a quota).
RETRY_DELAYS = (60, 600)


def queue(
    *,
    key: str,
    kind: str,
    to: str,
    subject: str,
    text: str,
    html: str = "",
    ics: str = "",
    headers: dict | None = None,
    meeting=None,
    person=None,
) -> EmailLog | None:
    """Store and enqueue an email; None when an email with this key was queued before."""
    if EmailLog.objects.filter(key=key).exists():
        return None
    try:
        with transaction.atomic():
            log = EmailLog.objects.create(
                key=key,
                kind=kind,
                to=to,
                subject=subject[:300],
                text=text,
                html=html,
                ics=ics,
                headers=headers or {},
                meeting=meeting,
                person=person,
            )
    except IntegrityError:  # queued meanwhile by a concurrent receiver
        return None
    transaction.on_commit(lambda: enqueue(log.pk))
    return log


def enqueue(log_id: int, delay: int = 0) -> None:
    from django_tasks import default_task_backend

    from .tasks import send_email_task

    task = send_email_task
    if delay and default_task_backend.supports_defer:
        task = task.using(run_after=timezone.now() + dt.timedelta(seconds=delay))
    task.enqueue(log_id)


def message(log: EmailLog) -> EmailMultiAlternatives:
    msg = EmailMultiAlternatives(
        subject=log.subject,
        body=log.text,
        from_email=getattr(settings, "MOOT_EMAIL_FROM", None) or settings.DEFAULT_FROM_EMAIL,
        to=[log.to],
        headers=log.headers or None,
    )
    if log.html:
        msg.attach_alternative(log.html, "text/html")
    if log.ics:
        msg.attach("meeting.ics", log.ics, "text/calendar")
    return msg


def attempt(log_id: int) -> EmailLog | None:
    """Try to send the logged email once; schedule the next attempt when it fails."""
    with transaction.atomic():
        log = EmailLog.objects.select_for_update().filter(pk=log_id).first()
        # Sent or given up already: a task run twice must not send twice.
        if log is None or log.status in (EmailStatus.SENT, EmailStatus.FAILED):
            return log
        log.attempts += 1
        log.last_attempt_at = timezone.now()
        log.save(update_fields=["attempts", "last_attempt_at"])
    try:
        message(log).send()
    except Exception as exc:  # any backend error: SMTP, socket, a file we cannot write
        logger.warning("Email %s to %s failed (attempt %s): %s", log.pk, log.to, log.attempts, exc)
        line = f"Attempt {log.attempts}: {type(exc).__name__}: {exc}"[:1000]
        log.error = f"{log.error}\n{line}" if log.error else line
        log.problem = plain_words(exc)
        log.status = EmailStatus.FAILED if log.attempts >= MAX_ATTEMPTS else EmailStatus.RETRYING
        log.save(update_fields=["error", "problem", "status"])
        if log.status == EmailStatus.RETRYING:
            delay = RETRY_DELAYS[min(log.attempts, len(RETRY_DELAYS)) - 1]
            enqueue(log.pk, delay)
        return log
    log.status, log.sent_at = EmailStatus.SENT, timezone.now()
    log.save(update_fields=["status", "sent_at"])
    return log
