"""Meetings and agenda items in the open-data API (documents are in
``api.document_resources``): what of each is public is publishing's gate
(``publishing.public``, ``publishing.inspection``)."""

from __future__ import annotations

from meetings.models import AgendaItem, ItemKind, Meeting, MeetingKind, MeetingStatus, exempt_item_q
from papers.models import ItemPaper
from proceedings.models import Minute
from publishing import inspection
from publishing.public import entries
from publishing.state import published_exists

from . import proceedings_resources, queries
from .declare import Field, Resource, attr, blank_none
from .document_resources import document_link
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

# --- meetings -------------------------------------------------------------------------------


def _meetings():
    return (
        Meeting.objects.select_related("body", "venue")
        .annotate(published=published_exists(), agenda_at=queries.agenda_published_at())
        .order_by("date", "pk")
    )


MEETING_CHANGES = queries.MEETING_CHANGES


def _meetings_since(rows, v):
    if "updated_since" not in v:
        return rows
    return rows.annotate(**queries.meeting_changes()).filter(
        queries.changed_since(MEETING_CHANGES, v["updated_since"])
    )


def _meetings_prepare(records, ctx):
    published = [m.pk for m in records if m.published]
    items: dict[int, list[int]] = {}
    if published:
        for meeting_id, pk in (
            AgendaItem.objects.filter(meeting_id__in=published)
            .order_by("order", "pk")
            .values_list("meeting_id", "pk")
        ):
            items.setdefault(meeting_id, []).append(pk)
    data = {"meeting_items": items}
    data.update(proceedings_resources.meetings_prepare(records, ctx))
    # When each changed, as ``queries.meeting_changes`` has it, from what is loaded already:
    # the meeting, its published items and public minutes, and the two publications.
    minute_owner = {pk: m for m, pks in data["minutes"].items() for pk in pks}
    item_owner = {pk: m for m, pks in items.items() for pk in pks}
    exempt_items = (
        set(
            AgendaItem.objects.filter(exempt_item_q(), pk__in=list(item_owner)).values_list(
                "pk", flat=True
            )
        )
        if item_owner
        else set()
    )
    audited = queries.latest_audit(
        {
            Meeting: [m.pk for m in records],
            AgendaItem: [pk for pk in item_owner if pk not in exempt_items],
            Minute: list(minute_owner),
        }
    )
    # Exempt business changes a meeting's time only by its public fields.
    audited.update(
        queries.latest_audit({AgendaItem: list(exempt_items)}, queries.EXEMPT_ITEM_ENTRIES)
    )
    times: dict[int, list] = {m.pk: [] for m in records}
    for (model, pk), at in audited.items():
        owner = (
            pk if model is Meeting else (item_owner if model is AgendaItem else minute_owner)[pk]
        )
        times[owner].append(at)
    for m in records:
        if m.agenda_at is not None:
            times[m.pk].append(m.agenda_at)
    for pk, at in data["minutes_published_at"].items():
        if at is not None:
            times[pk].append(at)
    for m in records:
        m.modified = max(times[m.pk]) if times[m.pk] else None
    return data


def _start(o):
    return o.start_time


def _meeting_fields():
    return [
        *id_field("meetings"),
        Field(
            "html_url",
            "uri",
            "The meeting's page on the council's website.",
            lambda o, c: c.site(o.get_absolute_url()),
        ),
        Field("name", "string", "The body and the date.", lambda o, c: str(o)),
        ref_field("body", "bodies", "The body that meets.", nullable=False),
        Field("date", "date", "The day of the meeting.", attr("date")),
        Field(
            "start_time", "time", "Start time (UK local time).", attr("start_time"), nullable=True
        ),
        Field(
            "end_time", "time", "Scheduled end (UK local time).", attr("end_time"), nullable=True
        ),
        Field(
            "status",
            "string",
            "Scheduled, confirmed, held, cancelled …",
            attr("status"),
            enum=MeetingStatus.values,
        ),
        Field(
            "kind",
            "string",
            "Ordinary, special, annual or extraordinary.",
            attr("kind"),
            enum=MeetingKind.values,
        ),
        Field(
            "venue",
            "string",
            "Where it is held.",
            lambda o, c: o.venue.full_name if o.venue_id else None,
            nullable=True,
        ),
        Field(
            "notes", "string", "Notes shown with the meeting.", blank_none("notes"), nullable=True
        ),
        Field("webcast_url", "uri", "Webcast link.", blank_none("webcast_url"), nullable=True),
        Field(
            "agenda_published",
            "boolean",
            "Whether the agenda is open to inspection.",
            attr("published"),
        ),
        Field(
            "agenda_items",
            "array",
            "The agenda items, in order (empty until the agenda is published).",
            lambda o, c: [
                ref(c, "agenda_items", pk) for pk in c.data["meeting_items"].get(o.pk, [])
            ],
            items="ref",
        ),
        Field(
            "documents_url",
            "uri",
            "The meeting's public documents in the API.",
            lambda o, c: c.api(f"documents/?meeting={o.pk}"),
        ),
        *proceedings_resources.meeting_fields(),
        UPDATED,
    ]


MEETINGS = Resource(
    name="meetings",
    title="Meetings",
    singular="meeting",
    description="Meetings of bodies. The notice of a meeting is public from the start; its "
    "agenda once published.",
    fields=_meeting_fields(),
    rows=_meetings,
    filters=[UPDATED_SINCE, BODY, FROM, TO],
    apply=lambda rows, v: meeting_filters(_meetings_since(rows, v), v, ""),
    prepare=_meetings_prepare,
    example_filter="body=1&from=2017-01-01&to=2017-12-31",
)


# --- agenda items ---------------------------------------------------------------------------


def _items():
    return (
        AgendaItem.objects.filter(published_exists("meeting"))
        .select_related("meeting__body", "parent")
        .annotate(modified=queries.item_modified())
        .order_by("meeting__date", "meeting_id", "order", "pk")
    )


def item_is_exempt(item: AgendaItem) -> bool:
    """An exempt item, or a sub-item of one (``AgendaItem.is_exempt``): the public see its
    number, title and paragraph."""
    return item.is_exempt


def _items_prepare(records, ctx):
    meeting_ids = {i.meeting_id for i in records}
    published = inspection.all_paper_ids(meeting_ids) if meeting_ids else set()
    links = [
        link
        for link in ItemPaper.objects.filter(item_id__in=[i.pk for i in records])
        .select_related("document__parent")
        .order_by("order", "pk")
        if link.pk in published
    ]
    listed = entries(list({link.document_id: link.document for link in links}.values()))
    by_item: dict[int, list] = {}
    for link in links:
        if link.document_id in listed:
            by_item.setdefault(link.item_id, []).append(listed[link.document_id])
    return {"item_papers": by_item}


def _public_text(name):
    return lambda o, c: None if item_is_exempt(o) else (getattr(o, name) or None)


def _public_person(name):
    return lambda o, c: None if item_is_exempt(o) else ref(c, "people", getattr(o, f"{name}_id"))


AGENDA_ITEMS = Resource(
    name="agenda_items",
    title="Agenda items",
    singular="agenda_item",
    description="Items of business on published agendas. For an exempt item (Schedule 12A) "
    "only its number, title and paragraph are public.",
    fields=[
        *id_field("agenda_items"),
        ref_field("meeting", "meetings", "The meeting.", nullable=False),
        Field("number", "string", 'As printed: "1", "14", "6(a)".', attr("number")),
        Field("title", "string", "The item's title.", attr("title")),
        Field("order", "integer", "Position on the agenda.", attr("order")),
        ref_field("parent", "agenda_items", "The item this sub-item belongs to."),
        Field(
            "exempt",
            "boolean",
            "Whether the public are likely to be excluded.",
            lambda o, c: item_is_exempt(o),
        ),
        Field(
            "exempt_paragraph",
            "integer",
            "The Schedule 12A paragraph relied on.",
            lambda o, c: o.exemption_paragraph,
            nullable=True,
        ),
        Field("kind", "string", "Report, motion, minutes …", attr("kind"), enum=ItemKind.values),
        Field(
            "purpose",
            "string",
            "What the item is for (null for an exempt item).",
            _public_text("purpose"),
            nullable=True,
        ),
        Field(
            "motion_text",
            "string",
            "For motions: the words (null for an exempt item).",
            _public_text("motion_text"),
            nullable=True,
        ),
        Field("mover", "ref", "Who will move the motion.", _public_person("mover"), nullable=True),
        Field("seconder", "ref", "Who will second it.", _public_person("seconder"), nullable=True),
        Field("urgent", "boolean", "Added as urgent business.", attr("urgent")),
        Field(
            "documents",
            "array",
            "The item's published papers; a restricted paper is a "
            "stub saying only that it is restricted.",
            lambda o, c: [
                document_link(c, e, o.meeting) for e in c.data["item_papers"].get(o.pk, [])
            ],
            items="document_link",
        ),
        UPDATED,
    ],
    rows=_items,
    filters=[UPDATED_SINCE, BODY, MEETING, FROM, TO],
    apply=lambda rows, v: meeting_filters(since(rows, v), v, "meeting__"),
    prepare=_items_prepare,
    example_filter="meeting=1",
)
