"""Publishing: report clearance before publication, the agenda publication log (the legal
record of when documents became open to inspection) and the public document history.

Change these rows only through ``publishing.workflow`` and ``publishing.services`` (with
``publishing.supplements`` and ``publishing.historical``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class ClearanceStep(models.Model):
    """A sign-off a report needs before it may be published, e.g. "Legal" or "Finance"."""

    name = models.CharField(max_length=100, unique=True, help_text='e.g. "Legal", "Finance"')
    order = models.PositiveSmallIntegerField(default=0, help_text="Position in the list.")
    active = models.BooleanField(
        default=True,
        help_text="Only active steps are required. Untick rather than delete: sign-offs "
        "already given keep their step.",
    )
    # Who must act: the members of the group and the accounts named; a step naming no one may
    # be signed off by any officer. Removing the group leaves the step open to officers.
    group = models.ForeignKey(
        "auth.Group",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The team that signs off this step, e.g. Legal Services.",
    )
    users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        help_text="Officers who sign off this step, besides the group's members.",
    )
    separate_from_author = models.BooleanField(
        "separation of duties",
        default=True,
        help_text="The report's author may not sign off this step on their own report.",
    )

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class ReportState(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted for clearance"
    CLEARED = "cleared", "Cleared (every step signed off)"
    APPROVED = "approved", "Approved for publication"


class ReportWorkflow(models.Model):
    """Where a report stands on its way to publication. A report without a row is a draft."""

    # The workflow is part of its report and goes with it.
    document = models.OneToOneField(
        "papers.Document",
        on_delete=models.CASCADE,
        related_name="workflow",
        limit_choices_to={"kind": "report", "parent__isnull": True},
    )
    state = models.CharField(max_length=10, choices=ReportState.choices, default=ReportState.DRAFT)
    # Each submission starts a new round of sign-offs: a report returned to draft and
    # changed must be cleared again, while the earlier sign-offs stay in the record.
    submission = models.PositiveIntegerField(default=0, help_text="How often it was submitted.")
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    # The version approved: a report changed after approval needs approving again.
    approved_version = models.PositiveIntegerField(null=True, blank=True)
    # The account may go; the name stays as the record of who acted.
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_by_name = models.CharField(max_length=150, blank=True)
    returned_reason = models.TextField(
        blank=True, help_text="Why it was last returned to draft (shown to the author)."
    )

    class Meta:
        verbose_name = "report workflow"
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"{self.document.title} ({self.get_state_display()})"


class ClearanceSignoff(models.Model):
    """One clearance step signed off for one submission of a report."""

    # Sign-offs are part of the report's record and go with it.
    document = models.ForeignKey(
        "papers.Document", on_delete=models.CASCADE, related_name="signoffs"
    )
    # A step that has been used cannot be deleted (deactivate it): the sign-off names it.
    step = models.ForeignKey(ClearanceStep, on_delete=models.PROTECT, related_name="signoffs")
    submission = models.PositiveIntegerField(help_text="The submission this sign-off clears.")
    # The account may go; the name stays as the record of who signed.
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    by_name = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField()
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["document", "submission", "step__order", "at"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "step", "submission"], name="one_signoff_per_step_and_round"
            )
        ]

    def __str__(self) -> str:
        return f"{self.step} signed off by {self.by_name or 'unknown'}"


class PublicationKind(models.TextChoices):
    AGENDA = "agenda", "Agenda"
    SUPPLEMENT = "supplement", "Supplementary agenda"


class AgendaPublication(models.Model):
    """The moment an agenda (or a supplementary agenda) and its papers became open to public
    inspection. This log is the evidence for the five-clear-days test (LGA 1972 s.100B)."""

    # The log is the meeting's record; deleting a meeting (itself audited) takes it along.
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="publications"
    )
    kind = models.CharField(max_length=10, choices=PublicationKind.choices)
    number = models.PositiveSmallIntegerField(
        default=0, help_text="0 for the agenda; 1, 2 … for supplementary agendas."
    )
    # Null only for a historical record whose moment is not known (imported meetings).
    published_at = models.DateTimeField(null=True, blank=True)
    # The account may go; the name stays as the record of who published.
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_by_name = models.CharField(max_length=150, blank=True)
    deadline = models.DateField(help_text="The last day for publication with five clear days.")
    late_reason = models.TextField(blank=True)
    # Null when not known (a historical record without a date).
    on_time = models.BooleanField(null=True, blank=True)
    historical = models.BooleanField(
        default=False, help_text="Recorded after the event (e.g. from a printed dispatch date)."
    )
    papers = models.JSONField(
        default=list, blank=True, help_text="Ids of the item papers this publication made public."
    )

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="one_publication_number"),
            models.CheckConstraint(
                condition=Q(kind="agenda", number=0) | Q(kind="supplement", number__gt=0),
                name="agenda_is_number_zero",
            ),
            models.CheckConstraint(
                condition=Q(published_at__isnull=False) | Q(historical=True),
                name="published_at_known_unless_historical",
            ),
        ]

    def __str__(self) -> str:
        what = f"Supplementary agenda {self.number}" if self.number else "Agenda"
        return f"{what} – {self.meeting}"


class EventKind(models.TextChoices):
    AGENDA_PUBLISHED = "agenda_published", "Agenda published"
    SUPPLEMENT_PUBLISHED = "supplement_published", "Supplementary agenda published"
    PAPER_PUBLISHED = "paper_published", "Paper published"
    PAPER_WITHDRAWN = "paper_withdrawn", "Paper withdrawn"
    PAPER_REPLACED = "paper_replaced", "Paper replaced by a new version"
    URGENT_ITEM_ADDED = "urgent_item_added", "Urgent item added"


class PublicationEvent(models.Model):
    """One entry of a meeting's public document history."""

    # The history is the meeting's; it goes only with the meeting.
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="publication_events"
    )
    # A published paper is part of the public record (kept six years, s.100C): it cannot be
    # deleted while its history refers to it.
    document = models.ForeignKey(
        "papers.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.ForeignKey(
        "papers.DocumentVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    publication = models.ForeignKey(
        AgendaPublication, on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    kind = models.CharField(max_length=24, choices=EventKind.choices)
    at = models.DateTimeField(null=True, blank=True, help_text="Blank: not known (historical).")
    # The account may go; the name stays as the record of who acted.
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    by_name = models.CharField(max_length=150, blank=True)
    note = models.TextField(blank=True, help_text="Public: the reason given, or what was added.")

    class Meta:
        ordering = ["meeting", "at", "pk"]
        indexes = [models.Index(fields=["meeting", "at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.meeting}"
