"""A public decision linked to the exempt item's motion (docs/statutory-rules.md §1, s.100C):
the public minute's resolution names the motion moved in closed session, whose words and
recorded vote carry the canary. ``proceedings.rules.motions_for_minute`` now refuses the link
(a resolution records only a motion on its own minute's item), so on current code the
resolution stands without it; before, the public register and minutes could reach the
exempt motion through it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from audit.testing import TEST_ACTOR
from proceedings.minutes import add_minute, add_resolution
from proceedings.models import Motion, Resolution

TITLE = "Decision on the public item"


def after_publication(meeting, exempt_item, canary) -> None:
    motion = Motion.objects.get(meeting=meeting, item=exempt_item, text__contains=canary)
    public_item = meeting.items.get(number="12")
    minute = add_minute(
        meeting, TITLE, item=public_item, text="The Committee decided.", actor=TEST_ACTOR
    )
    try:
        add_resolution(
            minute, "RESOLVED that the recommendation be agreed.", motion=motion, actor=TEST_ACTOR
        )
    except ValidationError:
        add_resolution(minute, "RESOLVED that the recommendation be agreed.", actor=TEST_ACTOR)


def check(meeting, canary) -> None:
    """The exempt motion really carries the canary, and no public resolution records it."""
    motion = Motion.objects.get(meeting=meeting, item__number="14", text__contains=canary)
    assert motion.item.is_exempt and motion.vote
    assert not Resolution.objects.filter(motion=motion, minute__exempt=False).exists()
