from django.urls import path

from . import views

app_name = "clerking"

urlpatterns = [
    path("", views.index, name="index"),
    path("meetings/<int:pk>/", views.meeting_screen, name="meeting"),
]
