"""What of a meeting's proceedings the web service sends: minutes bodies, declaration counts
and attendance, read only through ``proceedings.public`` (the one gate for the public)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch

from meetings.models import Meeting
from proceedings import public
from proceedings.models import Attendance, AttendanceStatus, Minute

from .xml import html_text

ATTENDANCE_TEXT = {
    AttendanceStatus.PRESENT: "Present",
    AttendanceStatus.APOLOGIES: "Apologies",
    AttendanceStatus.ABSENT: "Absent",
    AttendanceStatus.ALSO_PRESENT: "Also present",
    AttendanceStatus.IN_ATTENDANCE: "In attendance",
}


@dataclass
class Proceedings:
    minutes_public: bool = False
    minutes: dict[int, list[Minute]] = field(default_factory=dict)  # by agenda item id
    declarations: dict[int, int] = field(default_factory=dict)  # count by agenda item id
    attendance: list[Attendance] = field(default_factory=list)
    decided: set[int] = field(default_factory=set)  # agenda items with a public resolution


def for_meeting(meeting: Meeting) -> Proceedings:
    """The public part of the meeting's proceedings; empty until its minutes are published.
    Five queries (one when nothing is public)."""
    if not public.minutes_are_public(meeting):
        return Proceedings()
    minutes: dict[int, list[Minute]] = {}
    for minute in (
        public.public_minutes()
        .filter(meeting=meeting, item__isnull=False)
        .prefetch_related(
            Prefetch("resolutions", queryset=public.public_resolutions().order_by("pk"))
        )
        .order_by("number")
    ):
        minutes.setdefault(minute.item_id, []).append(minute)
    declarations = {
        row["item_id"]: row["n"]
        for row in public.public_declarations()
        .filter(meeting=meeting)
        .values("item_id")
        .annotate(n=Count("pk"))
    }
    attendance = list(
        public.public_attendance()
        .filter(meeting=meeting)
        .select_related("person", "substitute_for")
        .order_by("status", "order", "pk")
    )
    decided = set(
        public.public_resolutions()
        .filter(minute__meeting=meeting, minute__item__isnull=False)
        .values_list("minute__item_id", flat=True)
    )
    return Proceedings(True, minutes, declarations, attendance, decided)


def attendance_text(record: Attendance) -> str:
    if record.status == AttendanceStatus.PRESENT and record.substitute_for_id:
        return "Present as substitute"
    return ATTENDANCE_TEXT.get(record.status, "")


def minutes_html(minutes: list[Minute]) -> str:
    """The item's public minutes as an HTML body: number and title, the paragraphs, then what
    was resolved with its lettered parts."""
    paragraphs: list[str] = []
    for minute in minutes:
        paragraphs.append(f"{minute.number}. {minute.title}")
        paragraphs += [block.strip() for block in minute.text.split("\n\n")]
        for resolution in minute.resolutions.all():
            paragraphs.append(resolution.text)
            paragraphs += [f"{letter} {text}" for letter, text in resolution.lettered_parts]
            if resolution.delegated_to:
                delegated = f"Delegated to {resolution.delegated_to}"
                if resolution.in_consultation_with:
                    delegated += f", in consultation with {resolution.in_consultation_with}"
                paragraphs.append(delegated + ".")
    return html_text(paragraphs)
