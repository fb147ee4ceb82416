"""A paper's page, its PDF and original file, and the meeting's agenda packs.

Anything the public may not see (a restricted paper or its file, a paper of another meeting,
a paper or pack of an agenda not yet published, a paper attached since and awaiting its
supplementary agenda, a members' pack) is a plain 404, checked before any redirect: a 403, or
a redirect to the canonical address, would confirm that it exists.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from papers import files
from publishing import public

from ..queries import meetings, packs, papers
from .files import build_etag, file_response, pdf_response


def _meeting(pk):
    found = meetings.meeting_for_page(pk)
    if found is None:
        raise Http404("No such meeting")
    return found


@require_safe
def paper(request, pk, doc, slug=None):
    meeting = _meeting(pk)
    page = papers.paper_page(meeting, doc)
    if page is None:
        raise Http404("No such paper")
    if slug != meeting.slug:
        return redirect(public.paper_url(meeting, page.document), permanent=True)
    return render(request, "website/paper.html", {"page": page, "meeting": meeting})


def _page(meeting, doc):
    page = papers.paper_page(meeting, doc)
    if page is None:
        raise Http404("No such paper")
    return page


@require_safe
def paper_pdf(request, pk, slug, doc):
    """The paper's PDF: the uploaded PDF itself, or its rendering (made on the first request
    when the worker has not stored it yet: ``papers/files.py``)."""
    meeting = _meeting(pk)
    page = _page(meeting, doc)
    if slug != meeting.slug:
        return redirect(
            reverse("website:paper_pdf", args=[meeting.pk, meeting.slug, doc]), permanent=True
        )
    stored = files.paper_pdf(page.document, page.version, meeting)
    if stored is None:
        raise Http404("The file is missing")
    version = page.version
    return file_response(
        request,
        stored,
        f"{_file_stem(page.document)}.pdf",
        version.published_at or version.created_at,
    )


@require_safe
def paper_original(request, pk, slug, doc):
    """The file the paper's published version was uploaded as (a Word document or a PDF),
    as a download."""
    meeting = _meeting(pk)
    version = public.public_original(meeting, doc)
    stored = files.original(version) if version is not None else None
    if stored is None:
        raise Http404("No such file")
    if slug != meeting.slug:
        return redirect(
            reverse("website:paper_original", args=[meeting.pk, meeting.slug, doc]), permanent=True
        )
    return file_response(
        request,
        stored,
        f"{_file_stem(version.document)}{stored.suffix}",
        version.published_at or version.created_at,
        attachment=True,
    )


def _file_stem(document) -> str:
    return slugify(str(document))[:100] or "paper"


@require_safe
def pack_pdf(request, pk, slug, supplement=0):
    meeting = _meeting(pk)
    # The agenda pack has its own address; "supplementary agenda 0" is not another one.
    if supplement == 0 and "supplement" in request.resolver_match.kwargs:
        raise Http404("No such pack")
    pack = packs.public_pack(meeting, supplement)
    if pack is None:
        raise Http404("No such pack")
    if slug != meeting.slug:
        return redirect(packs.pack_url(meeting, supplement), permanent=True)
    built = pack.built_at or pack.requested_at
    what = f"supplementary-agenda-{supplement}" if supplement else "agenda-reports-pack"
    return pdf_response(
        request,
        pack.file,
        f"{meeting.slug}-{what}.pdf",
        build_etag(pack.file.name, pack.size, built.isoformat()),
        built,
    )
