"""Only democratic services, signed in with both factors, reach the officers' screens: the
workspace (``workspace``) and the clerk's screen (``clerking``); officers who write or clear
reports reach their own pages of the workspace (``staff_required``), each page then asking
what of it they may see."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from .rules import is_democratic_services, second_factor_given

View = Callable[..., HttpResponse]

SIGNED_OUT = (
    "Not saved: you are no longer signed in. Sign in again in a new tab, then save here again."
)


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def officer_required(
    refusal: str = "access/not_an_officer.html", *, staff: bool = False
) -> Callable[[View], View]:
    """Signed out, or signed in without the second factor: to sign-in (a change sent by htmx:
    401 and a short message, so the page and what was typed in it stay). Anyone but
    democratic services (with ``staff``, anyone but democratic services and officers: active
    staff accounts): 403 with ``refusal`` (a template saying who may use the screen).
    Responses are never cached (they carry exempt business)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            user = request.user
            if not user.is_authenticated or not second_factor_given(user):
                if is_htmx(request):
                    return HttpResponse(SIGNED_OUT, status=401, content_type="text/plain")
                return redirect_to_login(request.get_full_path(), reverse("access:sign_in"))
            admitted = is_democratic_services(user) or (staff and user.is_active and user.is_staff)
            if not admitted:
                return render(request, refusal, status=403)
            response = view(request, *args, **kwargs)
            add_never_cache_headers(response)
            return response

        return wrapped

    return decorate


def staff_required(refusal: str = "access/not_staff.html") -> Callable[[View], View]:
    """As ``officer_required``, admitting officers too (report authors and those who clear
    reports): the view decides what of the page each may see."""
    return officer_required(refusal, staff=True)
