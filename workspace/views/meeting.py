"""The meeting's workspace: one page from which every task on the meeting is done."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from council.dates import authority_today
from meetings.models import Meeting

from ..gate import officer
from ..meeting_page import meeting_page


@require_safe
@officer
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Meeting.objects.select_related("body", "venue"), pk=pk)
    page = meeting_page(found, authority_today())
    return render(
        request, "workspace/meeting.html", {"page": page, "m": found, "nav_section": "meetings"}
    )
