"""The programme of meetings: a municipal year's meetings by body, and a year of meetings
created from a pattern in two steps: the proposed dates with their warnings (writing nothing),
adjusted as the officer wishes, then ``meetings.programme.create_programme``."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_safe

from council.dates import authority_today, municipal_year_of
from meetings.programme import create_programme, dates_for

from ..gate import officer
from ..programme_forms import (
    PatternForm,
    ProgrammeExtras,
    ProgrammeFilter,
    ProposedDates,
    year_label,
)
from ..programme_page import programme_of, proposal_rows, years_listed

NOT_A_STEP = "That is not a step of setting up a programme. Start again from the pattern."


@require_safe
@officer
def programme(request: HttpRequest) -> HttpResponse:
    today = authority_today()
    this = municipal_year_of(today)
    years = years_listed(today)
    chosen = {"year": this} | {k: v for k, v in request.GET.items() if k in ("body", "year")}
    form = ProgrammeFilter(chosen, years=years)
    status = 200
    if form.is_valid():
        year, body = form.cleaned_data["year"], form.cleaned_data["body"]
    else:
        year, body, status = this, None, 400
    context = {
        "form": form,
        "year": year,
        "year_label": year_label(year),
        "body": body,
        "bodies": programme_of(year, body),
        "nav_section": "programme",
    }
    return render(request, "workspace/programme.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@officer
def programme_new(request: HttpRequest) -> HttpResponse:
    today = authority_today()
    if request.method != "POST":
        initial = {k: request.GET[k] for k in ("body", "year", "pattern") if k in request.GET}
        form = PatternForm(initial=initial, today=today)
        return _pattern_page(request, form)
    form = PatternForm(request.POST, today=today)
    step = request.POST.get("step", "")
    if step not in ("preview", "check", "create"):
        return _pattern_page(request, form, errors=[(NOT_A_STEP, "")], status=400)
    if not form.is_valid():
        return _pattern_page(request, form, status=400)
    body, pattern = form.cleaned_data["body"], form.cleaned_data["pattern"]
    dates = dates_for(pattern, *form.cleaned_data["period"])
    if step == "preview":  # from the pattern: the dates it gives, all kept
        initial = [{"keep": True, "date": d, "time": t} for d, t in dates.slots()]
        return _preview(request, form, dates, ProposedDates(initial=initial), ProgrammeExtras())
    rows, extras = ProposedDates(request.POST), ProgrammeExtras(request.POST)
    valid = rows.is_valid() & extras.is_valid()  # both, to show every error
    if not valid:
        return _preview(request, form, dates, rows, extras, status=400)
    slots = [s for s in (r.slot() for r in rows.forms) if s is not None]
    added = extras.slot()
    if added is not None:
        slots.append((added[0], added[1] or pattern.time))
    if step == "check":  # the dates as adjusted, checked again; the date added joins them
        initial = [r.cleaned_data for r in rows.forms]
        if added is not None:
            initial.append({"keep": True, "date": slots[-1][0], "time": slots[-1][1]})
        same_day = {"same_day": extras.cleaned_data["same_day"]}
        return _preview(
            request, form, dates, ProposedDates(initial=initial), ProgrammeExtras(initial=same_day)
        )
    try:
        created = create_programme(
            body,
            slots,
            pattern.venue,
            actor=request.user,
            same_day=extras.cleaned_data["same_day"],
        )
    except PermissionDenied as refusal:
        return _preview(request, form, dates, rows, extras, [(str(refusal), "")], status=403)
    except ValidationError as refusal:
        errors = [(message, "#proposed-dates") for message in refusal.messages]
        return _preview(request, form, dates, rows, extras, errors, status=400)
    year = form.cleaned_data["year"]
    count = len(created)
    messages.success(
        request,
        f"{count} meeting{'s' if count != 1 else ''} of {body} created for {year_label(year)}.",
    )
    url = reverse("workspace:programme") + "?" + urlencode({"body": body.slug, "year": year})
    return HttpResponseRedirect(url, status=303)


def _pattern_page(request, form, errors=None, status=200) -> HttpResponse:
    context = {"form": form, "errors": errors or [], "nav_section": "programme"}
    return render(request, "workspace/programme_new.html", context, status=status)


def _preview(request, form, dates, rows, extras, errors=None, status=200) -> HttpResponse:
    body, pattern = form.cleaned_data["body"], form.cleaned_data["pattern"]
    problems = list(errors or [])
    for number, row in enumerate(rows.forms, start=1):
        for name, field_errors in row.errors.items():
            link = f"#{row[name].id_for_label}"
            problems += [(f"Meeting {number}: {e}", link) for e in field_errors]
    problems += [(e, "#proposed-dates") for e in rows.non_form_errors()]
    for name, field_errors in extras.errors.items():
        problems += [(e, f"#{extras[name].id_for_label}") for e in field_errors]
    proposed = proposal_rows(body, pattern.venue, rows.forms)
    context = {
        "form": form,
        "body": body,
        "pattern": pattern,
        "venue": pattern.venue or body.default_venue,
        "year_label": year_label(form.cleaned_data["year"]),
        "period": form.cleaned_data["period"],
        "skipped": dates.skipped,
        "rows": rows,
        "proposed": proposed,
        "warned": sum(1 for row in proposed if row.clashes),
        "kept": sum(1 for row in proposed if row.kept),
        "extras": extras,
        "errors": problems,
        "nav_section": "programme",
    }
    return render(request, "workspace/programme_preview.html", context, status=status)
