"""The County Council meeting of 22 October 2015, recorded through the services.

From the minutes printed in the 10 December 2015 summons (002:73–295). Every name is
resolved to a person already in the record (the demo loads them); a name that does not
resolve stops the load and nothing is saved. Vote lists are kept verbatim, trailing
commas included, and read with ``vote_list`` (``demo.kent.people.split_list`` reads the
attendance lists, which end "… and Mrs Z Wiltshire").
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from audit.actors import SystemActor
from council.models import Body, Person
from council.names import resolve
from demo.kent.meetings import SCHOOL_MEALS_MOTION
from demo.kent.people import (
    APOLOGIES_2015,
    APOLOGY_FULL_FORMS,
    CHAIRMAN_2015,
    PRESENT_2015,
    VICE_CHAIRMAN_2015,
    split_list,
)
from meetings.models import Meeting
from proceedings.attendance import record_attendance, record_nil_declarations
from proceedings.minutes import add_minute, add_resolution, edit_minute, publish_minutes
from proceedings.models import AttendanceStatus, Minute, MinutesRecord, MinutesStatus
from proceedings.rules import member_ids
from proceedings.votes import add_motion, agree_without_vote, record_vote

from .texts import (
    CLOSURE_ABSTAIN,
    CLOSURE_AGAINST,
    CLOSURE_FOR,
    DATE,
    FIRST_MINUTE,
    MINUTE_38,
    MINUTE_39,
    MINUTE_40,
    MINUTE_41,
    MINUTES_17_SEPTEMBER_APPROVED,
    MOTION_ABSTAIN,
    MOTION_AGAINST,
    MOTION_FOR,
    OFFICERS,
    PROPORTIONALITY_MOTION,
    PROPORTIONALITY_RESOLUTION,
    PUBLISHED,
    SCHOOL_MEALS_RESOLUTION,
    SYRIA_MOTION,
    SYRIA_RESOLUTION,
)

# The actor the meeting's record is audited under.
DEMO = SystemActor("demo")


def _one(name: str, candidates: list[Person]) -> Person:
    person = resolve(name, candidates=candidates)
    if person is None:
        raise ValidationError(f"“{name}” does not name exactly one person in the record.")
    return person


def _choices(lists: tuple[str, str, str], present: list[Person]) -> list[tuple[Person, str]]:
    return [
        (_one(name, present), choice)
        for text, choice in zip(lists, ("for", "against", "abstain"), strict=True)
        for name in vote_list(text)
    ]


def vote_list(text: str) -> list[str]:
    """Names in a vote list: commas only, never "and", trailing comma allowed (§3.5)."""
    return [name.strip() for name in text.split(",") if name.strip()]


def load_22_october_2015() -> Meeting:
    """Record attendance, minutes 35–43 with their paragraphs and resolutions, and the two
    recorded votes of minute 43; then publish the minutes as a draft, as the 10 December 2015
    summons printed them.

    Idempotent: a meeting that already has its minute 35 keeps its record; only what is
    missing (the minutes' words, a resolution, the publication) is added.
    """
    body = Body.objects.get(name="County Council")
    meeting = Meeting.objects.get(body=body, date=DATE)
    if not Minute.objects.filter(meeting=meeting, number=FIRST_MINUTE).exists():
        _record_meeting(meeting, body)
    with transaction.atomic():
        _write_minutes(meeting)
        record = MinutesRecord.objects.filter(meeting=meeting).first()
        if record is None or record.status == MinutesStatus.DRAFT:
            publish_minutes(meeting, actor=DEMO, at=PUBLISHED)
    return meeting


def _write_minutes(meeting: Meeting) -> None:
    """The minutes' words (002:91–293), where a minute has none yet."""
    minutes = {m.number: m for m in meeting.minutes.all()}
    apologies = sorted(
        (a.person for a in meeting.attendances.filter(status=AttendanceStatus.APOLOGIES)),
        key=lambda p: p.sort_key,
    )
    names = [p.short_name for p in apologies]
    texts = {
        35: "The Director of Governance and Law reported apologies from "
        + ", ".join(names[:-1])
        + " and "
        + names[-1]
        + ".",
        36: "None",
        38: "\n\n".join(MINUTE_38),
        39: "\n\n".join(MINUTE_39),
        40: MINUTE_40,
        41: "\n\n".join(MINUTE_41),
    }
    for number, text in texts.items():
        if not minutes[number].text:
            edit_minute(minutes[number], text=text, actor=DEMO)
    resolutions = {
        37: (MINUTES_17_SEPTEMBER_APPROVED, []),
        42: ("RESOLVED that", SYRIA_RESOLUTION),
        43: ("RESOLVED that", SCHOOL_MEALS_RESOLUTION),
    }
    for number, (text, parts) in resolutions.items():
        if not minutes[number].resolutions.exists():
            motion = None
            if number in (42, 43):
                motion = (
                    meeting.motions.filter(item=minutes[number].item, kind="substantive")
                    .order_by("order")
                    .last()
                )
            add_resolution(minutes[number], text, parts, motion=motion, actor=DEMO)


def _record_meeting(meeting: Meeting, body: Body) -> None:
    members = list(Person.objects.filter(pk__in=member_ids(body.pk, DATE)))
    with transaction.atomic():
        chairman = _one(CHAIRMAN_2015, members)
        vice = _one(VICE_CHAIRMAN_2015, members)
        record_attendance(meeting, chairman, "present", in_chair=True, actor=DEMO)
        record_attendance(meeting, vice, "present", actor=DEMO)
        for name in split_list(PRESENT_2015):
            record_attendance(meeting, _one(name, members), "present", actor=DEMO)
        for name, title in OFFICERS:
            record_attendance(
                meeting,
                _one(name, list(Person.objects.all())),
                "in_attendance",
                capacity=title,
                actor=DEMO,
            )
        for name in split_list(APOLOGIES_2015):
            record_attendance(
                meeting, _one(APOLOGY_FULL_FORMS.get(name, name), members), "apologies", actor=DEMO
            )
        present = [a.person for a in meeting.attendances.filter(status="present")]
        items = {i.number: i for i in meeting.items.all()}
        # The nine items were taken in agenda order, so minute 35 + n − 1 is item n.
        minutes = [
            add_minute(
                meeting,
                items[str(n)].title,
                item=items[str(n)],
                number=FIRST_MINUTE + n - 1,
                actor=DEMO,
            )
            for n in range(1, 10)
        ]
        record_nil_declarations(meeting, actor=DEMO)  # minute 36: "None"
        _minute_38(meeting, minutes[3], chairman, vice)
        oakford = add_motion(
            meeting,
            "substantive",
            SYRIA_MOTION,
            mover=_one("Mr Oakford", present),
            seconder=_one("Mrs Whittle", present),
            item=items["8"],
            actor=DEMO,
        )
        agree_without_vote(oakford, actor=DEMO)  # minute 42
        _minute_43(meeting, items["9"], present)


def _minute_38(meeting: Meeting, minute: Minute, chairman: Person, vice: Person) -> None:
    motion = add_motion(
        meeting,
        "substantive",
        PROPORTIONALITY_MOTION,
        mover=chairman,
        seconder=vice,
        item=minute.item,
        actor=DEMO,
    )
    agree_without_vote(motion, actor=DEMO)
    add_resolution(
        minute,
        "RESOLVED that:",
        PROPORTIONALITY_RESOLUTION,
        motion=motion,
        delegated_to="the Head of Democratic Services",
        in_consultation_with="the Leader of the UKIP Group",
        actor=DEMO,
    )


def _minute_43(meeting: Meeting, item, present: list[Person]) -> None:
    motion = add_motion(
        meeting,
        "substantive",
        SCHOOL_MEALS_MOTION,
        item=item,
        mover=_one("Mr Vye", present),
        seconder=_one("Mr Bird", present),
        actor=DEMO,
    )
    closure = add_motion(
        meeting,
        "procedural",
        "that the question be put",
        item=item,
        mover=_one("Mr Kite", present),
        seconder=_one("Mr Parry", present),
        actor=DEMO,
    )
    record_vote(
        closure,
        "recorded",
        counts=(64, 4, 4),
        choices=_choices((CLOSURE_FOR, CLOSURE_AGAINST, CLOSURE_ABSTAIN), present),
        actor=DEMO,
    )
    record_vote(
        motion,
        "recorded",
        counts=(62, 3, 1),
        choices=_choices((MOTION_FOR, MOTION_AGAINST, MOTION_ABSTAIN), present),
        actor=DEMO,
    )
