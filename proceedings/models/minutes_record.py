"""The state of a meeting's minutes and the versions each state keeps."""

from __future__ import annotations

from django.db import models

from .minutes import Minute


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", "Draft (not published)"
    PUBLISHED_DRAFT = "published_draft", "Published as a draft (unconfirmed)"
    APPROVED = "approved", "Approved as a correct record"
    SIGNED = "signed", "Signed by the chair"


class MinutesRecord(models.Model):
    """The state of a meeting's minutes: draft → published as draft → approved → signed.

    Once approved the minutes are immutable; corrections made on approval are a new version
    (``MinutesVersion``) linked to the approving minute.
    """

    # The state belongs to the meeting's minutes.
    meeting = models.OneToOneField(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="minutes_record"
    )
    status = models.CharField(
        max_length=16, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The minute of the later meeting that approved these minutes; keep the link protected.
    approved_by_minute = models.ForeignKey(
        Minute,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approves",
        editable=False,
    )
    approved_on = models.DateField(null=True, blank=True, editable=False)
    # Who signed is part of the record.
    signed_by = models.ForeignKey(
        "council.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    signed_on = models.DateField(null=True, blank=True, editable=False)

    def __str__(self) -> str:
        return f"Minutes of {self.meeting}: {self.get_status_display()}"

    @property
    def is_public(self) -> bool:
        return self.status != MinutesStatus.DRAFT

    @property
    def is_locked(self) -> bool:
        return self.status in (MinutesStatus.APPROVED, MinutesStatus.SIGNED)


class MinutesVersion(models.Model):
    """An immutable snapshot of the minutes as published, approved (with corrections) or signed."""

    # Versions are the history of the record's minutes.
    record = models.ForeignKey(MinutesRecord, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=16, choices=MinutesStatus.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.CharField(max_length=150, blank=True)
    public_html = models.TextField(help_text="The public minutes as rendered.")
    exempt_html = models.TextField(blank=True, help_text="The exempt minutes, never public.")
    # A minute made exempt after publication leaves every public version (proceedings/versions.py);
    # the text as first published is kept here for democratic services, never served publicly.
    withheld_public_html = models.TextField(
        blank=True,
        help_text="The public minutes as first rendered, before a minute in them was "
        "made exempt. Democratic services only.",
    )
    note = models.TextField(blank=True, help_text="e.g. the corrections made on approval.")
    # The minute approving this version, where it is the approved record.
    approving_minute = models.ForeignKey(
        Minute, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["record", "number"]
        constraints = [
            models.UniqueConstraint(fields=["record", "number"], name="minutes_version_once")
        ]

    def __str__(self) -> str:
        return f"Version {self.number} ({self.get_status_display()})"
