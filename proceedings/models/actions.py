"""Actions agreed and undertakings given at a meeting."""

from __future__ import annotations

from django.db import models

from .minutes import Minute


class ActionKind(models.TextChoices):
    ACTION = "action", "Action"
    UNDERTAKING = "undertaking", "Undertaking"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"
    DROPPED = "dropped", "No longer needed"


class Action(models.Model):
    """An action agreed or an undertaking given ("Mr Hotson undertook to provide …").

    Open actions appear on the body's work programme until done.
    """

    # Agreed at the meeting; part of its record.
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="actions"
    )
    # The minute that records it, where there is one; the action stands if the minute goes.
    minute = models.ForeignKey(
        Minute, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    kind = models.CharField(max_length=12, choices=ActionKind.choices, default=ActionKind.ACTION)
    text = models.TextField(help_text="What is to be done, in the minutes' words.")
    # Who owes it; a person in the record where possible, kept if they leave.
    owner = models.ForeignKey(
        "council.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    owner_text = models.CharField(
        max_length=200,
        blank=True,
        help_text='Where the owner is not a person in the record, e.g. "Head of Highways".',
    )
    due = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=8, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    completed_on = models.DateField(null=True, blank=True)
    progress = models.TextField(blank=True, help_text="Progress reported to the committee.")

    class Meta:
        ordering = ["due", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"

    @property
    def owner_name(self) -> str:
        return str(self.owner) if self.owner_id else self.owner_text

    def clean(self) -> None:
        from ..rules import check_action

        check_action(self)
