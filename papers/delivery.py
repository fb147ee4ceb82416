"""Handing a private file (a paper's file, an agenda pack) to the reader once a view has
decided they may have it.

By default Moot streams the file's bytes. Behind nginx (deploy/), ``MOOT_X_ACCEL_REDIRECT``
names an ``internal`` location that maps to the private storage's root: Moot then answers
with the location in an ``X-Accel-Redirect`` header and an empty body, and nginx sends the
file, keeping the headers Moot set (type, disposition, caching). nginx never serves that
location to a request from outside, so the access check stays Moot's alone.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from urllib.parse import quote

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.handlers.asgi import ASGIRequest
from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import content_disposition_header

from .storage import private_storage

CHUNK = 256 * 1024


def private_file_response(
    request,
    name: str,
    *,
    content_type: str,
    filename: str,
    as_attachment: bool = False,
    storage=None,
) -> HttpResponse:
    """The file stored as ``name`` (in ``storage``, the private storage by default), inline or
    as an attachment called ``filename``. A missing file is a 404, as a missing paper is.

    Under ASGI (``moot serve``) the file is read a chunk at a time in a thread, as Django
    would otherwise read all of it into memory first to serve a file asynchronously."""
    storage = storage if storage is not None else private_storage()
    location = getattr(settings, "MOOT_X_ACCEL_REDIRECT", "")
    if location:
        try:
            found = storage.exists(name)
        except OSError:
            found = False
        if not found:
            raise Http404("The file is missing")
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = location + quote(name.lstrip("/"))
        response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
        return response
    try:
        handle = storage.open(name, "rb")
    except OSError:
        raise Http404("The file is missing") from None
    response = FileResponse(
        handle, content_type=content_type, filename=filename, as_attachment=as_attachment
    )
    if isinstance(request, ASGIRequest):
        response.streaming_content = _chunks(handle)  # the handle is still closed after
    return response


async def _chunks(handle) -> AsyncIterator[bytes]:
    read = sync_to_async(handle.read, thread_sensitive=False)
    while chunk := await read(CHUNK):
        yield chunk
