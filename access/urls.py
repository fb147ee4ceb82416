from django.urls import path

from . import enrol_views, views

app_name = "access"

urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-in/code/", views.verify, name="verify"),
    path("sign-in/enrol/<str:token>/", enrol_views.enrol, name="enrol"),
    path("sign-in/set-up/", enrol_views.set_up, name="set_up"),
    path("sign-out/", views.sign_out, name="sign_out"),
]
