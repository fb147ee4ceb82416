"""The screen's changes to the minutes, their resolutions, the actions and publication."""

from __future__ import annotations

from meetings.models import Meeting
from proceedings import actions as action_services
from proceedings import approval
from proceedings import minutes as minute_services
from proceedings.models import Action, Minute, Resolution
from proceedings.rules import motions_for_minute

from .. import choices
from .. import forms as f
from .base import Change, op

EXEMPT_FIELDS = ("exempt", "exempt_paragraph", "summary_not_needed")


@op("new_minute", "minute")
def new_minute(c: Change) -> str:
    item = c.need_item()
    d = c.bind(f.ExemptMinuteForm, "newminute")
    minute = minute_services.add_minute(
        c.meeting,
        d["title"].strip(),
        item=item,
        text=d["text"].strip(),
        exempt=d["exempt"],
        exempt_paragraph=d["exempt_paragraph"],
        public_summary=d["public_summary"].strip(),
        summary_not_needed=d["summary_not_needed"],
        actor=c.user,
    )
    return f"minute {minute.number} started"


@op("minute", "minute")
def minute(c: Change) -> str:
    minute = c.obj(Minute, "minute", meeting=c.meeting)
    if minute.exempt:
        d = c.bind(f.ExemptMinuteForm, f"minute-{minute.pk}")
        extra = {k: d[k] for k in EXEMPT_FIELDS} | {"public_summary": d["public_summary"].strip()}
    else:
        d, extra = c.bind(f.MinuteForm, f"minute-{minute.pk}"), {}
    minute_services.edit_minute(
        minute, title=d["title"].strip(), text=d["text"].strip(), actor=c.user, **extra
    )
    return f"minute {minute.number}"


@op("delete_minute", "minute")
def delete_minute(c: Change) -> str:
    minute = c.obj(Minute, "minute", meeting=c.meeting)
    number = minute.number
    minute_services.delete_minute(minute, actor=c.user)
    return f"minute {number} deleted"


@op("delete_resolution", "minute")
def delete_resolution(c: Change) -> str:
    resolution = c.obj(Resolution, "resolution", minute__meeting=c.meeting)
    minute_services.delete_resolution(resolution, actor=c.user)
    return "resolution deleted"


@op("resolution", "minute")
def resolution(c: Change) -> str:
    minute = c.obj(Minute, "minute", meeting=c.meeting)
    d = c.bind(f.ResolutionForm, f"res-{minute.pk}", motions=motions_for_minute(minute))
    minute_services.add_resolution(
        minute,
        d["text"].strip(),
        c.form.cleaned_parts(),
        motion=d["motion"],
        actor=c.user,
        delegated_to=d["delegated_to"].strip(),
        in_consultation_with=d["in_consultation_with"].strip(),
    )
    return f"resolution of minute {minute.number}"


@op("action", "actions")
def action(c: Change) -> str:
    d = c.bind(f.ActionForm, "action", {"owner": choices.action_owners(c.meeting)})
    minute = None
    if c.item is not None:
        minute = Minute.objects.filter(meeting=c.meeting, item=c.item).order_by("number").first()
    action_services.add_action(
        c.meeting,
        d["text"],
        d["kind"],
        owner=d["owner"],
        owner_text=d["owner_text"],
        due=d["due"],
        minute=minute,
        actor=c.user,
    )
    return f"{d['kind']} recorded"


@op("action_update", "actions")
def action_update(c: Change) -> str:
    action = c.obj(Action, "action", meeting=c.meeting)
    d = c.bind(f.ActionUpdateForm, f"act-{action.pk}")
    action_services.update_action(
        action,
        status=d["status"],
        completed_on=d["completed_on"],
        progress=d["progress"],
        actor=c.user,
    )
    return "action updated"


@op("approve_previous", "minute")
def approve_previous(c: Change) -> str:
    """The minutes of a previous meeting approved as a correct record, under the minutes
    item: its minute, resolution and the approval at once (``approval.approve_at_item``)."""
    item = c.need_item()
    previous = c.obj(Meeting, "previous", body_id=c.meeting.body_id, date__lt=c.meeting.date)
    c.bind(f.PreviousMinutesForm, f"prev-{previous.pk}", previous=previous)
    assert isinstance(c.form, f.PreviousMinutesForm)
    approval.approve_at_item(item, previous, c.form.corrections(), actor=c.user)
    return f"the minutes of {previous.date:%-d %B %Y} approved as a correct record"


@op("publish", "publish")
def publish(c: Change) -> str:
    minute_services.publish_minutes(c.meeting, actor=c.user)
    return "minutes published as a draft"
