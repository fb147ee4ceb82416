"""RSS 2.0 and Atom feeds of meetings (django.contrib.syndication), for the authority, a body
and a member. Unknown slugs are 404s.

Every address in a feed, its GUIDs and Atom ids included, is built on the site's configured
address (``settings.MOOT_SITE_URL``, ``summons.links.site_url``), never the request's Host
header: a reader that fetched the feed through another name, or a forged Host, gets the same
ids, so no entry is seen twice and no link points elsewhere. Dates come from the publication
record (``feeds.selection``)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from council.models import Authority
from summons.ics import when_text
from summons.links import absolute

from . import selection
from .conditional import conditional
from .selection import Entry, Scope

LIMIT = 50


class MeetingsRss(Feed):
    """The authority's meetings; subclasses choose another scope or format."""

    feed_type = Rss201rev2Feed
    description_template = "feeds/item_description.html"

    def __call__(self, request: HttpRequest, *args, **kwargs):
        return conditional(request, super().__call__(request, *args, **kwargs))

    def scope(self, slug: str | None) -> Scope | None:
        return selection.authority()

    def get_object(self, request: HttpRequest, slug: str | None = None) -> Scope:
        scope = self.scope(slug)
        if scope is None:
            raise Http404("No such feed")
        # Feed instances are shared between requests: the feed's path travels with the scope.
        scope.feed_path = request.path
        return scope

    def title(self, scope: Scope) -> str:
        return scope.title

    def link(self, scope: Scope) -> str:
        return absolute(scope.page)

    def feed_url(self, scope: Scope) -> str:
        return absolute(scope.feed_path)

    def description(self, scope: Scope) -> str:
        return scope.description

    def subtitle(self, scope: Scope) -> str:
        return scope.description

    def author_name(self) -> str:
        return getattr(Authority.current(), "name", "") or "Moot"

    def items(self, scope: Scope) -> list[Entry]:
        found = selection.entries(scope, LIMIT)
        for entry in found:
            # The short address never changes, even if the meeting moves to another date.
            entry.guid = absolute(reverse("website:meeting_short", args=[entry.meeting.pk]))
            if entry.minutes_public:
                entry.minutes_url = absolute(entry.minutes_path())
        return found

    def item_title(self, entry: Entry) -> str:
        m = entry.meeting
        status = (
            f" ({m.get_status_display().lower()})" if m.status in ("cancelled", "postponed") else ""
        )
        return f"{m.body.name}, {when_text(m)}{status}"

    def item_link(self, entry: Entry) -> str:
        return absolute(entry.meeting.get_absolute_url())

    def item_guid(self, entry: Entry) -> str:
        return entry.guid

    def item_guid_is_permalink(self, entry: Entry) -> bool:
        return True

    def item_pubdate(self, entry: Entry):
        return entry.published

    def item_updateddate(self, entry: Entry):
        return entry.updated

    def item_categories(self, entry: Entry) -> list[str]:
        return [entry.meeting.body.name]


class MeetingsAtom(MeetingsRss):
    feed_type = Atom1Feed


class BodyRss(MeetingsRss):
    def scope(self, slug: str | None) -> Scope | None:
        return selection.for_body(slug or "")


class BodyAtom(BodyRss):
    feed_type = Atom1Feed


class MemberRss(MeetingsRss):
    def scope(self, slug: str | None) -> Scope | None:
        return selection.for_member(slug or "")


class MemberAtom(MemberRss):
    feed_type = Atom1Feed
