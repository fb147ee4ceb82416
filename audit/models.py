from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class AuditEntry(models.Model):
    """One change to the record: who, when, what, and each changed field before → after.

    Entries are written by ``audit.trail`` and never edited.
    """

    class Action(models.TextChoices):
        CREATE = "create", "Created"
        UPDATE = "update", "Changed"
        DELETE = "delete", "Deleted"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    # The trail must outlive the account that made the change; the name is kept in actor_name.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True, help_text="Username, or the command.")
    action = models.CharField(max_length=6, choices=Action.choices)
    # What the service did, e.g. "proceedings.vote_recorded"; a plain change is
    # "<app_label>.<model>_created|_changed|_deleted" (audit.trail). Blank on entries
    # written before events were kept.
    event = models.CharField(
        max_length=100,
        blank=True,
        db_index=True,
        help_text="What was done, e.g. “proceedings.vote_recorded”.",
    )
    # Entries about a model stay readable even if the model is later removed.
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=300)
    changes = models.JSONField(default=dict, help_text="{field: [before, after]}")

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name_plural = "audit entries"
        # The table of the days when the trail was part of ``access``.
        db_table = "access_auditentry"
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        who = self.actor_name or "system"
        return f"{self.at:%Y-%m-%d %H:%M} {who} {self.action} {self.object_repr}"
