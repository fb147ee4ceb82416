from django.urls import path

from . import views

app_name = "summons"

urlpatterns = [
    path("account/summons-consent/", views.consent, name="consent"),
]
