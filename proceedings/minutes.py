"""Minutes and resolutions, and the minutes' states. Minute numbers run on through the
municipal year per body, in the order business was taken.

States: draft → published as a draft (public, unconfirmed) → approved as a correct record at
a later meeting of the same body (with any corrections, after which the meeting's record is
locked) → signed by the chair of that meeting. Each state change keeps a ``MinutesVersion``.

Every change validates, saves in one transaction and is audited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from audit import trail
from council.dates import authority_now, authority_today
from council.models import Body, Membership, Role
from meetings.models import AgendaItem, Meeting
from publishing.signals import minutes_published

from .models import Minute, MinutesRecord, MinutesStatus, MinutesVersion, Motion, Resolution
from .render.html import exempt_html, public_html
from .rules import check_record_open, municipal_year
from .versions import withhold_from_versions


def next_minute_number(meeting: Meeting) -> int:
    """The number the meeting's next minute takes: one after the last minute of this meeting,
    or of the body's earlier meetings in the same municipal year; 1 at the start of a year."""
    year = municipal_year(meeting.date)
    mine = Minute.objects.filter(meeting=meeting).aggregate(m=Max("number"))["m"]
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
    actor=None,
    actor_name: str = "",
) -> Minute:
    """Add a minute, numbered next unless ``number`` is given (a historical record). An
    exempt minute gives its paragraph of Schedule 12A and a public summary (or says that the
    public minutes read coherently without one).

    Refuses (nothing saved): a number already used by the body in that municipal year; a
    number out of step with the body's other meetings of the year; an item of another meeting.
    """
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
            actor,
            actor_name,
        )


def add_resolution(
    minute: Minute,
    text: str,
    parts: list[str] | None = None,
    motion: Motion | None = None,
    actor=None,
    actor_name: str = "",
    *,
    delegated_to: str = "",
    in_consultation_with: str = "",
) -> Resolution:
    """Record what was resolved, with lettered parts, and to whom a decision is delegated.
    Refuses empty parts, and any change once the minutes are approved."""
    return trail.save(
        Resolution(
            minute=minute,
            text=text,
            parts=list(parts or []),
            motion=motion,
            delegated_to=delegated_to,
            in_consultation_with=in_consultation_with,
        ),
        actor,
        actor_name,
    )


# --- The minutes' states: draft → published as draft → approved → signed ---------------------


@dataclass(frozen=True)
class Correction:
    """A correction made when minutes are approved: ``old`` replaced by ``new`` in one field
    of one minute (e.g. "Residents" by "Refugee" in the text of minute 30)."""

    minute: Minute
    field: str
    old: str
    new: str
    note: str = ""

    def describe(self) -> str:
        """The correction in the words of the version's note, which is public: the words of
        an exempt minute are not repeated."""
        where = "title" if self.field == "title" else "text"
        if self.minute.exempt:
            return f"A correction was made to the {where} of exempt minute {self.minute.number}."
        said = (
            f"In the {where} of minute {self.minute.number}, “{self.old}” replaced by "
            f"“{self.new}”"
        )
        return f"{said} ({self.note})." if self.note else f"{said}."


CORRECTABLE = ("title", "text")


def _record(meeting: Meeting, lock: bool = True) -> MinutesRecord:
    if lock:
        Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    record = MinutesRecord.objects.filter(meeting=meeting).first()
    return record or MinutesRecord(meeting=meeting)


def _day(d: dt.date) -> str:
    return f"{d.day} {d:%B %Y}"


def _snapshot(record: MinutesRecord, status: str, actor, actor_name: str, note: str = "",
              approving_minute: Minute | None = None) -> MinutesVersion:
    last = record.versions.aggregate(m=Max("number"))["m"] or 0
    user = actor if getattr(actor, "is_authenticated", False) else None
    return trail.save(
        MinutesVersion(
            record=record,
            number=last + 1,
            status=status,
            created_by=(user.get_username() if user else "") or actor_name,
            public_html=public_html(record.meeting),
            exempt_html=exempt_html(record.meeting),
            note=note,
            approving_minute=approving_minute,
        ),
        actor,
        actor_name,
    )


def _announce(meeting: Meeting, record: MinutesRecord) -> None:

    transaction.on_commit(
        lambda: minutes_published.send(sender=Meeting, meeting=meeting, publication=record)
    )


def publish_minutes(
    meeting: Meeting, actor=None, actor_name: str = "", *, at: dt.datetime | None = None
) -> MinutesRecord:
    """Publish the meeting's minutes as a draft (unconfirmed): they become public, a version
    is kept, and subscribers are told once the change is committed.

    ``at`` records when a historical record was published (default: now). Refuses (nothing
    saved) a meeting that has not yet taken place (``check_meeting_has_taken_place``), a
    meeting with no minutes, and minutes already published.
    """
    with transaction.atomic():
        check_meeting_has_taken_place(meeting)
        record = _record(meeting)
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
        trail.save(record, actor, actor_name)
        _snapshot(record, MinutesStatus.PUBLISHED_DRAFT, actor, actor_name,
                  note="Published as a draft (unconfirmed).")
        _announce(meeting, record)
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


def _check_correction(meeting: Meeting, c: Correction) -> None:
    if c.minute.meeting_id != meeting.pk:
        raise ValidationError(
            f"Minute {c.minute.number} is not one of the minutes of the meeting being approved."
        )
    if c.field not in CORRECTABLE:
        raise ValidationError(
            f"Only a minute's title or text can be corrected, not “{c.field}”."
        )
    if not c.old or not c.new.strip() or c.old == c.new:
        raise ValidationError("A correction replaces some words by different words.")
    found = getattr(c.minute, c.field).count(c.old)
    if found == 0:
        raise ValidationError(
            f"“{c.old}” does not appear in the {c.field} of minute {c.minute.number}."
        )
    if found > 1:
        raise ValidationError(
            f"“{c.old}” appears {found} times in the {c.field} of minute {c.minute.number}; "
            "quote enough of the sentence to say which one is corrected."
        )


def approve_minutes(
    meeting: Meeting,
    approving_minute: Minute,
    corrections: Iterable[Correction] = (),
    actor=None,
    actor_name: str = "",
) -> MinutesRecord:
    """Record that a later meeting of the same body approved the minutes as a correct record,
    with any corrections; the record is then locked and a new version kept.

    Refuses (nothing saved): an approving minute of another body's meeting, or of a meeting
    not after this one; minutes not yet published; minutes already approved; a correction
    whose words are not found, or found more than once.
    """
    corrections = list(corrections)
    with transaction.atomic():
        record = _record(meeting)
        later = approving_minute.meeting
        if later.body_id != meeting.body_id:
            raise ValidationError(
                f"Minutes of {meeting.body} cannot be approved at a meeting of {later.body} "
                f"(approving minutes at a meeting of another body): minute "
                f"{approving_minute.number} belongs to {later.body}."
            )
        if later.date <= meeting.date:
            raise ValidationError(
                f"Minutes are approved at a later meeting: minute {approving_minute.number} is "
                f"of the meeting of {_day(later.date)}, not after {_day(meeting.date)}."
            )
        if record.is_locked:
            raise ValidationError(
                f"These minutes are already {record.get_status_display().lower()}."
            )
        if record.status != MinutesStatus.PUBLISHED_DRAFT:
            raise ValidationError(
                "These minutes have not been published: publish them as a draft before they "
                "are approved."
            )
        notes = []
        for c in corrections:
            minute = Minute.objects.filter(pk=c.minute.pk).first()
            if minute is None:
                raise ValidationError("A correction names a minute that is no longer recorded.")
            c = Correction(minute, c.field, c.old, c.new, c.note)
            _check_correction(meeting, c)
            setattr(minute, c.field, getattr(minute, c.field).replace(c.old, c.new, 1))
            trail.save(minute, actor, actor_name)
            notes.append(c.describe())
        record.status = MinutesStatus.APPROVED
        record.approved_by_minute = approving_minute
        record.approved_on = later.date
        trail.save(record, actor, actor_name)
        note = (
            f"Approved as a correct record at the meeting of {later.body} on "
            f"{_day(later.date)} (minute {approving_minute.number})."
        )
        if notes:
            note += " Corrections: " + " ".join(notes)
        _snapshot(record, MinutesStatus.APPROVED, actor, actor_name, note=note,
                  approving_minute=approving_minute)
        _announce(meeting, record)
        return record


def chair_of_meeting(meeting: Meeting):
    """Who chaired the meeting: recorded in the chair, else the body's chairman on the day."""

    from .attendance import chair

    person = chair(meeting)
    if person is None:
        m = (
            Membership.objects.on(meeting.date)
            .filter(body_id=meeting.body_id, role=Role.CHAIRMAN)
            .select_related("person")
            .first()
        )
        person = m.person if m else None
    return person


def sign_minutes(
    meeting: Meeting, signed_by, on: dt.date, actor=None, actor_name: str = ""
) -> MinutesRecord:
    """The chair of the approving meeting signs the approved minutes.

    Refuses (nothing saved): minutes not approved (or already signed); a signer who did not
    chair the approving meeting; a date before the approval.
    """
    with transaction.atomic():
        record = _record(meeting)
        if record.status == MinutesStatus.SIGNED:
            raise ValidationError(
                f"These minutes were already signed by {record.signed_by} on "
                f"{_day(record.signed_on)}."
            )
        if record.status != MinutesStatus.APPROVED:
            raise ValidationError(
                "Only minutes approved as a correct record can be signed; these are "
                f"{record.get_status_display().lower()}."
            )
        if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
            raise ValidationError("The signing date must be a date.")
        if on < record.approved_on:
            raise ValidationError(
                f"The minutes cannot be signed on {_day(on)}, before they were approved on "
                f"{_day(record.approved_on)}."
            )
        if signed_by is None:
            raise ValidationError("Say who signed the minutes.")
        approving = record.approved_by_minute.meeting
        chair = chair_of_meeting(approving)
        if chair is None or chair.pk != signed_by.pk:
            who = f"{chair}" if chair else "nobody (no chair is recorded)"
            raise ValidationError(
                f"The minutes are signed by the chair of the meeting that approved them "
                f"({approving.body}, {_day(approving.date)}): that was {who}, not {signed_by}."
            )
        record.status = MinutesStatus.SIGNED
        record.signed_by = signed_by
        record.signed_on = on
        trail.save(record, actor, actor_name)
        _snapshot(record, MinutesStatus.SIGNED, actor, actor_name,
                  note=f"Signed by {signed_by} on {_day(on)}.",
                  approving_minute=record.approved_by_minute)
        return record


# --- Changing the record: refused once the minutes are approved ------------------------------

EDITABLE_MINUTE_FIELDS = (
    "number", "item", "title", "text", "exempt", "exempt_paragraph", "public_summary",
    "summary_not_needed",
)


def edit_minute(minute: Minute, actor=None, actor_name: str = "", **changes) -> Minute:
    """Change a minute's fields; a minute made exempt leaves the published versions too
    (``proceedings/versions.py``). Refused (nothing saved) once the minutes are approved, and
    for anything the rules refuse (a colliding number, an exempt minute without a paragraph)."""
    unknown = set(changes) - set(EDITABLE_MINUTE_FIELDS)
    if unknown:
        raise ValidationError(f"A minute has no field {', '.join(sorted(unknown))} to change.")
    with transaction.atomic():
        check_record_open(minute.meeting_id)
        fresh = Minute.objects.get(pk=minute.pk)
        was_public, number = not fresh.exempt, fresh.number
        for name, value in changes.items():
            setattr(fresh, name, value)
        trail.save(fresh, actor, actor_name)
        if was_public and fresh.exempt:  # published versions must not keep showing it
            withhold_from_versions(fresh, number, actor, actor_name)
    for name in changes:
        setattr(minute, name, getattr(fresh, name))
    return fresh


def delete_minute(minute: Minute, actor=None, actor_name: str = "") -> None:
    """Remove a minute (with its resolutions). Refused once the minutes are approved, or when
    the minute approved another meeting's minutes."""
    with transaction.atomic():
        check_record_open(minute.meeting_id)
        if MinutesRecord.objects.filter(approved_by_minute=minute).exists():
            raise ValidationError(
                "This minute records the approval of another meeting's minutes; it cannot be "
                "removed."
            )
        trail.delete(minute, actor, actor_name)


def delete_resolution(resolution: Resolution, actor=None, actor_name: str = "") -> None:
    """Remove a resolution. Refused once the minutes are approved."""
    with transaction.atomic():
        check_record_open(resolution.minute.meeting_id)
        trail.delete(resolution, actor, actor_name)
