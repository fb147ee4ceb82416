from django.db import models


class PostKind(models.TextChoices):
    OFFICER = "officer", "Officer post"
    PORTFOLIO = "portfolio", "Cabinet portfolio"


class Post(models.Model):
    """An officer's job or a cabinet portfolio ("Cabinet Member for Corporate and Democratic
    Services")."""

    title = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=10, choices=PostKind.choices, default=PostKind.OFFICER)
    department = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["kind", "title"]

    def __str__(self) -> str:
        return self.title


class PostHolding(models.Model):
    """Who held a post or portfolio, and when (holders change)."""

    # The holding is the person's history.
    person = models.ForeignKey(
        "council.Person", on_delete=models.CASCADE, related_name="posts_held"
    )
    # A post with holders in the record cannot be deleted.
    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="holdings")
    start = models.DateField()
    end = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-start"]

    def __str__(self) -> str:
        return f"{self.person} – {self.post}"


class StatutoryRole(models.TextChoices):
    HEAD_OF_PAID_SERVICE = "head_of_paid_service", "Head of Paid Service"
    MONITORING_OFFICER = "monitoring_officer", "Monitoring Officer"
    CHIEF_FINANCE_OFFICER = "chief_finance_officer", "Chief Finance Officer"
    DIRECTOR_ADULT_SOCIAL_SERVICES = (
        "director_adult_social_services",
        "Director of Adult Social Services",
    )
    DIRECTOR_CHILDRENS_SERVICES = "director_childrens_services", "Director of Children's Services"
    DIRECTOR_PUBLIC_HEALTH = "director_public_health", "Director of Public Health"
    HEAD_OF_DEMOCRATIC_SERVICES = "head_of_democratic_services", "Head of Democratic Services"
    RETURNING_OFFICER = "returning_officer", "Returning Officer"
    SIRO = "siro", "Senior Information Risk Owner"


class StatutoryDesignation(models.Model):
    """A statutory role designated to a person for a period (e.g. the Monitoring Officer)."""

    role = models.CharField(max_length=40, choices=StatutoryRole.choices)
    # The designation is the person's history.
    person = models.ForeignKey(
        "council.Person", on_delete=models.CASCADE, related_name="statutory_designations"
    )
    start = models.DateField()
    end = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["role", "-start"]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.person}"
