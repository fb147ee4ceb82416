"""The meetings app's models: venues, meetings and their agendas (``meetings.py``) and the
bodies' agenda templates (``agenda_templates.py``)."""

from .agenda_templates import (
    EXCLUSION_HEADING,
    EXCLUSION_MOTION,
    NO_EXEMPT_HEADING,
    NO_EXEMPT_NOTE,
    PLACEHOLDERS,
    AgendaTemplate,
    AgendaTemplateItem,
    NumberingStyle,
    TemplatePosition,
)
from .meetings import (
    MAX_SUB_ITEM_DEPTH,
    AgendaItem,
    ClosureDay,
    ExemptParagraph,
    ItemKind,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Part,
    Venue,
    exempt_item_q,
    public_item_q,
)

__all__ = [
    "EXCLUSION_HEADING",
    "EXCLUSION_MOTION",
    "NO_EXEMPT_HEADING",
    "NO_EXEMPT_NOTE",
    "MAX_SUB_ITEM_DEPTH",
    "PLACEHOLDERS",
    "AgendaItem",
    "AgendaTemplate",
    "AgendaTemplateItem",
    "ClosureDay",
    "ExemptParagraph",
    "ItemKind",
    "Meeting",
    "MeetingKind",
    "MeetingStatus",
    "NumberingStyle",
    "Part",
    "TemplatePosition",
    "Venue",
    "exempt_item_q",
    "public_item_q",
]
