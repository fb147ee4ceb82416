"""Every public page has a title of its own: a crawl of the public site from the home page
finds no two pages with different content under one title (filtered registers, appendices,
search results and pages of lists included). The calendar is left to its own tests."""

import hashlib
import re
from collections import deque

import pytest

from council.models import Body, Person
from proceedings.models import RecordedVote

from . import demo_pages
from .helpers import PR

pytestmark = pytest.mark.django_db

LIMIT = 450  # pages of HTML fetched
HREF = re.compile(r'href="([^"]*)"')
NOT_PUBLIC = (
    "/admin/",
    "/clerk/",
    "/restricted/",
    "/sign-in/",
    "/sign-out/",
    "/static/",
    "/media/",
    "/account/",
    "//",
)
LEFT_OUT = ("/calendar/",)  # its months' titles are the calendar's own concern
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
MAIN = re.compile(r"<main\b.*?</main>", re.S)


def seeds() -> list[str]:
    """Pages reached through forms rather than links: filtered registers and searches."""
    pr = Body.objects.get(name=PR)
    voter = Person.objects.filter(pk__in=RecordedVote.objects.values("person")).first()
    urls = [
        "/decisions/",
        f"/decisions/?body={pr.slug}",
        "/decisions/?from-day=1&from-month=1&from-year=2017",
        f"/decisions/?body={pr.slug}&from-day=1&from-month=1&from-year=2017",
        "/decisions/?to-day=31&to-month=12&to-year=2016",
        "/decisions/?text=budget",
        "/decisions/?status=approved",
        "/decisions/?delegated=yes",
        "/search/?q=budget",
        "/search/?q=budget&page=2",
        "/search/?q=council",
        f"/search/?q=budget&body={pr.slug}",
        "/search/?q=budget&type=report",
        "/search/?q=budget&from-day=1&from-month=1&from-year=2017",
    ]
    if voter is not None:
        record = f"/members/{voter.slug}/votes/"
        urls += [
            record,
            f"{record}?body={pr.slug}",
            f"{record}?from-day=1&from-month=1&from-year=2017",
        ]
    return urls


def crawl() -> dict[str, str]:
    """Each public HTML page reached: its URL, title and a hash of its main content."""
    pages: dict[str, tuple[str, str]] = {}
    seen = {"/", *seeds()}
    queue = deque(["/", *seeds()])
    while queue and len(pages) < LIMIT:
        url = queue.popleft()
        response = demo_pages.get(url)
        if response.status_code in (301, 302):
            target = response.location
            if target.startswith("/") and target not in seen:
                seen.add(target)
                queue.append(target)
            continue
        if response.status_code != 200 or "text/html" not in response.content_type:
            continue
        html = response.content.decode()
        main = MAIN.search(html)
        pages[url] = (
            re.sub(r"\s+", " ", TITLE.search(html).group(1)).strip(),
            hashlib.sha256((main.group(0) if main else html).encode()).hexdigest(),
        )
        for href in HREF.findall(html):
            href = href.split("#")[0].replace("&amp;", "&")
            if (
                href.startswith("/")
                and not href.startswith(NOT_PUBLIC)
                and not href.endswith(".pdf")
                and href not in seen
            ):
                seen.add(href)
                queue.append(href)
    return pages


def test_no_two_public_pages_share_a_title():
    pages = crawl()
    assert len(pages) > 300  # the crawl reached the site, not a corner of it
    by_title: dict[str, dict[str, str]] = {}
    for url, (title, content) in pages.items():
        if url.startswith(LEFT_OUT):
            continue
        # One page under two addresses (same content) is not two pages.
        by_title.setdefault(title, {}).setdefault(content, url)
    shared = {title: sorted(urls.values()) for title, urls in by_title.items() if len(urls) > 1}
    assert shared == {}
    kinds = {url.split("/")[1].split("?")[0] for url in pages}
    assert {"committees", "meetings", "members", "decisions", "votes", "search"} <= kinds
    assert any("/papers/" in url for url in pages)
