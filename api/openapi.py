"""The OpenAPI 3 description of the API, built from the resource declarations."""

from __future__ import annotations

from .catalogue import DETAIL, RESOURCES
from .params import DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "message"],
            "properties": {
                "status": {"type": "integer"},
                "message": {"type": "string"},
                "parameters": {
                    "type": "array",
                    "items": {"type": "string"},
                    "description": "The query parameters at fault.",
                },
            },
        }
    },
}

REF = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "url"],
    "description": "A link to another record: its id and its address in the API.",
    "properties": {"id": {"type": "integer"}, "url": {"type": "string", "format": "uri"}},
}

DOCUMENT_LINK = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "url", "html_url", "title", "restricted", "exempt_paragraph"],
    "description": "A paper as listed. A restricted (exempt or confidential) paper is a stub: "
    'id, url and html_url are null and the title is "Restricted".',
    "properties": {
        "id": {"type": "integer", "nullable": True},
        "url": {"type": "string", "format": "uri", "nullable": True},
        "html_url": {"type": "string", "format": "uri", "nullable": True},
        "title": {"type": "string"},
        "restricted": {"type": "boolean"},
        "exempt_paragraph": {"type": "integer", "nullable": True},
    },
}

CACHE_HEADERS = {
    "ETag": {
        "description": "Identifies this representation; send it back in If-None-Match.",
        "schema": {"type": "string"},
    },
    "Last-Modified": {"description": "When the record last changed.", "schema": {"type": "string"}},
}


def _error(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _conditional() -> list[dict]:
    return [
        {
            "name": "If-None-Match",
            "in": "header",
            "required": False,
            "description": "An ETag from an earlier response: 304 if unchanged.",
            "schema": {"type": "string"},
        },
    ]


def _list_operation(res) -> dict:
    component = f"#/components/schemas/{res.component}"
    parameters = (
        [
            {
                "name": "page",
                "in": "query",
                "required": False,
                "description": "Page number, from 1.",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
            },
            {
                "name": "page_size",
                "in": "query",
                "required": False,
                "description": f"Records per page (default {DEFAULT_PAGE_SIZE}, at most "
                f"{MAX_PAGE_SIZE}; more is a 400).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
        ]
        + [
            {
                "name": f.name,
                "in": "query",
                "required": False,
                "description": f.description,
                "schema": f.json_schema(),
            }
            for f in res.filters
        ]
        + _conditional()
    )
    page_schema = {
        "type": "object",
        "additionalProperties": False,
        "required": ["count", "page", "page_size", "pages", "next", "previous", "results"],
        "properties": {
            "count": {"type": "integer", "description": "Records matching, on all pages."},
            "page": {"type": "integer"},
            "page_size": {"type": "integer"},
            "pages": {"type": "integer"},
            "next": {"type": "string", "format": "uri", "nullable": True},
            "previous": {"type": "string", "format": "uri", "nullable": True},
            "results": {"type": "array", "items": {"$ref": component}},
        },
    }
    return {
        "operationId": f"list_{res.name}",
        "summary": f"List {res.title.lower()}",
        "description": res.description,
        "tags": [res.title],
        "parameters": parameters,
        "responses": {
            "200": {
                "description": f"A page of {res.title.lower()}.",
                "headers": CACHE_HEADERS,
                "content": {"application/json": {"schema": page_schema}},
            },
            "304": {"description": "Not modified since the ETag given."},
            "400": _error(
                "A parameter is unknown, repeated or malformed, or page_size is too large."
            ),
        },
    }


def _detail_operation(res) -> dict:
    return {
        "operationId": f"get_{res.singular}",
        "summary": f"One {res.singular.replace('_', ' ')}",
        "tags": [res.title],
        "parameters": [
            {
                "name": "id",
                "in": "path",
                "required": True,
                "description": "Moot's id.",
                "schema": {"type": "integer", "minimum": 1},
            },
            *_conditional(),
        ],
        "responses": {
            "200": {
                "description": f"The {res.singular.replace('_', ' ')}.",
                "headers": CACHE_HEADERS,
                "content": {
                    "application/json": {
                        "schema": {"$ref": f"#/components/schemas/{res.component}"}
                    }
                },
            },
            "304": {"description": "Not modified since the ETag given."},
            "404": _error("No public record has this id."),
        },
    }


def _file_operation(op_id: str, summary: str, description: str, media: str) -> dict:
    return {
        "operationId": op_id,
        "summary": summary,
        "description": description,
        "tags": ["Bulk"],
        "parameters": _conditional(),
        "responses": {
            "200": {
                "description": summary,
                "headers": CACHE_HEADERS,
                "content": {
                    media: {
                        "schema": {"type": "object"}
                        if media == "application/json"
                        else {"type": "string", "format": "binary"}
                    }
                },
            },
            "304": {"description": "Not modified since the ETag given."},
        },
    }


def schema(base: str = "") -> dict:
    paths = {}
    for name, res in RESOURCES.items():
        paths[f"/api/{name}/"] = {"get": _list_operation(res)}
        if name in DETAIL:
            paths[f"/api/{name}/{{id}}/"] = {"get": _detail_operation(res)}
    paths["/api/popolo.json"] = {
        "get": _file_operation(
            "popolo",
            "Popolo export",
            "People, organizations, memberships, posts, events (meetings), motions and vote "
            "events with counts and votes, shaped by the Popolo specification.",
            "application/json",
        )
    }
    paths["/api/export.zip"] = {
        "get": _file_operation(
            "export",
            "Everything public, in one archive",
            "A ZIP with one JSON file per resource and popolo.json.",
            "application/zip",
        )
    }
    components = {"Error": ERROR, "Ref": REF, "DocumentLink": DOCUMENT_LINK}
    components.update({res.component: res.json_schema() for res in RESOURCES.values()})
    doc = {
        "openapi": "3.0.3",
        "info": {
            "title": "Moot open data API",
            "version": "1.0.0",
            "description": "Read-only open data about the council's bodies, people, meetings, "
            "agendas, papers and proceedings. No key is needed. Lists are paged "
            "(page, page_size); unknown parameters are refused with a 400. Every "
            "response carries an ETag and Last-Modified; send If-None-Match to "
            "get a 304 when nothing changed.",
            "license": {
                "name": "Open Government Licence v3.0",
                "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            },
        },
        "paths": paths,
        "components": {"schemas": components},
    }
    if base:
        doc["servers"] = [{"url": base}]
    return doc
