"""/sitemap.xml: every public page a search engine should know about."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from council.models import Body, Person
from meetings.models import Meeting
from proceedings import public as proceedings
from publishing.public import paper_url

from .queries import papers


class StaticPages(Sitemap):
    def items(self):
        return [
            "website:home",
            "website:committees",
            "website:members",
            "website:former_members",
            "website:calendar",
            "website:outside_bodies",
            "website:accessibility",
            "website:privacy",
            "website:cookies",
            "decisions:register",
        ]

    def location(self, item):
        return reverse(item)


class Bodies(Sitemap):
    def items(self):
        return Body.objects.order_by("name")  # committees and outside bodies alike


class Meetings(Sitemap):
    limit = 5000

    def items(self):
        return Meeting.objects.select_related("body").order_by("date", "pk")


class Members(Sitemap):
    def items(self):
        return Person.objects.filter(terms__isnull=False).distinct().order_by("slug")


class Papers(Sitemap):
    """Public papers' pages; restricted papers (and appendices of restricted reports) never."""

    limit = 5000

    def items(self):
        return papers.sitemap_pages()

    def location(self, item):
        meeting, document, _ = item
        return paper_url(meeting, document)

    def lastmod(self, item):
        return item[2]


class Minutes(Sitemap):
    """Published minutes (public part only; exempt minutes have no public address)."""

    limit = 5000

    def items(self):
        return proceedings.published_meetings().select_related("body").order_by("date", "pk")

    def location(self, item):
        return reverse("proceedings:minutes", args=[item.pk, item.slug])


class Decisions(Sitemap):
    limit = 5000

    def items(self):
        return proceedings.public_resolutions().order_by("pk").values_list("pk", flat=True)

    def location(self, item):
        return reverse("decisions:decision", args=[item])


class Votes(Sitemap):
    limit = 5000

    def items(self):
        return proceedings.public_votes().order_by("pk").values_list("pk", flat=True)

    def location(self, item):
        return reverse("decisions:vote", args=[item])


SITEMAPS = {
    "pages": StaticPages,
    "bodies": Bodies,
    "meetings": Meetings,
    "members": Members,
    "papers": Papers,
    "minutes": Minutes,
    "decisions": Decisions,
    "votes": Votes,
}
