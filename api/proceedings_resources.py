"""Minutes and motions in the open-data API, and what a meeting shows of its proceedings
(minutes status, minutes, attendance): read ONLY through ``proceedings.public``, the one gate
deciding what of the proceedings is public. Votes and decisions are in
``api.decision_resources``, which takes ``FILTERS`` and ``motion_ref`` from here."""

from __future__ import annotations

from proceedings import public
from proceedings.models import (
    AttendanceStatus,
    Minute,
    Motion,
    MotionKind,
    Office,
    Outcome,
)

from . import queries
from .declare import Context, Field, Resource, attr, blank_none
from .fields import (
    BODY,
    FROM,
    MEETING,
    TO,
    UPDATED,
    UPDATED_SINCE,
    id_field,
    meeting_filters,
    ref,
    ref_field,
    since,
)

FILTERS = [UPDATED_SINCE, BODY, MEETING, FROM, TO]


def _apply(rows, v):
    return meeting_filters(since(rows, v), v, "meeting__")


# --- on the meeting -------------------------------------------------------------------------

ATTENDEE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["person", "status", "in_chair", "substitute_for", "capacity"],
    "properties": {
        "person": {"$ref": "#/components/schemas/Ref"},
        "status": {"type": "string", "enum": AttendanceStatus.values},
        "in_chair": {"type": "boolean"},
        "substitute_for": {"allOf": [{"$ref": "#/components/schemas/Ref"}], "nullable": True},
        "capacity": {"type": "string", "nullable": True},
    },
}


def meetings_prepare(records, ctx: Context) -> dict:
    ids = [m.pk for m in records]
    # Which minutes are public is public.py's answer; the record then says how far along.
    status, published_at = {}, {}
    for pk, state, at in (
        public.published_meetings()
        .filter(pk__in=ids)
        .values_list("pk", "minutes_record__status", "minutes_record__published_at")
    ):
        status[pk], published_at[pk] = state, at
    minutes: dict[int, list[int]] = {}
    attendance: dict[int, list] = {}
    if status:
        for meeting_id, pk in (
            public.public_minutes()
            .filter(meeting_id__in=list(status))
            .order_by("number", "pk")
            .values_list("meeting_id", "pk")
        ):
            minutes.setdefault(meeting_id, []).append(pk)
        for a in (
            public.public_attendance()
            .filter(meeting_id__in=list(status))
            .order_by("status", "order", "pk")
        ):
            attendance.setdefault(a.meeting_id, []).append(a)
    return {
        "minutes_status": status,
        "minutes": minutes,
        "attendance": attendance,
        "minutes_published_at": published_at,
    }


def meeting_fields() -> list[Field]:
    return [
        Field(
            "minutes_status",
            "string",
            "published_draft, approved or signed once the minutes are public; null before.",
            lambda o, c: c.data["minutes_status"].get(o.pk),
            nullable=True,
            enum=[str(s) for s in public.PUBLIC_STATUSES],
        ),
        Field(
            "minutes",
            "array",
            "The public minutes, in number order.",
            lambda o, c: [ref(c, "minutes", pk) for pk in c.data["minutes"].get(o.pk, [])],
            items="ref",
        ),
        Field(
            "attendance",
            "array",
            "Who attended, sent apologies or was in attendance (public with the minutes).",
            lambda o, c: [
                {
                    "person": ref(c, "people", a.person_id),
                    "status": a.status,
                    "in_chair": a.in_chair,
                    "substitute_for": ref(c, "people", a.substitute_for_id),
                    "capacity": a.capacity or None,
                }
                for a in c.data["attendance"].get(o.pk, [])
            ],
            items=ATTENDEE,
        ),
    ]


# --- minutes --------------------------------------------------------------------------------


def _minutes():
    return (
        public.public_minutes()
        .annotate(modified=queries.modified(Minute))
        .order_by("meeting__date", "meeting_id", "number", "pk")
    )


def _minutes_prepare(records, ctx):
    resolutions: dict[int, list[int]] = {}
    for minute_id, pk in (
        public.public_resolutions()
        .filter(minute_id__in=[m.pk for m in records])
        .order_by("pk")
        .values_list("minute_id", "pk")
    ):
        resolutions.setdefault(minute_id, []).append(pk)
    return {"resolutions": resolutions}


MINUTES = Resource(
    name="minutes",
    title="Minutes",
    singular="minute",
    description="Numbered minutes of meetings whose minutes are published. Exempt minutes, "
    "and minutes of exempt items, are never included.",
    fields=[
        *id_field("minutes"),
        ref_field("meeting", "meetings", "The meeting minuted.", nullable=False),
        ref_field("body", "bodies", "The body.", nullable=False),
        Field(
            "municipal_year",
            "integer",
            "The year in which the municipal year starts.",
            attr("municipal_year"),
        ),
        Field(
            "number",
            "integer",
            "The minute's number (runs through the municipal year).",
            attr("number"),
        ),
        ref_field("agenda_item", "agenda_items", "The item minuted.", attname="item_id"),
        Field("title", "string", "The minute's heading.", attr("title")),
        Field("text", "string", "The paragraphs of the minute.", attr("text")),
        Field(
            "decisions",
            "array",
            "What was resolved.",
            lambda o, c: [ref(c, "decisions", pk) for pk in c.data["resolutions"].get(o.pk, [])],
            items="ref",
        ),
        UPDATED,
    ],
    rows=_minutes,
    filters=FILTERS,
    apply=_apply,
    prepare=_minutes_prepare,
    example_filter="meeting=1",
)


# --- motions --------------------------------------------------------------------------------


def _motions():
    return (
        public.public_motions()
        .annotate(modified=queries.modified(Motion))
        .order_by("meeting__date", "meeting_id", "order", "pk")
    )


def _motions_prepare(records, ctx):
    ids = (
        {m.pk for m in records}
        | {m.amends_id for m in records if m.amends_id}
        | {m.arose_from_id for m in records if m.arose_from_id}
    )
    visible = set(public.public_motions().filter(pk__in=ids).values_list("pk", flat=True))
    votes = dict(
        public.public_votes()
        .filter(motion_id__in=[m.pk for m in records])
        .values_list("motion_id", "pk")
    )
    return {"public_motions": visible, "votes": votes}


def motion_ref(name):
    def get(o, c):
        pk = getattr(o, f"{name}_id")
        return ref(c, "motions", pk) if pk in c.data["public_motions"] else None

    return get


MOTIONS = Resource(
    name="motions",
    title="Motions",
    singular="motion",
    description="Motions, amendments, procedural motions and elections put to meetings, once "
    "the minutes are published; never those on exempt items.",
    fields=[
        *id_field("motions"),
        ref_field("meeting", "meetings", "The meeting.", nullable=False),
        ref_field("agenda_item", "agenda_items", "The item it was moved on.", attname="item_id"),
        Field(
            "kind",
            "string",
            "Substantive, amendment, procedural or election.",
            attr("kind"),
            enum=MotionKind.values,
        ),
        Field("text", "string", "The words of the motion.", attr("text")),
        Field(
            "resulting_text",
            "string",
            "Amendments: the motion as amended.",
            blank_none("resulting_text"),
            nullable=True,
        ),
        ref_field("mover", "people", "Who moved it."),
        ref_field("seconder", "people", "Who seconded it."),
        Field(
            "amends",
            "ref",
            "The motion this amendment amends.",
            motion_ref("amends"),
            nullable=True,
        ),
        Field(
            "arose_from",
            "ref",
            "The carried amendment this motion came from.",
            motion_ref("arose_from"),
            nullable=True,
        ),
        ref_field("nominee", "people", "Elections: the member proposed."),
        Field(
            "office",
            "string",
            "Elections: the office.",
            blank_none("office"),
            nullable=True,
            enum=Office.values,
        ),
        Field(
            "outcome",
            "string",
            "Carried, lost, withdrawn …; null while undecided.",
            blank_none("outcome"),
            nullable=True,
            enum=[v for v in Outcome.values if v],
        ),
        Field("order", "integer", "The order in which it was put.", attr("order")),
        Field(
            "vote",
            "ref",
            "The vote on it, if there was one.",
            lambda o, c: ref(c, "votes", c.data["votes"].get(o.pk)),
            nullable=True,
        ),
        UPDATED,
    ],
    rows=_motions,
    filters=FILTERS,
    apply=_apply,
    prepare=_motions_prepare,
    example_filter="meeting=1",
)
