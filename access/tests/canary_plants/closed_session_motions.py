"""Proceedings minuted in closed session, away from the exempt item: a motion on a *public*
item (12) and a motion on no item, each with a recorded vote, whose resolutions are in
exempt minutes (one on item 12, one on no item: a resolution records a motion on its own
minute's item, ``proceedings.rules.check_resolution_motion``). Everything about them is
exempt (``proceedings.public.closed_motions``): vote pages, voting records, the API, Popolo,
the export and the public minutes."""

from __future__ import annotations

from audit.testing import TEST_ACTOR
from proceedings.minutes import add_minute, add_resolution
from proceedings.models import Motion, Resolution
from proceedings.votes import add_motion, record_vote


def after_publication(meeting, exempt_item, canary) -> None:
    members = [a.person for a in meeting.attendances.filter(status="present").order_by("pk")]
    item_12 = meeting.items.get(number="12")

    def closed(item=None):
        return add_minute(
            meeting,
            f"Closed session {canary}",
            item=item,
            text=f"{canary} closed session.",
            exempt=True,
            exempt_paragraph=3,
            public_summary="The Committee considered a commercial matter.",
            actor=TEST_ACTOR,
        )

    on_public_item = add_motion(
        meeting,
        "substantive",
        f"{canary} closed motion on item 12",
        item=item_12,
        mover=members[0],
        seconder=members[1],
        actor=TEST_ACTOR,
    )
    on_no_item = add_motion(
        meeting,
        "substantive",
        f"{canary} closed motion on no item",
        mover=members[1],
        seconder=members[2],
        actor=TEST_ACTOR,
    )
    for motion, minute in ((on_public_item, closed(item_12)), (on_no_item, closed())):
        record_vote(
            motion,
            "recorded",
            counts=(3, 1, 0),
            choices=[
                (members[0], "for"),
                (members[1], "for"),
                (members[2], "for"),
                (members[3], "against"),
            ],
            actor=TEST_ACTOR,
        )
        add_resolution(minute, f"RESOLVED that {canary} (closed).", motion=motion, actor=TEST_ACTOR)


def check(meeting, canary) -> None:
    motions = Motion.objects.filter(
        meeting=meeting, text__contains="closed motion on", vote__isnull=False
    )
    assert {m.item.number if m.item_id else None for m in motions} == {"12", None}
    assert all(Resolution.objects.filter(motion=m, minute__exempt=True).exists() for m in motions)
