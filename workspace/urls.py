from django.urls import path

from .views import agenda, home, meeting, packs, publish, summons
from .views.appointments import appointments
from .views.meeting_details import meeting_details, meeting_new
from .views.programme import programme, programme_new

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
    path("meetings/<int:pk>/agenda/", agenda.builder, name="agenda"),
    path(
        "meetings/<int:pk>/agenda/standard-items/",
        agenda.add_standard_items,
        name="agenda_standard",
    ),
    path("meetings/<int:pk>/agenda/renumber/", agenda.renumber, name="agenda_renumber"),
    path("meetings/<int:pk>/agenda/urgent/", agenda.add_urgent, name="agenda_urgent"),
    path("meetings/<int:pk>/agenda/items/<int:item_pk>/", agenda.change, name="agenda_item"),
    path("meetings/<int:pk>/agenda/items/<int:item_pk>/move/", agenda.move, name="agenda_move"),
    path(
        "meetings/<int:pk>/agenda/items/<int:item_pk>/remove/",
        agenda.remove,
        name="agenda_remove",
    ),
    path("programme/", programme, name="programme"),
    path("programme/new/", programme_new, name="programme_new"),
    path("meetings/new/", meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/details/", meeting_details, name="meeting_details"),
    path("bodies/<slug:slug>/appointments/", appointments, name="appointments"),
]
