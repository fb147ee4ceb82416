"""Actions agreed and undertakings given at a meeting: the body's work programme.

Adding an action is part of the meeting's record, so it is refused once the minutes are
approved; its progress (status, completion, progress notes, due date) stays editable for
as long as the work goes on. Every change checks the actor first (democratic services, a system
actor, or the back office's Django permission on actions:
``audit.actors.require_model_permission``), validates, saves in one transaction and is
audited.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from audit import trail
from audit.actors import Actor, require_model_permission
from council.dates import authority_today
from council.models import Person
from meetings.models import Meeting

from .models import Action, ActionKind, ActionStatus, Minute
from .rules import check_record_open


def add_action(
    meeting: Meeting,
    text: str,
    kind: str = ActionKind.ACTION,
    owner: Person | None = None,
    owner_text: str = "",
    due: dt.date | None = None,
    minute: Minute | None = None,
    *,
    actor: Actor,
) -> Action:
    """Record an action or undertaking, owed by a person in the record (``owner``) or an
    officer's title (``owner_text``).

    Refuses (nothing saved): an actor without permission to add actions; no text; no owner
    or both kinds of owner; an unknown kind; a due date before the meeting; a minute of
    another meeting; approved minutes.
    """
    require_model_permission(actor, Action, "add")
    if kind not in ActionKind.values:
        raise ValidationError(f"“{kind}” is not a kind of action: action or undertaking.")
    if not (text or "").strip():
        raise ValidationError({"text": "Say what is to be done."})
    if due is not None and not isinstance(due, dt.date):
        raise ValidationError({"due": "The due date must be a date."})
    with transaction.atomic():
        check_record_open(meeting.pk)
        return trail.save(
            Action(
                meeting=meeting,
                minute=minute,
                kind=kind,
                text=text.strip(),
                owner=owner,
                owner_text=(owner_text or "").strip(),
                due=due,
            ),
            actor=actor,
            event="proceedings.action_added",
        )


_UNSET = object()


def update_action(
    action: Action,
    status: str | None = None,
    completed_on: dt.date | None | object = _UNSET,
    progress: str | None = None,
    due: dt.date | None | object = _UNSET,
    *,
    actor: Actor,
) -> Action:
    """Report progress on an action: its status (open, done, no longer needed), the date it
    was done, a progress note, a new due date. Allowed after the minutes are approved.

    Marking an action done without a date takes today's; reopening it clears the date.
    Refuses (nothing saved) an actor without permission to change actions, an unknown
    status, a completion date on an action not done, or dates before the meeting.
    """
    require_model_permission(actor, Action, "change")
    with transaction.atomic():
        current = Action.objects.select_for_update().select_related("meeting").get(pk=action.pk)
        if status is not None:
            if status not in ActionStatus.values:
                raise ValidationError(
                    f"“{status}” is not a status: open, done or no longer needed."
                )
            if status != current.status and status != ActionStatus.DONE and completed_on is _UNSET:
                completed_on = None
            current.status = status
        if completed_on is not _UNSET:
            if completed_on is not None and not isinstance(completed_on, dt.date):
                raise ValidationError({"completed_on": "The completion date must be a date."})
            current.completed_on = completed_on
        if current.status == ActionStatus.DONE and current.completed_on is None:
            current.completed_on = authority_today()
        if progress is not None:
            current.progress = progress.strip()
        if due is not _UNSET:
            if due is not None and not isinstance(due, dt.date):
                raise ValidationError({"due": "The due date must be a date."})
            current.due = due
        trail.save(current, actor=actor, event="proceedings.action_updated")
        for field in ("status", "completed_on", "progress", "due"):
            setattr(action, field, getattr(current, field))
        return current


def delete_action(action: Action, *, actor: Actor) -> None:
    """Remove an action recorded by mistake (refused for an actor without permission to
    remove actions, and once the minutes are approved)."""
    require_model_permission(actor, Action, "delete")
    with transaction.atomic():
        check_record_open(action.meeting_id)
        trail.delete(action, actor=actor, event="proceedings.action_deleted")


PROGRESS = ("status", "completed_on", "progress", "due")


def save_action(action: Action, *, actor: Actor) -> Action:
    """An action saved as a whole (the back office's form): a new one is ``add_action``; a
    change to its progress alone (status, completion, progress, due date) is
    ``update_action``, allowed after the minutes are approved; a change to what it is or who
    owes it changes the meeting's record, refused (nothing saved) once they are approved.
    Audited as the service it goes through."""
    if action.pk is None:
        return add_action(
            action.meeting,
            action.text,
            action.kind,
            owner=action.owner,
            owner_text=action.owner_text,
            due=action.due,
            minute=action.minute,
            actor=actor,
        )
    saved = Action.objects.get(pk=action.pk)
    record_fields = [
        f.attname for f in Action._meta.concrete_fields if f.name not in (*PROGRESS, "id")
    ]
    if all(getattr(saved, name) == getattr(action, name) for name in record_fields):
        return update_action(
            action,
            action.status,
            action.completed_on,
            action.progress,
            action.due,
            actor=actor,
        )
    require_model_permission(actor, Action, "change")
    with transaction.atomic():
        check_record_open(saved.meeting_id)
        check_record_open(action.meeting_id)
        return trail.save(action, actor=actor, event="proceedings.action_changed")
