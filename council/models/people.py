from django.db import models
from django.urls import reverse


class Person(models.Model):
    """A councillor, co-opted member, officer or anyone else named in the record.

    Names are data: title, initials, surname and honours are kept apart and the
    display forms are built from them, never re-parsed from a string.
    """

    title = models.CharField(
        max_length=20,
        blank=True,
        help_text="Mr, Mrs, Ms, Miss, Dr, Sir, Rev … as the person uses it.",
    )
    forenames = models.CharField(
        max_length=100, blank=True, help_text="Leave blank when only initials are recorded."
    )
    initials = models.CharField(
        max_length=20, blank=True, help_text='Initials separated by spaces, e.g. "A D".'
    )
    surname = models.CharField(max_length=100)
    honours = models.CharField(
        max_length=60, blank=True, help_text='Post-nominals as printed, e.g. "MBE" or "OBE, TD".'
    )
    email = models.EmailField(blank=True)
    telephone = models.CharField(max_length=50, blank=True)
    photo = models.ImageField(upload_to="people/", blank=True)
    photo_alt = models.CharField(
        max_length=200, blank=True, help_text="Text alternative for the photo."
    )
    slug = models.SlugField(max_length=120, unique=True)

    class Meta:
        ordering = ["surname", "initials", "forenames"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.formal_name

    def get_absolute_url(self) -> str:
        return reverse("website:member", args=[self.slug])

    @property
    def formal_name(self) -> str:
        """The seeds' form: "Mrs A D Allen, MBE"."""
        core = " ".join(p for p in (self.title, self.initials, self.surname) if p)
        return f"{core}, {self.honours}" if self.honours else core

    @property
    def short_name(self) -> str:
        """Title and surname: "Mrs Allen"."""
        return " ".join(p for p in (self.title, self.surname) if p)

    @property
    def councillor_name(self) -> str:
        """The web form: "Councillor A D Allen, MBE"."""
        core = " ".join(p for p in ("Councillor", self.initials, self.surname) if p)
        return f"{core}, {self.honours}" if self.honours else core

    @property
    def full_name(self) -> str:
        """Forenames and surname where forenames are known ("Ann Allen"), else the formal name."""
        if self.forenames:
            return f"{self.forenames} {self.surname}"
        return self.formal_name

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.surname.lower(), self.initials.lower())


class NameFormKind(models.TextChoices):
    SHORT = "short", "Short form (e.g. in vote lists)"
    INFORMAL = "informal", "Informal form (forename used)"
    VARIANT = "variant", "Variant or misspelling seen in a document"


class PersonNameForm(models.Model):
    """Another way the same person is written in documents: "Mr A Marsh" for Mr R A Marsh."""

    # A name form is meaningless without the person it names.
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="name_forms")
    text = models.CharField(
        max_length=200, help_text='Exactly as written, e.g. "Mr Charlie Simkin".'
    )
    kind = models.CharField(
        max_length=10, choices=NameFormKind.choices, default=NameFormKind.VARIANT
    )
    source = models.CharField(max_length=200, blank=True, help_text="Where it was seen.")

    class Meta:
        ordering = ["text"]
        constraints = [
            models.UniqueConstraint(fields=["person", "text"], name="unique_name_form_per_person")
        ]

    def __str__(self) -> str:
        return self.text


class Division(models.Model):
    """An electoral division (ward) that elects one or more councillors."""

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=160, unique=True)
    seats = models.PositiveSmallIntegerField(default=1, help_text="Councillors it elects.")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class HowElected(models.TextChoices):
    ORDINARY = "ordinary", "Ordinary election"
    BY_ELECTION = "by_election", "By-election"


class TermOfOffice(models.Model):
    """A period for which a person was a councillor for a division."""

    # A term of office belongs to its councillor; without the person it records nothing.
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="terms")
    # Divisions are not deleted while terms refer to them (boundary history must survive).
    division = models.ForeignKey(
        Division,
        on_delete=models.PROTECT,
        related_name="terms",
        null=True,
        blank=True,
        help_text="Leave blank where the documents do not record the division.",
    )
    start = models.DateField()
    end = models.DateField(null=True, blank=True, help_text="Blank while the term continues.")
    how_elected = models.CharField(
        max_length=12, choices=HowElected.choices, default=HowElected.ORDINARY
    )

    class Meta:
        ordering = ["-start"]
        verbose_name_plural = "terms of office"

    def __str__(self) -> str:
        return (
            f"{self.person} – {self.division or 'division not recorded'} from {self.start:%d %B %Y}"
        )
