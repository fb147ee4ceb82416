"""The numbered minutes and what they resolved."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models

from .motions import Motion


class Minute(models.Model):
    """A numbered minute. Numbers run on through the municipal year per body."""

    # Minutes are the meeting's record.
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="minutes"
    )
    # Copied from the meeting so the database itself refuses a second minute with a number.
    body = models.ForeignKey(
        "council.Body", on_delete=models.PROTECT, related_name="+", editable=False
    )
    municipal_year = models.PositiveSmallIntegerField(
        editable=False, help_text="The calendar year in which the municipal year starts."
    )
    number = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    # Some minutes have no item (a motion to exclude); an item removed keeps its minute.
    item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text='Printed "(Item N)". One item may have more than one minute.',
    )
    title = models.CharField(max_length=300)
    text = models.TextField(
        blank=True,
        help_text="The paragraphs of the minute, one per blank-line-separated block; they are "
        "numbered (1), (2) … when there is more than one. Lines starting “(a)” are sub-points.",
    )
    exempt = models.BooleanField(
        default=False,
        help_text="Minuted in closed session: kept out of the public minutes (LGA 1972 s100C).",
    )
    exempt_paragraph = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        choices=[(n, f"Paragraph {n}") for n in range(1, 8)],
        help_text="Exempt minutes: the paragraph of Schedule 12A.",
    )
    public_summary = models.TextField(
        blank=True,
        help_text="Exempt minutes: a summary for the public record where leaving the minute "
        "out would make the public minutes incoherent (s100C(2)).",
    )
    summary_not_needed = models.BooleanField(
        default=False,
        help_text="Exempt minutes: the public minutes read coherently without a summary.",
    )

    class Meta:
        ordering = ["municipal_year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "municipal_year", "number"], name="minute_number_once_a_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def clean(self) -> None:
        from ..rules import check_minute

        check_minute(self)


class Resolution(models.Model):
    """What was RESOLVED, with lettered parts (a), (b) …"""

    # A resolution is part of its minute.
    minute = models.ForeignKey(Minute, on_delete=models.CASCADE, related_name="resolutions")
    # The motion it came from, where there was one; the resolution stands on its own.
    motion = models.ForeignKey(
        Motion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = models.TextField(help_text='The lead-in, e.g. "RESOLVED that:-".')
    parts = models.JSONField(
        default=list, blank=True, help_text="The parts in order; they are lettered (a), (b) …"
    )
    delegated_to = models.CharField(
        max_length=300,
        blank=True,
        help_text='A decision delegated: to whom, e.g. "the Head of Democratic Services".',
    )
    in_consultation_with = models.CharField(
        max_length=300, blank=True, help_text='e.g. "the Leader of the UKIP Group".'
    )

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self) -> None:
        from ..rules import check_resolution

        check_resolution(self)

    @property
    def lettered_parts(self) -> list[tuple[str, str]]:
        return [(f"({chr(ord('a') + i)})", p) for i, p in enumerate(self.parts)]
