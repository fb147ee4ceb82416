"""Public email subscriptions (double opt-in) and the publications seen by the notifier.

A subscription belongs to a member of the public, not to the council's record, so it holds
only the address and the scope, and is not written to the audit trail.
"""

from __future__ import annotations

import secrets

from django.db import models
from django.db.models import Q

from publishing.once import OncePerPublication


def new_secret() -> str:
    return secrets.token_urlsafe(16)


class Subscription(models.Model):
    """Emails about one body's agendas and minutes, or (no body) the whole authority's."""

    email = models.EmailField()
    # A subscription to a body ends with the body's removal from the record.
    body = models.ForeignKey(
        "council.Body",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
        help_text="Blank: every body of the authority.",
    )
    # Part of every link sent; replaced when the address subscribes again after leaving, so
    # links from the earlier subscription stop working.
    secret = models.CharField(max_length=32, default=new_secret)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["email", "body__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["email", "body"],
                condition=Q(body__isnull=False),
                name="one_subscription_per_body",
            ),
            models.UniqueConstraint(
                fields=["email"],
                condition=Q(body__isnull=True),
                name="one_authority_subscription",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email}: {self.scope_name}"

    @property
    def scope_name(self) -> str:
        return self.body.name if self.body_id else "all committees and meetings"

    @property
    def active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class NoticeKind(models.TextChoices):
    AGENDA = "agenda", "Agenda published"
    MINUTES = "minutes", "Minutes published"


class PublicationNotice(OncePerPublication):
    """A publication the notifier has handled: once per publication (``publishing.once``), so
    a signal received twice notifies nobody twice. The feeds also read it to know which
    agendas are public."""

    # The notice is about the meeting and goes with it.
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="publication_notices"
    )
    kind = models.CharField(max_length=10, choices=NoticeKind.choices)

    class Meta(OncePerPublication.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "kind", "publication_key"], name="one_notice_per_publication"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.meeting}"
