"""What of the record is public, as the API reads it. Documents and agenda items follow the
website's own rules (``website.queries``); proceedings go only through ``proceedings.public``.

Modification times come from the audit trail: ``modified(Model)`` is the time of the latest
audit entry about a row (every change to the record is audited), as a subquery.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, DateTimeField, F, Max, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce, Greatest

from access.models import AuditEntry
from meetings.models import AgendaItem, Meeting
from papers.models import Document, DocumentVersion, ItemPaper
from website.queries import publication
from website.queries.papers import public_q
from website.queries.versions import public_versions


def modified(model, ref: str = "pk") -> Subquery:
    """The time of the latest audit entry about the row (``ref`` reaches its key)."""
    ct = ContentType.objects.get_for_model(model, for_concrete_model=True)
    return Subquery(
        AuditEntry.objects.filter(content_type_id=ct.pk,
                                  object_id=Cast(OuterRef(ref), CharField()))
        .order_by("-at").values("at")[:1],
        output_field=DateTimeField(),
    )


def meeting_modified():
    """A meeting changes with its own record, its agenda items and minutes, and when its
    agenda (or a supplement) or its minutes are published: the latest of these."""
    from proceedings.models import Minute
    from proceedings.public import public_minutes, published_meetings
    from publishing.models import AgendaPublication

    own = modified(Meeting)
    items = children_modified(AgendaItem, "meeting")
    # Only public minutes: even the moment an exempt minute changed is not given away.
    minutes_changed = children_modified(Minute, "meeting", public_minutes())
    agenda = Subquery(AgendaPublication.objects.filter(meeting=OuterRef("pk"))
                      .exclude(published_at=None).order_by("-published_at")
                      .values("published_at")[:1], output_field=DateTimeField())
    minutes = Subquery(published_meetings().filter(pk=OuterRef("pk"))
                       .values("minutes_record__published_at")[:1],
                       output_field=DateTimeField())
    base = Coalesce(own, agenda, minutes, items, minutes_changed)
    return Greatest(base, *(Coalesce(x, base) for x in (agenda, minutes, items,
                                                          minutes_changed)))


def children_modified(model, parent: str, rows=None) -> Subquery:
    """The latest audit entry about any ``model`` row (of ``rows``, default all) whose
    ``parent`` is the outer row."""
    ct = ContentType.objects.get_for_model(model, for_concrete_model=True)
    rows = rows if rows is not None else model.objects.all()
    ids = (rows.filter(**{parent: OuterRef(OuterRef("pk"))})
           .annotate(key=Cast("pk", CharField())).values("key"))
    return Subquery(
        AuditEntry.objects.filter(content_type_id=ct.pk, object_id__in=ids)
        .order_by("-at").values("at")[:1],
        output_field=DateTimeField(),
    )


def latest_change():
    """When anything in the record last changed (None for an empty trail)."""
    return AuditEntry.objects.aggregate(at=Max("at"))["at"]


def public_document_ids() -> tuple[set[int], dict[int, DocumentVersion]]:
    """Ids of the documents the public may read (unrestricted, on a published agenda — itself
    or as an appendix of a report that is — and with a published version), and those
    versions by document id. Restricted documents never appear here."""
    published = publication.all_paper_ids()
    tops = {doc for pk, doc in ItemPaper.objects.filter(public_q("document__"))
            .values_list("pk", "document_id") if pk in published}
    appendices = set(Document.objects.filter(public_q(), parent_id__in=tops)
                     .values_list("pk", flat=True)) if tops else set()
    versions = public_versions(tops | appendices)
    return set(versions), versions


def documents_queryset(ids):
    version_time = Subquery(
        DocumentVersion.objects.filter(document=OuterRef("pk"))
        .order_by("-published_at").values("published_at")[:1],
        output_field=DateTimeField())
    return (Document.objects.filter(pk__in=sorted(ids))
            .select_related("parent")
            .annotate(modified=Greatest(
                F("updated_at"), Coalesce(modified(Document), F("updated_at")),
                Coalesce(version_time, F("updated_at"))))
            .order_by("pk"))


def meeting_documents_q(meeting_q: Q) -> Q:
    """Documents attached to items of the meetings ``meeting_q`` selects (by ``item__meeting``
    lookups), or appendices of such documents."""
    attached = ItemPaper.objects.filter(meeting_q).values("document_id")
    return Q(pk__in=attached) | Q(parent_id__in=attached)
