from django.contrib.sitemaps.views import sitemap
from django.urls import path, re_path

from .sitemaps import SITEMAPS
from .views import bodies, meetings, members, pages, papers, restricted

app_name = "website"

urlpatterns = [
    path("", pages.home, name="home"),
    path("committees/", bodies.committees, name="committees"),
    path("committees/<slug:slug>/", bodies.committee, name="committee"),
    path("meetings/<int:pk>/", meetings.meeting, name="meeting_short"),
    path("meetings/<int:pk>/<slug:slug>/", meetings.meeting, name="meeting"),
    path("meetings/<int:pk>/papers/<int:doc>/", papers.paper, name="paper_short"),
    path("meetings/<int:pk>/<slug:slug>/papers/<int:doc>/", papers.paper, name="paper"),
    path("meetings/<int:pk>/<slug:slug>/papers/<int:doc>/pdf/", papers.paper_pdf, name="paper_pdf"),
    path(
        "meetings/<int:pk>/<slug:slug>/papers/<int:doc>/original/",
        papers.paper_original,
        name="paper_original",
    ),
    path(
        "meetings/<int:pk>/<slug:slug>/agenda-reports-pack.pdf", papers.pack_pdf, name="agenda_pack"
    ),
    path(
        "meetings/<int:pk>/<slug:slug>/supplementary-agenda-<int:supplement>.pdf",
        papers.pack_pdf,
        name="supplementary_pack",
    ),
    # Exempt and confidential papers, for those entitled (views/restricted.py).
    path(
        "restricted/meetings/<int:pk>/papers/<int:doc>/", restricted.paper, name="restricted_paper"
    ),
    path(
        "restricted/meetings/<int:pk>/papers/<int:doc>/pdf/",
        restricted.paper_pdf,
        name="restricted_paper_pdf",
    ),
    path(
        "restricted/meetings/<int:pk>/papers/<int:doc>/original/",
        restricted.paper_original,
        name="restricted_paper_original",
    ),
    path(
        "restricted/meetings/<int:pk>/members-pack.pdf",
        restricted.members_pack,
        name="members_pack",
    ),
    path("calendar/", meetings.calendar, name="calendar"),
    re_path(
        r"^calendar/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$",
        meetings.calendar,
        name="calendar_month",
    ),
    path("members/", members.index, name="members"),
    path("members/former/", members.former, name="former_members"),
    path("members/<slug:slug>/", members.member, name="member"),
    path("outside-bodies/", bodies.outside_bodies, name="outside_bodies"),
    path("outside-bodies/<slug:slug>/", bodies.outside_body, name="outside_body"),
    path("accessibility/", pages.accessibility, name="accessibility"),
    path("privacy/", pages.privacy, name="privacy"),
    path("cookies/", pages.cookies, name="cookies"),
    path("robots.txt", pages.robots, name="robots"),
    path("favicon.ico", pages.favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]
