"""Changes to meetings, venues and agendas. Each checks the actor's permission first
(democratic services, a system actor, or the back office's Django permission on the model:
``audit.actors.require_model_permission``), validates, saves in a transaction and audits."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max

from audit import trail
from audit.actors import Actor, require_model_permission

from .models import AgendaItem, Meeting, Venue


def save_venue(venue: Venue, *, actor: Actor) -> Venue:
    """Create or change a venue."""
    require_model_permission(actor, venue)
    return trail.save(venue, actor=actor)


def save_meeting(
    meeting: Meeting, *, actor: Actor, default_venue: bool = True, event: str | None = None
) -> Meeting:
    """Create or change a meeting. A new meeting without a venue takes its body's default venue,
    unless ``default_venue`` is False (a historical meeting whose venue is not known).
    ``event``: what a caller such as ``meetings.programme.create_programme`` did."""
    require_model_permission(actor, meeting)
    if (
        default_venue
        and meeting.pk is None
        and meeting.venue_id is None
        and meeting.body_id
        and meeting.body.default_venue_id
    ):
        meeting.venue_id = meeting.body.default_venue_id
    return trail.save(meeting, actor=actor, event=event)


def save_agenda_item(item: AgendaItem, *, actor: Actor, event: str | None = None) -> AgendaItem:
    """Create or change an agenda item; a new item without an order goes to the end
    (``event``: what a caller such as ``publishing.changes.add_urgent_item`` did).

    Refuses an actor without permission to add or change agenda items, an exempt item
    without a Schedule 12A paragraph, a public item with one, a duplicate item number in the
    meeting, and a motion seconded by its mover.
    """
    require_model_permission(actor, item)
    with transaction.atomic():
        if item.pk is None and not item.order:
            last = AgendaItem.objects.filter(meeting_id=item.meeting_id).aggregate(m=Max("order"))[
                "m"
            ]
            item.order = (last or 0) + 10
        return trail.save(item, actor=actor, event=event)


def reorder_agenda(meeting: Meeting, item_ids: list[int], *, actor: Actor) -> None:
    """Put the meeting's items in the order of ``item_ids`` (which must be exactly its items).
    Refuses an actor without permission to change the meeting (the back office's rule)."""
    from django.core.exceptions import ValidationError

    require_model_permission(actor, meeting, "change")
    items = {i.pk: i for i in meeting.items.all()}
    if set(item_ids) != set(items) or len(item_ids) != len(items):
        raise ValidationError("The new order must list every item of this meeting exactly once.")
    with transaction.atomic():
        for position, pk in enumerate(item_ids, start=1):
            item = items[pk]
            if item.order != position * 10:
                item.order = position * 10
                trail.save(item, actor=actor, event="meetings.agenda_reordered", validate=False)
