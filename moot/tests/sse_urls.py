"""Moot's addresses and a test-only server-sent event stream: an event every 0.1 s for at
most 30 s, written as an asynchronous iterator, as a live stream must be under ASGI (Django
reads a synchronous one whole before sending any of it)."""

import asyncio

from django.http import StreamingHttpResponse
from django.urls import path

from moot.urls import handler404, handler500  # noqa: F401
from moot.urls import urlpatterns as moot_urlpatterns


async def events(request):
    async def stream():
        for n in range(300):
            yield f"id: {n}\ndata: tick {n}\n\n".encode()
            await asyncio.sleep(0.1)

    response = StreamingHttpResponse(stream(), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    return response


urlpatterns = [path("test-events/", events), *moot_urlpatterns]
