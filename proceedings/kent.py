"""The County Council meeting of 22 October 2015, recorded through the services.

From the minutes printed in the 10 December 2015 summons (002:73–295). Every name is
resolved to a person already in the record (the demo loads them); a name that does not
resolve stops the load and nothing is saved. Vote lists are kept verbatim, trailing
commas included, and read with ``vote_list`` (``demo.kent.people.split_list`` reads the
attendance lists, which end "… and Mrs Z Wiltshire").
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

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

from .attendance import record_attendance, record_nil_declarations
from .minutes import add_minute, add_resolution
from .models import Minute
from .rules import member_ids
from .votes import add_motion, agree_without_vote, record_vote

DATE = dt.date(2015, 10, 22)
FIRST_MINUTE = 35  # numbering runs on from the 17 September meeting (minute 30, 002:101)

OFFICERS = [  # 002:87
    ("David Cockburn", "Corporate Director Strategic & Corporate Services"),
    ("Geoff Wild", "Director of Governance and Law"),
    ("Peter Sass", "Head of Democratic Services"),
]

PROPORTIONALITY_RESOLUTION = [  # 002:119–125
    "the revised proportionality calculations be agreed; and",
    "in accordance with the overall proportionality rules the two additional committee places "
    "remain vacant pending discussions between Group Leaders and Mr Elenor and a further "
    "report be submitted to the December meeting of the County Council if necessary; and",
    "the decision on which two seats the UKIP Group has to give up to in light of the revised "
    "proportionality calculations be delegated to the Head of Democratic Services in "
    "consultation with the Leader of the UKIP Group.",
]

CLOSURE_FOR = (  # 002:261
    "Mrs A Allen, Mr M Angell, Mr M Balfour, Mr N Bond, Mr A Bowles, Mr D Brazier, Mr R "
    "Brookbank, Mr L Burgess, Mr C Caller, Miss S Carey, Mr P Carter, Mr N Chard, Mrs P "
    "Cole, Mr G Cooke, Mr G Cowan, Mrs M Crabtree, Mr A Crowther, Mr D Daley, Mr M Dance, "
    "Mr J Davies, Mrs T Dean, Dr M Eddy, Mr T Gates, Mr G Gibbens, Mr R Gough, Mr P Harman,"
    " Ms A Harrison, Mr M Harrison, Mr M Hill, Mr C Hoare, Mrs S Hohler, Mr S Holden, Mr P "
    "Homewood, Ms S Howes, Mr J Kite, Mr R Long, Mr G Lymer, Mr T Maddison, Mr S Manion, Mr"
    " A Marsh, Mr F McKenna, Mr B Neaves, Mr M Northey, Mr P Oakford, Mr J Ozog, Mr R "
    "Parry, Mr L Ridings, Mrs E Rowbotham, Mr J Scholes, Mr W Scobie, Mr T Shonk, Mr C "
    "Simkins, Mr J Simmonds, Mr C Smith, Mr D Smyth, Mrs P Stockell, Mr B Sweetland, Mr A "
    "Terry, Mr N Thandi, Mrs C Waters, Mrs J Whittle, Mr M Whybrow, Mr A Wickham, Mrs Z "
    "Wiltshire"
)
CLOSURE_AGAINST = (  # 002:265
    "Mr R Bird, Mr B Clark, Mr M Vye, Mr J Wedgbury,"
)
CLOSURE_ABSTAIN = (  # 002:271
    "Mr H Birkby, Mr J Elenor, Mrs M Elenor, Mr M Heale,"
)
MOTION_FOR = (  # 002:279
    "Mrs A Allen, Mr M Angell, Mr M Balfour, Mr R Bird, Mr N Bond, Mr D Brazier, Mr R "
    "Brookbank, Mr L Burgess, Mr C Caller, Miss S Carey, Mr P Carter, Mr N Chard, Mr B "
    "Clark, Mrs P Cole, Mr G Cooke, Mr G Cowan, Mrs M Crabtree, Mr A Crowther, Mr D Daley, "
    "Mr M Dance, Mr J Davies, Mrs T Dean, Dr M Eddy, Mr T Gates, Mr G Gibbens, Mr R Gough, "
    "Mr P Harman, Ms A Harrison, Mr M Hill, Mr C Hoare, Mrs S Hohler, Ms S Howes, Mr J "
    "Kite, Mr R Long, Mr G Lymer, Mr T Maddison, Mr S Manion, Mr A Marsh, Mr F McKenna, Mr "
    "B Neaves, Mr M Northey, Mr P Oakford, Mr J Ozog, Mr R Parry, Mr L Ridings, Mrs E "
    "Rowbotham, Mr J Scholes, Mr W Scobie, Mr T Shonk, Mr C Simkins, Mr J Simmonds, Mr D "
    "Smyth, Mrs P Stockell, Mr B Sweetland, Mr A Terry, Mr N Thandi, Mr M Vye, Mrs C "
    "Waters, Mrs J Whittle, Mr M Whybrow, Mr A Wickham, Mrs Z Wiltshire"
)
MOTION_AGAINST = (  # 002:283
    "Mr A Bowles, Mr J Elenor, Mrs M Elenor,"
)
MOTION_ABSTAIN = (  # 002:287
    "Mr H Birkby"
)


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
    """Record attendance, minutes 35–43 and the two recorded votes of minute 43.

    Idempotent: a meeting that already has its minute 35 is returned unchanged.
    """
    body = Body.objects.get(name="County Council")
    meeting = Meeting.objects.get(body=body, date=DATE)
    if Minute.objects.filter(meeting=meeting, number=FIRST_MINUTE).exists():
        return meeting
    members = list(Person.objects.filter(pk__in=member_ids(body.pk, DATE)))
    with transaction.atomic():
        chairman = _one(CHAIRMAN_2015, members)
        vice = _one(VICE_CHAIRMAN_2015, members)
        record_attendance(meeting, chairman, "present", in_chair=True)
        record_attendance(meeting, vice, "present")
        for name in split_list(PRESENT_2015):
            record_attendance(meeting, _one(name, members), "present")
        for name, title in OFFICERS:
            record_attendance(
                meeting, _one(name, list(Person.objects.all())), "in_attendance", capacity=title
            )
        for name in split_list(APOLOGIES_2015):
            record_attendance(
                meeting, _one(APOLOGY_FULL_FORMS.get(name, name), members), "apologies"
            )
        present = [a.person for a in meeting.attendances.filter(status="present")]
        items = {i.number: i for i in meeting.items.all()}
        # The nine items were taken in agenda order, so minute 35 + n − 1 is item n.
        minutes = [
            add_minute(
                meeting, items[str(n)].title, item=items[str(n)], number=FIRST_MINUTE + n - 1
            )
            for n in range(1, 10)
        ]
        record_nil_declarations(meeting)  # minute 36: "None"
        _minute_38(meeting, minutes[3], chairman, vice)
        oakford = add_motion(
            meeting,
            "substantive",
            "The County Council is asked to comment "
            "on the report and endorse the proposals (002:235–239).",
            mover=_one("Mr Oakford", present),
            seconder=_one("Mrs Whittle", present),
            item=items["8"],
        )
        agree_without_vote(oakford)  # minute 42
        _minute_43(meeting, items["9"], present)
    return meeting


def _minute_38(meeting: Meeting, minute: Minute, chairman: Person, vice: Person) -> None:
    motion = add_motion(
        meeting,
        "substantive",
        "The County Council is invited to agree the revised proportionality calculations and "
        "the delegation of the choice of seats (002:109–113).",
        mover=chairman,
        seconder=vice,
        item=minute.item,
    )
    agree_without_vote(motion)
    add_resolution(minute, "RESOLVED that:", PROPORTIONALITY_RESOLUTION, motion=motion)


def _minute_43(meeting: Meeting, item, present: list[Person]) -> None:
    motion = add_motion(
        meeting,
        "substantive",
        SCHOOL_MEALS_MOTION,
        item=item,
        mover=_one("Mr Vye", present),
        seconder=_one("Mr Bird", present),
    )
    closure = add_motion(
        meeting,
        "procedural",
        "that the question be put",
        item=item,
        mover=_one("Mr Kite", present),
        seconder=_one("Mr Parry", present),
    )
    record_vote(
        closure,
        "recorded",
        counts=(64, 4, 4),
        choices=_choices((CLOSURE_FOR, CLOSURE_AGAINST, CLOSURE_ABSTAIN), present),
    )
    record_vote(
        motion,
        "recorded",
        counts=(62, 3, 1),
        choices=_choices((MOTION_FOR, MOTION_AGAINST, MOTION_ABSTAIN), present),
    )
