"""Approving the minutes as a correct record, with any corrections, and the chair signing
them: the last two of the minutes' states (``proceedings.minutes`` publishes them as a draft).

An approval is made at a later meeting of the same body, by one of its minutes; after it the
meeting's record is locked (``rules.check_record_open``). Each state keeps a version
(``versions.keep_version``) and an approval is announced to subscribers like a publication.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from django.core.exceptions import ValidationError
from django.db import transaction

from audit import trail
from audit.actors import Actor, require_model_permission
from council.models import Membership, Role
from meetings.models import AgendaItem, ItemKind, Meeting

from .attendance import chair
from .minutes import add_minute, add_resolution, announce, minutes_record
from .models import Minute, MinutesRecord, MinutesStatus
from .versions import keep_version


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
            f"In the {where} of minute {self.minute.number}, “{self.old}” replaced by “{self.new}”"
        )
        return f"{said} ({self.note})." if self.note else f"{said}."


CORRECTABLE = ("title", "text")


def _check_correction(meeting: Meeting, c: Correction) -> None:
    if c.minute.meeting_id != meeting.pk:
        raise ValidationError(
            f"Minute {c.minute.number} is not one of the minutes of the meeting being approved."
        )
    if c.field not in CORRECTABLE:
        raise ValidationError(f"Only a minute's title or text can be corrected, not “{c.field}”.")
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
    *,
    actor: Actor,
) -> MinutesRecord:
    """Record that a later meeting of the same body approved the minutes as a correct record,
    with any corrections; the record is then locked and a new version kept.

    Refuses (nothing saved): an actor without permission to change minutes records; an
    approving minute of another body's meeting, or of a meeting not after this one; minutes
    not yet published; minutes already approved; a correction whose words are not found, or
    found more than once.
    """
    require_model_permission(actor, MinutesRecord, "change")
    event = "proceedings.minutes_approved"
    corrections = list(corrections)
    with transaction.atomic():
        record = minutes_record(meeting)
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
                f"of the meeting of {later.date:%-d %B %Y}, not after {meeting.date:%-d %B %Y}."
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
            trail.save(minute, actor=actor, event=event)
            notes.append(c.describe())
        record.status = MinutesStatus.APPROVED
        record.approved_by_minute = approving_minute
        record.approved_on = later.date
        trail.save(record, actor=actor, event=event)
        note = (
            f"Approved as a correct record at the meeting of {later.body} on "
            f"{later.date:%-d %B %Y} (minute {approving_minute.number})."
        )
        if notes:
            note += " Corrections: " + " ".join(notes)
        keep_version(
            record,
            MinutesStatus.APPROVED,
            actor=actor,
            event=event,
            note=note,
            approving_minute=approving_minute,
        )
        announce(meeting, record)
        return record


def chair_of_meeting(meeting: Meeting):
    """Who chaired the meeting: recorded in the chair, else the body's chairman on the day."""
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


def sign_minutes(meeting: Meeting, signed_by, on: dt.date, *, actor: Actor) -> MinutesRecord:
    """The chair of the approving meeting signs the approved minutes.

    Refuses (nothing saved): an actor without permission to change minutes records; minutes
    not approved (or already signed); a signer who did not chair the approving meeting; a
    date before the approval.
    """
    require_model_permission(actor, MinutesRecord, "change")
    event = "proceedings.minutes_signed"
    with transaction.atomic():
        record = minutes_record(meeting)
        if record.status == MinutesStatus.SIGNED:
            raise ValidationError(
                f"These minutes were already signed by {record.signed_by} on "
                f"{record.signed_on:%-d %B %Y}."
            )
        if record.status != MinutesStatus.APPROVED:
            raise ValidationError(
                "Only minutes approved as a correct record can be signed; these are "
                f"{record.get_status_display().lower()}."
            )
        if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
            raise ValidationError("The signing date must be a date.")
        # Approved minutes carry their approval's date and minute: ``approve_minutes`` sets
        # the three together, and neither is editable (the ORM cannot know it).
        approved_on = cast(dt.date, record.approved_on)
        if on < approved_on:
            raise ValidationError(
                f"The minutes cannot be signed on {on:%-d %B %Y}, before they were approved on "
                f"{approved_on:%-d %B %Y}."
            )
        if signed_by is None:
            raise ValidationError("Say who signed the minutes.")
        approving = cast(Minute, record.approved_by_minute).meeting
        chair = chair_of_meeting(approving)
        if chair is None or chair.pk != signed_by.pk:
            who = f"{chair}" if chair else "nobody (no chair is recorded)"
            raise ValidationError(
                f"The minutes are signed by the chair of the meeting that approved them "
                f"({approving.body}, {approving.date:%-d %B %Y}): that was {who}, not {signed_by}."
            )
        record.status = MinutesStatus.SIGNED
        record.signed_by = signed_by
        record.signed_on = on
        trail.save(record, actor=actor, event=event)
        keep_version(
            record,
            MinutesStatus.SIGNED,
            actor=actor,
            event=event,
            note=f"Signed by {signed_by} on {on:%-d %B %Y}.",
            approving_minute=record.approved_by_minute,
        )
        return record


def signer(record: MinutesRecord):
    """Who signs approved minutes: the chair of the meeting that approved them (``None``
    before an approval, or when nobody is recorded in that meeting's chair)."""
    approving = record.approved_by_minute
    return chair_of_meeting(approving.meeting) if approving is not None else None


def awaiting_approval(meeting: Meeting) -> list[Meeting]:
    """The earlier meetings of ``meeting``'s body whose minutes, published as a draft, wait
    for a later meeting to approve them: the latest first."""
    return list(
        Meeting.objects.filter(
            body_id=meeting.body_id,
            date__lt=meeting.date,
            minutes_record__status=MinutesStatus.PUBLISHED_DRAFT,
        )
        .select_related("body")
        .order_by("-date", "-start_time")
    )


def approval_resolution(previous: Meeting, corrections: list[Correction]) -> str:
    """The words of the resolution approving ``previous``'s minutes, naming the corrections
    as the approved version's note does (an exempt minute's words are not repeated)."""
    said = (
        f"the minutes of the meeting held on {previous.date:%-d %B %Y} be approved as a "
        "correct record"
    )
    if not corrections:
        return f"{said}."
    return f"{said}, subject to these corrections: " + " ".join(c.describe() for c in corrections)


def approve_at_item(
    item: AgendaItem,
    previous: Meeting,
    corrections: Iterable[Correction] = (),
    *,
    actor: Actor,
) -> MinutesRecord:
    """The clerk records, on a later meeting's "minutes of the last meeting" item, that the
    minutes of ``previous`` were approved as a correct record, with any corrections: the
    item's minute (started, headed as the item, when it has none), its resolution (when the
    minute has none yet) and the approval (``approve_minutes``, that minute approving them),
    all together or nothing.

    Refuses (nothing saved) an actor without permission to change minutes records, an item
    that is not the agenda's minutes item, and whatever ``add_minute``, ``add_resolution``
    and ``approve_minutes`` refuse: a later meeting whose own record is locked, ``previous``
    of another body or not before the item's meeting, its minutes not published or already
    approved, a correction whose words are not found.
    """
    require_model_permission(actor, MinutesRecord, "change")
    corrections = list(corrections)
    if item.kind != ItemKind.MINUTES:
        raise ValidationError(
            "The minutes of a previous meeting are approved under the agenda's item for the "
            f"minutes, not under item {item.number}."
        )
    with transaction.atomic():
        minute = Minute.objects.filter(item=item).order_by("number").first()
        if minute is None:
            minute = add_minute(item.meeting, item.title, item=item, actor=actor)
        if not minute.resolutions.exists():
            add_resolution(
                minute,
                "RESOLVED that",
                [approval_resolution(previous, corrections)],
                actor=actor,
            )
        return approve_minutes(previous, minute, corrections, actor=actor)
