"""What every page says about itself to browsers and search engines: a description, its
canonical address on the public site, the icon; robots.txt naming the sitemap."""

import re

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/committees/",
    "/members/",
    "/calendar/",
    "/outside-bodies/",
    "/accessibility/",
    "/privacy/",
    "/cookies/",
    "/committees/policy-and-resources-cabinet-committee/",
    "/decisions/",
    "/search/?q=budget",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_description_a_canonical_address_and_the_icon(client, settings, path):
    settings.MOOT_SITE_URL = "https://democracy.example.gov.uk"
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    html = client.get(path, HTTP_HOST="other.example").content.decode()
    description = re.search(r'<meta name="description" content="([^"]+)">', html)
    assert description and "committees" in description.group(1)
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
    # The public address, never the Host header the request came with; no query string.
    assert (
        canonical and canonical.group(1) == "https://democracy.example.gov.uk" + path.split("?")[0]
    )
    assert re.search(r'<link rel="icon" href="/static/images/favicon\.svg"', html)


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_private_areas(client, settings):
    settings.MOOT_SITE_URL = "https://democracy.example.gov.uk/"
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: https://democracy.example.gov.uk/sitemap.xml" in lines
    for private in ("/admin/", "/clerk/", "/restricted/", "/sign-in/"):
        assert f"Disallow: {private}" in lines
    assert "Disallow: /" not in lines  # the public site is for crawling


def test_the_favicon_address_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/images/favicon.svg"
