"""What the agenda builder shows: the items in the agenda's order with their depth, papers and
which way each can move, and what the body's template would add."""

from __future__ import annotations

from dataclasses import dataclass

from meetings.agenda import entry_of
from meetings.agenda_templates import RANK
from meetings.models import AgendaTemplate, Meeting, TemplatePosition
from meetings.numbering import tree_order
from meetings.placeholders import fill

from . import meeting_page
from .meeting_page import Row


@dataclass
class BuilderRow:
    row: Row
    can_move_up: bool
    can_move_down: bool
    focus: str = ""  # "up" or "down": the button to focus after an htmx move

    @property
    def item(self):
        return self.row.item


def builder_rows(meeting: Meeting, focus: tuple[int, str] | None = None) -> list[BuilderRow]:
    """The agenda as it is numbered (items, each followed by its sub-items), whatever order
    the rows were saved in."""
    rows = {row.item.pk: row for row in meeting_page.agenda_rows(meeting)}
    listed = tree_order([entry_of(row.item) for row in rows.values()])
    out = []
    for entry, depth in listed:
        siblings = [e.key for e, d in listed if e.parent == entry.parent and d == depth]
        at = siblings.index(entry.key)
        row = rows[entry.key]
        row.depth = depth
        wanted = focus[1] if focus and focus[0] == entry.key else ""
        out.append(BuilderRow(row, at > 0, at < len(siblings) - 1))
        if wanted:
            # The button pressed, unless the item has reached that end: then the other one.
            usable = {"up": out[-1].can_move_up, "down": out[-1].can_move_down}
            out[-1].focus = wanted if usable[wanted] else ("down" if wanted == "up" else "up")
    return out


@dataclass
class Standard:
    title: str  # as it will be printed, or the template's wording when it cannot be filled
    position: str
    fillable: bool


def standard_items(template: AgendaTemplate | None, values: dict[str, str]) -> list[Standard]:
    """The template's standard items as this meeting would get them."""
    if template is None:
        return []
    out = []
    ranked = sorted(
        template.items.all(), key=lambda s: (RANK[TemplatePosition(s.position)], s.order)
    )
    for s in ranked:
        try:
            out.append(Standard(fill(s.title, values), s.get_position_display(), True))
        except KeyError:
            out.append(Standard(s.title, s.get_position_display(), False))
    return out
