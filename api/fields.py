"""The pieces the API's resources share: references to other resources, the id and
updated_at fields, and the filters by body, meeting, date and time of change."""

from __future__ import annotations

from .declare import Context, Field, Filter, attr


def ref(ctx: Context, resource: str, pk) -> dict | None:
    if pk is None:
        return None
    return {"id": pk, "url": ctx.api(f"{resource}/{pk}/")}


def ref_field(
    name: str, resource: str, description: str, attname: str | None = None, nullable: bool = True
) -> Field:
    key = attname or f"{name}_id"
    return Field(
        name, "ref", description, lambda o, c: ref(c, resource, getattr(o, key)), nullable=nullable
    )


def id_field(resource: str) -> list[Field]:
    return [
        Field("id", "integer", "Moot's stable identifier.", attr("pk")),
        Field("url", "uri", "This record in the API.", lambda o, c: c.api(f"{resource}/{o.pk}/")),
    ]


UPDATED = Field(
    "updated_at",
    "date-time",
    "When the record last changed (from the audit trail); null if not recorded.",
    lambda o, c: o.modified,
    nullable=True,
)

UPDATED_SINCE = Filter(
    "updated_since",
    "date-time",
    "Only records changed at or after this moment (ISO 8601; a time "
    "without an offset is UK local time).",
)
BODY = Filter("body", "integer", "Only records of this body (its id).")
MEETING = Filter("meeting", "integer", "Only records of this meeting (its id).")
FROM = Filter("from", "date", "Only meetings on or after this date (YYYY-MM-DD).")
TO = Filter("to", "date", "Only meetings on or before this date (YYYY-MM-DD).")


def since(rows, values, field="modified"):
    if "updated_since" in values:
        rows = rows.filter(**{f"{field}__gte": values["updated_since"]})
    return rows


def meeting_filters(rows, values, prefix: str):
    """body, meeting, from and to, reaching the meeting through ``prefix``."""
    if "body" in values:
        rows = rows.filter(**{f"{prefix}body_id": values["body"]})
    if "meeting" in values:
        rows = rows.filter(**{f"{prefix}id" if prefix else "pk": values["meeting"]})
    if "from" in values:
        rows = rows.filter(**{f"{prefix}date__gte": values["from"]})
    if "to" in values:
        rows = rows.filter(**{f"{prefix}date__lte": values["to"]})
    return rows
