from django.urls import path

from .views import pages

app_name = "website"

urlpatterns = [
    path("", pages.home, name="home"),
]
