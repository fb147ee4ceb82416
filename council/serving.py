"""Who serves on a body on a day: the people a meeting of it summons.

One function, so the summons (``summons.recipients``) and the refusal to publish an agenda
that would summon nobody (``publishing.services.publish_agenda``) agree.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from .models import Body, BodyKind, Person


def serving_members(body: Body, day: dt.date) -> list[Person]:
    """The body's members on ``day`` (every role, substitutes included, since they may be
    called on); for the full council, every councillor in office that day too."""
    who = Q(memberships__body_id=body.pk, memberships__start__lte=day) & (
        Q(memberships__end__isnull=True) | Q(memberships__end__gte=day))
    if body.kind == BodyKind.COUNCIL:
        who |= Q(terms__start__lte=day) & (Q(terms__end__isnull=True) | Q(terms__end__gte=day))
    ids = Person.objects.filter(who).values_list("pk", flat=True).distinct()
    return list(Person.objects.filter(pk__in=ids).order_by("surname", "initials", "forenames"))
