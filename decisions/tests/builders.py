"""The record these tests read: the demo's County Council meeting of 22 October 2015, its
minutes published as a draft (until the demo publishes them itself), and planted exempt and
unpublished proceedings carrying ``summons.testing.CANARY``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from audit import trail
from audit.testing import TEST_ACTOR
from council.models import Person
from meetings import services as meeting_services
from meetings.models import AgendaItem, Meeting, Part
from proceedings.actions import add_action
from proceedings.attendance import record_attendance
from proceedings.minutes import add_minute, add_resolution
from proceedings.models import Minute, MinutesRecord, MinutesStatus, Motion, Vote
from proceedings.votes import add_motion, agree_without_vote, record_vote
from summons.testing import CANARY

OCT_22 = dt.date(2015, 10, 22)
DEC_10 = dt.date(2015, 12, 10)
CLOSURE = "that the question be put"


def council_meeting(day: dt.date = OCT_22) -> Meeting:
    return Meeting.objects.get(body__name="County Council", date=day)


def publish(meeting: Meeting, status: str = MinutesStatus.PUBLISHED_DRAFT) -> MinutesRecord:
    """Minutes published (the state only: what these pages read)."""
    record, _ = MinutesRecord.objects.get_or_create(meeting=meeting)
    if record.status == MinutesStatus.DRAFT:
        MinutesRecord.objects.filter(pk=record.pk).update(status=status)
        record.refresh_from_db()
    return record


def person(slug: str) -> Person:
    return Person.objects.get(slug=slug)


def closure_vote() -> Vote:
    return Vote.objects.get(motion__meeting=council_meeting(), motion__text=CLOSURE)


def meals_vote() -> Vote:
    return Vote.objects.get(
        motion__meeting=council_meeting(),
        motion__text__contains="Universal Infant Free School Meals",
    )


@dataclass
class Planted:
    exempt_minute: Minute
    exempt_resolution: object
    exempt_motion: Motion
    exempt_vote: Vote
    exclusion_resolution: object  # public: "the public be excluded", on no item
    draft_meeting: Meeting
    draft_resolution: object
    draft_vote: Vote


def _exempt_minute(meeting: Meeting, title: str, item: AgendaItem | None = None) -> Minute:
    from proceedings.minutes import next_minute_number
    from proceedings.rules import municipal_year

    return trail.save(
        Minute(
            meeting=meeting,
            body_id=meeting.body_id,
            municipal_year=municipal_year(meeting.date),
            number=next_minute_number(meeting),
            item=item,
            title=title,
            text=f"The Council discussed {CANARY} in private.",
            exempt=True,
            exempt_paragraph=3,
            summary_not_needed=True,
        ),
        actor=TEST_ACTOR,
    )


def plant() -> Planted:
    """The canary in: an exempt minute (its title, text, resolution and an action); a motion on
    an exempt item with a recorded vote; the minutes of a meeting not yet published (minute,
    resolution, motion, show-of-hands vote, action). Also the public resolution excluding the
    press and public (listed, without the exempt item's vote)."""
    meeting = council_meeting()
    marsh, allen, bird = (
        person("r-a-marsh"),
        Person.objects.get(surname="Allen", initials="A D"),
        Person.objects.get(surname="Bird"),
    )
    exempt_minute = _exempt_minute(meeting, f"Property disposal {CANARY}")
    exempt_resolution = add_resolution(
        exempt_minute,
        f"RESOLVED that {CANARY}:",
        [f"the sale of {CANARY} be agreed"],
        actor=TEST_ACTOR,
    )
    add_action(
        meeting,
        f"Sell {CANARY}",
        minute=exempt_minute,
        owner_text=f"Head of {CANARY}",
        due=dt.date(2016, 1, 1),
        actor=TEST_ACTOR,
    )
    item = meeting_services.save_agenda_item(
        AgendaItem(
            meeting=meeting,
            number="10",
            title="Exclusion of the press and public",
            part=Part.EXEMPT,
            exempt_paragraph=3,
            purpose=f"{CANARY} purpose",
        ),
        actor=TEST_ACTOR,
    )
    motion = add_motion(
        meeting,
        "substantive",
        f"That the offer from {CANARY} be accepted",
        item=item,
        mover=marsh,
        seconder=allen,
        actor=TEST_ACTOR,
    )
    vote = record_vote(
        motion,
        "recorded",
        choices=[(marsh, "for"), (allen, "for"), (bird, "against")],
        actor=TEST_ACTOR,
    )
    public_minute = add_minute(meeting, "Exclusion of the press and public", actor=TEST_ACTOR)
    # The resolution records the motion to exclude, moved on no item like its minute: a link
    # to the exempt item's motion is refused (proceedings.rules.motions_for_minute).
    excluding = add_motion(
        meeting,
        "procedural",
        "That the press and public be excluded",
        mover=marsh,
        seconder=allen,
        actor=TEST_ACTOR,
    )
    agree_without_vote(excluding, actor=TEST_ACTOR)
    exclusion = add_resolution(
        public_minute,
        "RESOLVED that the press and public be excluded for the next item of business.",
        motion=excluding,
        actor=TEST_ACTOR,
    )
    _exempt_minute(meeting, f"Offer {CANARY}", item=item)

    draft = council_meeting(DEC_10)
    record_attendance(draft, marsh, "present", actor=TEST_ACTOR)
    record_attendance(draft, person("baldock"), "present", actor=TEST_ACTOR)
    draft_minute = add_minute(
        draft, f"Draft business {CANARY}", text=f"Draft {CANARY} text.", actor=TEST_ACTOR
    )
    draft_motion = add_motion(
        draft, "substantive", f"Draft motion {CANARY}", mover=marsh, actor=TEST_ACTOR
    )
    draft_vote = record_vote(draft_motion, "show_of_hands", counts=(2, 0, 0), actor=TEST_ACTOR)
    draft_resolution = add_resolution(
        draft_minute, f"RESOLVED that {CANARY} be noted.", motion=draft_motion, actor=TEST_ACTOR
    )
    add_action(draft, f"Draft action {CANARY}", minute=draft_minute, owner=marsh, actor=TEST_ACTOR)
    return Planted(
        exempt_minute,
        exempt_resolution,
        motion,
        vote,
        exclusion,
        draft,
        draft_resolution,
        draft_vote,
    )
