"""The search page (``/search/?q=…``) and its JSON twin (``/search/json/?q=…``).

Both read the same parameters: ``q``; ``body`` (a body's slug); ``member`` (a person's slug);
``type`` (repeatable: meeting, item, report, appendix, minutes, decision, paper, member);
dates as ``from``/``to`` (ISO, e.g. 2017-09-15) or, from the page's form, ``from-day``,
``from-month``, ``from-year`` (and ``to-…``); ``page``. Bad filters give a 400 with the
problems in plain words; an empty query gives an empty result and a hint.
"""

from __future__ import annotations

import datetime as dt

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.views.decorators.http import require_safe

from access import exempt_log
from council.models import Body, Person

from . import services
from .models import Entry, Kind

PAGE_SIZE = 20


def _date(params, name: str, label: str, problems: list[str]):
    """An ISO date from ``name`` or from the form's three fields (None when all blank)."""
    if params.get(name):
        return params.get(name)
    parts = [params.get(f"{name}-{p}", "").strip() for p in ("day", "month", "year")]
    if not any(parts):
        return None
    try:
        day, month, year = (int(p) for p in parts)
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        problems.append(f"{label} must be a real date, for example 15 9 2017.")
        return None


def _run(request):
    """(result or None, problems)."""
    params = request.GET
    problems: list[str] = []
    date_from = _date(params, "from", "The start date", problems)
    date_to = _date(params, "to", "The end date", problems)
    page = params.get("page") or 1
    try:
        page = max(1, min(int(page), services.MAX_PAGE))
    except ValueError:
        page = 1
    try:
        result = services.search(
            params.get("q", ""), request.user, body=params.get("body") or None,
            member=params.get("member") or None, kinds=params.getlist("type"),
            date_from=date_from, date_to=date_to, page=page, page_size=PAGE_SIZE)
    except services.SearchError as e:
        return None, problems + e.messages
    if problems:
        return None, problems
    _log_exempt(request, result)
    return result, []


def _log_exempt(request, result) -> None:
    """Each exempt row shown to someone entitled is logged (``access.exempt_log``)."""
    for hit in result.hits:
        if not hit.exempt:
            continue
        entry = Entry.objects.filter(url=hit.page_url, exempt=True).select_related(
            "meeting").first()
        exempt_log.record(request, exempt_log.Surface.SEARCH,
                          f"Search “{result.query}”, page {result.page}: {hit.title}",
                          meeting=entry.meeting if entry else None)


def _private(response, request):
    # Results depend on who asks: never let a shared cache keep an entitled user's page.
    patch_vary_headers(response, ["Cookie"])
    if request.user.is_authenticated:
        add_never_cache_headers(response)
    return response


def _page_links(request, result) -> dict:
    def link(n):
        query = request.GET.copy()
        query["page"] = str(n)
        return "?" + query.urlencode()

    if result is None or result.pages <= 1:
        return {}
    current = result.page
    near = range(max(1, current - 2), min(result.pages, current + 2) + 1)
    shown = sorted({1, result.pages, *near})
    numbers, last = [], 0
    for n in shown:
        if n - last > 1:
            numbers.append(None)  # an ellipsis
        numbers.append((n, link(n)))
        last = n
    return {
        "previous": link(current - 1) if current > 1 else None,
        "next": link(current + 1) if current < result.pages else None,
        "numbers": numbers,
    }


@require_safe
def search(request):
    result, problems = _run(request)
    params = request.GET
    context = {
        "q": params.get("q", "")[:500],
        "result": result,
        "problems": problems,
        "searched": "q" in params,
        "bodies": Body.objects.order_by("name"),
        "members": Person.objects.filter(terms__isnull=False).distinct()
        .order_by("surname", "forenames", "initials"),
        "kinds": Kind.choices,
        "chosen": {
            "body": params.get("body", ""), "member": params.get("member", ""),
            "types": params.getlist("type"),
            "from": {p: params.get(f"from-{p}", "")[:4] for p in ("day", "month", "year")},
            "to": {p: params.get(f"to-{p}", "")[:4] for p in ("day", "month", "year")},
        },
        "pagination": _page_links(request, result),
    }
    response = render(request, "search/search.html", context, status=400 if problems else 200)
    return _private(response, request)


@require_safe
def search_json(request):
    result, problems = _run(request)
    if problems:
        response = JsonResponse({"errors": problems}, status=400)
    else:
        response = JsonResponse(result.as_dict())
    return _private(response, request)
