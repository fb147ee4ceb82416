"""Annual appointments to a body: the plan from ``council.renewal.renewal_plan`` shown with what
the officer may do to each membership, the changes shown in words before anything is saved,
then ``renew_memberships`` in one step."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods

from council.dates import authority_today, municipal_year_of, municipal_year_start
from council.models import Body
from council.renewal import Plan, renew_memberships, renewal_plan

from ..appointment_forms import RenewalForm, YearStart, people_for
from ..gate import officer

NOT_A_STEP = "That is not a step of the annual appointments. Look at the plan again."


def _overtaken(body: Body) -> str:
    return (
        f"The memberships of {body} have changed since these changes were shown. "
        "Look at them again before saving."
    )


@require_http_methods(["GET", "HEAD", "POST"])
@officer
def appointments(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    source = request.POST if request.method == "POST" else request.GET
    if "start" in source:
        when = YearStart(source)
    else:
        next_year = municipal_year_start(municipal_year_of(authority_today()) + 1)
        when = YearStart({"start": next_year.strftime("%d/%m/%Y")})
    if not when.is_valid():
        return _form_page(request, body, when, None, status=400)
    plan = renewal_plan(body, when.cleaned_data["start"])
    people = people_for(plan)
    if request.method != "POST":
        return _form_page(request, body, when, RenewalForm(plan, people=people))
    form = RenewalForm(plan, request.POST, people=people)
    step = request.POST.get("step", "")
    if step not in ("check", "edit", "save"):
        return _form_page(request, body, when, form, [(NOT_A_STEP, "")], status=400)
    if form.overtaken():
        fresh = RenewalForm(plan, people=people)
        return _form_page(request, body, when, fresh, [(_overtaken(body), "")], status=409)
    if not form.is_valid():
        return _form_page(request, body, when, form, status=400)
    if step == "edit":
        return _form_page(request, body, when, form)
    form.apply_to(plan)
    if step == "check":
        return _check_page(request, body, plan, form)
    try:
        written = renew_memberships(body, plan, actor=request.user)
    except PermissionDenied as refusal:
        return _check_page(request, body, plan, form, [(str(refusal), "")], status=403)
    except ValidationError as refusal:
        errors = [(message, "") for message in refusal.messages]
        return _check_page(request, body, plan, form, errors, status=400)
    count = len(written)
    messages.success(
        request,
        f"The annual appointments to {body} from {_day(plan.new_year_start)} are saved: "
        f"{count} membership{'s' if count != 1 else ''} recorded.",
    )
    start = plan.new_year_start.strftime("%d/%m/%Y")
    url = reverse("workspace:appointments", args=[body.slug]) + "?" + urlencode({"start": start})
    return HttpResponseRedirect(url, status=303)


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _form_page(request, body, when, form, errors=None, status=200) -> HttpResponse:
    problems = list(errors or [])
    if form is not None and form.is_bound:
        for field in form:
            named, link = _line_name(form, field.name), f"#{field.id_for_label}"
            problems += [(f"{named}{e}", link) for e in field.errors]
    context = {
        "body": body,
        "when": when,
        "form": form,
        "plan": form.plan if form is not None else None,
        "errors": problems,
        "nav_section": "programme",
    }
    return render(request, "workspace/appointments.html", context, status=status)


def _line_name(form: RenewalForm, name: str) -> str:
    """ "Mr A Smith: " before an error on that membership's fields."""
    kind, _, key = name.partition("-")
    if kind == "add":
        return f"New appointment {int(key.split('-')[0]) + 1}: "
    for line in form.plan.lines:
        if str(line.membership.pk) == key:
            return f"{line.membership.person or 'The vacant seat'}: "
    return ""


def _check_page(request, body, plan: Plan, form, errors=None, status=200) -> HttpResponse:
    context = {
        "body": body,
        "plan": plan,
        "steps": plan.steps(),
        "form": form,
        "errors": errors or [],
        "nav_section": "programme",
    }
    return render(request, "workspace/appointments_check.html", context, status=status)
