"""Public pages of publishing: a meeting's document history."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from meetings.models import Meeting

from .history import public_events
from .state import is_published


def history(request: HttpRequest, pk: int) -> HttpResponse:
    """Every publication, withdrawal and replacement of the meeting's papers, with times."""
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    return render(request, "publishing/history.html", {
        "meeting": meeting,
        "published": is_published(meeting),
        "events": public_events(meeting),
    })
