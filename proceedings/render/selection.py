"""What a rendering of the minutes shows of the record: the exempt minutes, or the public
minutes as ``proceedings.public`` decides (whether or not they are published yet: the public
form of draft minutes follows the same rule), gathered minute by minute.

Every choice between the public and the exempt minutes is made here: the rows minuted in
closed session go to the exempt minutes and the others to the public minutes (``_side``);
the public minutes add only what ``proceedings.public`` allows of the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from meetings.models import Meeting

from .. import public
from ..models import (
    Attendance,
    Declaration,
    Minute,
    MinutesRecord,
    Motion,
    RecordedVote,
    Resolution,
)
from .document import ExemptSummary


@dataclass
class Shown:
    """The record a rendering shows: its minutes in order, and by minute (its id) the motions,
    declarations and resolutions it minutes; each recorded vote's names by vote id."""

    attendance: QuerySet[Attendance]
    minutes: list[Minute]
    motions: dict[int, list[Motion]]
    declarations: dict[int, list[Declaration]]
    resolutions: dict[int, list[Resolution]]
    recorded: dict[int, list[RecordedVote]]
    summaries: list[ExemptSummary]


def _side(rows: QuerySet, closed: Q, exempt: bool) -> QuerySet:
    """The rows minuted in closed session (``closed``) for the exempt minutes; the others for
    the public minutes."""
    return rows.filter(closed) if exempt else rows.exclude(closed)


def shown(meeting: Meeting, exempt: bool, record: MinutesRecord | None) -> Shown:
    """What the exempt minutes (``exempt``) or the public minutes of ``meeting`` show."""
    minutes = list(
        _side(Minute.objects.filter(meeting=meeting), public.closed_minute_q(), exempt)
        .select_related("item")
        .order_by("number")
    )
    # Never a motion (or its vote) minuted in closed session in public, whatever its item.
    motions = list(
        _side(
            Motion.objects.filter(meeting=meeting),
            Q(pk__in=public.closed_motion_ids(meeting)),
            exempt,
        )
        .select_related("mover", "seconder", "nominee", "vote")
        .order_by("order", "pk")
    )
    resolutions = list(Resolution.objects.filter(minute__meeting=meeting).order_by("pk"))
    attendance = (
        meeting.attendances.select_related("person", "substitute_for")
        .prefetch_related("items")
        .order_by("order", "pk")
    )
    declarations = Declaration.objects.filter(meeting=meeting)
    summaries = []
    if not exempt:
        if record and record.is_public:
            attendance = attendance.filter(pk__in=public.public_attendance().values("pk"))
        declarations = declarations.filter(pk__in=public.open_declarations().values("pk"))
        summaries = _summaries(meeting)

    ids = {m.pk for m in minutes}
    targets = motion_minutes(meeting, resolutions)
    by_minute: dict[int, list[Motion]] = {}
    for mo in motions:
        target = targets.get(("motion", mo.pk)) or targets.get(("item", mo.item_id))
        if target in ids:
            by_minute.setdefault(target, []).append(mo)
    vote_ids = [mo.vote.pk for mo in motions if hasattr(mo, "vote")]
    recorded: dict[int, list[RecordedVote]] = {}
    for rv in RecordedVote.objects.filter(vote_id__in=vote_ids).select_related("person"):
        recorded.setdefault(rv.vote_id, []).append(rv)
    declared: dict[int, list[Declaration]] = {}
    for d in declarations.select_related("person").order_by("pk"):
        target = targets.get(("item", d.item_id))
        if target in ids:
            declared.setdefault(target, []).append(d)
    resolved: dict[int, list[Resolution]] = {}
    for r in resolutions:
        resolved.setdefault(r.minute_id, []).append(r)
    return Shown(attendance, minutes, by_minute, declared, resolved, recorded, summaries)


def _summaries(meeting: Meeting) -> list[ExemptSummary]:
    """Only the parts of an exempt minute written for the public: never its title or text."""
    return [
        ExemptSummary(
            row["number"], row["item__number"] or "", row["exempt_paragraph"], row["public_summary"]
        )
        for row in Minute.objects.filter(public.closed_minute_q(), meeting=meeting)
        .order_by("number")
        .values("number", "item__number", "exempt_paragraph", "public_summary")
    ]


def motion_minutes(meeting: Meeting, resolutions) -> dict[tuple[str, int], int]:
    """Where a motion is minuted: the minute whose resolution records it (``("motion", id)``),
    else the first minute taken on its item (``("item", id)``), as declarations are."""
    targets: dict[tuple[str, int], int] = {}
    for r in resolutions:
        if r.motion_id:
            targets.setdefault(("motion", r.motion_id), r.minute_id)
    for pk, item_id in (
        Minute.objects.filter(meeting=meeting, item__isnull=False)
        .order_by("number")
        .values_list("pk", "item_id")
    ):
        targets.setdefault(("item", item_id), pk)
    return targets
