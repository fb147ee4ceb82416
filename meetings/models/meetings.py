from typing import Any

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify


class Venue(models.Model):
    """A room where meetings are held."""

    room = models.CharField(max_length=150, help_text='e.g. "Darent Room"')
    building = models.CharField(max_length=150, blank=True, help_text='e.g. "Sessions House"')
    address = models.TextField(blank=True, help_text='e.g. "County Hall, Maidstone"')
    postcode = models.CharField(max_length=10, blank=True)
    accessibility = models.TextField(
        "accessibility notes",
        blank=True,
        help_text="Step-free access, hearing loop, parking … as a visitor needs to know.",
    )

    class Meta:
        ordering = ["building", "room"]
        constraints = [
            models.UniqueConstraint(fields=["room", "building"], name="unique_room_in_building")
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        """As printed on agendas: "Darent Room, Sessions House, County Hall, Maidstone"."""
        parts = [self.room, self.building, self.address.replace("\n", ", ")]
        return ", ".join(p.strip() for p in parts if p and p.strip())


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    CONFIRMED = "confirmed", "Confirmed"
    POSTPONED = "postponed", "Postponed"
    CANCELLED = "cancelled", "Cancelled"
    ADJOURNED = "adjourned", "Adjourned"
    HELD = "held", "Held"


class MeetingKind(models.TextChoices):
    ORDINARY = "ordinary", "Ordinary"
    SPECIAL = "special", "Special"
    ANNUAL = "annual", "Annual"
    EXTRAORDINARY = "extraordinary", "Extraordinary"


class Meeting(models.Model):
    """A meeting of a body on a date."""

    # Meetings are the body's record: a body with meetings cannot be deleted.
    body = models.ForeignKey("council.Body", on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(
        "scheduled end",
        null=True,
        blank=True,
        help_text='Printed as "The meeting is scheduled to end by …".',
    )
    # A venue in use cannot be deleted.
    venue = models.ForeignKey(
        Venue, on_delete=models.PROTECT, null=True, blank=True, related_name="meetings"
    )
    status = models.CharField(
        max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    kind = models.CharField(
        max_length=15, choices=MeetingKind.choices, default=MeetingKind.ORDINARY
    )
    notes = models.TextField(
        blank=True,
        help_text='Shown prominently, e.g. "Please note the earlier start time for this meeting".',
    )
    refreshments = models.CharField(
        max_length=200,
        blank=True,
        help_text='e.g. "Tea/Coffee will be available 15 minutes before the start of the meeting"',
    )
    webcast_url = models.URLField("webcast link", blank=True)
    # The contact falls back to the body's contact officer when blank.
    contact = models.ForeignKey(
        "council.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text='"Ask for": blank uses the body\'s contact officer.',
    )
    contact_telephone = models.CharField(max_length=50, blank=True)

    class Meta:
        ordering = ["date", "start_time"]
        indexes = [models.Index(fields=["date"]), models.Index(fields=["body", "date"])]

    def __str__(self) -> str:
        return f"{self.body}, {self.date:%A %d %B %Y}".replace(" 0", " ")

    def get_absolute_url(self) -> str:
        return reverse("website:meeting", args=[self.pk, self.slug])

    def clean(self) -> None:
        from ..rules import check_meeting

        check_meeting(self)

    @property
    def slug(self) -> str:
        return f"{slugify(self.body.name)}-{self.date:%Y-%m-%d}"

    @property
    def ask_for(self):
        return self.contact or self.body.contact_officer

    @property
    def telephone(self) -> str:
        return self.contact_telephone or self.body.contact_telephone


class Part(models.TextChoices):
    PUBLIC = "public", "Public (unrestricted)"
    EXEMPT = "exempt", "Exempt (press and public likely to be excluded)"


class ExemptParagraph(models.IntegerChoices):
    """Schedule 12A, Part 1, Local Government Act 1972 (England)."""

    P1 = 1, "1 – Information relating to any individual"
    P2 = 2, "2 – Information likely to reveal the identity of an individual"
    P3 = 3, "3 – Financial or business affairs of any particular person (including the authority)"
    P4 = 4, "4 – Consultations or negotiations on labour relations"
    P5 = 5, "5 – Legal professional privilege"
    P6 = 6, "6 – A proposed notice, order or direction under an enactment"
    P7 = 7, "7 – Prevention, investigation or prosecution of crime"


class ItemKind(models.TextChoices):
    APOLOGIES = "apologies", "Apologies and substitutes"
    DECLARATIONS = "declarations", "Declarations of interest"
    MINUTES = "minutes", "Minutes of a previous meeting"
    REPORT = "report", "Report"
    ORAL_REPORT = "oral_report", "Oral report"
    MOTION = "motion", "Motion"
    QUESTIONS = "questions", "Questions"
    PETITION = "petition", "Petition"
    ANNOUNCEMENTS = "announcements", "Chairman's announcements"
    URGENT_BUSINESS = "urgent_business", "Urgent business"
    PROCEDURAL = "procedural", "Other procedural item"


class AgendaItem(models.Model):
    """One item of business on a meeting's agenda."""

    # Items are part of their meeting's agenda.
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    number = models.CharField(
        max_length=10, help_text='As displayed: "1", "14", "A3", "B1", "6(a)".'
    )
    title = models.CharField(max_length=300)
    purpose = models.TextField(
        blank=True,
        help_text='One line, e.g. "To consider and approve the minutes as a correct record."',
    )
    order = models.PositiveIntegerField(default=0, help_text="Position on the agenda.")
    # A sub-item ("6(a)") belongs to its parent item.
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="sub_items"
    )
    part = models.CharField(max_length=6, choices=Part.choices, default=Part.PUBLIC)
    exempt_paragraph = models.PositiveSmallIntegerField(
        "Schedule 12A paragraph",
        choices=ExemptParagraph.choices,
        null=True,
        blank=True,
        help_text="Required for exempt items.",
    )
    kind = models.CharField(max_length=20, choices=ItemKind.choices, default=ItemKind.REPORT)
    motion_text = models.TextField(blank=True, help_text="For motions: the words of the motion.")
    # A mover or seconder leaving the record leaves the motion text intact.
    mover = models.ForeignKey(
        "council.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    seconder = models.ForeignKey(
        "council.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Urgent business (LGA 1972 s.100B(4)(b)): an item added after the agenda was published.
    urgent = models.BooleanField(
        default=False, help_text="Added as urgent business after the agenda was published."
    )
    urgency_chair = models.ForeignKey(
        "council.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="chair who agreed the urgency",
    )
    urgency_reasons = models.TextField(
        "special circumstances",
        blank=True,
        help_text="Why the item cannot wait; carried into the draft minutes.",
    )
    # The template item this item was added from (``meetings.agenda_templates.apply_template``):
    # it places later business before the closing items and stops the template adding it
    # twice. The item stays on the agenda if the template item is removed.
    template_item = models.ForeignKey(
        "AgendaTemplateItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    # Not a column: the item's published papers, set on the readers' items by
    # ``publishing.public.attach_papers`` (publishing sits above meetings, so its entries are
    # not named here: docs/architecture.md, "Layers").
    listed_papers: list[Any]

    class Meta:
        ordering = ["meeting", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"], name="unique_item_number_per_meeting"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        """The item on its meeting's page."""
        return f"{self.meeting.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self) -> str:
        """The item's stable anchor on the meeting page: "item-7", "item-14a" for 14(a)."""
        return f"item-{slugify(self.number) or self.pk}"

    def clean(self) -> None:
        from ..rules import check_agenda_item

        check_agenda_item(self)

    @property
    def is_exempt(self) -> bool:
        """Exempt business: the item is exempt, or it is a sub-item of an exempt item (a
        sub-item inherits its parent's exemption whatever its own part says; see
        docs/statutory-rules.md, LGA 1972 s100A(4) and Schedule 12A). The one rule every surface
        uses; ``exempt_item_q`` is the same rule for SQL."""
        return self.exempting_item is not None

    @property
    def exempting_item(self) -> "AgendaItem | None":
        """The item (this one or the nearest ancestor) whose exemption this item falls under."""
        item, seen = self, set()
        while item is not None and item.pk not in seen:
            if item.part == Part.EXEMPT:
                return item
            seen.add(item.pk)
            item = item.parent if item.parent_id else None
        return None

    @property
    def exemption_paragraph(self) -> int | None:
        """The Schedule 12A paragraph the item is exempt under (its own, or its exempt
        ancestor's); None for public business."""
        exempting = self.exempting_item
        return exempting.exempt_paragraph if exempting is not None else None


# Sub-items nest at most this deep below a top-level item ("6(a)(i)"): ``exempt_item_q`` follows
# that many parents, and ``meetings.rules.check_agenda_item`` refuses deeper nesting.
MAX_SUB_ITEM_DEPTH = 2


def exempt_item_q(prefix: str = "") -> Q:
    """Items that are exempt business (``AgendaItem.is_exempt`` in SQL): ``prefix`` reaches the
    item from another model, e.g. ``"item__"``."""
    q = Q(**{f"{prefix}part": Part.EXEMPT})
    path = prefix
    for _ in range(MAX_SUB_ITEM_DEPTH):
        path += "parent__"
        q |= Q(**{f"{path}part": Part.EXEMPT})
    return q


def public_item_q(prefix: str = "") -> Q:
    """Rows whose item (reached by ``prefix``, e.g. ``"item__"``) is public business, or which
    have no item at all."""
    if not prefix:
        return ~exempt_item_q()
    return Q(**{f"{prefix[:-2]}__isnull": True}) | ~exempt_item_q(prefix)


class ClosureDay(models.Model):
    """A day the authority's offices are closed, which does not count as a clear day."""

    date = models.DateField(unique=True)
    reason = models.CharField(max_length=200, help_text='e.g. "Christmas closure"')

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%-d %B %Y}: {self.reason}"
