"""A minute marked exempt after the minutes were published: no public version of the minutes
shows it any more (proceedings/versions.py)."""

from __future__ import annotations

from audit.actors import SystemActor
from audit.testing import TEST_ACTOR
from proceedings.minutes import add_minute, edit_minute
from proceedings.models import Minute, MinutesVersion

TITLE = "Disposal of the depot"


def plant(meeting, exempt_item, canary):
    add_minute(
        meeting,
        TITLE,
        text=f"The Committee discussed the bid of {canary} for the depot.",
        actor=TEST_ACTOR,
    )


def after_publication(meeting, exempt_item, canary):
    assert canary in MinutesVersion.objects.get(record__meeting=meeting, number=1).public_html
    minute = Minute.objects.get(meeting=meeting, title=TITLE)
    edit_minute(
        minute,
        exempt=True,
        exempt_paragraph=3,
        public_summary="The Committee considered the disposal of a property.",
        actor=SystemActor("canary"),
    )


def check(meeting, canary):
    assert Minute.objects.filter(
        meeting=meeting, title=TITLE, exempt=True, text__contains=canary
    ).exists()
