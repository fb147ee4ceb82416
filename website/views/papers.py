"""A paper's page, its PDF, and the meeting's agenda packs.

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

from publishing import public

from ..queries import meetings, packs, papers
from .files import build_etag, pdf_response


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


@require_safe
def paper_pdf(request, pk, slug, doc):
    meeting = _meeting(pk)
    version = public.public_pdf(meeting, doc)
    if version is None:
        raise Http404("No such file")
    if slug != meeting.slug:
        return redirect(reverse("website:paper_pdf", args=[meeting.pk, meeting.slug, doc]),
                        permanent=True)
    name = f"{slugify(str(version.document))[:100] or 'paper'}.pdf"
    return pdf_response(request, version.source_file, name, version.content_hash,
                        version.published_at or version.created_at)


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
    return pdf_response(request, pack.file, f"{meeting.slug}-{what}.pdf",
                        build_etag(pack.file.name, pack.size, built.isoformat()), built)
