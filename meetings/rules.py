"""Rules for meetings and agenda items, applied from the models' ``clean``."""

from django.core.exceptions import ValidationError

from .models import MAX_SUB_ITEM_DEPTH, AgendaItem, Meeting, Part


def check_agenda_item(item: AgendaItem) -> None:
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
