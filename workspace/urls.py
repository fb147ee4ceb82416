from django.urls import path

from .views import home, meeting, packs, publish, summons

app_name = "workspace"

urlpatterns = [
    path("", home.home, name="home"),
    path("meetings/<int:pk>/", meeting.meeting, name="meeting"),
    path("meetings/<int:pk>/publish/", publish.publish, name="publish"),
    path("meetings/<int:pk>/supplement/", publish.supplement, name="supplement"),
    path("meetings/<int:pk>/packs/", packs.packs_view, name="packs"),
    path("meetings/<int:pk>/packs/progress/", packs.progress, name="packs_progress"),
    path("meetings/<int:pk>/packs/<int:pack>/download/", packs.download, name="pack_download"),
    path("meetings/<int:pk>/summons/", summons.summons, name="summons"),
    path("meetings/<int:pk>/summons/reissue/", summons.reissue, name="summons_reissue"),
    path("meetings/<int:pk>/summons/<int:issue>/posted/", summons.posted, name="summons_posted"),
    path(
        "meetings/<int:pk>/summons/<int:issue>/print/",
        summons.print_dispatch,
        name="summons_print",
    ),
]
