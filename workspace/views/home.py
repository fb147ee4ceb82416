"""The officer's home page: their work (``workspace.mywork``)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from council.dates import authority_today

from ..gate import officer
from ..mywork import my_work


@require_safe
@officer
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request, "workspace/home.html", {"work": my_work(authority_today()), "nav_section": "home"}
    )
