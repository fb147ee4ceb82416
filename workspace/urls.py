from django.urls import path

from .views import agenda, home, meeting

app_name = "workspace"

urlpatterns = [
    path("", home.home, name="home"),
    path("meetings/<int:pk>/", meeting.meeting, name="meeting"),
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
]
