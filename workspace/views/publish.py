"""Publishing the agenda, and later papers as a supplementary agenda, from the meeting's
workspace: the page shows what will be published and what stops it; the button calls the
service (``publishing.services.publish_agenda``, ``publishing.supplements.publish_supplement``),
which locks the meeting, so two officers pressing at once publish once."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from council.dates import authority_today
from meetings.models import Meeting
from publishing import services, supplements

from ..gate import officer
from ..publication_page import OVERRIDE_FIELD, publication_page

REASON = forms.Textarea(attrs={"rows": 3, "class": "govuk-textarea"})


class PublishForm(forms.Form):
    late_reason = forms.CharField(
        label="Reason for publishing late",
        required=False,
        max_length=2000,
        widget=REASON,
        help_text="Kept with the publication record and shown in the meeting's public "
        "document history.",
    )
    override_reason = forms.CharField(
        label="Reason for publishing with nobody to summon",
        required=False,
        max_length=2000,
        widget=REASON,
        help_text="Kept with the publication record.",
    )


def _refused(form: forms.Form, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error(None, message)


def _page(request: HttpRequest, meeting: Meeting, form: forms.Form, *, supplement: bool):
    page = publication_page(meeting, authority_today(), supplement=supplement)
    return render(
        request,
        "workspace/publish.html",
        {
            "m": meeting,
            "page": page,
            "form": form,
            "override_field": OVERRIDE_FIELD,
            "nav_section": "meetings",
        },
        status=400 if form.errors else 200,
    )


def _meeting(pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("body", "venue"), pk=pk)


def _done(request: HttpRequest, meeting: Meeting, text: str) -> HttpResponse:
    messages.success(request, text)
    url = reverse("workspace:meeting", args=[meeting.pk])
    return redirect(f"{url}#publication")


@require_http_methods(["GET", "HEAD", "POST"])
@officer
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish the meeting's agenda and papers (LGA 1972 s.100B)."""
    meeting = _meeting(pk)
    form = PublishForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            services.publish_agenda(
                meeting,
                form.cleaned_data["late_reason"],
                override_reason=form.cleaned_data["override_reason"],
                actor=request.user,
            )
        except ValidationError as error:
            _refused(form, error)
        else:
            return _done(request, meeting, "The agenda is published. The summons is being sent.")
    return _page(request, meeting, form, supplement=False)


@require_http_methods(["GET", "HEAD", "POST"])
@officer
def supplement(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish the papers added since the agenda as the next supplementary agenda."""
    meeting = _meeting(pk)
    form = forms.Form(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            done = supplements.publish_supplement(meeting, actor=request.user)
        except ValidationError as error:
            _refused(form, error)
        else:
            return _done(request, meeting, f"Supplementary agenda {done.number} is published.")
    return _page(request, meeting, form, supplement=True)
