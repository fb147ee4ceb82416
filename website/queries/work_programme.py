"""A body's work programme: the actions agreed and undertakings given at its meetings.

Only from meetings whose minutes are public (``proceedings.public``), and never from an
exempt minute: an action recorded against an exempt minute stays out, as the minute does.
"""

from __future__ import annotations

from dataclasses import dataclass

from council.models import Body
from proceedings import public as proceedings_public
from proceedings.models import Action, ActionStatus


@dataclass
class Actions:
    open: list[Action]
    completed: list[Action]  # done, or no longer needed

    @property
    def any(self) -> bool:
        return bool(self.open or self.completed)


def public_actions(body: Body):
    return (
        proceedings_public.public_actions()
        .filter(meeting__body=body)
        .select_related("meeting__body", "minute", "owner")
    )


def actions(body: Body) -> Actions:
    """Open actions, due soonest first (no due date last); completed ones most recent first.
    One query."""
    rows = list(public_actions(body).order_by("due", "meeting__date", "pk"))
    still = [a for a in rows if a.status == ActionStatus.OPEN]
    still.sort(key=lambda a: (a.due is None, a.due or a.meeting.date, a.pk))
    done = [a for a in rows if a.status != ActionStatus.OPEN]
    done.sort(key=lambda a: (a.completed_on or a.meeting.date, a.pk), reverse=True)
    return Actions(still, done)
