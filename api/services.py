"""The API's read functions, free of HTTP: a page of a resource as a dict, one record as a
dict, everything of a resource. Views, the export and benchmarks call these.

    >>> from api import services
    >>> services.list_meetings({"body": "3", "page_size": "100"})["results"][0]["date"]
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import QueryDict

from . import params as p
from .catalogue import RESOURCES
from .declare import Context, Resource

DEFAULT_BASE = "http://localhost"
PAGING = {"page", "page_size"}


def _querydict(values) -> QueryDict:
    if isinstance(values, QueryDict):
        return values
    q = QueryDict(mutable=True)
    for k, v in (values or {}).items():
        q[k] = str(v)
    return q


def parse_filters(resource: Resource, values: dict[str, str]) -> dict[str, Any]:
    """Each filter's value parsed by its type; ``from`` after ``to`` is refused."""
    parsed: dict[str, Any] = {}
    for f in resource.filters:
        if f.name not in values:
            continue
        raw = values[f.name]
        if f.type == "integer":
            parsed[f.name] = p.parse_int(f.name, raw)
        elif f.type == "date":
            parsed[f.name] = p.parse_date(f.name, raw)
        elif f.type == "date-time":
            parsed[f.name] = p.parse_datetime(f.name, raw)
        elif f.enum is not None:
            parsed[f.name] = p.parse_choice(f.name, raw, f.enum)
        else:
            parsed[f.name] = raw
    # ``from`` after ``to`` is a valid request for an empty range (the schema allows it):
    # the filters simply match nothing.
    return parsed


def list_page(name: str, query=None, base: str = DEFAULT_BASE) -> dict:
    """One page of a resource: ``count``, ``page``, ``page_size``, ``pages``, ``next``,
    ``previous`` and ``results``. Raises ``ApiError`` for bad parameters."""
    resource = RESOURCES[name]
    values = p.single_values(_querydict(query), PAGING | {f.name for f in resource.filters})
    page = p.parse_page(values)
    filters = parse_filters(resource, values)
    rows = resource.apply(resource.base_rows(), filters)
    count = rows.count() if hasattr(rows, "count") and not isinstance(rows, list) else len(rows)
    pages = max(1, -(-count // page.size))
    records = list(rows[page.offset : page.offset + page.size]) if page.number <= pages else []
    ctx = Context(base)

    def link(number):
        q = {**values, "page": str(number)}
        return ctx.api(f"{name}/?{urlencode(q)}")

    return {
        "count": count,
        "page": page.number,
        "page_size": page.size,
        "pages": pages,
        "next": link(page.number + 1) if page.number < pages else None,
        "previous": link(min(page.number - 1, pages)) if page.number > 1 else None,
        "results": resource.serialise(records, ctx),
    }


def detail(name: str, pk: int, base: str = DEFAULT_BASE) -> dict | None:
    """One public record, or None (also for an id no record could have)."""
    resource = RESOURCES[name]
    if not 0 < pk <= p.MAX_ID:
        return None
    record = resource.base_rows().filter(pk=pk).first()
    if record is None:
        return None
    return resource.serialise([record], Context(base))[0]


def everything(name: str, base: str = DEFAULT_BASE, batch: int = 500):
    """Every public record of a resource, serialised a batch at a time (for the export)."""
    resource = RESOURCES[name]
    rows = resource.base_rows()
    if isinstance(rows, list):
        yield from resource.serialise(rows, Context(base))
        return
    total = rows.count()
    for start in range(0, total, batch):
        yield from resource.serialise(list(rows[start : start + batch]), Context(base))


def list_meetings(query=None, base: str = DEFAULT_BASE) -> dict:
    """A page of meetings as ``GET /api/meetings/`` answers it (for benchmarks)."""
    return list_page("meetings", query, base)


def meeting(pk: int, base: str = DEFAULT_BASE) -> dict | None:
    return detail("meetings", pk, base)


def single_values_check(query) -> None:
    """For endpoints that take no parameters: any parameter is an error."""
    p.single_values(_querydict(query), set())
