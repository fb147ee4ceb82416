from django.urls import path

from . import calendars, syndication, views

app_name = "feeds"

urlpatterns = [
    path("subscriptions/new/", views.subscribe, name="subscribe"),
    path("subscriptions/check-your-email/", views.sent, name="sent"),
    path("subscriptions/confirm/<str:token>/", views.confirm, name="confirm"),
    path("subscriptions/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("feeds/meetings.rss", syndication.MeetingsRss(), name="meetings_rss"),
    path("feeds/meetings.atom", syndication.MeetingsAtom(), name="meetings_atom"),
    path("feeds/meetings.ics", calendars.authority_ics, name="meetings_ics"),
    path("feeds/committees/<slug:slug>.rss", syndication.BodyRss(), name="body_rss"),
    path("feeds/committees/<slug:slug>.atom", syndication.BodyAtom(), name="body_atom"),
    path("feeds/committees/<slug:slug>.ics", calendars.body_ics, name="body_ics"),
    path("feeds/members/<slug:slug>.rss", syndication.MemberRss(), name="member_rss"),
    path("feeds/members/<slug:slug>.atom", syndication.MemberAtom(), name="member_atom"),
    path("feeds/members/<slug:slug>.ics", calendars.member_ics, name="member_ics"),
]
