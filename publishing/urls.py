from django.urls import path

from . import views

app_name = "publishing"

urlpatterns = [
    path("meetings/<int:pk>/history/", views.history, name="history"),
    path("meetings/<int:pk>/history/packs/<int:pack>.pdf", views.pack_version, name="pack_version"),
]
