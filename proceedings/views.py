"""The public minutes: the page, the PDF and the history of versions; and the exempt minutes
for those entitled to them.

Minutes are public once published as a draft (``proceedings.public``); before that every
address here is the same 404 as for a meeting that does not exist, checked before any redirect.
The exempt minutes need a sign-in with both factors and an entitlement (``access.rules``);
anyone else gets a 404; every view is logged and never cached.
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, get_conditional_response
from django.utils.http import quote_etag
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from access import exempt_log
from access.models import Surface
from access.rules import may_see_exempt, second_factor_given
from meetings.models import Meeting

from .models import Minute, MinutesRecord
from .public import minutes_are_public
from .render.build import build
from .render.pdf import pdf


def _public_meeting(pk: int) -> Meeting:
    meeting = Meeting.objects.select_related("body", "venue").filter(pk=pk).first()
    if meeting is None or not minutes_are_public(meeting):
        raise Http404("No published minutes")
    return meeting


def _canonical(request, meeting: Meeting, slug: str | None, name: str, *args):
    if slug != meeting.slug:
        return redirect(
            reverse(f"proceedings:{name}", args=[meeting.pk, meeting.slug, *args]), permanent=True
        )
    return None


def _may_see_exempt(request, meeting: Meeting) -> bool:
    user = request.user
    if not user.is_authenticated:
        return False
    if not second_factor_given(user):
        return False
    return may_see_exempt(user, meeting)


@require_safe
def minutes(request, pk: int, slug: str | None = None):
    meeting = _public_meeting(pk)
    moved = _canonical(request, meeting, slug, "minutes")
    if moved:
        return moved
    doc = build(meeting)
    has_exempt = Minute.objects.filter(meeting=meeting, exempt=True).exists()
    return render(
        request,
        "proceedings/minutes.html",
        {
            "meeting": meeting,
            "doc": doc,
            "exempt_link": has_exempt and _may_see_exempt(request, meeting),
        },
    )


@require_safe
def minutes_pdf(request, pk: int, slug: str):
    meeting = _public_meeting(pk)
    moved = _canonical(request, meeting, slug, "minutes_pdf")
    if moved:
        return moved
    data, digest = pdf(meeting)
    headers = {"ETag": quote_etag(digest), "Cache-Control": "no-cache"}
    probe = HttpResponse(headers=headers)
    conditional = get_conditional_response(request, etag=headers["ETag"], response=probe)
    if conditional is not probe:
        return conditional
    response = HttpResponse(data, content_type="application/pdf", headers=headers)
    response["Content-Disposition"] = f'inline; filename="{meeting.slug}-minutes.pdf"'
    return response


@require_safe
def versions(request, pk: int, slug: str):
    meeting = _public_meeting(pk)
    moved = _canonical(request, meeting, slug, "minutes_versions")
    if moved:
        return moved
    record = MinutesRecord.objects.get(meeting=meeting)
    return render(
        request,
        "proceedings/versions.html",
        {
            "meeting": meeting,
            "record": record,
            "versions": record.versions.select_related("approving_minute__meeting__body").order_by(
                "-number"
            ),
        },
    )


@require_safe
def version(request, pk: int, slug: str, number: int):
    meeting = _public_meeting(pk)
    record = MinutesRecord.objects.get(meeting=meeting)
    found = get_object_or_404(record.versions, number=number)
    moved = _canonical(request, meeting, slug, "minutes_version", number)
    if moved:
        return moved
    return render(
        request,
        "proceedings/version.html",
        {
            "meeting": meeting,
            "version": found,
            # Rendered by proceedings.render.html from the public record when the version was made.
            "html": mark_safe(found.public_html),  # noqa: S308
        },
    )


def _exempt_gate(request, pk: int, slug: str, name: str):
    """(meeting, None) for an entitled user; otherwise (None, the response: sign in or 404)."""
    meeting = _public_meeting(pk)
    user = request.user
    if not user.is_authenticated or not second_factor_given(user):
        return None, redirect_to_login(request.get_full_path(), reverse("access:sign_in"))
    if not may_see_exempt(user, meeting):
        raise Http404("No such minutes")
    return meeting, _canonical(request, meeting, slug, name)


def _log(request, meeting: Meeting, action: str, what: str) -> None:
    exempt_log.record(
        request, Surface.RESTRICTED, f"{what}: {meeting}", action=action, meeting=meeting
    )


@require_safe
def exempt_minutes(request, pk: int, slug: str):
    meeting, refused = _exempt_gate(request, pk, slug, "exempt_minutes")
    if refused:
        return refused
    doc = build(meeting, exempt=True)
    _log(request, meeting, "view", "Exempt minutes")
    response = render(request, "proceedings/exempt_minutes.html", {"meeting": meeting, "doc": doc})
    add_never_cache_headers(response)
    return response


@require_safe
def exempt_minutes_pdf(request, pk: int, slug: str):
    meeting, refused = _exempt_gate(request, pk, slug, "exempt_minutes_pdf")
    if refused:
        return refused
    data, _ = pdf(meeting, exempt=True)
    _log(request, meeting, "download", "Exempt minutes (PDF)")
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{meeting.slug}-exempt-minutes.pdf"'
    add_never_cache_headers(response)
    return response
