from django.urls import path

from .views import home, meeting
from .views.appointments import appointments
from .views.meeting_details import meeting_details, meeting_new
from .views.programme import programme, programme_new

app_name = "workspace"

urlpatterns = [
    path("", home.home, name="home"),
    path("meetings/<int:pk>/", meeting.meeting, name="meeting"),
    path("programme/", programme, name="programme"),
    path("programme/new/", programme_new, name="programme_new"),
    path("meetings/new/", meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/details/", meeting_details, name="meeting_details"),
    path("bodies/<slug:slug>/appointments/", appointments, name="appointments"),
]
