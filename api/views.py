"""Thin views over ``api.services``: JSON with ETag and Last-Modified (304 on a conditional
GET), open CORS, and every client error as a JSON message (never a 500 for bad input)."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag

from . import export, openapi, popolo, services
from .catalogue import DETAIL, RESOURCES
from .params import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, ApiError, check_query_string

CODE_LOADED = dt.datetime.now(dt.UTC).replace(microsecond=0)

CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since, Accept",
    "Access-Control-Expose-Headers": "ETag, Last-Modified",
    "Access-Control-Max-Age": "86400",
}


def _cors(response: HttpResponse) -> HttpResponse:
    for name, value in CORS.items():
        response[name] = value
    return response


def error_response(error: ApiError) -> HttpResponse:
    response = HttpResponse(
        json.dumps(error.as_dict()), status=error.status, content_type="application/json"
    )
    if error.status == 405:
        response["Allow"] = "GET, HEAD, OPTIONS"
    return _cors(response)


def api_view(view):
    """GET and HEAD answered, OPTIONS answered for CORS preflight, other methods a JSON 405;
    ``ApiError`` becomes its JSON response; the query string must be UTF-8."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = "GET, HEAD, OPTIONS"
            return _cors(response)
        if request.method not in ("GET", "HEAD"):
            return error_response(
                ApiError(f"{request.method} is not allowed: the API is read-only.", status=405)
            )
        try:
            check_query_string(request.META.get("QUERY_STRING", ""))
            response = view(request, *args, **kwargs)
        except ApiError as error:
            return error_response(error)
        return _cors(response)

    wrapped.csrf_exempt = True
    return wrapped


def base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def conditional(
    request,
    body: bytes,
    content_type: str,
    modified: dt.datetime | None = None,
    etag: str | None = None,
) -> HttpResponse:
    """``body`` with its ETag (a hash of the bytes) and Last-Modified, or a 304.

    Both validators come from the public representation only, so they change only when
    something public changes (never with an exempt field): the ETag hashes the body, and
    Last-Modified is the latest ``updated_at`` the body shows (``export.latest_update``). A
    body with no such time has an ETag and no Last-Modified."""
    etag = quote_etag(etag or hashlib.sha256(body).hexdigest()[:32])
    headers = {"ETag": etag, "Cache-Control": "public, max-age=0, must-revalidate"}
    if modified is not None:
        headers["Last-Modified"] = http_date(modified.timestamp())
    probe = HttpResponse(headers=headers)
    answer = get_conditional_response(
        request,
        etag=etag,
        last_modified=int(modified.timestamp()) if modified else None,
        response=probe,
    )
    if answer is not probe:
        return answer
    return HttpResponse(body, content_type=content_type, headers=headers)


def json_response(request, data) -> HttpResponse:
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    return conditional(request, body, "application/json", export.latest_update(data))


def list_view(name: str):
    @api_view
    def view(request):
        return json_response(request, services.list_page(name, request.GET, base_url(request)))

    view.__name__ = f"list_{name}"
    return view


def detail_view(name: str):
    @api_view
    def view(request, pk: str):
        data = services.detail(name, int(pk), base_url(request)) if pk.isdigit() else None
        if data is None:
            raise ApiError(
                f"There is no public {RESOURCES[name].singular.replace('_', ' ')} with id {pk}.",
                status=404,
            )
        services.single_values_check(request.GET)
        return json_response(request, data)

    view.__name__ = f"detail_{name}"
    return view


@api_view
def schema(request):
    services.single_values_check(request.GET)
    body = json.dumps(
        openapi.schema(base_url(request)), cls=DjangoJSONEncoder, ensure_ascii=False
    ).encode()
    # The schema is the code's: it last changed when this code was loaded.
    return conditional(request, body, "application/json", CODE_LOADED)


@api_view
def popolo_view(request):
    services.single_values_check(request.GET)
    base = base_url(request)
    body = json.dumps(popolo.export(base), cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    # Popolo gives no times of its own: the latest public change it draws on, as the export's.
    return conditional(request, body, "application/json", export.validators(base)[1])


@api_view
def export_view(request):
    services.single_values_check(request.GET)
    # The archive is built as it is sent; its validators come from its public content.
    etag, modified = export.validators(base_url(request))
    probe = conditional(request, b"", "application/zip", modified, etag)
    if probe.status_code == 304:
        return probe
    response = StreamingHttpResponse(
        export.stream(base_url(request)), content_type="application/zip"
    )
    for name in ("ETag", "Last-Modified", "Cache-Control"):
        response[name] = probe[name]
    response["Content-Disposition"] = 'attachment; filename="moot-open-data.zip"'
    return response


@api_view
def not_found(request, path=""):
    raise ApiError(
        f"There is nothing at /api/{path}. The endpoints are listed at /api/ and "
        "described at /api/schema.",
        status=404,
    )


def docs(request):
    """The browsable documentation: every endpoint with its parameters and an example."""
    if request.method not in ("GET", "HEAD"):
        return error_response(ApiError("The documentation page is read-only.", status=405))
    base = base_url(request)
    endpoints = []
    for name, res in RESOURCES.items():
        endpoints.append(
            {
                "resource": res,
                "list": f"/api/{name}/",
                "detail": f"/api/{name}/{{id}}/" if name in DETAIL else None,
                "example": f"{base}/api/{name}/?{res.example_filter}"
                if res.example_filter
                else f"{base}/api/{name}/",
            }
        )
    return _cors(
        render(
            request,
            "api/docs.html",
            {
                "endpoints": endpoints,
                "base": base,
                "default_page_size": DEFAULT_PAGE_SIZE,
                "max_page_size": MAX_PAGE_SIZE,
            },
        )
    )
