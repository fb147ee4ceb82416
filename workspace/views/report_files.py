"""Files on the report's form: a Word report whose header fills the form
(``papers.report_header.add_report_docx``), and appendices (``papers.appendices``)."""

from __future__ import annotations

from pathlib import PurePath

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from papers.appendices import add_appendix
from papers.models import Classification
from papers.report_form import start_draft
from papers.report_header import add_report_docx

from .. import report_form as form
from ..report_page import report_page
from .reports import author_view, item_of, messages_of, report_of, show

MAX_NAME = 200


def _upload(request: HttpRequest, name: str) -> tuple[bytes, str] | None:
    upload = request.FILES.get(name)
    if upload is None:
        return None
    return upload.read(), PurePath(upload.name or "").name[:MAX_NAME]


def _again(request, document, item, problems, extra=None) -> HttpResponse:
    """The form as it stands saved (or the new report's), with the problems: 400."""
    page = report_page(request.user, document) if document is not None else None
    values = form.saved_values(document, item)
    return show(request, page, item, values, problems=problems, status=400, extra=extra)


@require_POST
@author_view
def word(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """A Word report: its body becomes the report's new version (without its header) and its
    header fills the form's fields — those not filled yet, or all with "replace"."""
    document = report_of(request, pk) if pk is not None else None
    item = item_of(request) if document is None else None
    got = _upload(request, "word")
    if got is None:
        problem = form.Problem("Choose the Word document (.docx) to upload.", "word")
        return _again(request, document, item, [problem])
    data, filename = got
    try:
        with transaction.atomic():
            if document is None:
                assert item is not None
                title = PurePath(filename).stem or item.title
                document, new = start_draft(item, title, actor=request.user), True
            else:
                new = False
            # A new report has nothing to keep: its header is the document's.
            replace = new or request.POST.get("replace") == "on"
            version, filled = add_report_docx(
                document, data, filename, overwrite=replace, actor=request.user
            )
    except (ValidationError, PermissionDenied) as error:
        problems = [form.Problem(p.message, p.anchor or "word") for p in messages_of(error)]
        return _again(request, None if pk is None else document, item, problems)
    request.session[f"filled-{document.pk}"] = {
        "file": filename,
        "version": version.number,
        "filled": filled.filled,
        "kept": filled.kept,
        "not_read": filled.not_read,
    }
    return redirect("workspace:report", document.pk)


@require_POST
@author_view
def appendix(request: HttpRequest, pk: int) -> HttpResponse:
    """A PDF or Word appendix of the report, public or exempt."""
    document = report_of(request, pk)
    got = _upload(request, "appendix_file")
    title = request.POST.get("appendix_title", "")
    label = request.POST.get("appendix_label", "")
    classification = request.POST.get("appendix_classification", Classification.UNRESTRICTED)
    paragraph_text = request.POST.get("appendix_paragraph", "")
    paragraph = int(paragraph_text) if paragraph_text.isdigit() else None
    typed = {
        "appendix": {
            "title": title,
            "label": label,
            "classification": classification,
            "paragraph": paragraph_text,
        }
    }
    if got is None:
        problem = form.Problem(
            "Choose the appendix's file (a PDF or Word document).", "appendix_file"
        )
        return _again(request, document, None, [problem], typed)
    data, filename = got
    if classification != Classification.EXEMPT:
        paragraph = None
    elif paragraph is None:
        problem = form.Problem(
            "Choose the paragraph of Schedule 12A the appendix is exempt under.",
            "appendix_paragraph",
        )
        return _again(request, document, None, [problem], typed)
    try:
        made, _ = add_appendix(
            document,
            title=title,
            label=label,
            classification=classification,
            exempt_paragraph=paragraph,
            upload=data,
            filename=filename,
            actor=request.user,
        )
    except (ValidationError, PermissionDenied) as error:
        anchors = {"exempt_paragraph": "appendix_paragraph", "": "appendix_file"}
        problems = [
            form.Problem(p.message, anchors.get(p.anchor, p.anchor)) for p in messages_of(error)
        ]
        return _again(request, document, None, problems, typed)
    messages.success(request, f"Added {made}.")
    return redirect("workspace:report", document.pk)
