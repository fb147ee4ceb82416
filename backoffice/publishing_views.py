"""Democratic services' pages in the back office: the publication dashboard and the page that
publishes a meeting's agenda (or its next supplement). Mounted by ``AgendaPublicationAdmin``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from backoffice import exempt_rows
from council.dates import authority_today
from meetings.models import Meeting
from publishing import dashboard as figures
from publishing import deadlines, services, supplements
from publishing.models import AgendaPublication

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PeriodForm(forms.Form):
    start = forms.DateField(label="From", required=False, widget=DATE)
    end = forms.DateField(label="To", required=False, widget=DATE)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            raise ValidationError("The “From” date must be on or before the “To” date.")
        return data


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last twelve months, ending today."""
    return today - dt.timedelta(days=365), today


def _context(model_admin, request, title: str) -> dict:
    return {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "opts": model_admin.model._meta,
    }


def dashboard(model_admin) -> Callable[[HttpRequest], HttpResponse]:
    def view(request: HttpRequest) -> HttpResponse:
        """Upcoming meetings against their deadlines, and the on-time share for a period."""
        if not model_admin.has_view_permission(request):
            raise PermissionDenied
        today = authority_today()
        start, end = default_period(today)
        form = PeriodForm(request.GET or None, initial={"start": start, "end": end})
        status, share = 200, None
        if form.is_bound and not form.is_valid():
            status = 400  # the page still renders, with the problem on the form
        else:
            if form.is_bound:
                start = form.cleaned_data["start"] or start
                end = form.cleaned_data["end"] or end
                if start > end:
                    form.add_error(None, "The “From” date must be on or before the “To” date.")
                    status = 400
            if status == 200:
                share = figures.on_time_share(start, end)
        return TemplateResponse(
            request,
            "admin/publishing/dashboard.html",
            {
                **_context(model_admin, request, "Publication dashboard"),
                "rows": figures.upcoming(today),
                "today": today,
                "form": form,
                "share": share,
                "due_soon_days": deadlines.DUE_SOON_DAYS,
            },
            status=status,
        )

    return view


class PublishForm(forms.Form):
    late_reason = forms.CharField(
        label="Reason for late publication",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required once the deadline day has passed; kept with the publication record "
        "and shown in the meeting's public history.",
    )
    override_reason = forms.CharField(
        label="Reason for publishing with nobody to summon",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only when nobody serves on the body on the meeting's date: publishing is "
        "refused without it. Kept with the publication record.",
    )


def publish(model_admin) -> Callable[..., HttpResponse]:
    def view(request: HttpRequest, meeting_id: int) -> HttpResponse:
        """Publish the agenda (or the next supplement) of one meeting."""
        if not model_admin.has_view_permission(request):
            raise PermissionDenied
        meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=meeting_id)
        published = services.is_published(meeting)
        form = PublishForm(request.POST if request.method == "POST" else None)
        if form.is_bound and form.is_valid():
            try:
                if published:
                    done = supplements.publish_supplement(meeting, actor=request.user)
                else:
                    done = services.publish_agenda(
                        meeting,
                        actor=request.user,
                        late_reason=form.cleaned_data["late_reason"],
                        override_reason=form.cleaned_data["override_reason"],
                    )
            except (ValidationError, PermissionDenied) as error:
                for message in getattr(error, "messages", [str(error)]):
                    form.add_error(None, message)
            else:
                messages.success(request, f"{done} published.")
                return redirect(reverse("admin:publishing_dashboard"))
        due = deadlines.deadline(meeting)
        today = authority_today()
        return TemplateResponse(
            request,
            "admin/publishing/publish.html",
            {
                **_context(model_admin, request, f"Publish: {meeting}"),
                "meeting": meeting,
                "published": published,
                "publications": AgendaPublication.objects.filter(meeting=meeting),
                "deadline": due,
                "days_left": deadlines.working_days_left(due, today),
                "past_deadline": deadlines.is_past(meeting, due=due),
                **_papers_shown(request, meeting),
                "nobody_to_summon": not published and bool(services.nobody_to_summon(meeting)),
                "form": form,
            },
            status=400 if form.errors else 200,
        )

    return view


WITHHELD = "an exempt paper (withheld)"


def _papers_shown(request, meeting: Meeting) -> dict:
    """The papers to publish and what stops them, with the titles of exempt papers the
    officer may not see withheld (``backoffice.exempt_rows``: the title names exempt business)."""
    pending = services.pending_papers(meeting)
    problems = services.publication_problems(meeting)
    for link in pending:
        link.withheld = not exempt_rows.may_see(request.user, link)
        if link.withheld:
            problems = [p.replace(link.document.title, WITHHELD) for p in problems]
    return {"pending": pending, "problems": problems, "withheld": WITHHELD}
