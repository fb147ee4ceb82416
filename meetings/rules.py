"""Rules for meetings and agenda items, applied from the models' ``clean``."""

from django.core.exceptions import ValidationError

from .models import (
    MAX_SUB_ITEM_DEPTH,
    AgendaItem,
    AgendaTemplate,
    AgendaTemplateItem,
    Meeting,
    Part,
)
from .placeholders import names_in


def _check_part(item: AgendaItem | AgendaTemplateItem) -> None:
    if item.part == Part.EXEMPT and not item.exempt_paragraph:
        raise ValidationError(
            {
                "exempt_paragraph": "An exempt item must cite the paragraph of Schedule 12A "
                "(1 to 7) that makes it exempt."
            }
        )
    if item.part == Part.PUBLIC and item.exempt_paragraph:
        raise ValidationError(
            {
                "exempt_paragraph": "A public item cannot cite a Schedule 12A paragraph; "
                "mark it exempt or clear the paragraph."
            }
        )


def check_agenda_item(item: AgendaItem) -> None:
    _check_part(item)
    if item.parent is not None and item.parent.meeting_id != item.meeting_id:
        raise ValidationError({"parent": "A sub-item must belong to an item of the same meeting."})
    if item.parent_id:
        _check_nesting(item)
    if item.urgent and not (item.urgency_chair_id and item.urgency_reasons.strip()):
        raise ValidationError(
            "Urgent business needs the name of the chair who agreed it and the special "
            "circumstances that justify it (section 100B(4)(b))."
        )
    if (item.mover_id or item.seconder_id) and item.mover_id == item.seconder_id:
        raise ValidationError({"seconder": "The seconder must be someone other than the mover."})


def check_meeting(meeting: Meeting) -> None:
    if meeting.start_time and meeting.end_time and meeting.end_time <= meeting.start_time:
        raise ValidationError({"end_time": "The scheduled end must be after the start time."})


def check_agenda_template(template: AgendaTemplate) -> None:
    if bool(template.body_id) == bool(template.body_kind):
        raise ValidationError(
            "Choose either the body whose template this is, or the kind of body it is the "
            "default for (not both)."
        )
    if template.body_id:
        other = AgendaTemplate.objects.filter(body_id=template.body_id).exclude(pk=template.pk)
        if other.exists():
            raise ValidationError(
                {"body": f"{template.body} already has an agenda template: change that one."}
            )
    try:
        names = names_in(template.exclusion_motion, allowed=["paragraphs"])
    except ValidationError as error:
        raise ValidationError({"exclusion_motion": error.messages}) from None
    if "paragraphs" not in names:
        raise ValidationError(
            {
                "exclusion_motion": "The motion must cite the paragraphs of Schedule 12A: "
                "write {paragraphs} where they go."
            }
        )
    for name in ("exclusion_heading", "no_exempt_heading", "no_exempt_note"):
        try:
            names_in(getattr(template, name), allowed=[])
        except ValidationError as error:
            raise ValidationError({name: error.messages}) from None


def check_agenda_template_item(item: AgendaTemplateItem) -> None:
    if not (item.title or "").strip():
        raise ValidationError({"title": "Give the item a title, as the agenda prints it."})
    for name in ("title", "purpose"):
        try:
            names_in(getattr(item, name))
        except ValidationError as error:
            raise ValidationError({name: error.messages}) from None
    _check_part(item)


def _check_nesting(item: AgendaItem) -> None:
    """A sub-item sits under an item of its agenda, never under itself, and at most
    ``MAX_SUB_ITEM_DEPTH`` levels down (the depth the exemption rule follows in SQL)."""
    depth, parent = 0, item.parent
    while parent is not None:
        if item.pk is not None and parent.pk == item.pk:
            raise ValidationError({"parent": "An item cannot be a sub-item of itself."})
        depth += 1
        if depth > MAX_SUB_ITEM_DEPTH:
            raise ValidationError(
                {
                    "parent": "Sub-items can be nested at most "
                    f"{MAX_SUB_ITEM_DEPTH} levels below an item."
                }
            )
        parent = parent.parent if parent.parent_id else None
    if item.pk is not None and depth + _levels_below(item) > MAX_SUB_ITEM_DEPTH:
        raise ValidationError(
            {
                "parent": "Its own sub-items would then be nested more than "
                f"{MAX_SUB_ITEM_DEPTH} levels below an item: move them first."
            }
        )


def _levels_below(item: AgendaItem) -> int:
    """How many levels of sub-items the saved item has under it (at most one past the
    limit is counted: that is enough to refuse)."""
    levels, frontier = 0, [item.pk]
    while frontier and levels <= MAX_SUB_ITEM_DEPTH:
        frontier = list(
            AgendaItem.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
        )
        levels += 1 if frontier else 0
    return levels
