from __future__ import annotations

import datetime as dt

from django.db import models


class Role(models.TextChoices):
    CHAIRMAN = "chairman", "Chairman / Chair"
    VICE_CHAIRMAN = "vice_chairman", "Vice-Chairman / Vice-Chair"
    MEMBER = "member", "Member"
    SUBSTITUTE = "substitute", "Substitute"
    CO_OPTED = "co_opted", "Co-opted member"
    STATUTORY = "statutory", "Statutory member"
    ALTERNATE = "alternate", "Alternate"
    INDEPENDENT_PERSON = "independent_person", "Independent person"
    REPRESENTATIVE = "representative", "Representative on an outside body"


#: Roles that fill one of the body's seats. Substitutes and alternates stand in for others.
SEAT_ROLES = frozenset(
    {
        Role.CHAIRMAN,
        Role.VICE_CHAIRMAN,
        Role.MEMBER,
        Role.CO_OPTED,
        Role.STATUTORY,
        Role.INDEPENDENT_PERSON,
        Role.REPRESENTATIVE,
    }
)


class MembershipQuerySet(models.QuerySet["Membership"]):
    def on(self, day: dt.date) -> MembershipQuerySet:
        """Memberships in force on ``day``."""
        return self.filter(start__lte=day).filter(
            models.Q(end__isnull=True) | models.Q(end__gte=day)
        )


class Membership(models.Model):
    """A seat on a body held by a person for a period, in a role.

    A row with no person is a vacant seat (optionally allocated to a political group).
    The rules (one chairman at a time, no overlaps, seats filled ≤ seats) live in
    ``council.rules`` and are applied by ``council.services``.
    """

    # Seats exist only on their body: removing a body (an admin error) removes its seats.
    body = models.ForeignKey("council.Body", on_delete=models.CASCADE, related_name="memberships")
    # A person deleted from the record takes their seats with them.
    person = models.ForeignKey(
        "council.Person",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        help_text="Leave blank to record a vacant seat.",
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    # The group a seat is allocated to under political balance; kept if the person changes group.
    group = models.ForeignKey(
        "council.PoliticalGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="seats",
        help_text="The political group the seat is allocated to.",
    )
    start = models.DateField()
    end = models.DateField(null=True, blank=True, help_text="Blank while the membership continues.")
    notes = models.CharField(max_length=300, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["body", "start"]

    def __str__(self) -> str:
        who = self.person or "Vacant seat"
        return f"{who} – {self.get_role_display()}, {self.body}"

    def clean(self) -> None:
        from council.rules import check_membership

        check_membership(self)

    @property
    def holds_seat(self) -> bool:
        return self.role in SEAT_ROLES
