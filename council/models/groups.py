from django.db import models


class PoliticalGroup(models.Model):
    """A political group on the council ("Conservative", "Liberal Democrat").

    An independent member who belongs to no group is shown under a group of kind
    ``independent`` (a group of one for display); it has no leader.
    """

    class Kind(models.TextChoices):
        GROUP = "group", "Political group"
        INDEPENDENT = "independent", "Independent (not in a group)"

    name = models.CharField(
        max_length=100,
        unique=True,
        help_text='As printed in membership lists, e.g. "Liberal Democrat".',
    )
    group_name = models.CharField(
        max_length=150,
        blank=True,
        help_text='The group\'s own name, e.g. "Liberal Democrat Group".',
    )
    party_name = models.CharField(
        max_length=150, blank=True, help_text="The registered party, if any."
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.GROUP)
    slug = models.SlugField(max_length=110, unique=True)
    # A leader who leaves the record simply leaves the office unrecorded.
    leader = models.ForeignKey(
        "council.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    deputy_leader = models.ForeignKey(
        "council.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class GroupMembership(models.Model):
    """A person's membership of a political group over time (members change group)."""

    # The membership is part of the person's history and goes with it.
    person = models.ForeignKey(
        "council.Person", on_delete=models.CASCADE, related_name="group_memberships"
    )
    # A group with members in the record cannot be deleted, only left.
    group = models.ForeignKey(PoliticalGroup, on_delete=models.PROTECT, related_name="members")
    start = models.DateField()
    end = models.DateField(null=True, blank=True, help_text="Blank while the membership continues.")

    class Meta:
        ordering = ["-start"]

    def __str__(self) -> str:
        return f"{self.person} – {self.group}"
