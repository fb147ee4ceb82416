from django.urls import path

from . import views

app_name = "decisions"

urlpatterns = [
    path("decisions/", views.register, name="register"),
    path("decisions/<int:pk>/", views.decision, name="decision"),
    path("votes/<int:pk>/", views.vote, name="vote"),
    path("members/<slug:slug>/votes/", views.voting_record, name="voting_record"),
]
