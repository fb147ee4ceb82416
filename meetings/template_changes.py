"""A body's agenda template, or the default for a kind of body, changed in one step, as
democratic services edit it in the workspace: its numbering and the wording of its exempt
part, and its standard items added, changed, put in order and removed — all or nothing.

Each row goes through the template services (``meetings.agenda_templates``: the actor's
permission, the rules, the audit trail) under the events below; nothing is saved unless every
row is valid, and a refusal names the rows it concerns (``TemplateRefused.rows``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from audit.actors import Actor, require_model_permission
from council.models import Body

from .agenda_templates import RANK, remove_template_item, save_template, save_template_item
from .models import AgendaTemplate, AgendaTemplateItem, TemplatePosition

SAVED = "meetings.agenda_template_saved"
ITEM_SAVED = "meetings.agenda_template_item_saved"
ITEM_REMOVED = "meetings.agenda_template_item_removed"
STEP = 10  # orders 10, 20 … within each position, so that the admin can still slot one in


@dataclass
class Row:
    """One standard item as the officer left it: changed or new (``item``, unsaved), or to be
    taken out of the template (``remove``)."""

    item: AgendaTemplateItem
    remove: bool = False


class TemplateRefused(ValidationError):
    """Some rows broke the rules: ``rows`` maps each refused row's index to its error (the
    template itself: ``None``). Nothing was saved."""

    def __init__(self, rows: dict[int | None, ValidationError]) -> None:
        self.rows = rows
        super().__init__([m for error in rows.values() for m in error.messages])


def template_of(body: Body) -> AgendaTemplate:
    """The body's own template as saved, or an unsaved one for it (the seeds' wording)."""
    found = AgendaTemplate.objects.filter(body=body).first()
    return found or AgendaTemplate(body=body)


def default_template_of(kind: str) -> AgendaTemplate:
    """The default template for bodies of ``kind`` (a ``BodyKind``) as saved, or an unsaved
    one: a body of the kind without a template of its own uses it."""
    found = AgendaTemplate.objects.filter(body=None, body_kind=kind).first()
    return found or AgendaTemplate(body=None, body_kind=kind)


def _check(template: AgendaTemplate, rows: Sequence[Row]) -> None:
    errors: dict[int | None, ValidationError] = {}
    try:
        template.full_clean(validate_constraints=False)
    except ValidationError as error:
        errors[None] = error
    for n, row in enumerate(rows):
        if row.remove:
            if row.item.pk is None or row.item.template_id != template.pk:
                errors[n] = ValidationError("That standard item is not one of this template's.")
            continue
        if row.item.pk is not None and row.item.template_id != template.pk:
            errors[n] = ValidationError("That standard item is not one of this template's.")
            continue
        try:
            row.item.full_clean(exclude=["template", "order"])
        except ValidationError as error:
            errors[n] = error
    if errors:
        raise TemplateRefused(errors)


def _in_order(rows: Sequence[Row]) -> list[Row]:
    """The kept rows by position, each position's in the order given (then as listed)."""
    kept = [(n, row) for n, row in enumerate(rows) if not row.remove]
    kept.sort(
        key=lambda pair: (
            RANK[TemplatePosition(pair[1].item.position)],
            pair[1].item.order,
            pair[0],
        )
    )
    return [row for _, row in kept]


def change_template(
    template: AgendaTemplate, rows: Sequence[Row], *, actor: Actor
) -> AgendaTemplate:
    """Save a body's agenda template, or the default for a kind of body (new, or as
    changed), with its standard items as ``rows``: each kept item saved in its position, the
    positions' items numbered 10, 20 … in the order given (ties as listed), and the rows
    marked ``remove`` taken out (agenda items made from them stay on their agendas). Audited
    row by row.

    Refuses (``PermissionDenied``) an actor who may not change agenda templates and their
    items (democratic services may); (``TemplateRefused``, nothing saved) a template that is
    neither a body's nor a kind's default, a row of another template, and whatever the
    template's and items' rules refuse (a blank title, a placeholder Moot cannot fill, an
    exempt item without its Schedule 12A paragraph, an exclusion motion that does not cite
    {paragraphs} …).
    """
    require_model_permission(actor, template)
    for row in rows:
        require_model_permission(actor, row.item, "delete" if row.remove else None)
    if (template.body_id is None) == (not template.body_kind):
        raise TemplateRefused(
            {
                None: ValidationError(
                    "A template is either one body's or the default for a kind of body."
                )
            }
        )
    _check(template, rows)
    with transaction.atomic():
        template = save_template(template, actor=actor, event=SAVED)
        for row in rows:
            if row.remove:
                remove_template_item(row.item, actor=actor, event=ITEM_REMOVED)
        counts: dict[str, int] = {}
        for row in _in_order(rows):
            position = row.item.position
            counts[position] = counts.get(position, 0) + 1
            row.item.template = template
            row.item.order = counts[position] * STEP
            save_template_item(row.item, actor=actor, event=ITEM_SAVED)
    return template
