"""Clearance as a task, from the report's page or the home page: submit, sign off a step
with a comment, return to draft with a reason, approve for publication. The rules (who may,
separation of duties) are ``publishing.workflow``'s: a refusal shows its message."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from publishing import workflow
from publishing.models import ClearanceStep

from .. import report_form as form
from ..report_page import report_page
from .reports import author_view, messages_of, report_of, show

MAX_TEXT = 5000


def _done(request: HttpRequest, pk: int, message: str) -> HttpResponse:
    messages.success(request, message)
    if request.POST.get("next") == "home":
        return redirect("workspace:home")
    return redirect("workspace:report", pk)


def _refused(request, document, problems, typed: dict, step=None, comment="") -> HttpResponse:
    page = report_page(request.user, document)
    for row in page.steps:
        if step is not None and row.step.pk == step.pk:
            row.error, row.typed = " ".join(p.message for p in problems), comment
    values = form.saved_values(document)
    return show(request, page, None, values, problems=problems, status=400, extra=typed)


def _text(request: HttpRequest, name: str) -> str:
    return request.POST.get(name, "")[:MAX_TEXT]


@require_POST
@author_view
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    document = report_of(request, pk)
    try:
        workflow.submit_report(document, actor=request.user)
    except (ValidationError, PermissionDenied) as error:
        return _refused(request, document, messages_of(error), {})
    return _done(request, pk, f"“{document.title}” is submitted for clearance.")


@require_POST
@author_view
def sign_off(request: HttpRequest, pk: int, step: int) -> HttpResponse:
    document = report_of(request, pk)
    found = get_object_or_404(ClearanceStep, pk=step)
    comment = _text(request, "comment")
    try:
        workflow.sign_off(document, found, comment, actor=request.user)
    except (ValidationError, PermissionDenied) as error:
        # A refusal of who signs links to the clearance; a refusal of the comment, to it.
        anchor = "clearance" if isinstance(error, PermissionDenied) else f"comment-{found.pk}"
        problems = [form.Problem(p.message, anchor) for p in messages_of(error)]
        return _refused(request, document, problems, {}, found, comment)
    return _done(request, pk, f"“{found}” signed off “{document.title}”.")


@require_POST
@author_view
def return_to_draft(request: HttpRequest, pk: int) -> HttpResponse:
    document = report_of(request, pk)
    reason = _text(request, "reason")
    try:
        workflow.return_to_draft(document, reason, actor=request.user)
    except (ValidationError, PermissionDenied) as error:
        problems = [form.Problem(p.message, "reason") for p in messages_of(error)]
        return _refused(request, document, problems, {"typed_reason": reason})
    return _done(request, pk, f"“{document.title}” is returned to its author.")


@require_POST
@author_view
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    document = report_of(request, pk)
    try:
        workflow.approve_for_publication(document, actor=request.user)
    except (ValidationError, PermissionDenied) as error:
        return _refused(request, document, messages_of(error), {})
    return _done(request, pk, f"“{document.title}” is approved for publication.")
