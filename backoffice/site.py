"""The back office asks for the same two-step sign-in as the rest of the site."""

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from access.rules import second_factor_given


def require_two_factor(site) -> None:
    """Staff reach ``site`` only after signing in with their second factor, via /sign-in/."""
    has_permission = site.has_permission

    def verified_permission(request) -> bool:
        return has_permission(request) and second_factor_given(request.user)

    def login(request, extra_context=None):
        target = request.GET.get("next") or reverse("admin:index")
        return redirect_to_login(target, reverse("access:sign_in"))

    site.has_permission = verified_permission
    site.login = login
