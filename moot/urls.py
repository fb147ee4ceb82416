from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Moot back office"
admin.site.site_title = "Moot back office"
admin.site.index_title = "Democratic services"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("website.urls")),
]

handler404 = "website.views.errors.not_found"
handler500 = "website.views.errors.server_error"
