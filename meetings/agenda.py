"""The agenda builder's changes to a meeting's agenda before it is published: add, change,
move and remove items, each followed by renumbering the agenda from its order
(``meetings.numbering``, in the style of the body's template).

Each checks the actor (the back office's rule, ``audit.actors.require_model_permission``),
refuses a published agenda (``meetings.publication``: its numbers are cited from then on),
validates, saves in one transaction through ``meetings.services`` and the audit trail, and
leaves nothing half-done when it refuses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Literal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, ForeignObjectRel, Q

from audit import trail
from audit.actors import Actor, require_model_permission
from audit.models import AuditEntry

from .models import AgendaItem, AgendaTemplate, Meeting, NumberingStyle, Part, TemplatePosition
from .numbering import Entry, numbers, tree_order
from .publication import refuse_if_published
from .services import reorder_agenda, save_agenda_item

RENUMBERED = "meetings.agenda_renumbered"
ADDED = "meetings.agenda_item_added"
REMOVED = "meetings.agenda_item_removed"
NUMBER_LENGTH = AgendaItem._meta.get_field("number").max_length or 10
NEW = 0  # the key of an item not saved yet, in a layout

Layout = dict[int, tuple[int, str]]  # item key → (order, number)


def template_for(meeting: Meeting) -> AgendaTemplate | None:
    """The body's own agenda template, or else the default template for its kind of body."""
    body = meeting.body
    found = AgendaTemplate.objects.filter(Q(body=body) | Q(body=None, body_kind=body.kind))
    return found.order_by(F("body").asc(nulls_last=True)).first()  # one query, its own first


def numbering_of(meeting: Meeting) -> str:
    template = template_for(meeting)
    return template.numbering if template else NumberingStyle.NUMBERS


def entry_of(item: AgendaItem, key: int | None = None) -> Entry:
    return Entry(
        key=item.pk if key is None else key,
        parent=item.parent_id,
        order=item.order,
        kind=item.kind,
        exempt=item.part == Part.EXEMPT,
    )


def layout(meeting: Meeting, rows: Iterable[Entry]) -> Layout:
    """Where each entry goes: (order, number), orders 10, 20 … in the agenda's order."""
    rows = list(rows)
    found = numbers(rows, numbering_of(meeting))
    too_long = sorted({n for n in found.values() if len(n) > NUMBER_LENGTH})
    if too_long:
        raise ValidationError(
            f"The agenda would need item numbers longer than {NUMBER_LENGTH} characters "
            f"({', '.join(too_long)}): put fewer sub-items under one item."
        )
    return {e.key: ((i + 1) * 10, found[e.key]) for i, (e, _) in enumerate(tree_order(rows))}


def _write(items: list[AgendaItem], wanted: Layout, *, actor: Actor, event: str) -> int:
    """Give each saved item its place in ``wanted``; returns how many changed. Numbers that
    change are first set aside (a number is unique in its meeting, and the items swap them),
    then each item's change is saved and audited as old → new."""
    changed = [i for i in items if i.pk in wanted and (i.order, i.number) != wanted[i.pk]]
    moving = [i for i in changed if i.number != wanted[i.pk][1]]
    for item in moving:
        AgendaItem.objects.filter(pk=item.pk).update(number=f"~{item.pk}")
    for item in changed:
        order, number = wanted[item.pk]
        changes: dict[str, list[int | str]] = {}
        if item.order != order:
            changes["order"] = [item.order, order]
        if item.number != number:
            changes["number"] = [item.number, number]
        item.order, item.number = order, number
        AgendaItem.objects.filter(pk=item.pk).update(order=order, number=number)
        trail.record(AuditEntry.Action.UPDATE, item, changes, actor=actor, event=event)
    return len(changed)


def _items(meeting: Meeting) -> list[AgendaItem]:
    """The meeting's items, the meeting locked so that two changes to its agenda at the same
    moment are made one after the other (PostgreSQL; SQLite writes one at a time anyway)."""
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    items = AgendaItem.objects.filter(meeting=meeting).select_related("template_item")
    return list(items.order_by("pk"))


def _renumber(meeting: Meeting, *, actor: Actor) -> int:
    items = _items(meeting)
    return _write(items, layout(meeting, map(entry_of, items)), actor=actor, event=RENUMBERED)


def renumber(meeting: Meeting, *, actor: Actor) -> int:
    """Number the meeting's items from their order (1, 2, 3 … with sub-items 6(a), or the
    body's template's style) and make their order follow the agenda; returns how many items
    changed. Refuses an actor who may not change the meeting and a published agenda."""
    require_model_permission(actor, meeting, "change")
    refuse_if_published(meeting, "renumber its items")
    with transaction.atomic():
        return _renumber(meeting, actor=actor)


def normal_orders(meeting: Meeting, items: list[AgendaItem]) -> dict[int, int]:
    """The items' orders as 10, 20 … in the agenda's order, so that a new one fits between
    two (``layout``; nothing is saved)."""
    return {key: order for key, (order, _) in layout(meeting, map(entry_of, items)).items()}


def entries(items: list[AgendaItem], orders: dict[int, int]) -> list[Entry]:
    return [replace(entry_of(i), order=orders[i.pk]) for i in items]


# The standard items that come after the public business.
LATER = (TemplatePosition.CLOSING, TemplatePosition.EXEMPT)


def _top_level_slot(items: list[AgendaItem], orders: dict[int, int], item: AgendaItem) -> int:
    """The order for a new item: public business goes before the closing items (urgent
    business), the exempt part's heading items and the exempt business; exempt business at
    the end."""
    top = [e for e, depth in tree_order(entries(items, orders)) if depth == 0]
    by_pk = {i.pk: i for i in items}
    if item.part == Part.PUBLIC:
        for e in top:
            other = by_pk[e.key]
            position = other.template_item.position if other.template_item else None
            if other.part == Part.EXEMPT or position in LATER:
                return e.order - 1
    return max((e.order for e in top), default=0) + 1


def _sub_item_slot(items: list[AgendaItem], orders: dict[int, int], parent_id: int) -> int:
    """The order for a new last sub-item of ``parent_id``."""
    return max((orders[i.pk] for i in items if i.parent_id == parent_id), default=0) + 1


def add_item(item: AgendaItem, *, actor: Actor) -> AgendaItem:
    """Add a new item to an agenda that is not published, numbered and placed by the rule:
    a sub-item after its parent's last sub-item; public business after the other public
    business, before the closing items (urgent business) and the exempt part; exempt
    business at the end. The other items are renumbered.

    Refuses (nothing saved) an actor who may not add agenda items or change the meeting, a
    published agenda, and whatever ``meetings.services.save_agenda_item`` refuses."""
    meeting = item.meeting
    require_model_permission(actor, item, "add")
    require_model_permission(actor, meeting, "change")
    refuse_if_published(meeting, "add items to it here")
    with transaction.atomic():
        items = _items(meeting)
        orders = normal_orders(meeting, items)
        if item.parent_id:
            slot = _sub_item_slot(items, orders, item.parent_id)
        else:
            slot = _top_level_slot(items, orders, item)
        new = replace(entry_of(item, NEW), order=slot)
        wanted = layout(meeting, [*entries(items, orders), new])
        item.order, item.number = wanted[NEW]
        item.full_clean(validate_unique=False, validate_constraints=False)
        _write(items, wanted, actor=actor, event=RENUMBERED)
        return save_agenda_item(item, actor=actor, event=ADDED)


def change_item(item: AgendaItem, *, actor: Actor) -> AgendaItem:
    """Save changes to an item of an agenda that is not published, then renumber. An item
    given a new parent becomes its last sub-item; a sub-item made an item follows its former
    parent. Refuses (nothing saved) an actor who may not change the item or the meeting, a
    published agenda, and what ``meetings.services.save_agenda_item`` refuses."""
    meeting = item.meeting
    require_model_permission(actor, meeting, "change")
    refuse_if_published(meeting, "change its items here")
    with transaction.atomic():
        items = _items(meeting)
        before = next((i for i in items if i.pk == item.pk), None)
        if before is None:
            raise ValidationError("That item is no longer on the agenda.")
        orders = normal_orders(meeting, items)
        others = [i for i in items if i.pk != item.pk]
        if item.parent_id == before.parent_id:
            slot = orders[item.pk]
        elif item.parent_id:
            slot = _sub_item_slot(others, orders, item.parent_id)
        elif before.parent_id is not None:
            slot = orders[before.parent_id] + 1  # just after its former parent
        else:
            slot = orders[item.pk]
        # The number and order are the renumbering's to change, with their own audit entry.
        item.order, item.number = before.order, before.number
        save_agenda_item(item, actor=actor)
        moved = replace(entry_of(item), order=slot)
        wanted = layout(meeting, [*entries(others, orders), moved])
        _write(items, wanted, actor=actor, event=RENUMBERED)
        item.refresh_from_db()
        return item


def move_item(item: AgendaItem, direction: Literal["up", "down"], *, actor: Actor) -> AgendaItem:
    """Move the item (with its sub-items) one place up or down among the items at its level,
    then renumber. Refuses the first item moved up and the last moved down, an actor who may
    not change the meeting, and a published agenda."""
    meeting = item.meeting
    require_model_permission(actor, meeting, "change")
    refuse_if_published(meeting, "move its items")
    if direction not in ("up", "down"):
        raise ValidationError("Move an item up or down.")
    with transaction.atomic():
        items = _items(meeting)
        entries = [e for e, _ in tree_order(list(map(entry_of, items)))]
        siblings = [e for e in entries if e.parent == item.parent_id]
        keys = [e.key for e in siblings]
        if item.pk not in keys:
            raise ValidationError("That item is no longer on the agenda.")
        at = keys.index(item.pk)
        to = at - 1 if direction == "up" else at + 1
        if not 0 <= to < len(keys):
            where = "first" if direction == "up" else "last"
            level = "sub-item of its item" if item.parent_id else "item on the agenda"
            raise ValidationError(f"“{item.title}” is already the {where} {level}.")
        keys[at], keys[to] = keys[to], keys[at]
        place = {key: i for i, key in enumerate(keys)}
        moved = [replace(e, order=place[e.key]) if e.key in place else e for e in entries]
        reorder_agenda(meeting, [e.key for e, _ in tree_order(moved)], actor=actor)
        _renumber(meeting, actor=actor)
        item.refresh_from_db()
        return item


def _dependants(item: AgendaItem) -> list[str]:
    """The kinds of record that refer to the item (its papers, declarations, minutes …),
    whichever app holds them: removing the item would delete or unlink them."""
    found = set()
    for rel in AgendaItem._meta.get_fields(include_hidden=True):
        # Reverse relations only (including those named "+"); sub-items are refused apart.
        if not isinstance(rel, ForeignObjectRel):
            continue
        model = rel.related_model
        if not isinstance(model, type) or model is AgendaItem or model._meta.auto_created:
            continue
        if model._default_manager.filter(**{rel.field.name: item}).exists():
            found.add(str(model._meta.verbose_name_plural))
    return sorted(found)


def remove_item(item: AgendaItem, *, actor: Actor) -> None:
    """Take an item off an agenda that is not published, then renumber. Refuses (nothing
    removed) an actor who may not remove agenda items, a published agenda, an item with
    sub-items (remove or move them first) and an item other records refer to (its papers:
    detach them first)."""
    require_model_permission(actor, item, "delete")
    require_model_permission(actor, item.meeting, "change")
    refuse_if_published(item.meeting, "remove its items")
    if AgendaItem.objects.filter(parent_id=item.pk).exists():
        raise ValidationError(
            f"Item {item.number} “{item.title}” has sub-items: remove them or move them to "
            "another item first."
        )
    dependants = _dependants(item)
    if dependants:
        raise ValidationError(
            f"Item {item.number} “{item.title}” cannot be removed while other records refer "
            f"to it ({', '.join(dependants)}): detach its papers first."
        )
    with transaction.atomic():
        trail.delete(item, actor=actor, event=REMOVED)
        _renumber(item.meeting, actor=actor)
