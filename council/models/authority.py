from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class ChairForm(models.TextChoices):
    CHAIRMAN = "Chairman", "Chairman"
    CHAIR = "Chair", "Chair"


class Authority(models.Model):
    """The council that runs this installation. One row; ``Authority.current()`` reads it."""

    name = models.CharField(max_length=200, help_text="e.g. Kent County Council")
    short_name = models.CharField(max_length=50, help_text="e.g. KCC")
    address = models.TextField(blank=True)
    website = models.URLField(blank=True)
    contact_name = models.CharField(
        "democratic services contact",
        max_length=200,
        blank=True,
        help_text="Shown on the website as the democratic services contact.",
    )
    contact_telephone = models.CharField(max_length=50, blank=True)
    contact_email = models.EmailField(blank=True)
    chair_form = models.CharField(
        max_length=10,
        choices=ChairForm.choices,
        default=ChairForm.CHAIR,
        help_text="How the person presiding is styled in lists and documents.",
    )
    municipal_year_start_month = models.PositiveSmallIntegerField(
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text="The month the municipal year starts (usually May, at the annual meeting).",
    )
    municipal_year_start_day = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    # A demonstration's "today" (``council.dates.authority_today``): the Kent demo is a record
    # of 2015–17, so its site is shown as at a day of that record. Set only by ``moot demo``;
    # a council's own installation leaves it blank and the site uses the real date.
    as_at = models.DateField(
        "demonstration date",
        null=True,
        blank=True,
        help_text="Demonstration installations only: the public site treats this date as "
        "today. Set by 'moot demo --as-at'; blank on a council's own installation.",
    )

    class Meta:
        verbose_name_plural = "authority"

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> "Authority | None":
        return cls.objects.order_by("pk").first()

    def role_label(self, role: str) -> str:
        """'Chairman' or 'Chair' (and the vice form) as this authority styles them."""
        if role == "chairman":
            return self.chair_form
        if role == "vice_chairman":
            return f"Vice-{self.chair_form}"
        return role.replace("_", " ").capitalize()
