"""The meeting's agenda packs: their versions and build progress (a fragment the page polls
every 2 seconds while a build runs), their PDFs for democratic services, and a rebuild with
its reason (``papers.packs.request_pack``)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from access import exempt_log
from meetings.models import Meeting
from papers import packs
from papers.delivery import private_file_response
from papers.files import PDF
from papers.models import AgendaPack, PackKind, PackStatus

from ..gate import officer
from ..packs_page import NAMES, holds_exempt, packs_page


class RebuildForm(forms.Form):
    kind = forms.ChoiceField(
        label="Which pack",
        choices=[
            (PackKind.PUBLIC, "Public reports pack"),
            (PackKind.MEMBERS, "Members' pack (with the exempt papers)"),
        ],
        error_messages={
            "required": "Choose the pack to rebuild.",
            "invalid_choice": "Choose the public reports pack or the members' pack.",
        },
    )
    reason = forms.CharField(
        label="Reason for rebuilding",
        required=False,
        max_length=500,
        help_text="Needed once the agenda is published: the rebuilt pack is a new version, "
        "listed with this reason in the meeting's public document history. The earlier "
        "version stays available.",
    )


def _meeting(pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("body"), pk=pk)


def _packs(request: HttpRequest, meeting: Meeting, form: RebuildForm) -> HttpResponse:
    return render(
        request,
        "workspace/packs.html",
        {
            "m": meeting,
            "page": packs_page(meeting),
            "problems": packs.problems(meeting),
            "form": form,
            "nav_section": "meetings",
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@officer
def packs_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The packs; a POST rebuilds one (queued for the worker, then shown building)."""
    meeting = _meeting(pk)
    form = RebuildForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        kind = form.cleaned_data["kind"]
        try:
            packs.request_pack(
                meeting, kind, reason=form.cleaned_data["reason"], actor=request.user
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, f"A new version of the {NAMES[kind]} is queued to build.")
            return redirect(reverse("workspace:packs", args=[meeting.pk]))
    return _packs(request, meeting, form)


@require_safe
@officer
def progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The packs' versions and progress alone: the packs page fetches it every 2 seconds
    while a build runs; once none runs the fragment comes back without the polling."""
    meeting = _meeting(pk)
    return render(
        request, "workspace/packs_progress.html", {"m": meeting, "page": packs_page(meeting)}
    )


@require_safe
@officer
def download(request: HttpRequest, pk: int, pack: int) -> HttpResponse:
    """A built pack's PDF, any version (a withdrawn one included: democratic services keep
    the record). The members' pack, or a pack withdrawn for an exempt paper, is logged."""
    found = get_object_or_404(
        AgendaPack.objects.select_related("meeting__body"), pk=pack, meeting_id=pk
    )
    if found.status != PackStatus.BUILT or not found.file:
        raise Http404("This pack has not been built.")
    name = found.file.name.rsplit("/", 1)[-1]
    response = private_file_response(
        request, found.file.name, storage=found.file.storage, content_type=PDF, filename=name
    )
    if holds_exempt(found):
        exempt_log.record(
            request,
            exempt_log.Surface.BACK_OFFICE,
            str(found),
            action="download",
            meeting=found.meeting,
        )
    return response
