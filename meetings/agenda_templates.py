"""Agenda templates: saving a body's template and its standard items, and adding them to a
meeting's agenda (``apply_template``) with their placeholders filled from the record.

Each service checks the actor first (the back office's rule:
``audit.actors.require_model_permission``), validates, saves in a transaction and audits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from django.core.exceptions import ValidationError
from django.db import transaction

from audit import trail
from audit.actors import Actor, require_model_permission
from council.models import Authority

from .agenda import _items, _write, entry_of, layout, normal_orders, template_for
from .formatting import paragraphs_text
from .models import (
    EXCLUSION_HEADING,
    EXCLUSION_MOTION,
    NO_EXEMPT_HEADING,
    NO_EXEMPT_NOTE,
    AgendaItem,
    AgendaTemplate,
    AgendaTemplateItem,
    Meeting,
    MeetingStatus,
    Part,
    TemplatePosition,
)
from .numbering import Entry, tree_order
from .placeholders import fill, names_in
from .publication import refuse_if_published
from .services import save_agenda_item

APPLIED = "meetings.agenda_template_applied"
# Where each position's items go, in the agenda's order.
RANK = {TemplatePosition.OPENING: 0, TemplatePosition.CLOSING: 1, TemplatePosition.EXEMPT: 2}


def save_template(
    template: AgendaTemplate, *, actor: Actor, event: str | None = None
) -> AgendaTemplate:
    """Create or change an agenda template. Refuses a template for both a body and a kind
    of body (or neither), a second template for a body, and a second default for a kind."""
    require_model_permission(actor, template)
    return trail.save(template, actor=actor, event=event)


def save_template_item(
    item: AgendaTemplateItem, *, actor: Actor, event: str | None = None
) -> AgendaTemplateItem:
    """Create or change a template's standard item; a new one without an order goes last.
    Refuses a blank title, a placeholder Moot cannot fill ("{previous_meeting_date}" is one it
    can: ``meetings.models.PLACEHOLDERS``), and the agenda items' part and paragraph rules."""
    require_model_permission(actor, item)
    with transaction.atomic():
        if item.pk is None and not item.order and item.template_id:
            orders = AgendaTemplateItem.objects.filter(template_id=item.template_id)
            item.order = max(orders.values_list("order", flat=True), default=0) + 10
        return trail.save(item, actor=actor, event=event)


def remove_template_item(
    item: AgendaTemplateItem, *, actor: Actor, event: str | None = None
) -> None:
    """Take a standard item out of its template; agenda items made from it stay."""
    require_model_permission(actor, item, "delete")
    trail.delete(item, actor=actor, event=event)


# --- Applying a template to a meeting ---------------------------------------------------------


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The body's last meeting before this one that was not cancelled or postponed: the one
    whose minutes this meeting approves."""
    return (
        Meeting.objects.filter(body_id=meeting.body_id, date__lt=meeting.date)
        .exclude(status__in=[MeetingStatus.CANCELLED, MeetingStatus.POSTPONED])
        .order_by("-date", "-start_time")
        .first()
    )


def _long(date: dt.date) -> str:
    return f"{date:%-d %B %Y}"


def placeholder_values(meeting: Meeting) -> dict[str, str]:
    """What each placeholder stands for at this meeting; a placeholder the record cannot
    fill (no previous meeting) is missing."""
    authority = Authority.current()
    values = {
        "meeting_date": _long(meeting.date),
        "body": meeting.body.name,
        "chair": authority.chair_form if authority else "Chair",
    }
    previous = previous_meeting(meeting)
    if previous is not None:
        values["previous_meeting_date"] = _long(previous.date)
    return values


@dataclass
class Applied:
    """What ``apply_template`` did: the items added, and the template's items it did not add
    (each with the reason, in plain words)."""

    added: list[AgendaItem] = field(default_factory=list)
    not_added: list[str] = field(default_factory=list)


def _same(title: str) -> str:
    return " ".join(title.split()).casefold()


Keyed = dict[int, AgendaItem]  # key in the layout → item: the new items have keys below 0
Orders = dict[int, int]  # key → order on the agenda


def _entries(keyed: Keyed, orders: Orders) -> list[Entry]:
    return [replace(entry_of(item, key), order=orders[key]) for key, item in keyed.items()]


def _slot(keyed: Keyed, orders: Orders, standard: AgendaTemplateItem) -> int:
    """The order for a standard item among the agenda's items (orders 10, 20 …): opening
    items in the template's order before the meeting's own business; closing items after the
    public business; the exempt part's items before the exempt business."""
    top = [e for e, depth in tree_order(_entries(keyed, orders)) if depth == 0]
    rank = (RANK[TemplatePosition(standard.position)], standard.order)
    for e in top:
        other = keyed[e.key]
        source = other.template_item
        if source is not None and source.template_id == standard.template_id:
            if (RANK[TemplatePosition(source.position)], source.order) > rank:
                return e.order - 1
            continue
        if standard.position == TemplatePosition.OPENING or other.part == Part.EXEMPT:
            return e.order - 1
    return (top[-1].order if top else 0) + 1


def apply_template(meeting: Meeting, *, actor: Actor) -> Applied:
    """Add the standard items of the body's agenda template (``template_for``) to the
    meeting's agenda, placeholders filled, then renumber it; all or nothing.

    Adds nothing twice: a standard item already added, or an item with the same title already
    on the agenda, is left out and said so; so is one needing a placeholder the record cannot
    fill (the minutes of the previous meeting, when the body has not met before). Refuses
    (nothing saved) an actor who may not add agenda items or change the meeting, a published
    agenda (urgent business is ``publishing.changes.add_urgent_item``), a body without a
    template, and whatever ``meetings.services.save_agenda_item`` refuses."""
    require_model_permission(actor, AgendaItem, "add")
    require_model_permission(actor, meeting, "change")
    refuse_if_published(meeting, "add the template's standard items")
    template = template_for(meeting)
    if template is None:
        raise ValidationError(
            f"{meeting.body} has no agenda template, and there is no default template for "
            f"every {meeting.body.get_kind_display().lower()}: set one up first."
        )
    values = placeholder_values(meeting)
    applied = Applied()
    with transaction.atomic():
        items = _items(meeting)
        keyed: Keyed = {i.pk: i for i in items}
        orders: Orders = normal_orders(meeting, items)
        standards = sorted(
            template.items.all(), key=lambda s: (RANK[TemplatePosition(s.position)], s.order)
        )
        for standard in standards:
            item = _made_from(meeting, standard, list(keyed.values()), values, applied)
            if item is None:
                continue
            slot = _slot(keyed, orders, standard)
            key = -1 - len(applied.added)
            keyed[key], orders[key] = item, slot
            applied.added.append(item)
            # Orders 10, 20 … again, so that the next standard item fits between two.
            placed = layout(meeting, _entries(keyed, orders))
            orders = {k: order for k, (order, _) in placed.items()}
        if not applied.added:
            return applied
        wanted = layout(meeting, _entries(keyed, orders))
        for key, item in keyed.items():
            if key < 0:
                item.order, item.number = wanted[key]
                item.full_clean(validate_unique=False, validate_constraints=False)
        _write(items, wanted, actor=actor, event=APPLIED)
        for key, item in sorted(keyed.items(), reverse=True):
            if key < 0:
                save_agenda_item(item, actor=actor, event=APPLIED)
    return applied


def _made_from(
    meeting: Meeting,
    standard: AgendaTemplateItem,
    items: list[AgendaItem],
    values: dict[str, str],
    applied: Applied,
) -> AgendaItem | None:
    """The agenda item the standard item makes at this meeting; None (with the reason in
    ``applied.not_added``) when it is already there or cannot be filled in."""
    missing = [n for n in names_in(standard.title) + names_in(standard.purpose) if n not in values]
    if missing:
        applied.not_added.append(
            f"“{standard.title}”: {meeting.body} has no earlier meeting to fill it in from."
        )
        return None
    title = fill(standard.title, values)
    for other in items:
        if other.template_item_id == standard.pk or _same(other.title) == _same(title):
            applied.not_added.append(f"“{title}”: already on the agenda as item {other.number}.")
            return None
    return AgendaItem(
        meeting=meeting,
        title=title,
        purpose=fill(standard.purpose, values),
        kind=standard.kind,
        part=standard.part,
        exempt_paragraph=standard.exempt_paragraph,
        template_item=standard,
    )


# --- The exempt part's wording ----------------------------------------------------------------


@dataclass(frozen=True)
class ExemptPart:
    heading: str
    text: str


def exempt_part(meeting: Meeting, paragraphs: Iterable[int]) -> ExemptPart:
    """What the agenda prints at its exempt part, in the body's template's words (or the
    seeds'): with exempt business, the motion to exclude the press and public citing the
    Schedule 12A ``paragraphs``; without, the note that there is none."""
    template = template_for(meeting)
    numbers = sorted(set(paragraphs))
    if numbers:
        motion = template.exclusion_motion if template else EXCLUSION_MOTION
        return ExemptPart(
            template.exclusion_heading if template else EXCLUSION_HEADING,
            fill(motion, {"paragraphs": paragraphs_text(numbers)}, allowed=["paragraphs"]),
        )
    if template is None:
        return ExemptPart(NO_EXEMPT_HEADING, NO_EXEMPT_NOTE)
    return ExemptPart(template.no_exempt_heading, template.no_exempt_note)
