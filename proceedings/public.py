"""What of the proceedings the public may see. The one gate every public surface uses.

A meeting's proceedings become public when its minutes are published (as a draft, then
approved and signed). Never public, whoever asks through a public surface: exempt minutes
(``Minute.exempt``), and motions, votes and declarations on exempt agenda items.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from meetings.models import Meeting, Part

from .models import (
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


def _not_exempt_item(prefix: str = "") -> Q:
    return Q(**{f"{prefix}item__isnull": True}) | ~Q(**{f"{prefix}item__part": Part.EXEMPT})


def public_minutes() -> QuerySet[Minute]:
    return Minute.objects.filter(
        minutes_published("meeting_id"), _not_exempt_item(), exempt=False
    )


def public_resolutions() -> QuerySet[Resolution]:
    return Resolution.objects.filter(minute__in=public_minutes())


def public_motions() -> QuerySet[Motion]:
    return Motion.objects.filter(minutes_published("meeting_id"), _not_exempt_item())


def public_votes() -> QuerySet[Vote]:
    return Vote.objects.filter(motion__in=public_motions())


def public_recorded_votes() -> QuerySet[RecordedVote]:
    return RecordedVote.objects.filter(vote__in=public_votes())


def public_attendance() -> QuerySet[Attendance]:
    return Attendance.objects.filter(minutes_published("meeting_id"))


def public_declarations() -> QuerySet[Declaration]:
    return Declaration.objects.filter(minutes_published("meeting_id"), _not_exempt_item())
