"""The declarative description of an API resource: its fields (name, type, description and how
to read the value) and its filters. The same description serialises records
(``Resource.serialise``), builds the OpenAPI schema (``api.openapi``) and the documentation
page, so the three cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

# JSON Schema fragments for the field types used.
TYPES: dict[str, dict] = {
    "integer": {"type": "integer"},
    "string": {"type": "string"},
    "boolean": {"type": "boolean"},
    "date": {"type": "string", "format": "date"},
    "date-time": {"type": "string", "format": "date-time"},
    "time": {"type": "string", "pattern": r"^\d{2}:\d{2}(:\d{2})?$"},
    "uri": {"type": "string", "format": "uri"},
    "ref": {"$ref": "#/components/schemas/Ref"},
    "document_link": {"$ref": "#/components/schemas/DocumentLink"},
}


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # a key of TYPES, "array" (with ``items``) or "object" (with ``schema``)
    description: str
    get: Callable[[Any, Context], Any]
    nullable: bool = False
    items: str | dict | None = None  # for arrays: a TYPES key or a schema
    schema: dict | None = None  # for objects
    enum: Sequence[str] | None = None

    def json_schema(self) -> dict:
        if self.type == "array":
            items = TYPES[self.items] if isinstance(self.items, str) else self.items
            schema = {"type": "array", "items": items}
        elif self.type == "object":
            schema = dict(self.schema or {"type": "object"})
        else:
            schema = dict(TYPES[self.type])
        if self.enum is not None:
            schema["enum"] = list(self.enum) + ([None] if self.nullable else [])
        if self.nullable:
            if "$ref" in schema:
                schema = {"allOf": [schema], "nullable": True}
            else:
                schema["nullable"] = True
        schema["description"] = self.description
        return schema


@dataclass(frozen=True)
class Filter:
    name: str
    type: str  # "integer", "date", "date-time" or "string" (with enum)
    description: str
    enum: Sequence[str] | None = None

    def json_schema(self) -> dict:
        if self.type == "integer":
            return {"type": "integer", "minimum": 1, "maximum": 2**63 - 1}
        schema = dict(TYPES[self.type])
        if self.enum is not None:
            schema["enum"] = list(self.enum)
        return schema


@dataclass
class Context:
    """What serialising a batch of records needs besides the records: the site's base URL
    and whatever the resource loaded for the whole batch at once (``Resource.prepare``)."""

    base: str
    data: dict[str, Any] = field(default_factory=dict)

    def api(self, path: str) -> str:
        return f"{self.base}/api/{path}"

    def site(self, path: str) -> str:
        return f"{self.base}{path}"


@dataclass
class Resource:
    name: str  # the URL segment: "meetings"
    title: str  # "Meetings"
    singular: str  # "meeting": schema component and example wording
    description: str
    fields: list[Field]
    #: The public rows, each with ``updated_at`` (annotated), in a stable order.
    rows: Callable[[], Any]
    filters: list[Filter] = field(default_factory=list)
    #: Applies the parsed filters to ``rows()``.
    apply: Callable[[Any, dict[str, Any]], Any] = lambda rows, values: rows
    #: Loads what a batch of records needs in a few queries; returns ``Context.data``.
    prepare: Callable[[list, Context], dict] = lambda records, ctx: {}
    #: One public row by id, or None.
    one: Callable[[int], Any] | None = None
    example_filter: str = ""
    #: ``rows()`` builds the same query every time: build it once and clone it (building a
    #: query with many subqueries costs far more than running it).
    reuse_rows: bool = True
    _built: Any = field(default=None, init=False, repr=False)

    def base_rows(self):
        if not self.reuse_rows:
            return self.rows()
        if self._built is None:
            self._built = self.rows()
        return self._built.all()

    @property
    def label(self) -> str:
        return self.singular.replace("_", " ")

    @property
    def component(self) -> str:
        return "".join(p.capitalize() for p in self.singular.split("_"))

    def serialise(self, records: list, ctx: Context) -> list[dict]:
        ctx.data.update(self.prepare(records, ctx))
        return [{f.name: plain(f.get(r, ctx)) for f in self.fields} for r in records]

    def json_schema(self) -> dict:
        return {
            "type": "object",
            "description": self.description,
            "additionalProperties": False,
            "required": [f.name for f in self.fields],
            "properties": {f.name: f.json_schema() for f in self.fields},
        }


def plain(value: Any) -> Any:
    """JSON-ready: dates and times as ISO 8601 strings, the rest as given."""
    if isinstance(value, dt.datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def attr(name: str) -> Callable[[Any, Context], Any]:
    return lambda obj, ctx: getattr(obj, name)


def blank_none(name: str) -> Callable[[Any, Context], Any]:
    """An optional text field: None rather than an empty string."""
    return lambda obj, ctx: getattr(obj, name) or None
