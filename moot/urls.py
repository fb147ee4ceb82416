from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from backoffice.site import require_two_factor  # noqa: E402
from moot import health, metrics

require_two_factor(admin.site)
admin.site.site_header = "Moot back office"
admin.site.site_title = "Moot back office"
admin.site.index_title = "Democratic services"

urlpatterns = [
    # For monitors and the load balancer (moot/health.py), and Prometheus (moot/metrics.py).
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", metrics.metrics, name="metrics"),
    path("admin/", admin.site.urls),
    path("", include("access.urls")),
    path("", include("publishing.urls")),
    path("", include("summons.urls")),
    path("", include("feeds.urls")),
    path("", include("proceedings.urls")),
    path("", include("decisions.urls")),
    path("clerk/", include("clerking.urls")),
    path("office/", include("workspace.urls")),
    path("search/", include("search.urls")),
    path("api/", include("api.urls")),
    path("", include("moderngov.urls")),
    path("", include("website.urls")),
]
# Uploaded photos in development; in production the web server serves MEDIA_ROOT.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "website.views.errors.not_found"
# The database not answering is a 503 saying so; any other failure the 500 page.
handler500 = "moot.unavailable.server_error"
