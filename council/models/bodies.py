from django.db import models
from django.urls import reverse


class BodyKind(models.TextChoices):
    COUNCIL = "council", "Council"
    CABINET = "cabinet", "Cabinet"
    COMMITTEE = "committee", "Committee"
    CABINET_COMMITTEE = "cabinet_committee", "Cabinet committee"
    SUB_COMMITTEE = "sub_committee", "Sub-committee"
    SELECT_COMMITTEE = "select_committee", "Select committee"
    PANEL = "panel", "Panel"
    BOARD = "board", "Board"
    WORKING_GROUP = "working_group", "Working group"
    OUTSIDE_BODY = "outside_body", "Outside body"


class Body(models.Model):
    """A body that meets or to which the council appoints: council, cabinet, committee …"""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=210, unique=True)
    kind = models.CharField(max_length=20, choices=BodyKind.choices, default=BodyKind.COMMITTEE)
    # A sub-committee cannot outlive the committee it reports to.
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="The body a sub-committee reports to.",
    )
    category = models.CharField(
        max_length=100,
        blank=True,
        help_text='Heading it is listed under on the website, e.g. "Cabinet committees".',
    )
    terms_of_reference = models.TextField(
        blank=True, help_text="Rich text (HTML); it is sanitised before display."
    )
    seats = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Number of seats; blank where it is not recorded.",
    )
    # Deleting a venue must not delete bodies; the default is then simply unset.
    default_venue = models.ForeignKey(
        "meetings.Venue", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    contact_officer = models.ForeignKey(
        "council.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text='Shown as "Ask for" on agendas.',
    )
    contact_telephone = models.CharField(max_length=50, blank=True)
    contact_email = models.EmailField(blank=True)
    active = models.BooleanField(default=True, help_text="Untick when the body has been dissolved.")
    expired_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        if self.kind == BodyKind.OUTSIDE_BODY:
            return reverse("website:outside_body", args=[self.slug])
        return reverse("website:committee", args=[self.slug])
