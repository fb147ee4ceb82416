"""Report clearance set up in the workspace: the steps a report needs signed off, who signs
each off and whether its author may sign off their own report, each saved through
``publishing.clearance_steps.save_step``. For democratic services, and officers holding the
permission to change clearance steps."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from publishing.clearance import who_acts
from publishing.clearance_steps import may_manage_steps, save_step
from publishing.models import ClearanceStep

from ..agenda_forms import add_errors, problems
from ..clearance_step_form import StepForm
from ..gate import staff

REFUSAL = "workspace/clearance_steps_refused.html"
CLASH = "Another clearance step has that name, or the step was changed meanwhile: look again."


@require_safe
@staff
def steps(request: HttpRequest) -> HttpResponse:
    if not may_manage_steps(request.user):
        return render(request, REFUSAL, status=403)
    rows = [
        (step, who_acts(step))
        for step in ClearanceStep.objects.select_related("group").prefetch_related("users")
    ]
    context = {
        "rows": rows,
        "may_add": may_manage_steps(request.user, adding=True),
        "nav_section": "home",
    }
    return render(request, "workspace/clearance_steps.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@staff
def step(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if not may_manage_steps(request.user, adding=pk is None):
        return render(request, REFUSAL, status=403)
    found = ClearanceStep() if pk is None else get_object_or_404(ClearanceStep, pk=pk)
    name = found.name  # as saved, for the page's heading whatever is typed
    if request.method != "POST":
        return _page(request, StepForm(found), name)
    form = StepForm(found, request.POST)
    if not form.is_valid():
        return _page(request, form, name, status=400)
    changed = form.apply()
    try:
        saved = save_step(
            changed,
            group=form.cleaned_data["group"],
            users=form.cleaned_data["users"],
            actor=request.user,
        )
    except PermissionDenied as refusal:
        form.add_error(None, str(refusal))
        return _page(request, form, name, status=403)
    except ValidationError as refusal:
        add_errors(form, refusal)
        return _page(request, form, name, status=400)
    except IntegrityError:
        form.add_error(None, CLASH)
        return _page(request, form, name, status=409)
    messages.success(request, f"The clearance step “{saved}” is saved.")
    return HttpResponseRedirect(reverse("workspace:clearance_steps"), status=303)


def _page(request, form: StepForm, name: str, status: int = 200) -> HttpResponse:
    context = {"form": form, "name": name, "problems": problems(form), "nav_section": "home"}
    return render(request, "workspace/clearance_step.html", context, status=status)
