"""The back office is for administrators only, signed in with the same two steps as the rest
of the site. Democratic services work in the workspace (``/office/``): an officer who is not
an administrator is refused here with a page leading there."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import reverse

from access.rules import is_administrator, second_factor_given


def _refused(request) -> bool:
    """Signed in with both factors, but not an administrator: refused, not sent to sign in
    again (which would only bring them back here)."""
    user = request.user
    return user.is_authenticated and second_factor_given(user) and not is_administrator(user)


def require_two_factor(site) -> None:
    """Administrators (``access.rules.is_administrator``) reach ``site`` only after signing in
    with their second factor, via /sign-in/; anyone else signed in is refused with a 403."""
    admin_view = site.admin_view

    def verified_permission(request) -> bool:
        # In place of Django's "an active staff account": an administrator, both factors given.
        return is_administrator(request.user) and second_factor_given(request.user)

    def login(request, extra_context=None):
        if _refused(request):
            return render(request, "access/not_an_administrator.html", status=403)
        target = request.GET.get("next") or reverse("admin:index")
        return redirect_to_login(target, reverse("access:sign_in"))

    def administrators_view(view, cacheable=False):
        wrapped = admin_view(view, cacheable)

        @wraps(view)
        def inner(request, *args, **kwargs):
            if _refused(request):
                return render(request, "access/not_an_administrator.html", status=403)
            return wrapped(request, *args, **kwargs)

        return inner

    site.has_permission = verified_permission
    site.login = login
    site.admin_view = administrators_view
