"""The list of resources the API serves, and the tombstones of records gone from it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from audit.models import AuditEntry
from council.models import Body, Membership, Person
from meetings.models import AgendaItem, Meeting
from papers.models import Document
from proceedings.models import Minute, Motion, Resolution, Vote
from publishing.models import EventKind, PublicationEvent
from publishing.public import is_public

from . import decision_resources, document_resources
from . import meeting_resources as mr
from . import proceedings_resources as pr
from . import resources as r
from .declare import Field, Filter, Resource, attr
from .fields import ref

MODELS = {
    "bodies": Body,
    "people": Person,
    "memberships": Membership,
    "meetings": Meeting,
    "agenda_items": AgendaItem,
    "documents": Document,
    "minutes": Minute,
    "motions": Motion,
    "votes": Vote,
    "decisions": Resolution,
}


@dataclass
class Tombstone:
    type: str
    pk: int
    at: dt.datetime | None
    reason: str  # "deleted" or "withdrawn"
    note: str | None = None
    meeting_id: int | None = None

    @property
    def modified(self):
        return self.at


def tombstones() -> list[Tombstone]:
    """Records deleted (from the audit trail) and papers withdrawn from published agendas
    (from the public document history), oldest first. Only the type and id of a deleted
    record are given: what it said may have been exempt."""
    cts = {ContentType.objects.get_for_model(m).pk: name for name, m in MODELS.items()}
    rows = []
    for ct, object_id, at in AuditEntry.objects.filter(
        action=AuditEntry.Action.DELETE, content_type_id__in=list(cts)
    ).values_list("content_type_id", "object_id", "at"):
        if object_id.isdigit():
            rows.append(Tombstone(cts[ct], int(object_id), at, "deleted"))
    for event in PublicationEvent.objects.filter(kind=EventKind.PAPER_WITHDRAWN).select_related(
        "document__parent"
    ):
        if event.document_id and is_public(event.document):
            rows.append(
                Tombstone(
                    "documents",
                    event.document_id,
                    event.at,
                    "withdrawn",
                    event.note or None,
                    event.meeting_id,
                )
            )
    epoch = dt.datetime.min.replace(tzinfo=dt.UTC)
    return sorted(rows, key=lambda t: (t.at or epoch, t.type, t.pk))


def _tombstones_apply(rows, values):
    if "type" in values:
        rows = [t for t in rows if t.type == values["type"]]
    if "updated_since" in values:
        rows = [t for t in rows if t.at is not None and t.at >= values["updated_since"]]
    return rows


TOMBSTONES = Resource(
    name="tombstones",
    title="Tombstones",
    singular="tombstone",
    description="Records that have gone: deleted from the record, or papers withdrawn from a "
    "published agenda (with the public reason). Harvesters remove their copies.",
    fields=[
        Field(
            "type",
            "string",
            "The resource the record belonged to.",
            attr("type"),
            enum=list(MODELS),
        ),
        Field("id", "integer", "The record's id.", attr("pk")),
        Field(
            "deleted", "boolean", "Always true: the record is no longer served.", lambda o, c: True
        ),
        Field(
            "reason",
            "string",
            "deleted, or withdrawn (a paper taken off an agenda).",
            attr("reason"),
            enum=["deleted", "withdrawn"],
        ),
        Field("at", "date-time", "When.", attr("at"), nullable=True),
        Field(
            "note", "string", "Withdrawn papers: the public reason.", attr("note"), nullable=True
        ),
        Field(
            "meeting",
            "ref",
            "Withdrawn papers: the meeting it was withdrawn from.",
            lambda o, c: ref(c, "meetings", o.meeting_id),
            nullable=True,
        ),
    ],
    rows=tombstones,
    reuse_rows=False,
    filters=[
        Filter("updated_since", "date-time", "Only those gone at or after this moment."),
        Filter("type", "string", "Only this resource's.", enum=list(MODELS)),
    ],
    apply=_tombstones_apply,
    example_filter="type=documents",
)

RESOURCES: dict[str, Resource] = {
    res.name: res
    for res in [
        r.BODIES,
        r.PEOPLE,
        r.MEMBERSHIPS,
        mr.MEETINGS,
        mr.AGENDA_ITEMS,
        document_resources.DOCUMENTS,
        pr.MINUTES,
        pr.MOTIONS,
        decision_resources.VOTES,
        decision_resources.DECISIONS,
        TOMBSTONES,
    ]
}

#: Resources with a detail endpoint (tombstones are a list only).
DETAIL = [name for name in RESOURCES if name != "tombstones"]
