"""Agenda packs as built: the model (re-exported by ``papers.models``, which would pass the
size a module should keep to with it)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from .storage import private_storage


class PackKind(models.TextChoices):
    PUBLIC = "public", "Public reports pack"
    MEMBERS = "members", "Members' pack (includes exempt papers)"


class PackStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    BUILDING = "building", "Building"
    BUILT = "built", "Built"
    FAILED = "failed", "Failed"


class AgendaPack(models.Model):
    """A built agenda pack (or supplementary pack) of a meeting, kept as built: never
    overwritten."""

    # Packs are the meeting's publications.
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="packs")
    kind = models.CharField(max_length=8, choices=PackKind.choices, default=PackKind.PUBLIC)
    supplement = models.PositiveSmallIntegerField(
        default=0, help_text="0 for the agenda pack; 1, 2 … for supplementary packs."
    )
    status = models.CharField(max_length=8, choices=PackStatus.choices, default=PackStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Percent done.")
    message = models.CharField(max_length=500, blank=True)
    file = models.FileField(upload_to="packs/%Y/", blank=True, storage=private_storage)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    size = models.PositiveIntegerField(null=True, blank=True, help_text="Bytes.")
    dispatch_date = models.DateField(null=True, blank=True)
    item_pages = models.JSONField(default=dict, blank=True, help_text="{item id: [first, last]}")
    papers = models.JSONField(
        default=list, blank=True, help_text="Ids of the item papers included."
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    built_at = models.DateTimeField(null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(
        max_length=500,
        blank=True,
        help_text="Why the pack was rebuilt after publication (shown in the public history).",
    )
    # Kept for the record and for democratic services, but never served publicly again: it
    # holds a paper since reclassified as exempt or withdrawn (papers/packs.py).
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["meeting", "supplement", "kind", "-requested_at"]

    def __str__(self) -> str:
        what = (
            f"Supplementary pack {self.supplement}" if self.supplement else self.get_kind_display()
        )
        return f"{what} – {self.meeting}"
