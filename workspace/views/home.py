"""The officer's home page: their work (``workspace.mywork``). An officer who is not democratic
services (a report's author, or one who clears reports) sees their reports and the clearance
steps waiting for them (``workspace.report_page``), and nothing else."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from access.rules import is_democratic_services
from council.dates import authority_today

from ..gate import staff
from ..mywork import my_work
from ..report_page import my_clearances, my_reports, to_approve


@require_safe
@staff
def home(request: HttpRequest) -> HttpResponse:
    reports = {"my_reports": my_reports(request.user), "my_clearances": my_clearances(request.user)}
    if not is_democratic_services(request.user):
        return render(request, "workspace/author_home.html", {**reports, "nav_section": "home"})
    return render(
        request,
        "workspace/home.html",
        {
            "work": my_work(authority_today()),
            "nav_section": "home",
            **reports,
            "to_approve": to_approve(),
        },
    )
