"""Conditional GET for the feeds: calendar and feed readers poll every hour or so, and an
unchanged feed should cost them (and us on the wire) a 304, not the whole document again."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, set_response_etag


def conditional(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """``response`` with a strong ETag of its content, or a 304 when the client has it."""
    if response.status_code != 200 or response.streaming:
        return response
    set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)
