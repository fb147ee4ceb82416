"""What of the record is public, as the API reads it. Documents and agenda items follow the
website's own rules (``website.queries``); proceedings go only through ``proceedings.public``.

Modification times come from the audit trail: ``modified(Model)`` is the time of the latest
audit entry about a row (every change to the record is audited), as a subquery.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, CharField, DateTimeField, F, Max, OuterRef, Q, Subquery, When
from django.db.models.functions import Cast, Coalesce, Greatest

from audit.models import AuditEntry
from meetings.models import AgendaItem, Meeting, exempt_item_q
from papers.models import Document, DocumentVersion, ItemPaper
from proceedings.models import Minute
from proceedings.public import public_minutes, published_meetings
from publishing import inspection
from publishing.models import AgendaPublication
from publishing.public import public_q
from publishing.state import published_exists
from publishing.versions import published_versions


def about(model) -> Q:
    """Audit entries about ``model``, by its name rather than its content type's id: the
    resources' queries are built once and reused (``Resource.base_rows``), and must not hold
    an id that a flushed test database can give to another type."""
    meta = model._meta.concrete_model._meta
    return Q(content_type__app_label=meta.app_label, content_type__model=meta.model_name)


def modified(model, ref: str = "pk", entries: Q | None = None) -> Subquery:
    """The time of the latest audit entry about the row (``ref`` reaches its key), of those
    ``entries`` selects (default all)."""
    rows = AuditEntry.objects.filter(about(model), object_id=Cast(OuterRef(ref), CharField()))
    if entries is not None:
        rows = rows.filter(entries)
    return Subquery(rows.order_by("-at").values("at")[:1], output_field=DateTimeField())


# What the public see of exempt business (``api.meeting_resources.AGENDA_ITEMS``): an audit entry
# about an exempt item counts towards public times only when it changed one of these, so the
# moment its purpose or motion was edited is not given away (validators change only with
# public fields).
EXEMPT_ITEM_PUBLIC_FIELDS = (
    "meeting",
    "number",
    "title",
    "order",
    "parent",
    "part",
    "exempt_paragraph",
    "kind",
)
EXEMPT_ITEM_ENTRIES = Q(changes__has_any_keys=list(EXEMPT_ITEM_PUBLIC_FIELDS))


def item_modified(ref: str = "pk") -> Case:
    """``modified(AgendaItem)`` counting, for exempt business, only changes to public fields."""
    return Case(
        When(exempt_item_q(), then=modified(AgendaItem, ref, EXEMPT_ITEM_ENTRIES)),
        default=modified(AgendaItem, ref),
        output_field=DateTimeField(),
    )


MEETING_CHANGES = (
    "changed_own",
    "changed_items",
    "changed_exempt_items",
    "changed_minutes",
    "changed_agenda",
    "changed_published",
)


def meeting_changes() -> dict:
    """A meeting changes with its own record, its agenda items and public minutes, and when
    its agenda (or a supplement) or its minutes are published. One annotation each (a single
    expression combining them would repeat every subquery); ``changed_since`` asks whether
    any is later than a moment. For a page of meetings the API reads the same times in a few
    batch queries instead (``meeting_resources._meetings_prepare``)."""

    changes = {
        "changed_own": modified(Meeting),
        # Items count once the agenda is published (before, they are not served); exempt
        # business only by its public fields.
        "changed_items": children_modified(
            AgendaItem,
            "meeting",
            AgendaItem.objects.filter(published_exists("meeting")).exclude(exempt_item_q()),
        ),
        "changed_exempt_items": children_modified(
            AgendaItem,
            "meeting",
            AgendaItem.objects.filter(published_exists("meeting")).filter(exempt_item_q()),
            EXEMPT_ITEM_ENTRIES,
        ),
        # Only public minutes: even the moment an exempt minute changed is not given away.
        "changed_minutes": children_modified(Minute, "meeting", public_minutes()),
        "changed_agenda": agenda_published_at(),
        "changed_published": Subquery(
            published_meetings()
            .filter(pk=OuterRef("pk"))
            .values("minutes_record__published_at")[:1],
            output_field=DateTimeField(),
        ),
    }
    assert tuple(changes) == MEETING_CHANGES
    return changes


def changed_since(names, moment) -> Q:
    q = Q()
    for name in names:
        q |= Q(**{f"{name}__gte": moment})
    return q


def latest_audit(groups: dict, entries: Q | None = None) -> dict:
    """{(model, id): time of its latest audit entry} for the ids in ``groups`` ({model:
    ids}), of the entries ``entries`` selects (default all). One query."""
    q = Q()
    cts = {}
    for model, ids in groups.items():
        ids = [str(i) for i in ids]
        if ids:
            ct = ContentType.objects.get_for_model(model, for_concrete_model=True).pk
            cts[ct] = model
            q |= Q(content_type_id=ct, object_id__in=ids)
    if not cts:
        return {}
    rows = AuditEntry.objects.filter(q)
    if entries is not None:
        rows = rows.filter(entries)
    rows = (
        rows.values("content_type_id", "object_id")
        .annotate(at=Max("at"))
        .values_list("content_type_id", "object_id", "at")
    )
    return {(cts[ct], int(pk)): at for ct, pk, at in rows}


def agenda_published_at() -> Subquery:
    """For a meeting queryset: when its agenda or latest supplement was published."""

    return Subquery(
        AgendaPublication.objects.filter(meeting=OuterRef("pk"))
        .exclude(published_at=None)
        .order_by("-published_at")
        .values("published_at")[:1],
        output_field=DateTimeField(),
    )


def children_modified(model, parent: str, rows=None, entries: Q | None = None) -> Subquery:
    """The latest audit entry (of those ``entries`` selects) about any ``model`` row (of
    ``rows``, default all) whose ``parent`` is the outer row."""
    rows = rows if rows is not None else model.objects.all()
    ids = (
        rows.filter(**{parent: OuterRef(OuterRef("pk"))})
        .annotate(key=Cast("pk", CharField()))
        .values("key")
    )
    audit = AuditEntry.objects.filter(about(model), object_id__in=ids)
    if entries is not None:
        audit = audit.filter(entries)
    return Subquery(audit.order_by("-at").values("at")[:1], output_field=DateTimeField())


def latest_change():
    """When anything in the record last changed (None for an empty trail)."""
    return AuditEntry.objects.aggregate(at=Max("at"))["at"]


def public_document_ids() -> tuple[set[int], dict[int, DocumentVersion]]:
    """Ids of the documents the public may read (unrestricted, on a published agenda — itself
    or as an appendix of a report that is — and with a published version), and those
    versions by document id. Restricted documents never appear here."""
    published = inspection.all_paper_ids()
    tops = {
        doc
        for pk, doc in ItemPaper.objects.filter(public_q("document__")).values_list(
            "pk", "document_id"
        )
        if pk in published
    }
    appendices = (
        set(Document.objects.filter(public_q(), parent_id__in=tops).values_list("pk", flat=True))
        if tops
        else set()
    )
    versions = published_versions(tops | appendices)
    return set(versions), versions


def documents_queryset(ids):
    version_time = Subquery(
        DocumentVersion.objects.filter(document=OuterRef("pk"))
        .order_by("-published_at")
        .values("published_at")[:1],
        output_field=DateTimeField(),
    )
    return (
        Document.objects.filter(pk__in=sorted(ids))
        .select_related("parent")
        .annotate(
            modified=Greatest(
                F("updated_at"),
                Coalesce(modified(Document), F("updated_at")),
                Coalesce(version_time, F("updated_at")),
            )
        )
        .order_by("pk")
    )


def meeting_documents_q(meeting_q: Q) -> Q:
    """Documents attached to items of the meetings ``meeting_q`` selects (by ``item__meeting``
    lookups), or appendices of such documents."""
    attached = ItemPaper.objects.filter(meeting_q).values("document_id")
    return Q(pk__in=attached) | Q(parent_id__in=attached)
