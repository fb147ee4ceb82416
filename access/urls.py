from django.urls import path

from . import enrol_views, restricted, views

app_name = "access"

urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-in/code/", views.verify, name="verify"),
    path("sign-in/enrol/<str:token>/", enrol_views.enrol, name="enrol"),
    path("sign-in/set-up/", enrol_views.set_up, name="set_up"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("restricted/meetings/<int:pk>/papers/<int:doc>/", restricted.paper,
         name="restricted_paper"),
    path("restricted/meetings/<int:pk>/papers/<int:doc>/pdf/", restricted.paper_pdf,
         name="restricted_paper_pdf"),
    path("restricted/meetings/<int:pk>/papers/<int:doc>/original/", restricted.paper_original,
         name="restricted_paper_original"),
    path("restricted/meetings/<int:pk>/members-pack.pdf", restricted.members_pack,
         name="members_pack"),
]
