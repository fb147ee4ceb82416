"""A public-looking sub-item (part "public") under the exempt item 14: it is exempt business
by inheritance (``AgendaItem.is_exempt``), so its purpose never reaches a public surface — the
meeting page, the public pack's front sheet, the search index, the API and the web service."""

from __future__ import annotations

from audit.testing import TEST_ACTOR
from meetings.models import AgendaItem, Part
from meetings.services import save_agenda_item


def plant(meeting, exempt_item, canary) -> None:
    save_agenda_item(
        AgendaItem(
            meeting=meeting,
            parent=exempt_item,
            number="14(a)",
            title="Contract terms",
            purpose=f"To agree {canary} sub-item purpose",
            motion_text=f"{canary} sub-item motion",
            part=Part.PUBLIC,
            order=exempt_item.order + 1,
        ),
        actor=TEST_ACTOR,
    )


def check(meeting, canary) -> None:
    sub = AgendaItem.objects.get(meeting=meeting, number="14(a)")
    assert sub.part == Part.PUBLIC and canary in sub.purpose and sub.parent.part == Part.EXEMPT
