"""Exempt content with a canary in it, across everything the API could serve: an exempt
agenda item's text, an exempt report, a public report's exempt appendix (``summons.testing``),
and exempt proceedings of the 22 October 2015 County Council (an exempt minute and its
resolution, a minute of an exempt item, a motion on an exempt item and its recorded vote).
Next to them, public proceedings carrying a marker: the positive control that the crawl
reaches where the canary would be."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from audit import trail
from audit.testing import TEST_ACTOR
from meetings import services as meeting_services
from meetings.models import AgendaItem, Meeting, Part
from papers import services as papers
from proceedings import minutes, public, votes
from proceedings.models import Minute, MinutesRecord, MinutesStatus, Motion, Vote
from summons.testing import CANARY, Planted, plant_canary

MARKER = "PUBLIC-MARKER-5e1d"
CC_DATE = dt.date(2015, 10, 22)


@dataclass
class PlantedProceedings:
    meeting: Meeting
    exempt_item: AgendaItem
    exempt_minute: Minute
    exempt_item_minute: Minute
    exempt_motion: Motion
    exempt_vote: Vote
    public_minute: Minute
    public_motion: Motion


def county_council_2015() -> Meeting:
    return Meeting.objects.get(body__name="County Council", date=CC_DATE)


def plant_proceedings() -> PlantedProceedings:
    meeting = county_council_2015()
    exempt_item = meeting_services.save_agenda_item(
        AgendaItem(
            meeting=meeting,
            number="10",
            title="Property disposal",
            order=1000,
            part=Part.EXEMPT,
            exempt_paragraph=3,
            purpose=f"Purpose {CANARY}",
        ),
        actor=TEST_ACTOR,
    )
    exempt_minute = trail.save(
        Minute(
            meeting=meeting,
            number=minutes.next_minute_number(meeting),
            title=f"Exempt minute {CANARY}",
            text=f"Exempt text {CANARY}",
            exempt=True,
            exempt_paragraph=3,
            summary_not_needed=True,
        ),
        actor=TEST_ACTOR,
    )
    minutes.add_resolution(
        exempt_minute, f"RESOLVED {CANARY}", [f"part {CANARY}"], actor=TEST_ACTOR
    )
    exempt_item_minute = trail.save(
        Minute(
            meeting=meeting,
            number=minutes.next_minute_number(meeting),
            item=exempt_item,
            title="Property disposal",
            text=f"Sold for {CANARY}",
            exempt=True,
            exempt_paragraph=3,
            summary_not_needed=True,
        ),
        actor=TEST_ACTOR,
    )
    present = [a.person for a in meeting.attendances.filter(status="present")][:3]
    exempt_motion = votes.add_motion(
        meeting, "substantive", f"Motion {CANARY}", item=exempt_item, actor=TEST_ACTOR
    )
    exempt_vote = votes.record_vote(
        exempt_motion, "recorded", choices=[(p, "for") for p in present], actor=TEST_ACTOR
    )
    public_minute = minutes.add_minute(
        meeting, f"Public minute {MARKER}", text=f"Public text {MARKER}", actor=TEST_ACTOR
    )
    public_motion = votes.add_motion(
        meeting, "procedural", f"Public motion {MARKER}", actor=TEST_ACTOR
    )
    votes.agree_without_vote(public_motion, actor=TEST_ACTOR)
    minutes.add_resolution(
        public_minute,
        f"RESOLVED {MARKER}",
        [f"part {MARKER}"],
        motion=public_motion,
        actor=TEST_ACTOR,
    )
    if not public.minutes_are_public(meeting):
        publish = getattr(minutes, "publish_minutes", None)
        if publish is not None:
            publish(meeting)
        else:  # before the publishing service lands: the record's state, audited
            trail.save(
                MinutesRecord(
                    meeting=meeting,
                    status=MinutesStatus.PUBLISHED_DRAFT,
                    published_at=timezone.now(),
                ),
                actor=TEST_ACTOR,
            )
    assert public.minutes_are_public(meeting)
    return PlantedProceedings(
        meeting,
        exempt_item,
        exempt_minute,
        exempt_item_minute,
        exempt_motion,
        exempt_vote,
        public_minute,
        public_motion,
    )


def plant_papers() -> Planted:
    """``plant_canary``, with every planted version published (as the agenda's publication
    would), so the restricted papers are as public-facing as they can get."""
    planted = plant_canary()
    for doc in (planted.public_doc, planted.public_doc.appendices.get(), planted.exempt_doc):
        papers.publish_version(doc.current_version(), actor=TEST_ACTOR)
    return planted


def plant_everything() -> tuple[Planted, PlantedProceedings]:
    return plant_papers(), plant_proceedings()
