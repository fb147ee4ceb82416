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
            params.get("q", ""),
            request.user,
            body=params.get("body") or None,
            member=params.get("member") or None,
            kinds=params.getlist("type"),
            date_from=date_from,
            date_to=date_to,
            page=page,
            page_size=PAGE_SIZE,
        )
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
        entry = (
            Entry.objects.filter(url=hit.page_url, exempt=True).select_related("meeting").first()
        )
        exempt_log.record(
            request,
            exempt_log.Surface.SEARCH,
            f"Search “{result.query}”, page {result.page}: {hit.title}",
            meeting=entry.meeting if entry else None,
        )


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


def _day(day) -> str:
    return f"{day.day} {day:%B %Y}"


def page_title(q: str, result) -> str:
    """The page's title names what is shown, so that no two searches share one: the query,
    the filters in force and the page ("Search: budget – Cabinet, from 1 January 2017 –
    page 2")."""
    title = f"Search: {q}" if q else "Search"
    if result is None:
        return title
    f = result.filters
    labels = dict(Kind.choices)
    parts = [
        name
        for name in (f.body.name if f.body else "", f.member.full_name if f.member else "")
        if name
    ]
    if f.kinds:
        parts.append(", ".join(str(labels.get(k, k)).lower() for k in f.kinds))
    if f.date_from:
        parts.append(f"from {_day(f.date_from)}")
    if f.date_to:
        parts.append(f"to {_day(f.date_to)}")
    if parts:
        title += " – " + ", ".join(parts)
    if result.page > 1:
        title += f" – page {result.page}"
    return title


def _chosen(params) -> dict:
    """The filters as the form shows them (and the query form keeps them)."""
    dates = {
        end: {p: params.get(f"{end}-{p}", "")[:4] for p in ("day", "month", "year")}
        for end in ("from", "to")
    }
    return {
        "body": params.get("body", ""),
        "member": params.get("member", ""),
        "types": params.getlist("type"),
        "dates": list(dates.items()),
        **dates,
    }


@require_safe
def search(request):
    result, problems = _run(request)
    params = request.GET
    q = params.get("q", "")[:500]
    context = {
        "q": q,
        "page_title": page_title(q, result),
        # The header's search box shows what was searched for (website/layout.html).
        "header_query": q,
        "result": result,
        "problems": problems,
        "searched": "q" in params,
        "bodies": Body.objects.order_by("name"),
        "members": Person.objects.filter(terms__isnull=False)
        .distinct()
        .order_by("surname", "forenames", "initials"),
        "kinds": Kind.choices,
        "chosen": _chosen(params),
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
