"""The public page cache: anonymous GETs of public pages kept until the record changes.

What may be shared is decided here, once, for both caches: Moot's own (the ``pages`` cache,
files shared by the workers of one server, ``MOOT_PAGE_CACHE``) and deploy/'s nginx
(``proxy_cache``), which keeps a response only when Moot's ``X-Accel-Expires`` says so.

- **Keys** hold the public generation (``audit/generation.py``): every committed change to the
  record replaces it, so the first request after a publication, a supplement, a withdrawal, a
  reclassification, minutes, a correction or a cancellation renders the page afresh, and no
  exempt or withdrawn text outlives its change in a cache (docs/statutory-rules.md §1B;
  docs/architecture.md "Exempt information never leaks").
- **Never shared**: a request with a session or messages cookie or an Authorization header
  (signed in, or about to be told something) is neither served from a cache nor stored, and
  its answer says ``Cache-Control: private``; nor is a response that sets a cookie (the CSRF
  token of a form is then in its HTML), streams (papers, packs), is not a 200, or varies on
  anything but the cookie.
- **Which pages**: the public readers' (the site, minutes, decisions, feeds, search, the API,
  the modern.gov service), never the sign-in, the back office, the workspace, the clerk's
  screen, subscriptions or operations.
- **How long**: ``MOOT_PAGE_CACHE_SECONDS`` at most, and never past the authority's midnight,
  when "today" moves on (council/dates.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag

from audit import generation

SHARED_NAMESPACES = frozenset(
    {"website", "proceedings", "decisions", "feeds", "search", "api", "moderngov", "publishing"}
)
NEVER_SHARED = frozenset(
    {
        "website:restricted_paper",
        "website:restricted_paper_pdf",
        "website:restricted_paper_original",
        "website:members_pack",
        "proceedings:exempt_minutes",
        "proceedings:exempt_minutes_pdf",
        "feeds:subscribe",
        "feeds:sent",
        "feeds:confirm",
        "feeds:unsubscribe",
    }
)
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
SHAREABLE_VARY = frozenset({"cookie", "accept-encoding"})
STATUS = "X-Moot-Cache"  # hit or miss, for operators and tests
UNSTORED = frozenset({"set-cookie", "x-accel-expires", STATUS.lower()})


def personal(request: HttpRequest) -> bool:
    """A request whose answer may be someone's own: never shared."""
    return "Authorization" in request.headers or any(
        name in request.COOKIES for name in PERSONAL_COOKIES
    )


def shared_view(request: HttpRequest) -> bool:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    request.resolver_match = match  # the metrics name the view of an answer from the cache
    return match.namespace in SHARED_NAMESPACES and match.view_name not in NEVER_SHARED


def shareable(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if "Set-Cookie" in response or "X-Accel-Redirect" in response:
        return False
    control = response.get("Cache-Control", "").lower()
    if "private" in control or "no-store" in control:
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return vary <= SHAREABLE_VARY


def lifetime() -> int:
    """Seconds an entry may live: the configured bound, ended at the authority's midnight."""
    now = timezone.localtime()
    midnight = timezone.make_aware(
        dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time()), now.tzinfo
    )
    return max(1, min(settings.MOOT_PAGE_CACHE_SECONDS, int((midnight - now).total_seconds())))


def key(request: HttpRequest, token: str) -> str:
    address = f"{token}|{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "page:" + hashlib.sha256(address.encode()).hexdigest()


def _frozen(response: HttpResponse) -> dict:
    headers = [(k, v) for k, v in response.items() if k.lower() not in UNSTORED]
    return {"status": response.status_code, "content": response.content, "headers": headers}


def _thawed(entry: dict) -> HttpResponse:
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    return response


def _shared(response: HttpResponse, seconds: int) -> None:
    """The headers of a shared answer: nginx may keep it ``seconds``; browsers revalidate."""
    if "ETag" not in response:
        set_response_etag(response)
    control = response.get("Cache-Control") or "public, no-cache"
    for name in ("Cache-Control", "X-Accel-Expires"):
        if name in response:
            del response[name]
    # Before Cache-Control, which nginx 1.22 would otherwise read first (deploy/nginx).
    response["X-Accel-Expires"] = str(seconds)
    response["Cache-Control"] = control


def _unshared(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    response["X-Accel-Expires"] = "0"
    if personal(request) or response.cookies or "Set-Cookie" in response:
        patch_cache_control(response, private=True)
    return response


class PublicPageCacheMiddleware:
    """Serves and keeps shareable public pages (above). Sits outside the session and CSRF
    middleware, so that it sees every cookie they set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or personal(request) or not shared_view(request):
            return _unshared(request, self.get_response(request))
        try:
            entry_key = key(request, generation.current())
        except DisallowedHost:  # answered as Django answers it, below
            return _unshared(request, self.get_response(request))
        store = caches["pages"] if settings.MOOT_PAGE_CACHE and request.method == "GET" else None
        entry = store.get(entry_key) if store is not None else None
        seconds = lifetime()
        if entry is not None:
            response = _thawed(entry)
            response[STATUS] = "hit"
        else:
            response = self.get_response(request)
            if not shareable(response):
                return _unshared(request, response)
            _shared(response, seconds)
            if store is not None:
                store.set(entry_key, _frozen(response), seconds)
            response[STATUS] = "miss"
        _shared(response, seconds)
        conditional = get_conditional_response(request, etag=response["ETag"], response=response)
        return conditional if conditional is not None else response
