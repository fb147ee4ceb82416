"""Minutes and resolutions, and publishing the minutes. Minute numbers run on through the
municipal year per body, in the order business was taken.

States: draft → published as a draft (public, unconfirmed; here) → approved as a correct
record at a later meeting of the same body, with any corrections, after which the meeting's
record is locked → signed by the chair of that meeting (``proceedings.approval``). Each state
change keeps a ``MinutesVersion`` (``proceedings.versions``).

Every change checks the actor first (democratic services, a system actor, or the back
office's Django permission on the row: ``audit.actors.require_model_permission``), validates,
saves in one transaction and is audited.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from audit import trail
from audit.actors import Actor, require_model_permission
from council.dates import authority_now, authority_today
from council.models import Body
from meetings.models import AgendaItem, Meeting
from publishing.signals import minutes_published

from .models import Minute, MinutesRecord, MinutesStatus, Motion, Resolution
from .rules import check_record_open, municipal_year
from .versions import keep_version, withhold_from_versions


def next_minute_number(meeting: Meeting) -> int:
    """The number the meeting's next minute takes: one after the last minute of this meeting,
    or of the body's earlier meetings in the same municipal year; 1 at the start of a year."""
    year = municipal_year(meeting.date)
    mine: int | None = Minute.objects.filter(meeting=meeting).aggregate(m=Max("number"))["m"]
    if mine:
        return mine + 1
    earlier = Minute.objects.filter(
        body_id=meeting.body_id, municipal_year=year, meeting__date__lte=meeting.date
    ).aggregate(m=Max("number"))["m"]
    return (earlier or 0) + 1


def add_minute(
    meeting: Meeting,
    title: str,
    *,
    item: AgendaItem | None = None,
    number: int | None = None,
    text: str = "",
    exempt: bool = False,
    exempt_paragraph: int | None = None,
    public_summary: str = "",
    summary_not_needed: bool = False,
    actor: Actor,
) -> Minute:
    """Add a minute, numbered next unless ``number`` is given (a historical record). An
    exempt minute gives its paragraph of Schedule 12A and a public summary (or says that the
    public minutes read coherently without one).

    Refuses (nothing saved): a number already used by the body in that municipal year; a
    number out of step with the body's other meetings of the year; an item of another meeting.
    """
    require_model_permission(actor, Minute, "add")
    with transaction.atomic():
        # Serialise numbering per body: two clerks minuting at once must not take one number.

        Body.objects.select_for_update().filter(pk=meeting.body_id).first()
        return trail.save(
            Minute(
                meeting=meeting,
                body_id=meeting.body_id,
                municipal_year=municipal_year(meeting.date),
                number=number or next_minute_number(meeting),
                item=item,
                title=title,
                text=text,
                exempt=exempt,
                exempt_paragraph=exempt_paragraph,
                public_summary=public_summary,
                summary_not_needed=summary_not_needed,
            ),
            actor=actor,
            event="proceedings.minute_added",
        )


def add_resolution(
    minute: Minute,
    text: str,
    parts: list[str] | None = None,
    motion: Motion | None = None,
    *,
    actor: Actor,
    delegated_to: str = "",
    in_consultation_with: str = "",
) -> Resolution:
    """Record what was resolved, with lettered parts, and to whom a decision is delegated.
    Refuses an actor without permission to add resolutions, empty parts, and any change once
    the minutes are approved."""
    require_model_permission(actor, Resolution, "add")
    return trail.save(
        Resolution(
            minute=minute,
            text=text,
            parts=list(parts or []),
            motion=motion,
            delegated_to=delegated_to,
            in_consultation_with=in_consultation_with,
        ),
        actor=actor,
        event="proceedings.resolution_added",
    )


# --- Publishing: draft → published as a draft ----------------------------------------------


def minutes_record(meeting: Meeting) -> MinutesRecord:
    """The meeting's minutes record (unsaved when it has none yet), the meeting locked so that
    two changes of state cannot cross."""
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    record = MinutesRecord.objects.filter(meeting=meeting).first()
    return record or MinutesRecord(meeting=meeting)


def _day(d: dt.date) -> str:
    return f"{d.day} {d:%B %Y}"


PUBLISHED = "proceedings.minutes_published"


def announce(meeting: Meeting, record: MinutesRecord) -> None:
    """Tell subscribers of the new state once the change is committed."""
    transaction.on_commit(
        lambda: minutes_published.send(sender=Meeting, meeting=meeting, publication=record)
    )


def publish_minutes(
    meeting: Meeting, *, actor: Actor, at: dt.datetime | None = None
) -> MinutesRecord:
    """Publish the meeting's minutes as a draft (unconfirmed): they become public, a version
    is kept, and subscribers are told once the change is committed.

    ``at`` records when a historical record was published (default: now). Refuses (nothing
    saved) an actor without permission to change minutes records, a meeting that has not yet
    taken place (``check_meeting_has_taken_place``), a meeting with no minutes, and minutes
    already published.
    """
    require_model_permission(actor, MinutesRecord, "change")
    with transaction.atomic():
        check_meeting_has_taken_place(meeting)
        record = minutes_record(meeting)
        if record.status != MinutesStatus.DRAFT:
            raise ValidationError(
                f"The minutes of {meeting.body}, {_day(meeting.date)}, are already "
                f"{record.get_status_display().lower()}; they cannot be published again."
            )
        if not Minute.objects.filter(meeting=meeting).exists():
            raise ValidationError(
                f"The meeting of {meeting.body} on {_day(meeting.date)} has no minutes yet: "
                "write them before publishing."
            )
        record.status = MinutesStatus.PUBLISHED_DRAFT
        record.published_at = at or timezone.now()
        trail.save(record, actor=actor, event=PUBLISHED)
        keep_version(
            record,
            MinutesStatus.PUBLISHED_DRAFT,
            actor=actor,
            event=PUBLISHED,
            note="Published as a draft (unconfirmed).",
        )
        announce(meeting, record)
        return record


def check_meeting_has_taken_place(meeting: Meeting) -> None:
    """Minutes record what happened: none are published for a meeting still to come. "Today"
    is the authority's date (``council.dates.authority_today``, Europe/London); a meeting
    today has taken place once its start time has passed."""
    today = authority_today()
    started = meeting.date < today or (
        meeting.date == today
        and (meeting.start_time is None or authority_now().time() >= meeting.start_time)
    )
    if not started:
        when = _day(meeting.date)
        if meeting.start_time:
            when += f" at {meeting.start_time:%H:%M}"
        raise ValidationError(
            f"The meeting of {meeting.body} on {when} has not yet taken place: its minutes "
            "cannot be published before it is held."
        )


# --- Changing the record: refused once the minutes are approved ------------------------------

EDITABLE_MINUTE_FIELDS = (
    "number",
    "item",
    "title",
    "text",
    "exempt",
    "exempt_paragraph",
    "public_summary",
    "summary_not_needed",
)


def edit_minute(minute: Minute, *, actor: Actor, **changes) -> Minute:
    """Change a minute's fields; a minute made exempt leaves the published versions too
    (``proceedings/versions.py``). Refused (nothing saved) for an actor without permission to
    change minutes, once the minutes are approved, and for anything the rules refuse (a
    colliding number, an exempt minute without a paragraph)."""
    require_model_permission(actor, Minute, "change")
    unknown = set(changes) - set(EDITABLE_MINUTE_FIELDS)
    if unknown:
        raise ValidationError(f"A minute has no field {', '.join(sorted(unknown))} to change.")
    with transaction.atomic():
        check_record_open(minute.meeting_id)
        fresh = Minute.objects.get(pk=minute.pk)
        was_public, number = not fresh.exempt, fresh.number
        for name, value in changes.items():
            setattr(fresh, name, value)
        trail.save(fresh, actor=actor, event="proceedings.minute_edited")
        if was_public and fresh.exempt:  # published versions must not keep showing it
            withhold_from_versions(fresh, number, actor=actor)
    for name in changes:
        setattr(minute, name, getattr(fresh, name))
    return fresh


def delete_minute(minute: Minute, *, actor: Actor) -> None:
    """Remove a minute (with its resolutions). Refused for an actor without permission to
    remove minutes, once the minutes are approved, or when the minute approved another
    meeting's minutes."""
    require_model_permission(actor, Minute, "delete")
    with transaction.atomic():
        check_record_open(minute.meeting_id)
        if MinutesRecord.objects.filter(approved_by_minute=minute).exists():
            raise ValidationError(
                "This minute records the approval of another meeting's minutes; it cannot be "
                "removed."
            )
        trail.delete(minute, actor=actor, event="proceedings.minute_deleted")


def delete_resolution(resolution: Resolution, *, actor: Actor) -> None:
    """Remove a resolution. Refused for an actor without permission to remove resolutions,
    and once the minutes are approved."""
    require_model_permission(actor, Resolution, "delete")
    with transaction.atomic():
        check_record_open(resolution.minute.meeting_id)
        trail.delete(resolution, actor=actor, event="proceedings.resolution_deleted")
