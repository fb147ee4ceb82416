"""Restricted papers for those entitled to them (docs/architecture.md, "Exempt information
never leaks").

A councillor who sits on the body, an officer named on the report, democratic services, or a
person granted access by the Monitoring Officer reads exempt and confidential papers here,
signed in with both factors. Every view and download is logged; responses are never cached.
Anyone else gets the same 404 as for a paper that does not exist; signed out, every address
here answers with the same sign-in redirect, real or not. The version read is the published
one; before the agenda is published only democratic services and the officers named on the
report read the draft (``publishing/versions.py``).
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from access import exempt_log
from access.models import Surface
from access.rules import is_democratic_services, may_see_exempt, second_factor_given
from meetings.models import Meeting
from papers import files
from papers.delivery import private_file_response
from papers.models import Document, ItemPaper, PackKind, SourceKind
from papers.packs import latest
from publishing.state import is_published
from publishing.versions import readable_version


def _log(request, document, action: str, description: str, meeting=None) -> None:
    exempt_log.record(
        request, Surface.RESTRICTED, description, action=action, meeting=meeting, document=document
    )


def _sign_in_first(request):
    """The sign-in redirect, or None when signed in with both factors. Asked before anything
    is looked up, so a real restricted address and an invented one answer alike: the answer
    must not tell a signed-out visitor which papers exist."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("access:sign_in"))
    if not second_factor_given(request.user):
        return redirect_to_login(request.get_full_path(), reverse("access:sign_in"))
    return None


def _gate(request, meeting: Meeting, document=None):
    """None when the (signed-in) user may proceed; otherwise the 404."""
    if not may_see_exempt(request.user, meeting, document):
        raise Http404("No such paper")
    return None


def _restricted_paper(meeting: Meeting, doc_id: int) -> Document:
    doc = get_object_or_404(Document.objects.select_related("parent"), pk=doc_id)
    top = doc.parent or doc
    attached = ItemPaper.objects.filter(item__meeting=meeting, document=top).exists()
    if not attached or not (doc.is_restricted or top.is_restricted):
        raise Http404("No such restricted paper")
    return doc


def _readable(request, pk: int, doc: int):
    """(meeting, document, version) for an entitled reader, or the response to send."""
    refused = _sign_in_first(request)
    if refused:
        return refused
    meeting = get_object_or_404(Meeting.objects.select_related("body", "venue"), pk=pk)
    document = _restricted_paper(meeting, doc)
    _gate(request, meeting, document)
    # The published version; before publication a draft, for those who may read drafts.
    version = readable_version(request.user, meeting, document)
    if version is None:
        raise Http404("No such paper")
    return meeting, document, version


@require_safe
def paper(request, pk: int, doc: int):
    found = _readable(request, pk, doc)
    if not isinstance(found, tuple):
        return found
    meeting, document, version = found
    item = (
        ItemPaper.objects.filter(item__meeting=meeting, document=document.parent or document)
        .select_related("item")
        .first()
        .item
    )
    _log(request, document, "view", f"{meeting}: {document}")
    original = files.original(version, page=True) if version.source_kind != SourceKind.PDF else None
    response = render(
        request,
        "website/restricted_paper.html",
        {
            "meeting": meeting,
            "document": document,
            "version": version,
            "item": item,
            "appendices": document.appendices.all(),
            "original": original,
            "pdf": files.paper_pdf(
                document, version, meeting, files.restricted_marking(document), render=False
            ),
        },
    )
    add_never_cache_headers(response)
    return response


@require_safe
def paper_pdf(request, pk: int, doc: int):
    """The uploaded PDF, or the paper rendered with its NOT FOR PUBLICATION marking
    (``papers/files.py``)."""
    found = _readable(request, pk, doc)
    if not isinstance(found, tuple):
        return found
    meeting, document, version = found
    stored = files.paper_pdf(document, version, meeting, files.restricted_marking(document))
    return _download(request, meeting, document, stored, "PDF", ".pdf")


@require_safe
def paper_original(request, pk: int, doc: int):
    """The file the paper was uploaded as (a Word document or a PDF), as a download."""
    found = _readable(request, pk, doc)
    if not isinstance(found, tuple):
        return found
    meeting, document, version = found
    stored = files.original(version)
    return _download(request, meeting, document, stored, "original", "", attachment=True)


def _download(
    request, meeting, document, stored, what: str, suffix: str, *, attachment: bool = False
):
    if stored is None:
        raise Http404("No file")
    response = private_file_response(  # a missing file is a 404, and is not logged
        request,
        stored.name,
        content_type=stored.content_type,
        as_attachment=attachment,
        filename=f"restricted-{document.pk}{suffix or stored.suffix}",
    )
    _log(request, document, "download", f"{meeting}: {document} ({what})")
    add_never_cache_headers(response)
    return response


@require_safe
def members_pack(request, pk: int):

    refused = _sign_in_first(request)
    if refused:
        return refused
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    _gate(request, meeting)
    # Built before publication, the pack is a proof of drafts: democratic services' only.
    if not is_published(meeting) and not is_democratic_services(request.user):
        raise Http404("No members' pack has been published")
    pack = latest(meeting, PackKind.MEMBERS)
    if pack is None:
        raise Http404("No members' pack has been built")
    response = private_file_response(
        request,
        pack.file.name,
        storage=pack.file.storage,
        content_type=files.PDF,
        filename=f"{meeting.slug}-members-pack.pdf",
    )
    _log(request, None, "download", str(pack), meeting)
    add_never_cache_headers(response)
    return response
