"""The rules of the proceedings record. Each raises ``ValidationError`` with a plain message.

Called from the models' ``clean`` so the back office, the services and the loaders all
apply them alike.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError

from council.dates import municipal_year_of
from council.models import Membership, Role
from council.models.memberships import SEAT_ROLES
from council.serving import presiding_problem
from meetings.models import ItemKind

from .models import (
    Action,
    ActionStatus,
    Attendance,
    AttendanceStatus,
    Declaration,
    InterestNature,
    Minute,
    MinutesRecord,
    MinutesStatus,
    Motion,
    MotionKind,
    NilDeclarations,
    Participation,
)

S = AttendanceStatus


def check_record_open(meeting_id: int | None) -> None:
    """Approved minutes are immutable: nothing of the meeting's record may change after approval.

    Corrections are made when the minutes are approved (``approval.approve_minutes``), which
    writes them before the record is locked.
    """
    if not meeting_id:
        return
    record = MinutesRecord.objects.filter(meeting_id=meeting_id).first()
    if record and record.is_locked:
        raise ValidationError(
            f"The minutes of this meeting were {record.get_status_display().lower()}"
            f"{' on ' + _day(record.approved_on) if record.approved_on else ''}; the record can "
            "no longer be changed. Corrections are made when minutes are approved."
        )


def _day(d: dt.date) -> str:
    return d.strftime("%-d %B %Y")


def municipal_year(day: dt.date) -> int:
    """The calendar year in which the municipal year containing ``day`` starts
    (``council.dates.municipal_year_of``, which the programme of meetings shares)."""
    return municipal_year_of(day)


def member_ids(body_id: int, day: dt.date) -> set[int]:
    """People holding a seat on the body on ``day`` (substitutes stand in; they hold none)."""
    return set(
        Membership.objects.on(day)
        .filter(body_id=body_id, role__in=SEAT_ROLES, person__isnull=False)
        .values_list("person_id", flat=True)
    )


def _standing_substitute(body_id: int, person_id: int, day: dt.date) -> bool:
    return (
        Membership.objects.on(day)
        .filter(body_id=body_id, person_id=person_id, role=Role.SUBSTITUTE)
        .exists()
    )


def check_attendance(a: Attendance) -> None:
    check_record_open(a.meeting_id)
    if not (a.meeting_id and a.person_id and a.status):
        return  # field validation reports the missing values
    meeting = a.meeting
    others = Attendance.objects.filter(meeting_id=a.meeting_id).exclude(pk=a.pk)
    listed = others.filter(person_id=a.person_id).first()
    if listed:
        raise ValidationError(
            f"{a.person} is already listed for this meeting ({listed.get_status_display()}). "
            "Change that entry instead of adding another."
        )
    if a.in_chair:
        if a.status != S.PRESENT:
            raise ValidationError({"in_chair": "Only someone present can be in the chair."})
        chair = others.filter(in_chair=True).select_related("person").first()
        if chair:
            raise ValidationError(
                {"in_chair": f"{chair.person} is already recorded in the chair for this meeting."}
            )
        check_may_chair(meeting, a.person)
    if a.status != S.IN_ATTENDANCE and a.capacity:
        raise ValidationError({"capacity": "Only officers in attendance have a job title here."})
    members = member_ids(meeting.body_id, meeting.date)
    if a.substitute_for_id:
        _check_substitute(a, members, others)
    elif a.status == S.PRESENT and a.person_id not in members:
        if not _standing_substitute(meeting.body_id, a.person_id, meeting.date):
            raise ValidationError(
                f"{a.person} is not a member of {meeting.body} on {_day(meeting.date)}. "
                "Record them as also present, or as a substitute for a member."
            )
    check_present_not_substituted(a)
    if a.status == S.ALSO_PRESENT and a.person_id in members:
        raise ValidationError(
            f"{a.person} is a member of {meeting.body}: record them as present, not also present."
        )


def check_may_chair(meeting, person) -> None:
    """Who may be recorded in the chair (``council.serving.presiding_problem``): not a
    councillor whose term of office has ended by the meeting's date."""
    problem = presiding_problem(person, meeting.body, meeting.date)
    if problem:
        raise ValidationError({"in_chair": problem})


def _check_substitute(a: Attendance, members: set[int], others) -> None:
    meeting = a.meeting
    if a.status != S.PRESENT:
        raise ValidationError({"substitute_for": "Only someone present can be a substitute."})
    if a.substitute_for_id == a.person_id:
        raise ValidationError({"substitute_for": "Nobody can substitute for themselves."})
    if a.substitute_for_id not in members:
        raise ValidationError(
            {
                "substitute_for": f"{a.substitute_for} is not a member of {meeting.body} on "
                f"{_day(meeting.date)}, so nobody can substitute for them."
            }
        )
    if a.person_id in members:
        raise ValidationError(
            f"{a.person} is a member of {meeting.body} and cannot also sit as a substitute."
        )
    if others.filter(person_id=a.substitute_for_id, status=S.PRESENT).exists():
        raise ValidationError(
            {"substitute_for": f"{a.substitute_for} is present, so nobody can substitute for them."}
        )
    twice = others.filter(substitute_for_id=a.substitute_for_id).select_related("person").first()
    if twice:
        raise ValidationError(
            {"substitute_for": f"{twice.person} is already substituting for {a.substitute_for}."}
        )


def check_present_not_substituted(a: Attendance) -> None:
    """A member marked present must not already have a substitute sitting for them."""
    if a.status == S.PRESENT:
        sub = (
            Attendance.objects.filter(meeting_id=a.meeting_id, substitute_for_id=a.person_id)
            .exclude(pk=a.pk)
            .select_related("person")
            .first()
        )
        if sub:
            raise ValidationError(f"{sub.person} is recorded as substituting for {a.person}.")


def check_declaration(d: Declaration) -> None:
    check_record_open(d.meeting_id)
    if not (d.meeting_id and d.item_id and d.person_id):
        return
    if d.item.meeting_id != d.meeting_id:
        raise ValidationError({"item": "The item is not on this meeting's agenda."})
    if d.item.kind == ItemKind.DECLARATIONS:
        # Declared under the declarations item, the interest is in another item: it attaches
        # there, where the vote checks it (docs/statutory-rules.md §5.4).
        raise ValidationError(
            {
                "item": (
                    f"Item {d.item.number} is where interests are declared, not an item of "
                    "business with an interest in it: say which item the interest is in, so it "
                    "is checked when that item is voted on."
                )
            }
        )
    if not Attendance.objects.filter(
        meeting_id=d.meeting_id, person_id=d.person_id, status__in=(S.PRESENT, S.ALSO_PRESENT)
    ).exists():
        raise ValidationError(
            f"{d.person} is not recorded as present at this meeting, so cannot declare an interest."
        )
    if (
        d.nature == InterestNature.DPI
        and d.participation == Participation.TOOK_PART
        and not d.dispensation
    ):
        raise ValidationError(
            "A member with a disclosable pecuniary interest may not take part without a "
            "dispensation (Localism Act 2011 s.31). Record the dispensation or that they left."
        )
    if NilDeclarations.objects.filter(meeting_id=d.meeting_id).exists():
        raise ValidationError(
            "This meeting is recorded as having no declarations. Remove that nil return first."
        )


def check_nil_declarations(n: NilDeclarations) -> None:
    check_record_open(n.meeting_id)
    if n.meeting_id and Declaration.objects.filter(meeting_id=n.meeting_id).exists():
        raise ValidationError(
            "Interests were declared at this meeting, so it cannot record that there were none."
        )


def check_motion(m: Motion) -> None:
    if not m.meeting_id:
        return
    check_record_open(m.meeting_id)
    if m.kind == MotionKind.ELECTION:
        if not (m.nominee_id and m.office):
            raise ValidationError("An election names the member proposed and the office.")
    elif m.nominee_id or m.office:
        raise ValidationError({"nominee": "Only an election names a member proposed for office."})
    if m.item is not None and m.item.meeting_id != m.meeting_id:
        raise ValidationError({"item": "The item is not on this meeting's agenda."})
    if m.mover_id and m.mover_id == m.seconder_id:
        raise ValidationError({"seconder": "A motion cannot be seconded by its mover."})
    for field in ("mover", "seconder"):
        person_id = getattr(m, f"{field}_id")
        if (
            person_id
            and not Attendance.objects.filter(
                meeting_id=m.meeting_id, person_id=person_id, status=S.PRESENT
            ).exists()
        ):
            raise ValidationError(
                {field: f"{getattr(m, field)} is not recorded as a member present at this meeting."}
            )
    if m.kind == MotionKind.AMENDMENT:
        target = m.amends
        if target is None:
            raise ValidationError({"amends": "Say which motion this amendment amends."})
        if target.meeting_id != m.meeting_id or target.kind != MotionKind.SUBSTANTIVE:
            raise ValidationError(
                {"amends": "An amendment must amend a substantive motion at the same meeting."}
            )
        if target.outcome and not m.pk:
            raise ValidationError(
                {"amends": "That motion has already been decided; it can no longer be amended."}
            )
    elif m.amends_id:
        raise ValidationError({"amends": "Only an amendment amends another motion."})


def check_minute(m: Minute) -> None:
    if not (m.meeting_id and m.number):
        return
    check_record_open(m.meeting_id)
    if m.exempt:
        if not m.exempt_paragraph:
            raise ValidationError(
                {"exempt_paragraph": "Say which paragraph of Schedule 12A makes this exempt."}
            )
        if not (m.public_summary.strip() or m.summary_not_needed):
            raise ValidationError(
                {
                    "public_summary": "Write a summary for the public minutes, or confirm that "
                    "they read coherently without one (s100C(2))."
                }
            )
    elif m.item is not None and m.item.is_exempt:
        raise ValidationError(
            {"exempt": "The item was taken in closed session: its minute is an exempt minute."}
        )
    elif m.exempt_paragraph or m.public_summary or m.summary_not_needed:
        raise ValidationError(
            {"exempt": "Only exempt minutes have a paragraph of Schedule 12A or a public summary."}
        )
    meeting = m.meeting
    # Set here so every path (back office included) stores the same body and year.
    m.body_id = meeting.body_id
    m.municipal_year = municipal_year(meeting.date)
    if m.item is not None and m.item.meeting_id != m.meeting_id:
        raise ValidationError({"item": "The item is not on this meeting's agenda."})
    year = Minute.objects.filter(body_id=m.body_id, municipal_year=m.municipal_year).exclude(
        pk=m.pk
    )
    label = f"{m.municipal_year}/{(m.municipal_year + 1) % 100:02d}"
    clash = year.filter(number=m.number).select_related("meeting").first()
    if clash:
        raise ValidationError(
            {
                "number": f"Minute {m.number} of {meeting.body}'s {label} municipal year is "
                f"already used (“{clash.title}”, meeting of {_day(clash.meeting.date)})."
            }
        )
    # Numbers run on in meeting order: an earlier meeting cannot hold a later number.
    later_lower = year.filter(meeting__date__gt=meeting.date, number__lt=m.number).first()
    earlier_higher = year.filter(meeting__date__lt=meeting.date, number__gt=m.number).first()
    wrong = later_lower or earlier_higher
    if wrong:
        raise ValidationError(
            {
                "number": f"Minute numbers run on through the municipal year, but minute "
                f"{wrong.number} belongs to the meeting of {_day(wrong.meeting.date)}."
            }
        )


def motions_for_minute(minute: Minute):
    """The motions a resolution of ``minute`` may record: those moved on the minute's own
    item at its meeting (a minute with no item: the meeting's motions on no item). The
    decisions register shows the linked motion's vote, so a link to another item's motion
    (perhaps an exempt one) would publish the wrong vote."""
    found = Motion.objects.filter(meeting_id=minute.meeting_id)
    if minute.item_id:
        return found.filter(item_id=minute.item_id)
    return found.filter(item__isnull=True)


def check_resolution_motion(r) -> None:
    if not (r.motion_id and r.minute_id):
        return
    minute, motion = r.minute, r.motion
    if motions_for_minute(minute).filter(pk=motion.pk).exists():
        return
    if motion.meeting_id != minute.meeting_id:
        where = "a motion of another meeting"
    elif motion.item_id:
        where = f"a motion on item {motion.item.number}"
    else:
        where = "a motion on no agenda item"
    own = f"item {minute.item.number}" if minute.item_id else "no agenda item"
    raise ValidationError(
        {
            "motion": (
                f"Minute {minute.number} is on {own}; its resolution cannot record {where}. "
                "Choose a motion moved on the minute's own item, or no motion."
            )
        }
    )


def check_resolution(r) -> None:
    if r.minute_id:
        check_record_open(r.minute.meeting_id)
    check_resolution_motion(r)
    if r.in_consultation_with and not r.delegated_to:
        raise ValidationError(
            {"delegated_to": "Say to whom the decision is delegated before whom they consult."}
        )
    if not isinstance(r.parts, list) or not all(isinstance(p, str) and p.strip() for p in r.parts):
        raise ValidationError({"parts": "Each part of a resolution must be some text."})
    if len(r.parts) > 26:
        raise ValidationError({"parts": "A resolution can have at most 26 lettered parts."})


def check_action(a: Action) -> None:
    if a.meeting_id and a.minute is not None and a.minute.meeting_id != a.meeting_id:
        raise ValidationError({"minute": "The minute is not one of this meeting's minutes."})
    if not (a.owner_id or a.owner_text.strip()):
        raise ValidationError({"owner": "Say who is to do it: a person or an officer's title."})
    if a.owner_id and a.owner_text.strip():
        raise ValidationError({"owner_text": "Give either a person or a title, not both."})
    if a.status == ActionStatus.DONE and not a.completed_on:
        raise ValidationError({"completed_on": "Say when it was done."})
    if a.status != ActionStatus.DONE and a.completed_on:
        raise ValidationError({"completed_on": "Only a done action has a completion date."})
    if a.meeting_id and a.due and a.due < a.meeting.date:
        raise ValidationError({"due": "The due date is before the meeting that agreed it."})
    if a.completed_on and a.meeting_id and a.completed_on < a.meeting.date:
        raise ValidationError({"completed_on": "That is before the meeting that agreed it."})


def minutes_status(meeting_id: int) -> str:
    record = MinutesRecord.objects.filter(meeting_id=meeting_id).only("status").first()
    return record.status if record else MinutesStatus.DRAFT
