"""A body's agenda template: the standard items every agenda of the body starts and ends with
(apologies, declarations, the minutes of the last meeting, urgent business …), the items at
the head of its exempt part, and how its items are numbered. ``meetings.agenda_templates``
applies a template to a meeting."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from council.models import BodyKind

from .meetings import ExemptParagraph, ItemKind, Part

#: The placeholders a template item's title or purpose may hold, filled from the record when
#: the template is applied to a meeting (``meetings.agenda_templates.fill``).
PLACEHOLDERS = {
    "previous_meeting_date": "the date of the body's previous meeting, e.g. 16 June 2017",
    "meeting_date": "the date of the meeting, e.g. 15 September 2017",
    "body": "the body's name, e.g. Policy and Resources Cabinet Committee",
    "chair": "how the authority styles the person presiding: Chair or Chairman",
}


# The exempt part's heading and motion as the seeds print them (requirements-from-seeds §1.20).
EXCLUSION_HEADING = "Motion to Exclude the Press and Public"
EXCLUSION_MOTION = (
    "That under Section 100A of the Local Government Act 1972 the press and public be excluded "
    "from the meeting for the following business on the grounds that it involves the likely "
    "disclosure of exempt information as defined in {paragraphs} of Part 1 of Schedule 12A of "
    "the Act."
)
NO_EXEMPT_HEADING = "Exempt items"
NO_EXEMPT_NOTE = (
    "(At the time of preparing the agenda there were no exempt items. During any such items "
    "which may arise the meeting is likely NOT to be open to the public)"
)


class NumberingStyle(models.TextChoices):
    NUMBERS = "numbers", "Numbers: 1, 2, 3 …, sub-items 6(a), 6(b)"
    SECTIONS = (
        "sections",
        (
            "Sections: A1, A2 … for the opening business, B1, B2 … for the other public business, "
            "C1 … for the exempt business; sub-items B1(a)"
        ),
    )


class TemplatePosition(models.TextChoices):
    OPENING = "opening", "Opening: before the meeting's business"
    CLOSING = "closing", "Closing: after the public business"
    EXEMPT = "exempt", "Exempt part: at the head of the exempt business"


class AgendaTemplate(models.Model):
    """The agenda template of one body, or the default for every body of a kind that has no
    template of its own."""

    # A body's template is part of how the body works: it goes with the body.
    body = models.OneToOneField(
        "council.Body",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="agenda_template",
    )
    body_kind = models.CharField(
        "default for bodies of the kind",
        max_length=20,
        choices=BodyKind.choices,
        blank=True,
        help_text="Used by every body of this kind that has no template of its own.",
    )
    numbering = models.CharField(
        "item numbering",
        max_length=10,
        choices=NumberingStyle.choices,
        default=NumberingStyle.NUMBERS,
    )
    # The exempt part of the agenda (printed by the pack and the meeting's public page).
    exclusion_heading = models.CharField(
        "heading before the exempt business", max_length=200, default=EXCLUSION_HEADING
    )
    exclusion_motion = models.TextField(
        "motion to exclude the press and public",
        default=EXCLUSION_MOTION,
        help_text='{paragraphs} is replaced by the Schedule 12A paragraphs, e.g. "paragraph 3".',
    )
    no_exempt_heading = models.CharField(
        "heading when there is no exempt business", max_length=200, default=NO_EXEMPT_HEADING
    )
    no_exempt_note = models.TextField(
        "note when there is no exempt business", default=NO_EXEMPT_NOTE, blank=True
    )

    class Meta:
        ordering = ["body__name", "body_kind"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(body__isnull=False) & Q(body_kind=""))
                | (Q(body__isnull=True) & ~Q(body_kind="")),
                name="agenda_template_for_a_body_or_a_kind",
                violation_error_message=(
                    "A template is either one body's or the default for a kind of body."
                ),
            ),
            models.UniqueConstraint(
                fields=["body_kind"],
                condition=Q(body__isnull=True),
                name="one_default_agenda_template_per_kind",
                violation_error_message=(
                    "There is already a default template for this kind of body: change that one."
                ),
            ),
        ]

    def __str__(self) -> str:
        if self.body_id:
            return f"Agenda template of {self.body}"
        return f"Agenda template for every {self.get_body_kind_display().lower()}"

    def clean(self) -> None:
        from ..rules import check_agenda_template

        check_agenda_template(self)


class AgendaTemplateItem(models.Model):
    """One standard item of a template, as the agenda prints it (placeholders filled)."""

    # The items are the template.
    template = models.ForeignKey(AgendaTemplate, on_delete=models.CASCADE, related_name="items")
    position = models.CharField(
        max_length=10, choices=TemplatePosition.choices, default=TemplatePosition.OPENING
    )
    order = models.PositiveIntegerField(default=0, help_text="Order within its position.")
    title = models.CharField(
        max_length=300,
        help_text='e.g. "Minutes of the meeting held on {previous_meeting_date}".',
    )
    purpose = models.TextField(
        blank=True,
        help_text='One line, e.g. "To consider and approve the minutes as a correct record."',
    )
    kind = models.CharField(max_length=20, choices=ItemKind.choices, default=ItemKind.PROCEDURAL)
    part = models.CharField(max_length=6, choices=Part.choices, default=Part.PUBLIC)
    exempt_paragraph = models.PositiveSmallIntegerField(
        "Schedule 12A paragraph",
        choices=ExemptParagraph.choices,
        null=True,
        blank=True,
        help_text="Required for exempt items.",
    )

    class Meta:
        ordering = ["template", "order", "pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        from ..rules import check_agenda_template_item

        check_agenda_template_item(self)
