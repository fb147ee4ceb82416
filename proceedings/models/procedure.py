"""A body's own procedure rules: its quorum."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models


class QuorumKind(models.TextChoices):
    FRACTION = "fraction", "A fraction of the members"
    FIXED = "fixed", "A fixed number of members"
    NONE = "none", "No quorum"


class Procedure(models.Model):
    """A body's own procedure rules where they differ from the statutory default.

    Without a row a body's quorum is one quarter of its members (LGA 1972 Sch 12 para 6).
    """

    # The rules describe the body; they mean nothing once it is gone.
    body = models.OneToOneField("council.Body", on_delete=models.CASCADE, related_name="procedure")
    quorum_kind = models.CharField(
        max_length=10, choices=QuorumKind.choices, default=QuorumKind.FRACTION
    )
    quorum_numerator = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1)], help_text="For a fraction: the 1 of 1/4."
    )
    quorum_denominator = models.PositiveSmallIntegerField(
        default=4, validators=[MinValueValidator(1)], help_text="For a fraction: the 4 of 1/4."
    )
    quorum_number = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="For a fixed quorum: members who must be present."
    )
    notes = models.CharField(
        max_length=300, blank=True, help_text='Where the rule comes from, e.g. "HWB rule 6".'
    )

    def __str__(self) -> str:
        return f"Procedure of {self.body}"

    def clean(self) -> None:
        if self.quorum_kind == QuorumKind.FIXED and not self.quorum_number:
            raise ValidationError({"quorum_number": "A fixed quorum needs a number of members."})
        if (
            self.quorum_kind == QuorumKind.FRACTION
            and self.quorum_numerator > self.quorum_denominator
        ):
            raise ValidationError("A quorum fraction cannot be more than the whole body.")
