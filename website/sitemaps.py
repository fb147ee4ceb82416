"""/sitemap.xml: every public page a search engine should know about."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from council.models import Body, Person
from meetings.models import Meeting

from .queries import papers


class StaticPages(Sitemap):
    def items(self):
        return ["home", "committees", "members", "former_members", "calendar", "outside_bodies",
                "accessibility"]

    def location(self, item):
        return reverse(f"website:{item}")


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
        return papers.paper_url(meeting, document)

    def lastmod(self, item):
        return item[2]


SITEMAPS = {"pages": StaticPages, "bodies": Bodies, "meetings": Meetings, "members": Members,
            "papers": Papers}
