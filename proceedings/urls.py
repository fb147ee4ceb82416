from django.urls import path

from . import views

app_name = "proceedings"

urlpatterns = [
    path("meetings/<int:pk>/minutes/", views.minutes, name="minutes_short"),
    path("meetings/<int:pk>/<slug:slug>/minutes/", views.minutes, name="minutes"),
    path("meetings/<int:pk>/<slug:slug>/minutes.pdf", views.minutes_pdf, name="minutes_pdf"),
    path(
        "meetings/<int:pk>/<slug:slug>/minutes/versions/", views.versions, name="minutes_versions"
    ),
    path(
        "meetings/<int:pk>/<slug:slug>/minutes/versions/<int:number>/",
        views.version,
        name="minutes_version",
    ),
    path(
        "meetings/<int:pk>/<slug:slug>/minutes/exempt/", views.exempt_minutes, name="exempt_minutes"
    ),
    path(
        "meetings/<int:pk>/<slug:slug>/minutes/exempt.pdf",
        views.exempt_minutes_pdf,
        name="exempt_minutes_pdf",
    ),
]
