"""The search page on a phone: the results come before the filters (in the page's order, so
screen readers meet them in the order they are seen); the header's search box keeps the
query; each search has its own title."""

import re
from html.parser import HTMLParser

import pytest

from council.models import Body
from summons.testing import PR

pytestmark = pytest.mark.django_db


class Forms(HTMLParser):
    """The page's forms and the fields in each, and where the results list starts."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self.current: dict | None = None
        self.order: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.current = {"attrs": a, "fields": []}
            self.forms.append(self.current)
        elif tag in ("input", "select") and self.current is not None:
            self.current["fields"].append((a.get("name"), a.get("value"), a.get("type")))
        if a.get("id") in ("results", "filters", "q", "header-search") or (
            tag == "ol" and "moot-search-results" in (a.get("class") or "")
        ):
            self.order.append(a.get("id") or "results-list")

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None


def parse(client, params) -> tuple[str, Forms]:
    response = client.get("/search/", params)
    assert response.status_code == 200
    html = response.content.decode()
    forms = Forms()
    forms.feed(html)
    return html, forms


def title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def test_the_results_come_before_the_filters(client):
    html, forms = parse(client, {"q": "budget"})
    assert forms.order == ["header-search", "q", "results", "results-list", "filters"]
    assert "{#" not in html and "{%" not in html  # no template comment shows


def test_a_phone_can_skip_to_the_filters(client):
    html, _ = parse(client, {"q": "budget"})
    assert re.search(
        r'class="govuk-body-s moot-to-filters"><a class="govuk-link" '
        r'href="#filters">Filter these results</a>',
        html,
    )


def test_the_header_search_box_keeps_the_query(client):
    _, forms = parse(client, {"q": 'budget "care leavers"'})
    header = next(f for f in forms.forms if f["attrs"].get("aria-label") == "Site search")
    assert ("q", 'budget "care leavers"', "search") in header["fields"]
    # Elsewhere it is empty.
    home = Forms()
    home.feed(client.get("/").content.decode())
    header = next(f for f in home.forms if f["attrs"].get("aria-label") == "Site search")
    assert header["fields"] == [("q", None, "search")]


def test_a_new_query_keeps_the_filters_and_the_filters_keep_the_query(client):
    pr = Body.objects.get(name=PR)
    params = {
        "q": "governance",
        "body": pr.slug,
        "type": ["report", "minutes"],
        "from-day": "1",
        "from-month": "9",
        "from-year": "2017",
    }
    _, forms = parse(client, params)
    query, filters = (f for f in forms.forms if f["attrs"].get("aria-label") != "Site search")
    assert query["attrs"]["role"] == "search"
    assert set(query["fields"]) >= {
        ("body", pr.slug, "hidden"),
        ("type", "report", "hidden"),
        ("type", "minutes", "hidden"),
        ("from-day", "1", "hidden"),
        ("from-year", "2017", "hidden"),
        ("q", "governance", "search"),
    }
    assert ("q", "governance", "hidden") in filters["fields"]
    assert ("body", None, None) in filters["fields"]  # the select


def test_each_search_has_its_own_title(client):
    pr = Body.objects.get(name=PR)
    seen = {}
    for params in (
        {"q": "budget"},
        {"q": "council"},
        {"q": "council", "page": "2"},
        {"q": "budget", "body": pr.slug},
        {"q": "budget", "type": "report"},
        {"q": "budget", "from-day": "1", "from-month": "1", "from-year": "2017"},
        {"q": "budget", "to": "2017-12-31"},
    ):
        html, _ = parse(client, params)
        seen[title(html)] = params
    assert len(seen) == 7, seen
    assert "Search: budget – Policy and Resources Cabinet Committee – Kent County Council" in seen
    assert "Search: council – page 2 – Kent County Council" in seen
    assert "Search: budget – from 1 January 2017 – Kent County Council" in seen
    assert "Search: budget – report – Kent County Council" in seen
