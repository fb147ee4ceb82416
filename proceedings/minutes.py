"""Minutes and resolutions. Minute numbers run on through the municipal year per body, in
the order business was taken.

Every change validates, saves in one transaction and is audited.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max

from access import audit
from meetings.models import AgendaItem, Meeting

from .models import Minute, Motion, Resolution
from .rules import municipal_year


def next_minute_number(meeting: Meeting) -> int:
    """The number the meeting's next minute takes: one after the last minute of this meeting,
    or of the body's earlier meetings in the same municipal year; 1 at the start of a year."""
    year = municipal_year(meeting.date)
    mine = Minute.objects.filter(meeting=meeting).aggregate(m=Max("number"))["m"]
    if mine:
        return mine + 1
    earlier = Minute.objects.filter(
        body_id=meeting.body_id, municipal_year=year, meeting__date__lte=meeting.date
    ).aggregate(m=Max("number"))["m"]
    return (earlier or 0) + 1


def add_minute(
    meeting: Meeting,
    title: str,
    *,
    item: AgendaItem | None = None,
    number: int | None = None,
    text: str = "",
    actor=None,
    actor_name: str = "",
) -> Minute:
    """Add a minute, numbered next unless ``number`` is given (a historical record).

    Refuses (nothing saved): a number already used by the body in that municipal year; a
    number out of step with the body's other meetings of the year; an item of another meeting.
    """
    with transaction.atomic():
        # Serialise numbering per body: two clerks minuting at once must not take one number.
        from council.models import Body

        Body.objects.select_for_update().filter(pk=meeting.body_id).first()
        return audit.save(
            Minute(
                meeting=meeting,
                body_id=meeting.body_id,
                municipal_year=municipal_year(meeting.date),
                number=number or next_minute_number(meeting),
                item=item,
                title=title,
                text=text,
            ),
            actor,
            actor_name,
        )


def add_resolution(
    minute: Minute,
    text: str,
    parts: list[str] | None = None,
    motion: Motion | None = None,
    actor=None,
    actor_name: str = "",
) -> Resolution:
    """Record what was resolved, with lettered parts. Refuses empty parts."""
    return audit.save(
        Resolution(minute=minute, text=text, parts=list(parts or []), motion=motion),
        actor,
        actor_name,
    )
