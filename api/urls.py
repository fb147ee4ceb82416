from django.urls import path, re_path

from . import views
from .catalogue import DETAIL, RESOURCES

app_name = "api"

urlpatterns = [
    path("", views.docs, name="docs"),
    path("docs/", views.docs, name="docs_alias"),
    path("schema", views.schema, name="schema"),
    path("popolo.json", views.popolo_view, name="popolo"),
    path("export.zip", views.export_view, name="export"),
]
for _name in RESOURCES:
    urlpatterns.append(path(f"{_name}/", views.list_view(_name), name=_name))
    if _name in DETAIL:
        # Any text, not just digits: a malformed id is a JSON 404, not the site's HTML one.
        urlpatterns.append(
            path(f"{_name}/<str:pk>/", views.detail_view(_name), name=f"{_name}_detail")
        )
urlpatterns.append(re_path(r"^(?P<path>.*)$", views.not_found, name="not_found"))
