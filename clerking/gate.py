"""Only democratic services, signed in with both factors, reach the clerk's screens."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from access.rules import is_democratic_services, second_factor_given

SIGNED_OUT = (
    "Not saved: you are no longer signed in. Sign in again in a new tab, then save here again."
)


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def clerk_required(view):
    """Signed out, or signed in without the second factor: to sign-in (a change sent by htmx:
    401 and a short message, so the page and what was typed in it stay). Anyone but
    democratic services: 403. Responses are never cached (they carry exempt business)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated or not second_factor_given(user):
            if is_htmx(request):
                return HttpResponse(SIGNED_OUT, status=401, content_type="text/plain")
            return redirect_to_login(request.get_full_path(), reverse("access:sign_in"))
        if not is_democratic_services(user):
            return render(request, "clerking/forbidden.html", status=403)
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapped
