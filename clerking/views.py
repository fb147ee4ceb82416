"""The clerk's minute-taking screen (docs/architecture.md): attendance, declarations,
motions, votes, minutes, resolutions and actions for a meeting, item by item in the order
business is taken.

One URL per meeting. Every form posts back to it with an ``op`` naming the change
(``clerking.operations``); the change is made by a proceedings service, which checks the
actor, validates, saves in a transaction and audits. With htmx the autosaving forms get a
short "Saved" status for the page's live region; without JavaScript every form submits
normally and the page is shown again. Refusals come back as a GOV.UK error summary with
HTTP 400. What the page shows is built by ``clerking.screen`` and ``clerking.item_screen``.
"""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from access import exempt_log
from access.gate import officer_required
from council.dates import authority_today
from meetings.models import AgendaItem, Meeting
from proceedings.models import AttendanceStatus, Choice, MinutesStatus
from proceedings.rules import minutes_status

from . import choices, screen
from . import forms as f
from .item_screen import item_screen
from .operations import OPS, Change, Invalid, errors_of

clerk_required = officer_required("clerking/forbidden.html")
S = AttendanceStatus
ONE_KEY = [(S.PRESENT, "Present", "p"), (S.APOLOGIES, "Apologies", "a"), (S.ABSENT, "Absent", "x")]
VOTE_KEYS = [
    (Choice.FOR, "For", "f"),
    (Choice.AGAINST, "Against", "a"),
    (Choice.ABSTAIN, "Abstain", "b"),
    (Choice.DID_NOT_VOTE, "Did not vote", "n"),
]
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


def _screen_url(meeting: Meeting, item: AgendaItem | None, anchor: str = "") -> str:
    url = reverse("clerking:meeting", args=[meeting.pk])
    if item is not None:
        url += f"?item={item.pk}"
    return url + (f"#{anchor}" if anchor else "")


def _post(
    request: HttpRequest, meeting: Meeting, rows: list[screen.ItemInOrder], item: AgendaItem | None
) -> HttpResponse:
    htmx = request.headers.get("HX-Request") == "true"
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
        context = {"message": message, "errors": [], "at": timezone.localtime()}
        if operation.anchor == "attendance":
            # Who may be chair, declare, move and vote follows the attendance: send those
            # parts again (not the part holding the focus).
            context |= _context(meeting, screen.items_in_order_taken(meeting), item)
            context |= {"refresh_chair": OPS["chair"] is not operation, "refresh_item": True}
        return render(request, "clerking/_feedback.html", context)
    messages.success(request, message)
    return HttpResponseRedirect(_screen_url(meeting, item, operation.anchor), status=303)


def _refused(
    request: HttpRequest,
    change: Change,
    rows: list[screen.ItemInOrder],
    errors: list[tuple[str, str]],
    *,
    htmx: bool,
) -> HttpResponse:
    if htmx:
        first = errors[0][0] if errors else ""
        return render(
            request,
            "clerking/_feedback.html",
            {"message": f"Not saved: {first}", "errors": errors},
            status=400,
        )
    bound = {change.key: change.form} if change.form is not None else {}
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
    context = _context(meeting, rows, item, errors=errors, bound=bound)
    exempt_log.record_clerk_screen(
        request, meeting, item, [card.minute for card in context["panel"].minutes]
    )
    return render(request, "clerking/meeting.html", context, status=status)


def _context(
    meeting: Meeting,
    rows: list[screen.ItemInOrder],
    item: AgendaItem | None,
    *,
    errors=(),
    bound: screen.Bound | None = None,
) -> dict:
    """Everything the screen (and the parts htmx sends again) shows."""
    bound = bound or {}
    previous_item, next_item = screen.neighbours(rows, item)
    attendance = screen.attendance_panel(meeting, bound)
    return {
        "meeting": meeting,
        "items": rows,
        "item": item,
        "previous_item": previous_item,
        "next_item": next_item,
        "post_url": _screen_url(meeting, item),
        "errors": errors,
        "one_key": ONE_KEY,
        "vote_keys": VOTE_KEYS,
        "attendance": attendance,
        "panel": item_screen(meeting, item, attendance.present, bound),
        "actions": screen.action_cards(meeting, bound),
        "action_form": screen.form(
            bound, "action", f.ActionForm, {"owner": choices.listed(meeting)}
        ),
        "minutes_status": MinutesStatus(minutes_status(meeting.pk)),
    }
