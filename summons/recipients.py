"""Who is summoned to a meeting, and who signs the summons."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from council.models import BodyKind, Person, StatutoryDesignation, StatutoryRole
from meetings.models import Meeting


def summoned(meeting: Meeting) -> list[Person]:
    """The body's members on the meeting's date (every role, substitutes included, since
    they may be called on); for the full council, every councillor in office that day."""
    day = meeting.date
    in_body = Q(
        memberships__body_id=meeting.body_id,
        memberships__start__lte=day,
    ) & (Q(memberships__end__isnull=True) | Q(memberships__end__gte=day))
    who = in_body
    if meeting.body.kind == BodyKind.COUNCIL:
        in_office = Q(terms__start__lte=day) & (Q(terms__end__isnull=True) | Q(terms__end__gte=day))
        who = who | in_office
    ids = Person.objects.filter(who).values_list("pk", flat=True).distinct()
    return list(Person.objects.filter(pk__in=ids).order_by("surname", "initials", "forenames"))


# Schedule 12 para 4: the summons is signed by the proper officer. Councils designate the head
# of democratic services or the monitoring officer; the first in force is used.
PROPER_OFFICER_ROLES = (
    StatutoryRole.HEAD_OF_DEMOCRATIC_SERVICES,
    StatutoryRole.MONITORING_OFFICER,
)


def proper_officer(day: dt.date) -> Person | None:
    for role in PROPER_OFFICER_ROLES:
        found = (
            StatutoryDesignation.objects.filter(role=role, start__lte=day)
            .filter(Q(end__isnull=True) | Q(end__gte=day))
            .select_related("person")
            .order_by("-start")
            .first()
        )
        if found:
            return found.person
    return None
