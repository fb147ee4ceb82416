"""Motions, amendments, procedural motions and elections put to a meeting."""

from __future__ import annotations

from django.db import models


class MotionKind(models.TextChoices):
    SUBSTANTIVE = "substantive", "Substantive motion"
    AMENDMENT = "amendment", "Amendment"
    PROCEDURAL = "procedural", 'Procedural motion (e.g. "that the question be put")'
    ELECTION = "election", "Election of a chair or vice-chair"


class Office(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"


class Outcome(models.TextChoices):
    PENDING = "", "Not yet decided"
    CARRIED = "carried", "Carried"
    LOST = "lost", "Lost"
    WITHDRAWN = "withdrawn", "Withdrawn"
    WITHOUT_VOTE = "without_vote", "Agreed without a formal vote"
    SUPERSEDED = "superseded", "Superseded by a carried amendment"


class Motion(models.Model):
    """A motion, amendment or procedural motion put to the meeting."""

    # Motions are part of the meeting's record.
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="motions"
    )
    # Motions may be moved outside any agenda item (e.g. a motion to exclude the public).
    item = models.ForeignKey(
        "meetings.AgendaItem", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=MotionKind.choices)
    text = models.TextField()
    resulting_text = models.TextField(
        blank=True,
        help_text="Amendments: the motion as it reads if this amendment is carried.",
    )
    # The chair may move a motion without a named mover ("The Chairman moved …").
    mover = models.ForeignKey(
        "council.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    seconder = models.ForeignKey(
        "council.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # An amendment is meaningless without the motion it amends.
    amends = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="amendments"
    )
    # The substantive motion a carried amendment produced; kept if that motion is removed.
    arose_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The carried amendment this substantive motion came from.",
    )
    # Elections: the person proposed for the office. Kept as part of the record.
    nominee = models.ForeignKey(
        "council.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Elections only: the member proposed.",
    )
    office = models.CharField(
        max_length=12, choices=Office.choices, blank=True, help_text="Elections only."
    )
    outcome = models.CharField(max_length=12, choices=Outcome.choices, blank=True, default="")
    order = models.PositiveIntegerField(default=0, help_text="Order in which it was put.")

    class Meta:
        ordering = ["meeting", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"

    def clean(self) -> None:
        from ..rules import check_motion

        check_motion(self)
