"""The modern.gov-compatible web service: ``/mgWebService.asmx/{Method}``.

Always an XML document, never an HTML error page: an unknown method is a 404 naming the
methods served; a missing or malformed parameter is a 400 carrying the method's empty
document (the reason in a comment before its root); an unknown id is the empty document with
200, as modern.gov answers it. Read-only: GET and HEAD, POST of a form as ASP.NET web
services also accept, and SOAP 1.1 posted to the service's own address (``soap``). No
session or cookie is read, so no CSRF token is needed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from feeds.conditional import conditional

from . import methods, soap, wsdl
from .context import Context
from .params import BadParameter, Params
from .xml import CONTENT_TYPE, child, serialise

ALLOWED = ("GET", "HEAD", "POST")


def _xml(root: ET.Element, status: int = 200, note: str = "") -> HttpResponse:
    response = HttpResponse(serialise(root, note), content_type=CONTENT_TYPE, status=status)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _error(message: str, status: int) -> HttpResponse:
    root = ET.Element("error")
    child(root, "message", message)
    return _xml(root, status)


@csrf_exempt
def service(request: HttpRequest, method: str) -> HttpResponse:
    if request.method not in ALLOWED:
        response = _error("The web service answers GET and POST requests.", 405)
        response["Allow"] = ", ".join(ALLOWED)
        return response
    found = methods.find(method)
    if found is None:
        names = ", ".join(m.name for m in methods.METHODS.values())
        return _error(f"No such method. The methods are: {names}.", 404)
    params = Params(request.GET, request.POST if request.method == "POST" else {})
    ctx = Context(f"{request.scheme}://{request.get_host()}")
    try:
        root = found.build(params, ctx)
    except BadParameter as problem:
        return _xml(found.empty(), 400, str(problem))
    # Scrapers poll: an unchanged answer is a 304 for a client that sends its ETag back.
    return conditional(request, _xml(root))


@csrf_exempt
def index(request: HttpRequest) -> HttpResponse:
    """The service's address without a method: SOAP 1.1 requests are posted here, and
    ``?WSDL`` (any case) is the service's description (``wsdl``)."""
    if request.method == "POST":
        ctx = Context(f"{request.scheme}://{request.get_host()}")
        body, status = soap.answer(request.body, request.headers.get("SOAPAction", ""), ctx)
        return HttpResponse(body, content_type=CONTENT_TYPE, status=status)
    if any(key.lower() == "wsdl" for key in request.GET):
        response = HttpResponse(wsdl.document(), content_type=CONTENT_TYPE)
        response["X-Content-Type-Options"] = "nosniff"
        return response
    names = ", ".join(m.name for m in methods.METHODS.values())
    return _error(
        f"Name a method, e.g. mgWebService.asmx/GetCommittees. The methods are: {names}.", 404
    )
