"""What of the proceedings the public may see. The one gate every public surface uses.

A meeting's proceedings become public when its minutes are published (as a draft, then
approved and signed). Never public, whoever asks through a public surface, is anything minuted
in closed session (LGA 1972 s100C; docs/statutory-rules.md):

- a minute that is exempt (``Minute.exempt``) or is on exempt business (an exempt item or a
  sub-item of one, ``meetings.models.exempt_item_q``): a *closed minute*;
- a motion on exempt business, or one a resolution of a closed minute records, and every
  motion of the same debate (the motion it amends, its amendments, the motion a carried
  amendment produced and the amendment it came from): ``closed_motion_ids``;
- the vote on a closed motion and each member's recorded vote in it;
- a resolution of a closed minute;
- a declaration of interest on exempt business; an action recorded by a closed minute.

The ``open_*`` querysets apply these rules alone (for rendering the public form of draft
minutes); the ``public_*`` querysets add the publication of the minutes.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL

from meetings.models import Meeting, exempt_item_q, public_item_q

from .models import (
    Action,
    Attendance,
    Declaration,
    Minute,
    MinutesRecord,
    MinutesStatus,
    Motion,
    RecordedVote,
    Resolution,
    Vote,
)

PUBLIC_STATUSES = (MinutesStatus.PUBLISHED_DRAFT, MinutesStatus.APPROVED, MinutesStatus.SIGNED)


def minutes_published(ref: str = "pk") -> Exists:
    """``Exists`` for a meeting queryset: the meeting (``ref``) has published minutes."""
    return Exists(
        MinutesRecord.objects.filter(meeting_id=OuterRef(ref), status__in=PUBLIC_STATUSES)
    )


def minutes_are_public(meeting: Meeting) -> bool:
    return MinutesRecord.objects.filter(meeting=meeting, status__in=PUBLIC_STATUSES).exists()


def published_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.filter(minutes_published())


# --- Minuted in closed session: the one rule --------------------------------------------------


def closed_minute_q(prefix: str = "") -> Q:
    """Minutes taken in closed session (``prefix`` reaches the minute, e.g. ``"minute__"``)."""
    return Q(**{f"{prefix}exempt": True}) | exempt_item_q(f"{prefix}item__")


def closed_minutes() -> QuerySet[Minute]:
    return Minute.objects.filter(closed_minute_q())


def _directly_closed() -> QuerySet[Motion, Mapping[str, object]]:
    """Motions on exempt business, or recorded by a resolution of a closed minute (whatever
    the motion's own item, or with none)."""
    return (
        Motion.objects.filter(
            exempt_item_q("item__")
            | Exists(Resolution.objects.filter(closed_minute_q("minute__"), motion=OuterRef("pk")))
        )
        .order_by()
        .values("pk")
    )


def closed_motions() -> RawSQL:
    """The ids of the motions minuted in closed session, as a subquery (``pk__in=``).

    The directly closed ones (``_directly_closed``), then the whole debate of each: its
    amendments, the motion it amends, the substantive motion a carried amendment produced and
    the amendment it came from, followed to the end (a recursive query, SQLite and
    PostgreSQL alike). Evaluated by the database whenever the queryset is, never frozen into
    a list, so a queryset built once and reused stays right."""
    direct, params = _directly_closed().query.sql_with_params()
    table = Motion._meta.db_table
    edges = " UNION ALL ".join(
        f"SELECT {a} AS a, {b} AS b FROM {table} WHERE {col} IS NOT NULL"
        for col in ("amends_id", "arose_from_id")
        for a, b in ((col, "id"), ("id", col))
    )
    sql = (
        f"WITH RECURSIVE edges(a, b) AS ({edges}), closed(id) AS ({direct} UNION "
        "SELECT edges.b FROM edges JOIN closed ON edges.a = closed.id) SELECT id FROM closed"
    )
    return RawSQL(sql, params)


def closed_motion_ids(meeting: Meeting | int | None = None) -> set[int]:
    """The ids of the motions minuted in closed session (of one meeting, or all)."""
    rows = Motion.objects.filter(pk__in=closed_motions())
    if meeting is not None:
        rows = rows.filter(meeting=meeting)
    return set(rows.values_list("pk", flat=True))


def is_closed_session_motion(motion: Motion) -> bool:
    return motion.pk in closed_motion_ids(motion.meeting_id)


# --- Open (not closed session) and public querysets ------------------------------------------


def open_minutes() -> QuerySet[Minute]:
    return Minute.objects.exclude(closed_minute_q())


def open_motions() -> QuerySet[Motion]:
    return Motion.objects.exclude(pk__in=closed_motions())


def public_minutes() -> QuerySet[Minute]:
    return open_minutes().filter(minutes_published("meeting_id"))


def public_resolutions() -> QuerySet[Resolution]:
    # A resolution of a public minute is public even when the motion it records is closed
    # (the resolution to exclude the press and public, moved on the exempt item, is itself
    # public: LGA 1972 s100A(4)); the motion and its vote stay closed.
    return Resolution.objects.filter(minute__in=public_minutes())


def public_motions() -> QuerySet[Motion]:
    return open_motions().filter(minutes_published("meeting_id"))


def public_votes() -> QuerySet[Vote]:
    return Vote.objects.filter(motion__in=public_motions())


def public_recorded_votes() -> QuerySet[RecordedVote]:
    return RecordedVote.objects.filter(vote__in=public_votes())


def public_attendance() -> QuerySet[Attendance]:
    return Attendance.objects.filter(minutes_published("meeting_id"))


def open_declarations() -> QuerySet[Declaration]:
    return Declaration.objects.filter(public_item_q("item__"))


def public_declarations() -> QuerySet[Declaration]:
    return open_declarations().filter(minutes_published("meeting_id"))


def public_actions() -> QuerySet[Action]:
    """Actions of published minutes, except those a closed minute records."""
    return Action.objects.filter(minutes_published("meeting_id")).filter(
        Q(minute__isnull=True) | Q(minute__in=open_minutes())
    )
