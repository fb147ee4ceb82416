from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.module_loading import import_string
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from ..queries import meetings, papers


def home(request):
    return render(
        request,
        "website/home.html",
        {
            "upcoming": meetings.upcoming(),
            "recent": meetings.recent(),
            "papers": papers.recent(),
        },
    )


def accessibility(request):
    """The accessibility statement, in the form of GOV.UK's sample statement. Its dates are
    settings (``MOOT_ACCESSIBILITY_*``), never today's."""
    return render(
        request,
        "website/accessibility.html",
        {
            "prepared": settings.MOOT_ACCESSIBILITY_PREPARED,
            "reviewed": settings.MOOT_ACCESSIBILITY_REVIEWED,
            "tested": settings.MOOT_ACCESSIBILITY_TESTED,
            "site_address": settings.MOOT_SITE_URL.rstrip("/"),
        },
    )


def privacy(request):
    """What the site keeps about people who sign up for email alerts (``feeds.models``,
    ``summons.models.EmailLog``) and about those who sign in (``access.models``)."""
    return render(
        request,
        "website/privacy.html",
        {
            "confirm_days": settings.MOOT_ALERT_CONFIRM_DAYS,
            "session_age": lifetime_in_words(settings.SESSION_COOKIE_AGE),
        },
    )


UNITS = (("week", 7 * 86400), ("day", 86400), ("hour", 3600), ("minute", 60), ("second", 1))


def lifetime_in_words(seconds: int) -> str:
    """A lifetime in words, in the largest unit that measures it exactly: "8 hours",
    "52 weeks"."""
    for unit, size in UNITS:
        if seconds >= size and seconds % size == 0:
            count = seconds // size
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{seconds} seconds"


def _until(age: int | None, at_close: bool) -> str:
    if age is None:
        return "When you close your browser"
    if at_close:
        return f"When you close your browser, or after {lifetime_in_words(age)}"
    return f"After {lifetime_in_words(age)}"


def cookies_in_use() -> list[dict]:
    """The cookies the site sets, named and timed as the settings make them."""
    found = []
    found.append(
        {
            "name": settings.SESSION_COOKIE_NAME,
            "purpose": "Keeps you signed in, if you have an account (councillors and council "
            "staff). Set when you sign in.",
            "expires": _until(
                settings.SESSION_COOKIE_AGE, settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
            ),
        }
    )
    if not settings.CSRF_USE_SESSIONS:
        found.append(
            {
                "name": settings.CSRF_COOKIE_NAME,
                "purpose": "Stops other websites sending forms in your name. Set when a page has "
                "a form you send to us, such as signing up for email alerts or "
                "signing in.",
                "expires": _until(settings.CSRF_COOKIE_AGE, False),
            }
        )
    storage = import_string(settings.MESSAGE_STORAGE)
    if issubclass(storage, (CookieStorage, FallbackStorage)):
        found.append(
            {
                "name": CookieStorage.cookie_name,
                "purpose": "Shows you a message once, after you have done something in the "
                'signed-in pages (for example "The minutes were published").',
                "expires": "When the message has been shown, or when you close your browser",
            }
        )
    return found


def cookies(request):
    return render(request, "website/cookies.html", {"cookies": cookies_in_use()})


# Kept out of search engines: what only signed-in people use (it refuses others anyway).
ROBOTS_DISALLOW = ("/admin/", "/clerk/", "/restricted/", "/sign-in/", "/search/")


@require_safe
@cache_control(max_age=86400, public=True)
def robots(request):
    """robots.txt: the private areas are not for crawling; the sitemap lists the rest."""
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in ROBOTS_DISALLOW),
        f"Sitemap: {settings.MOOT_SITE_URL.rstrip('/')}/sitemap.xml",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the icon."""
    return redirect(static("images/favicon.svg"), permanent=True)
