"""Declarations of interest, and the nil return when none were declared."""

from __future__ import annotations

from django.db import models


class InterestNature(models.TextChoices):
    DPI = "dpi", "Disclosable pecuniary interest"
    OTHER_SIGNIFICANT = "other_significant", "Other significant interest"
    OTHER = "other", "Other interest"


class Participation(models.TextChoices):
    LEFT_ROOM = "left_room", "Left the room"
    TOOK_NO_PART = "took_no_part", "Stayed but took no part"
    TOOK_PART = "took_part", "Took part"


class Declaration(models.Model):
    """A member's declaration of an interest in an item of business."""

    # Declarations are part of the meeting's record.
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="declarations"
    )
    # An item removed from the agenda takes its declarations with it (the item is the subject).
    item = models.ForeignKey("meetings.AgendaItem", on_delete=models.CASCADE, related_name="+")
    # A declaration is evidence about the person; keep it.
    person = models.ForeignKey("council.Person", on_delete=models.PROTECT, related_name="+")
    nature = models.CharField(max_length=20, choices=InterestNature.choices)
    text = models.TextField(help_text="The interest as declared, in the minutes' words.")
    participation = models.CharField(max_length=15, choices=Participation.choices)
    dispensation = models.CharField(
        max_length=300,
        blank=True,
        help_text="The dispensation that lets a member with a pecuniary interest take part.",
    )

    class Meta:
        ordering = ["meeting", "item__order", "pk"]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_nature_display()} in item {self.item.number}"

    def clean(self) -> None:
        from ..rules import check_declaration

        check_declaration(self)


class NilDeclarations(models.Model):
    """The meeting recorded that no interests were declared ("None")."""

    # Part of the meeting's record.
    meeting = models.OneToOneField(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="nil_declarations"
    )

    class Meta:
        verbose_name = "nil return of declarations"
        verbose_name_plural = "nil returns of declarations"

    def __str__(self) -> str:
        return f"No interests declared at {self.meeting}"

    def clean(self) -> None:
        from ..rules import check_nil_declarations

        check_nil_declarations(self)
