"""Writing a report: one form for its header and body (``workspace.report_form``), autosaved
into its slot (``papers.drafts``), previewed as it will print (``papers.report_preview``),
filled from a Word document (``papers.report_header``), with its appendices.

Every change goes through the papers services, which check the actor: democratic services
or the report's author (``papers.authors``). A refused form is shown again as typed, with
the GOV.UK error summary and a 400, and nothing saved.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from access.exempt_log import Surface, record
from council.models import Body, Division, Person
from meetings.models import AgendaItem, ExemptParagraph
from papers import drafts, files
from papers.models import Classification, Document, PathwayStep
from papers.report_form import save_written_report, start_draft, start_report
from papers.report_preview import preview_pdf
from website.views.files import file_response

from .. import report_form as form
from ..gate import staff
from ..report_page import ReportPage, may_see, reaches, report_page


class Withheld(PermissionDenied):
    """The report is restricted and this user is not entitled to it."""


def author_view(view):
    """For officers (``gate.staff``); a withheld report is a 403 that says only that."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Withheld:
            return render(request, "workspace/report_withheld.html", status=403)

    return staff(wrapped)


def messages_of(error: ValidationError | PermissionDenied) -> list[form.Problem]:
    """A service's refusal as the error summary's rows (a field's message linked to it)."""
    if isinstance(error, PermissionDenied):
        return [form.Problem(str(error) or "You may not change this report.", "")]
    if hasattr(error, "error_dict"):
        return [
            form.Problem(message, name)
            for name, errors in error.message_dict.items()
            for message in errors
        ]
    return [form.Problem(message, "") for message in error.messages]


def report_of(request: HttpRequest, pk: int) -> Document:
    """The report, if this user reaches its page (404 otherwise); 403 when it is withheld
    from them (exempt, and they are not entitled)."""
    document = get_object_or_404(Document.objects.select_related("parent"), pk=pk)
    if not reaches(request.user, document):
        raise Http404("No such report")
    if not may_see(request.user, document):
        raise Withheld()
    if files.is_withheld(document) and request.method == "GET":  # seen, not each autosave
        record(request, Surface.BACK_OFFICE, f"Workspace: {document}", document=document)
    return document


def item_of(request: HttpRequest) -> AgendaItem:
    number = request.GET.get("item", "")
    if not number.isdigit():
        raise Http404("Choose the agenda item the report is for")
    return get_object_or_404(AgendaItem.objects.select_related("meeting__body"), pk=int(number))


def choices() -> dict:
    return {
        "bodies": Body.objects.only("pk", "name").order_by("name"),
        "people": Person.objects.only("pk", "title", "forenames", "initials", "surname"),
        "divisions": Division.objects.only("pk", "name"),
        "paragraphs": ExemptParagraph.choices,
        "classifications": Classification.choices,
        "directions": PathwayStep.Direction.choices,
    }


def show(
    request: HttpRequest,
    page: ReportPage | None,
    item: AgendaItem | None,
    values: form.Values,
    *,
    problems: list[form.Problem] = (),  # type: ignore[assignment]
    status: int = 200,
    extra: dict | None = None,
) -> HttpResponse:
    errors = {p.anchor: p.message for p in problems}
    rows = {}
    for kind, parts in form.ROWS.items():
        listed = [*form.rows(values, kind), dict.fromkeys(parts, "")]  # a blank row to write in
        for i, row in enumerate(listed):
            row |= {"i": str(i), "n": str(i + 1)}
            row["err"] = {part: errors.get(f"{kind}_{part}-{i}", "") for part in parts}
        rows[kind] = listed
    context = {
        "page": page,
        "item": item or (page.item if page else None),
        "v": {name: form.one(values, name) for name in form.SCALARS},
        "chosen_divisions": set(values.get("divisions", [])),
        "rows": rows,
        "problems": problems,
        "errors": errors,
        "nav_section": "reports",
        **choices(),
        **(extra or {}),
    }
    if page is not None:
        pk = page.document.pk
        urls = {
            name: reverse(f"workspace:report{suffix}", args=[pk])
            for name, suffix in (("save", ""), ("autosave", "_autosave"), ("preview", "_preview"))
        } | {"word": reverse("workspace:report_word", args=[pk])}
    else:
        query = f"?item={context['item'].pk}"
        urls = {
            name: reverse(f"workspace:report_new{suffix}") + query
            for name, suffix in (
                ("save", ""),
                ("autosave", "_autosave"),
                ("preview", "_preview"),
                ("word", "_word"),
            )
        }
    context["urls"] = urls
    editing = page is None or page.may_edit
    template = "workspace/report.html" if editing else "workspace/report_view.html"
    return render(request, template, context, status=status)


def _moving(request: HttpRequest, page, item, values: form.Values) -> HttpResponse | None:
    """The buttons that add or move a row without JavaScript: the form again, nothing saved."""
    move = request.POST.get("move", "")
    if not move:
        return None
    return show(request, page, item, form.moved(values, move))


@require_http_methods(["GET", "POST"])
@author_view
def new_report(request: HttpRequest) -> HttpResponse:
    item = item_of(request)
    if request.method == "GET":
        return show(request, None, item, form.saved_values(None, item))
    values = form.from_post(request.POST)
    if moving := _moving(request, None, item, values):
        return moving
    read = form.read(values)
    if read.fields is None:
        return show(request, None, item, values, problems=read.problems, status=400)
    try:
        document = start_report(item, read.fields, actor=request.user)
    except (ValidationError, PermissionDenied) as error:
        return show(request, None, item, values, problems=messages_of(error), status=400)
    version = document.current_version()
    saved = f"Saved “{document.title}”"
    messages.success(request, f"{saved}: version {version.number}." if version else f"{saved}.")
    return redirect("workspace:report", document.pk)


@require_http_methods(["GET", "POST"])
@author_view
def report(request: HttpRequest, pk: int) -> HttpResponse:
    document = report_of(request, pk)
    page = report_page(request.user, document)
    if request.method == "GET":
        draft = page.draft
        values = draft.fields | {"body": [draft.html]} if draft else None
        filled = request.session.pop(f"filled-{document.pk}", None)
        values = values or form.saved_values(document)
        return show(request, page, None, values, extra={"filled": filled})
    if not page.may_edit:
        raise PermissionDenied("Only the report's authors and democratic services change it.")
    if request.POST.get("discard"):
        drafts.close_draft(document, actor=request.user)
        messages.success(request, "The autosaved changes are discarded: this is the saved report.")
        return redirect("workspace:report", document.pk)
    values = form.from_post(request.POST)
    if moving := _moving(request, page, None, values):
        return moving
    read = form.read(values)
    if read.fields is None:
        return show(request, page, None, values, problems=read.problems, status=400)
    try:
        added = save_written_report(document, read.fields, actor=request.user)
    except (ValidationError, PermissionDenied) as error:
        document.refresh_from_db()
        page = report_page(request.user, document)
        return show(request, page, None, values, problems=messages_of(error), status=400)
    version = document.current_version()
    saved = f"Saved “{document.title}”"
    messages.success(
        request, f"{saved}: version {version.number}." if added and version else f"{saved}."
    )
    return redirect("workspace:report", document.pk)


def _saved_at(draft) -> str:
    return timezone.localtime(draft.saved_at).strftime("%H:%M")


@require_POST
@author_view
def autosave(request: HttpRequest, pk: int | None = None) -> JsonResponse:
    """Keep the form as typed in the report's autosave slot (a new report is made, with its
    subject, at its first autosave). JSON: when it was saved, and the report's addresses."""
    values = form.from_post(request.POST)
    body = form.one(values, "body")
    fields = {k: v for k, v in values.items() if k != "body"}
    try:
        if pk is None:
            title = form.one(values, "title").strip()
            if not title:
                return JsonResponse(
                    {"message": "Not saved yet: give the report's subject to start saving."},
                    status=400,
                )
            document = start_draft(item_of(request), title[:300], actor=request.user)
        else:
            document = report_of(request, pk)
        draft = drafts.autosave(document, fields, body, actor=request.user)
    except (ValidationError, PermissionDenied) as error:
        message = " ".join(p.message for p in messages_of(error))
        return JsonResponse({"message": f"Not saved: {message}"}, status=400)
    return JsonResponse(
        {
            "saved_at": _saved_at(draft),
            "message": f"Saved at {_saved_at(draft)}",
            "url": reverse("workspace:report", args=[document.pk]),
            "autosave": reverse("workspace:report_autosave", args=[document.pk]),
            "preview": reverse("workspace:report_preview", args=[document.pk]),
        }
    )


@require_POST
@author_view
def preview(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """The report as it will print, from the form as typed (nothing saved): a PDF."""
    document = report_of(request, pk) if pk is not None else None
    item = item_of(request) if document is None else None
    values = form.from_post(request.POST)
    read = form.read(values)
    page = report_page(request.user, document) if document is not None else None
    if read.fields is None:
        return show(request, page, item, values, problems=read.problems, status=400)
    try:
        pdf = preview_pdf(document, item, read.fields, actor=request.user)
    except (ValidationError, PermissionDenied) as error:
        return show(request, page, item, values, problems=messages_of(error), status=400)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="preview.pdf"'
    return response


@require_safe
@author_view
def saved_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The saved report's PDF as the pack prints it (``papers.files.paper_pdf``)."""
    document = report_of(request, pk)
    version = document.current_version()
    if version is None:
        raise Http404("The report has no content yet")
    link = document.attachments.select_related("item__meeting").order_by("pk").first()
    meeting = link.item.meeting if link else None
    marking = files.restricted_marking(document) if files.is_withheld(document) else ""
    stored = files.paper_pdf(document, version, meeting, marking)
    if stored is None:
        raise Http404("The file is missing")
    return file_response(request, stored, f"report-{document.pk}.pdf", version.created_at)
