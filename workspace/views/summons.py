"""The meeting's summonses: each issue's emails and dispatch list, the dispatch list printed
with a summons per member (one page each), the day paper summonses were left or posted
(``summons.services.record_posted``), a failed email sent again
(``summons.services.send_again``) and the re-issue to members not yet summoned
(``summons.services.reissue_summons``)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from meetings.models import Meeting
from summons import printing, services
from summons.models import EmailLog, SummonsIssue

from ..gate import officer
from ..summons_page import summons_page

TYPED_DATES = ["%d/%m/%Y", "%d/%m/%y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y"]


class PostedForm(forms.Form):
    """Which members of one issue's dispatch list were left or posted their summons, and when."""

    entries = forms.ModelMultipleChoiceField(
        queryset=None,
        label="Members",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choose the members whose summons was left or posted.",
            "invalid_choice": "Choose members from this dispatch list.",
            "invalid_pk_value": "Choose members from this dispatch list.",
        },
    )
    posted_on = forms.DateField(
        label="Left or posted on",
        input_formats=TYPED_DATES,
        help_text="For example, 8/9/2017 or 8 September 2017.",
        error_messages={
            "required": "Enter the day the summonses were left or posted.",
            "invalid": "Enter the day as a date, for example 8/9/2017 or 8 September 2017.",
        },
    )

    def __init__(self, issue: SummonsIssue, *args, **kwargs) -> None:
        today = timezone.localdate()
        kwargs.setdefault("initial", {"posted_on": f"{today.day}/{today.month}/{today.year}"})
        super().__init__(*args, prefix=f"issue{issue.pk}", **kwargs)
        self.issue = issue
        field = self.fields["entries"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = issue.dispatch.select_related("person")
        field.label_from_instance = lambda entry: entry.person.formal_name


def _problems(form: forms.Form | None) -> list[tuple[str, str]]:
    """The error summary's rows, each field's linked to its first input (a group of
    checkboxes has no label of its own to link to)."""
    if form is None:
        return []
    rows = [(str(e), "") for e in form.non_field_errors()]
    for field in form:
        first = f"#{field.auto_id}_0" if field.name == "entries" else f"#{field.auto_id}"
        rows += [(str(e), first) for e in field.errors]
    return rows


def _meeting(pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("body"), pk=pk)


def _page(
    request: HttpRequest,
    meeting: Meeting,
    bound: PostedForm | None = None,
    refusal: forms.Form | None = None,
) -> HttpResponse:
    """The summons page; ``bound`` is the posting form refused, ``refusal`` the re-issue's."""
    page = summons_page(meeting)
    rows = []
    for status in page.issues:
        form = bound if bound is not None and bound.issue.pk == status.issue.pk else None
        rows.append((status, form or PostedForm(status.issue)))
    problems = _problems(bound) + _problems(refusal)
    return render(
        request,
        "workspace/summons.html",
        {"m": meeting, "page": page, "rows": rows, "problems": problems, "nav_section": "meetings"},
        status=400 if problems else 200,
    )


@require_safe
@officer
def summons(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, _meeting(pk))


@require_POST
@officer
def posted(request: HttpRequest, pk: int, issue: int) -> HttpResponse:
    meeting = _meeting(pk)
    found = get_object_or_404(SummonsIssue, pk=issue, meeting=meeting)
    form = PostedForm(found, request.POST)
    if form.is_valid():
        entries = list(form.cleaned_data["entries"])
        try:
            services.record_posted(entries, form.cleaned_data["posted_on"], actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            n, day = len(entries), form.cleaned_data["posted_on"]
            what = f"{n} summons{'es' if n > 1 else ''}"
            messages.success(request, f"{what} recorded as left or posted on {day:%-d %B %Y}.")
            return redirect(reverse("workspace:summons", args=[meeting.pk]))
    return _page(request, meeting, bound=form)


@require_POST
@officer
def reissue(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(pk)
    form = forms.Form(request.POST)
    if form.is_valid():
        try:
            issue = services.reissue_summons(meeting, actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            to_post = issue.dispatch.count()
            messages.success(
                request,
                f"The summons is re-issued: {printing.emailed(issue)} emailed, {to_post} to post.",
            )
            return redirect(reverse("workspace:summons", args=[meeting.pk]))
    return _page(request, meeting, refusal=form)


@require_POST
@officer
def send_again(request: HttpRequest, pk: int, log: int) -> HttpResponse:
    meeting = _meeting(pk)
    # Only the meeting's summons emails are sent again from its page.
    found = get_object_or_404(EmailLog, pk=log, meeting=meeting, key__startswith="summons:")
    form = forms.Form(request.POST)
    if form.is_valid():
        try:
            sent = services.send_again(found, actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            who = sent.person.formal_name if sent.person else sent.to
            messages.success(request, f"The summons to {who} will be sent again to {sent.to}.")
            return redirect(reverse("workspace:summons", args=[meeting.pk]) + f"#email-{sent.pk}")
    return _page(request, meeting, refusal=form)


@require_safe
@officer
def print_dispatch(request: HttpRequest, pk: int, issue: int) -> HttpResponse:
    """The dispatch list and a summons for each member on it, each on its own printed page."""
    found = get_object_or_404(
        SummonsIssue.objects.select_related("meeting__body"), pk=issue, meeting_id=pk
    )
    return render(
        request,
        "workspace/summons_print.html",
        {**printing.print_context(found), "m": found.meeting},
    )
