"""The minutes of a meeting in the workspace: their state and versions, and the last three
steps of their way (docs/statutory-rules.md, the minutes): published as a draft
(``proceedings.minutes.publish_minutes``), approved as a correct record by a minute of a
later meeting of the body, with any corrections (``proceedings.approval.approve_minutes``),
and signed by the chair of that meeting (``sign_minutes``). The forms are the ones every
screen doing this shares (``proceedings.approval_forms``); each refusal of a service is shown
in the page's error summary, in the service's words, nothing saved."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from access import exempt_log
from access.exempt_log import Surface
from meetings.models import Meeting
from proceedings import approval
from proceedings.approval_forms import MAX_CORRECTIONS, ApproveForm, SignForm
from proceedings.minutes import publish_minutes
from proceedings.models import MinutesRecord, MinutesStatus

from ..agenda_forms import add_errors, problems
from ..gate import officer


def _meeting(pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("body", "venue"), pk=pk)


def _record(meeting: Meeting) -> MinutesRecord | None:
    return (
        MinutesRecord.objects.filter(meeting=meeting)
        .select_related("approved_by_minute__meeting", "signed_by")
        .first()
    )


def log_exempt(request: HttpRequest, meeting: Meeting, form: ApproveForm) -> None:
    """The pickers name exempt minutes by their titles: the exempt access log records it
    (the Monitoring Officer's evidence; ``access.exempt_log``)."""
    offered = [*form.fields["approving_minute"].queryset]
    offered += [*form.fields["correction_0_minute"].queryset]
    for minute in offered:
        if minute.exempt:
            what = f"{minute.meeting}: approving the minutes, exempt minute {minute.number}"
            exempt_log.record(request, Surface.BACK_OFFICE, what, meeting=minute.meeting)


def _page(
    request: HttpRequest,
    meeting: Meeting,
    *,
    approve: ApproveForm | None = None,
    sign: SignForm | None = None,
    refused: forms.Form | None = None,
    status: int = 200,
) -> HttpResponse:
    record = _record(meeting)
    state = record.status if record else MinutesStatus.DRAFT
    if approve is None and state == MinutesStatus.PUBLISHED_DRAFT:
        approve = ApproveForm(meeting)
    if sign is None and state == MinutesStatus.APPROVED:
        sign = SignForm()
    shown = refused or approve or sign
    if approve is not None:
        log_exempt(request, meeting, approve)
    context = {
        "m": meeting,
        "record": record,
        "state": state,
        "states": MinutesStatus,
        "versions": list(record.versions.order_by("number")) if record else [],
        "signer": approval.signer(record) if record else None,
        "approve": approve,
        "sign": sign,
        "refused": refused,
        "problems": problems(shown) if shown is not None else [],
        "max_rows": MAX_CORRECTIONS,
        "nav_section": "meetings",
    }
    return render(request, "workspace/minutes.html", context, status=status)


def _done(request: HttpRequest, meeting: Meeting, text: str) -> HttpResponse:
    messages.success(request, text)
    return HttpResponseRedirect(reverse("workspace:minutes", args=[meeting.pk]), status=303)


@require_http_methods(["GET", "HEAD"])
@officer
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, _meeting(pk))


def _attempt(
    request: HttpRequest,
    meeting: Meeting,
    form: forms.Form,
    shown: str,
    change: Callable[[], object],
    done: Callable[[], str],
) -> HttpResponse:
    """Make the service's ``change``: then the page again saying ``done``; refused, the page
    with the form (as ``shown``: "approve", "sign" or "refused") and the service's words."""
    try:
        change()
    except ValidationError as error:
        add_errors(form, error)
        return _page(request, meeting, status=400, **{shown: form})
    return _done(request, meeting, done())


@require_POST
@officer
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(pk)
    return _attempt(
        request,
        meeting,
        forms.Form(request.POST),
        "refused",
        lambda: publish_minutes(meeting, actor=request.user),
        lambda: "The minutes are published as a draft.",
    )


@require_POST
@officer
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(pk)
    form = ApproveForm(meeting, request.POST)
    if form.adding:  # "Add another correction": the form again, one row longer
        return _page(request, meeting, approve=form)
    if not form.is_valid():
        return _page(request, meeting, approve=form, status=400)
    return _attempt(
        request,
        meeting,
        form,
        "approve",
        lambda: approval.approve_minutes(
            meeting, form.cleaned_data["approving_minute"], form.corrections(), actor=request.user
        ),
        lambda: "The minutes are approved as a correct record.",
    )


@require_POST
@officer
def sign(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(pk)
    form = SignForm(request.POST)
    if not form.is_valid():
        return _page(request, meeting, sign=form, status=400)
    record = _record(meeting)
    signer = approval.signer(record) if record else None
    return _attempt(
        request,
        meeting,
        form,
        "sign",
        lambda: approval.sign_minutes(
            meeting, signer, form.cleaned_data["signed_on"], actor=request.user
        ),
        lambda: f"The minutes are signed by {signer}.",
    )
