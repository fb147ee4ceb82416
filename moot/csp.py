"""The Content-Security-Policy header on every response (Django 5.2 has none of its own).

Scripts and styles come only from the site's static files: no inline ``<script>``, no
``style=""`` attributes, no ``eval``. The policy is ``settings.MOOT_CSP`` (``MOOT_CSP`` in the
environment overrides it); a response that already carries a policy keeps its own.
"""

from __future__ import annotations

from django.conf import settings

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "MOOT_CSP", POLICY)
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
        return response
