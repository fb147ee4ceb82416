"""Who is summoned to a meeting, and who signs the summons."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from council.models import Person, StatutoryDesignation, StatutoryRole
from council.serving import serving_members
from meetings.models import Meeting


def summoned(meeting: Meeting) -> list[Person]:
    """The body's members on the meeting's date (``council.serving.serving_members``)."""
    return serving_members(meeting.body, meeting.date)


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
