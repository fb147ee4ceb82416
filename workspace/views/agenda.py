"""The agenda builder: a meeting's agenda, with the body's standard items added from its
template, items added, changed, moved and removed, and the agenda renumbered after each
change (``meetings.agenda``, ``meetings.agenda_templates``); urgent business on a published
agenda (``publishing.changes.add_urgent_item``).

Every action is a plain form post that works without JavaScript: on success, a redirect (303)
back to the agenda with what was done; on a refusal, the page again with the GOV.UK error
summary, what was typed kept, and status 400. With htmx, moving an item sends back only the
agenda's list. Views parse; the services decide, save and audit.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from access import exempt_log
from access.models import Surface
from meetings import agenda
from meetings.agenda_templates import apply_template, placeholder_values
from meetings.models import AgendaItem, Meeting, NumberingStyle
from publishing.changes import add_urgent_item
from publishing.state import is_published

from ..agenda_forms import ItemForm, UrgentItemForm, add_errors, problems
from ..agenda_page import builder_rows, standard_items
from ..gate import officer

CONFLICT = "That clashes with a change made at the same moment. Check the agenda and try again."


def _meeting(pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("body", "venue"), pk=pk)


def _item(meeting: Meeting, item_pk: int) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.select_related("meeting__body", "template_item"),
        pk=item_pk,
        meeting=meeting,
    )


def builder_url(meeting: Meeting, item: AgendaItem | None = None) -> str:
    url = reverse("workspace:agenda", args=[meeting.pk])
    return f"{url}#item-{item.pk}" if item is not None else url


def _done(request: HttpRequest, meeting: Meeting, message: str, item=None) -> HttpResponse:
    messages.success(request, message)
    return HttpResponseRedirect(builder_url(meeting, item), status=303)


def context(meeting: Meeting, **extra) -> dict:
    """What the builder shows: the agenda as rows with their depth, and whether it can
    still be changed here."""
    template = agenda.template_for(meeting)
    published = is_published(meeting)
    return {
        "m": meeting,
        "rows": builder_rows(meeting, extra.pop("focus", None)),
        "published": published,
        "template": template,
        "numbering": NumberingStyle(agenda.numbering_of(meeting)).label,
        "standard": standard_items(template, placeholder_values(meeting)),
        "nav_section": "meetings",
        **extra,
    }


def log_exempt(request: HttpRequest, meeting: Meeting, items) -> None:
    """The builder shows exempt items' titles and purposes: the exempt access log records it
    (the Monitoring Officer's evidence; ``access.exempt_log``)."""
    numbers = [item.number for item in items if item.is_exempt]
    if numbers:
        what = f"{meeting}: agenda builder, exempt item{'s' if len(numbers) > 1 else ''} "
        exempt_log.record(request, Surface.BACK_OFFICE, what + ", ".join(numbers), meeting=meeting)


def _page(request: HttpRequest, meeting: Meeting, *, status: int = 200, **extra) -> HttpResponse:
    published = is_published(meeting)
    forms = {"form": ItemForm(meeting)} if not published else {"urgent": UrgentItemForm(meeting)}
    page = context(meeting, **(forms | extra))
    log_exempt(request, meeting, [r.item for r in page["rows"]])
    if htmx(request):
        return render(request, "workspace/includes/agenda_swap.html", page, status=status)
    return render(request, "workspace/agenda.html", page, status=status)


def htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _refused(request, meeting: Meeting, error: Exception, **extra) -> HttpResponse:
    if isinstance(error, IntegrityError):
        rows = [(CONFLICT, "")]
    else:
        assert isinstance(error, ValidationError)
        rows = [(message, "") for message in error.messages]
    return _page(request, meeting, status=400, errors=rows, **extra)


@require_http_methods(["GET", "HEAD", "POST"])
@officer
def builder(request: HttpRequest, pk: int) -> HttpResponse:
    """The agenda; a post adds an item (``meetings.agenda.add_item``)."""
    meeting = _meeting(pk)
    if request.method != "POST":
        return _page(request, meeting)
    form = ItemForm(meeting, request.POST)
    if form.is_valid():
        try:
            item = agenda.add_item(form.apply_to(AgendaItem(meeting=meeting)), actor=request.user)
        except ValidationError as error:
            add_errors(form, error)
        except IntegrityError:
            form.add_error(None, CONFLICT)
        else:
            return _done(request, meeting, f"Added item {item.number}: {item.title}.", item)
    return _page(request, meeting, status=400, form=form, errors=problems(form))


@require_POST
@officer
def add_urgent(request: HttpRequest, pk: int) -> HttpResponse:
    """Urgent business on a published agenda, with the chair and the special circumstances."""
    meeting = _meeting(pk)
    form = UrgentItemForm(meeting, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        fields = {name: data[name] for name in ItemForm.FIELDS if name != "title"}
        try:
            item = add_urgent_item(
                meeting,
                number=data["number"],
                title=data["title"],
                chair=data["chair"],
                reasons=data["reasons"],
                actor=request.user,
                **fields,
            )
        except ValidationError as error:
            add_errors(form, error)
        except IntegrityError:
            form.add_error(None, CONFLICT)
        else:
            return _done(request, meeting, f"Added urgent business: item {item.number}.", item)
    return _page(request, meeting, status=400, urgent=form, errors=problems(form))


@require_POST
@officer
def add_standard_items(request: HttpRequest, pk: int) -> HttpResponse:
    """The body's standard items from its template (``apply_template``)."""
    meeting = _meeting(pk)
    try:
        applied = apply_template(meeting, actor=request.user)
    except (ValidationError, IntegrityError) as error:
        return _refused(request, meeting, error)
    added = len(applied.added)
    if added:
        messages.success(
            request, f"Added {added} standard item{'s' if added != 1 else ''} from the template."
        )
    for reason in applied.not_added:
        messages.info(request, f"Not added: {reason}")
    return HttpResponseRedirect(builder_url(meeting), status=303)


@require_POST
@officer
def renumber(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(pk)
    try:
        changed = agenda.renumber(meeting, actor=request.user)
    except (ValidationError, IntegrityError) as error:
        return _refused(request, meeting, error)
    if not changed:
        return _done(request, meeting, "The agenda was already numbered in order.")
    return _done(request, meeting, f"Renumbered the agenda: {changed} items changed.")


@require_POST
@officer
def move(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Move an item up or down; with htmx, only the agenda's list comes back, the focus on the
    moved item's button."""
    meeting = _meeting(pk)
    item = _item(meeting, item_pk)
    direction = request.POST.get("direction", "")
    try:
        moved = agenda.move_item(item, direction, actor=request.user)  # type: ignore[arg-type]
    except (ValidationError, IntegrityError) as error:
        return _refused(request, meeting, error)
    message = f"Moved “{moved.title}” {direction}: it is now item {moved.number}."
    if htmx(request):
        return _page(
            request, meeting, status=200, status_message=message, focus=(moved.pk, direction)
        )
    return _done(request, meeting, message, moved)


@require_http_methods(["GET", "HEAD", "POST"])
@officer
def change(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """An item's own page: change its title, purpose, kind, part, paragraph or parent."""
    meeting = _meeting(pk)
    item = _item(meeting, item_pk)
    if request.method != "POST":
        form = ItemForm(meeting, item=item)
        return _item_page(request, meeting, item, form)
    form = ItemForm(meeting, request.POST, item=item)
    if form.is_valid():
        try:
            saved = agenda.change_item(form.apply_to(item), actor=request.user)
        except ValidationError as error:
            add_errors(form, error)
        except IntegrityError:
            form.add_error(None, CONFLICT)
        else:
            return _done(request, meeting, f"Saved item {saved.number}: {saved.title}.", saved)
    return _item_page(request, meeting, _item(meeting, item_pk), form, status=400)


def _item_page(request, meeting, item, form, status: int = 200) -> HttpResponse:
    page = context(meeting, item=item, form=form, errors=problems(form) if status >= 400 else [])
    log_exempt(request, meeting, [item])
    return render(request, "workspace/agenda_item.html", page, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@officer
def remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Confirm, then take the item off the agenda (``meetings.agenda.remove_item``)."""
    meeting = _meeting(pk)
    item = _item(meeting, item_pk)
    errors: list[tuple[str, str]] = []
    if request.method == "POST":
        try:
            agenda.remove_item(item, actor=request.user)
        except ValidationError as error:
            errors = [(message, "") for message in error.messages]
        except IntegrityError:
            errors = [(CONFLICT, "")]
        else:
            return _done(request, meeting, f"Removed item {item.number}: {item.title}.")
    page = context(meeting, item=item, errors=errors)
    log_exempt(request, meeting, [item])
    return render(request, "workspace/agenda_remove.html", page, status=400 if errors else 200)
