"""Summonses (statutory-rules §2.3–2.4, §6): the e-summons consent ledger, each publication's
summons issue with its postal dispatch list, and the log of every email Moot sends.

Consent is a history, never edited: giving or withdrawing consent adds a row, and the row in
force on a day is the latest one effective on or before it (``summons.consent``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from publishing.once import OncePerPublication


class Decision(models.TextChoices):
    GIVEN = "given", "Consent given"
    WITHDRAWN = "withdrawn", "Consent withdrawn"


class ConsentMethod(models.TextChoices):
    SELF_SERVICE = "self_service", "Member self-service (signed in)"
    PAPER_FORM = "paper_form", "Paper form recorded by democratic services"


class SummonsConsent(models.Model):
    """One entry in a member's consent history (SI 2015/5): consent to receive summonses
    electronically at an address, or its withdrawal."""

    # The ledger is the person's history; it goes if the person is removed from the record.
    person = models.ForeignKey(
        "council.Person", on_delete=models.CASCADE, related_name="summons_consents"
    )
    decision = models.CharField(max_length=10, choices=Decision.choices)
    email = models.EmailField(
        "electronic address",
        blank=True,
        help_text="The address the member consented to receive summonses at.",
    )
    effective = models.DateField(
        default=timezone.localdate, help_text="The day the consent or withdrawal takes effect."
    )
    method = models.CharField(
        "how recorded",
        max_length=15,
        choices=ConsentMethod.choices,
        default=ConsentMethod.PAPER_FORM,
    )
    evidence = models.CharField(
        max_length=300,
        blank=True,
        help_text='e.g. "Signed form dated 3 May 2025, filed as DS/2025/14".',
    )
    # The ledger outlives the officer's account; the name is kept in recorded_by_name.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_by_name = models.CharField(max_length=150, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["person", "-effective", "-recorded_at", "-pk"]
        verbose_name = "e-summons consent record"
        indexes = [models.Index(fields=["person", "effective"])]

    def __str__(self) -> str:
        what = self.get_decision_display().lower()
        return f"{self.person}: {what} from {self.effective:%-d %B %Y}"

    def clean(self) -> None:
        if self.decision == Decision.GIVEN and not self.email:
            raise ValidationError(
                {"email": "Enter the email address the member consented to receive summonses at."}
            )
        if self.decision == Decision.WITHDRAWN:
            self.email = ""  # a withdrawal names no address


class IssueKind(models.TextChoices):
    AGENDA = "agenda", "Summons and agenda"
    SUPPLEMENT = "supplement", "Supplementary agenda"


class SummonsIssue(OncePerPublication):
    """The summons sent for one publication of a meeting's agenda (or a supplement): once per
    publication (``publishing.once``), so a publication signal received twice issues nothing
    twice. A re-issue (``summons.services.reissue_summons``) is a publication of its own."""

    # The issue is part of the meeting's record; deleting the meeting (audited) removes it.
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="summons_issues"
    )
    kind = models.CharField(max_length=10, choices=IssueKind.choices)

    class Meta(OncePerPublication.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "kind", "publication_key"], name="one_issue_per_publication"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.meeting}"


class DispatchReason(models.TextChoices):
    NO_CONSENT = "no_consent", "No consent to electronic summons"
    NO_EMAIL = "no_email", "Consent on record but no address"


class DispatchEntry(models.Model):
    """A member whose summons must be left at or posted to their usual residence."""

    # The dispatch list belongs to its issue.
    issue = models.ForeignKey(SummonsIssue, on_delete=models.CASCADE, related_name="dispatch")
    # Removing a person from the record (audited) takes their dispatch entries with them.
    person = models.ForeignKey(
        "council.Person", on_delete=models.CASCADE, related_name="summons_dispatch"
    )
    reason = models.CharField(max_length=12, choices=DispatchReason.choices)
    posted_on = models.DateField(
        "left or posted on",
        null=True,
        blank=True,
        help_text="The day the paper summons was left at or posted to the member's residence.",
    )
    notes = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["issue", "person__surname", "person__initials"]
        verbose_name_plural = "dispatch entries"
        constraints = [
            models.UniqueConstraint(fields=["issue", "person"], name="one_dispatch_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.issue}"


class EmailKind(models.TextChoices):
    SUMMONS = "summons", "Summons"
    SUPPLEMENT = "supplement", "Supplementary agenda"
    CONFIRMATION = "confirmation", "Subscription confirmation"
    AGENDA_NOTICE = "agenda_notice", "Agenda published (subscribers)"
    MINUTES_NOTICE = "minutes_notice", "Minutes published (subscribers)"


class EmailStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RETRYING = "retrying", "Failed; will try again"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class EmailLog(models.Model):
    """Every email Moot sends, with its content, so the task can retry it and the office can
    see what went to whom (a delivery log per member, statutory-rules §2.3)."""

    key = models.CharField(
        max_length=200, unique=True, help_text="What the email is for: one email per key."
    )
    kind = models.CharField(max_length=15, choices=EmailKind.choices)
    to = models.EmailField()
    subject = models.CharField(max_length=300)
    text = models.TextField()
    html = models.TextField(blank=True)
    ics = models.TextField("calendar attachment", blank=True)
    headers = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=10, choices=EmailStatus.choices, default=EmailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(
        blank=True, help_text="Each failed attempt's raw error, for administrators."
    )
    problem = models.CharField(
        "what went wrong",
        max_length=300,
        blank=True,
        help_text="The last failure in plain words, as the office sees it (summons.mail_errors).",
    )
    # The log keeps its meaning by address and subject if the meeting or person goes.
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    person = models.ForeignKey(
        "council.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "email"
        verbose_name_plural = "email log"

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"
