"""Public pages of publishing: a meeting's document history."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from meetings.models import Meeting
from papers.delivery import private_file_response
from papers.files import PDF

from .history import public_events, public_pack_file, public_pack_versions
from .state import is_published


def history(request: HttpRequest, pk: int) -> HttpResponse:
    """Every publication, withdrawal and replacement of the meeting's papers, with times."""
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    return render(
        request,
        "publishing/history.html",
        {
            "meeting": meeting,
            "published": is_published(meeting),
            "events": public_events(meeting),
            "packs": public_pack_versions(meeting),
        },
    )


@require_safe
def pack_version(request: HttpRequest, pk: int, pack: int) -> HttpResponse:
    """One version of the meeting's public pack, as listed in the history (a withdrawn
    version, or any pack of an unpublished agenda, is the same 404 as a missing one)."""
    meeting = get_object_or_404(Meeting, pk=pk)
    found = public_pack_file(meeting, pack)
    if found is None:
        raise Http404("No such pack")
    built = found.built_at or found.requested_at
    name = f"{meeting.slug}-pack-{found.supplement}-{built:%Y%m%d-%H%M}.pdf"
    response = private_file_response(
        request, found.file.name, storage=found.file.storage, content_type=PDF, filename=name
    )
    # Caches must ask each time: the version can be withdrawn, and then this is a 404.
    response["Cache-Control"] = "no-cache"
    return response
