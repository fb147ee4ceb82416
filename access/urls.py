from django.urls import path

from . import restricted, views

app_name = "access"

urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-in/code/", views.verify, name="verify"),
    path("sign-in/set-up/", views.set_up, name="set_up"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("restricted/meetings/<int:pk>/papers/<int:doc>/", restricted.paper,
         name="restricted_paper"),
    path("restricted/meetings/<int:pk>/papers/<int:doc>/pdf/", restricted.paper_pdf,
         name="restricted_paper_pdf"),
    path("restricted/meetings/<int:pk>/members-pack.pdf", restricted.members_pack,
         name="members_pack"),
]
