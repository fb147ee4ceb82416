from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from ..queries import meetings, papers


def home(request):
    return render(request, "website/home.html", {
        "upcoming": meetings.upcoming(),
        "recent": meetings.recent(),
        "papers": papers.recent(),
    })


def accessibility(request):
    return render(request, "website/accessibility.html")


# Kept out of search engines: what only signed-in people use (it refuses others anyway).
ROBOTS_DISALLOW = ("/admin/", "/clerk/", "/restricted/", "/sign-in/", "/search/")


@require_safe
@cache_control(max_age=86400, public=True)
def robots(request):
    """robots.txt: the private areas are not for crawling; the sitemap lists the rest."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW),
             f"Sitemap: {settings.MOOT_SITE_URL.rstrip('/')}/sitemap.xml", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the icon."""
    return redirect(static("images/favicon.svg"), permanent=True)
