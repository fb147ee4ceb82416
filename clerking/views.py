"""The clerk's minute-taking screen (docs/architecture.md): attendance, declarations,
motions, votes, minutes, resolutions and actions for a meeting, item by item in the order
business is taken, and the minutes as they will be published.

One URL per meeting. Every form posts back to it with an ``op`` naming the change
(``clerking.operations``); the change is made by a proceedings service, which checks the
actor, validates, saves in a transaction and audits. With htmx (``HX-Request``) the answer is
the part of the page the form belongs to (``clerking.fragments``): refused, with HTTP 400,
the form as posted with the error summary inside it. Without JavaScript every form submits
normally: the page again after a change (a redirect), or with the GOV.UK error summary and
HTTP 400 after a refusal. What the page shows is ``clerking.page``'s context.
"""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods, require_safe

from access import exempt_log
from access.gate import is_htmx, officer_required
from council.dates import authority_today
from meetings.models import AgendaItem, Meeting

from . import fragments, page, screen
from .operations import OPS, Change, Invalid, errors_of

clerk_required = officer_required("clerking/forbidden.html")
CONFLICT = "That conflicts with a change made at the same moment. Reload the page and check."


@require_safe
@clerk_required
def index(request: HttpRequest) -> HttpResponse:
    lists = screen.meetings_to_minute(authority_today())
    return render(request, "clerking/index.html", {"lists": lists})


@require_http_methods(["GET", "HEAD", "POST"])
@clerk_required
def meeting_screen(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("body", "venue"), pk=pk)
    rows = screen.items_in_order_taken(meeting)
    item = screen.current_item(rows, request.GET.get("item") or request.POST.get("item"))
    if request.method == "POST":
        return _post(request, meeting, rows, item)
    return _render(request, meeting, rows, item)


def _post(
    request: HttpRequest, meeting: Meeting, rows: list[screen.ItemInOrder], item: AgendaItem | None
) -> HttpResponse:
    htmx = is_htmx(request)
    operation = OPS.get(request.POST.get("op", ""))
    change = Change(request, meeting, item)
    refuse = partial(_refused, request, change, rows, htmx=htmx)
    if operation is None:
        change.anchor = "main-content"
        return refuse([("That is not a change this page makes.", "#main-content")])
    change.anchor = operation.anchor
    try:
        with transaction.atomic():
            message = operation.run(change)
    except (Invalid, ValidationError) as error:
        return refuse(errors_of(change, error))
    except IntegrityError:
        return refuse([(CONFLICT, f"#{change.anchor}")])
    message = f"Saved: {message}."
    if htmx:
        ctx = page.context(meeting, screen.items_in_order_taken(meeting), item)
        return fragments.respond(request, ctx, operation.anchor, message=message)
    messages.success(request, message)
    return HttpResponseRedirect(page.screen_url(meeting, item, operation.anchor), status=303)


def _refused(
    request: HttpRequest,
    change: Change,
    rows: list[screen.ItemInOrder],
    errors: list[tuple[str, str]],
    *,
    htmx: bool,
) -> HttpResponse:
    bound = {change.key: change.form} if change.form is not None else {}
    if htmx:
        # The part comes back with the form as posted and the error summary inside it.
        if change.form is not None:
            change.form.clerk_errors = errors
        ctx = page.context(change.meeting, rows, change.item, bound=bound)
        first = errors[0][0] if errors else ""
        return fragments.respond(
            request,
            ctx,
            change.anchor,
            message=f"Not saved: {first}",
            part_errors=[] if change.form is not None else errors,
            status=400,
        )
    return _render(
        request, change.meeting, rows, change.item, errors=errors, bound=bound, status=400
    )


def _render(
    request: HttpRequest,
    meeting: Meeting,
    rows: list[screen.ItemInOrder],
    item: AgendaItem | None,
    *,
    errors=(),
    bound: screen.Bound | None = None,
    status: int = 200,
) -> HttpResponse:
    context = page.context(meeting, rows, item, errors=errors, bound=bound)
    exempt_log.record_clerk_screen(
        request, meeting, item, [card.minute for card in context["panel"].minutes]
    )
    return render(request, "clerking/meeting.html", context, status=status)
