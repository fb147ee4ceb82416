"""Every public page renders, every internal link leads somewhere, unknown things are 404s."""

import datetime as dt
import re
from collections import deque

import pytest
from django.urls import reverse

from council.models import Body, BodyKind, Person

from . import demo_pages
from .helpers import PR, body, meeting, text

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"]*)"')


def internal_links(content: str) -> set[str]:
    links = set()
    for href in HREF.findall(content):
        href = href.split("#")[0].replace("&amp;", "&")
        if href.startswith("/") and not href.startswith(("/admin/", "/static/", "//")):
            links.add(href)
    return links


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "committees",
        "members",
        "former_members",
        "calendar",
        "outside_bodies",
        "accessibility",
        "privacy",
        "cookies",
    ],
)
def test_index_pages_render(client, name):
    response = client.get(reverse(f"website:{name}"))
    assert response.status_code == 200
    assert b'lang="en-GB"' in response.content
    assert response.content.count(b"<h1") == 1


def test_crawl_from_home_reaches_no_broken_links():
    """Follow every internal link from / (calendar months included): only 200s and 301s."""
    seen, queue, bad = {"/"}, deque(["/"]), []
    while queue:
        url = queue.popleft()
        response = demo_pages.get(url)
        if response.status_code == 301:
            target = response.location
            if target not in seen:
                seen.add(target)
                queue.append(target)
            continue
        if response.status_code != 200:
            bad.append((url, response.status_code))
            continue
        if response.content_type.startswith("text/html"):
            assert response.content.count(b"<h1") == 1, url
            for link in internal_links(response.content.decode()) - seen:
                seen.add(link)
                queue.append(link)
    assert bad == []
    # The crawl reached every kind of page.
    kinds = {u.split("/")[1] for u in seen}
    assert {
        "committees",
        "meetings",
        "members",
        "calendar",
        "outside-bodies",
        "accessibility",
    } <= kinds
    assert len([u for u in seen if u.startswith("/meetings/")]) >= 3


@pytest.mark.parametrize(
    "url",
    [
        "/meetings/999999/",
        "/meetings/999999/anything/",
        "/members/no-such-person/",
        "/committees/no-such-committee/",
        "/outside-bodies/no-such-body/",
        "/calendar/2017/13/",
        "/calendar/2017/00/",
        "/calendar/0001/01/",
        "/calendar/17/09/",
        "/no-such-page/",
    ],
)
def test_unknown_things_are_site_styled_404s(client, url):
    response = client.get(url)
    assert response.status_code == 404
    page = text(response)
    assert "Page not found" in page
    assert "Kent County Council" in page
    assert b'href="/"' in response.content


def test_500_page_needs_no_database(django_assert_num_queries, rf):
    from website.views.errors import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.content


def test_meeting_urls_redirect_to_the_canonical_one(client):
    m = meeting(PR, dt.date(2017, 9, 15))
    canonical = m.get_absolute_url()
    assert canonical == f"/meetings/{m.pk}/policy-and-resources-cabinet-committee-2017-09-15/"
    for url in (f"/meetings/{m.pk}/", f"/meetings/{m.pk}/old-name-2017-09-15/"):
        response = client.get(url)
        assert response.status_code == 301
        assert response["Location"] == canonical
    assert client.get(canonical).status_code == 200


def test_titles_name_the_page_and_the_authority(client):
    m = meeting(PR, dt.date(2017, 9, 15))
    response = client.get(m.get_absolute_url())
    assert (
        "<title>Policy and Resources Cabinet Committee, Friday 15 September 2017 – "
        "Kent County Council</title>"
    ) in response.content.decode()
    response = client.get(body(PR).get_absolute_url())
    assert "<title>Policy and Resources Cabinet Committee – Kent County Council</title>" in (
        response.content.decode()
    )


def test_committees_list_groups_by_category_and_separates_former_bodies(client):
    page = text(client.get("/committees/"))
    pr = body(PR)
    assert page.index(pr.category) < page.index(pr.name)
    former = Body.objects.exclude(kind=BodyKind.OUTSIDE_BODY).filter(active=False).first()
    if former:
        assert page.index("Former bodies") < page.index(former.name)
    outside = Body.objects.filter(kind=BodyKind.OUTSIDE_BODY).first()
    if outside:
        assert outside.name not in page


def test_outside_body_at_a_committee_address_redirects(client):
    outside = Body.objects.filter(kind=BodyKind.OUTSIDE_BODY).first()
    assert outside is not None, "the demo records outside bodies (e.g. Chilmington Green)"
    response = client.get(f"/committees/{outside.slug}/")
    assert response.status_code == 301
    assert response["Location"] == f"/outside-bodies/{outside.slug}/"
    assert client.get(response["Location"]).status_code == 200


def test_officer_page_shows_their_post_not_a_councillor_page(client):
    officer = Person.objects.filter(terms__isnull=True, posts_held__isnull=False).first()
    assert officer is not None, "the demo records officers' posts (e.g. John Lynch)"
    response = client.get(officer.get_absolute_url())
    h1 = re.search(r"<h1.*?</h1>", response.content.decode(), re.S).group(0)
    assert "Councillor" not in h1 and "Officer" in h1
    assert officer.posts_held.first().post.title in text(response)


def test_sitemap_lists_the_public_pages(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    m = meeting(PR, dt.date(2017, 9, 15))
    for path in (
        "/",
        "/committees/",
        "/members/",
        "/calendar/",
        "/outside-bodies/",
        body(PR).get_absolute_url(),
        m.get_absolute_url(),
    ):
        assert f"<loc>http://testserver{path}</loc>" in xml, path
    councillor = Person.objects.filter(terms__isnull=False).first()
    assert f"<loc>http://testserver{councillor.get_absolute_url()}</loc>" in xml


def test_calendar_month_shows_the_meetings_in_a_grid_and_a_list(client):
    response = client.get("/calendar/2017/09/")
    assert response.status_code == 200
    page = response.content.decode()
    m = meeting(PR, dt.date(2017, 9, 15))
    assert page.count(f'href="{m.get_absolute_url()}"') == 2  # the grid and the list
    assert 'href="/calendar/2017/08/"' in page and 'href="/calendar/2017/10/"' in page
    assert "<caption" in page and 'scope="col"' in page


def test_contact_officer_page_says_what_they_are_contact_for(client):
    pr = body(PR)
    response = client.get(pr.contact_officer.get_absolute_url())
    assert response.status_code == 200
    page = text(response)
    assert f"Officer {pr.contact_officer.full_name}" in page
    assert f"Contact officer for {pr.name}" in page


def test_sitemap_lists_published_minutes_decisions_and_votes(client):
    from proceedings.models import Resolution, Vote

    council = meeting("County Council", dt.date(2015, 10, 22))
    xml = client.get("/sitemap.xml").content.decode()
    assert f"/meetings/{council.pk}/{council.slug}/minutes/</loc>" in xml
    assert "/decisions/</loc>" in xml
    for resolution in Resolution.objects.filter(minute__meeting=council):
        assert f"/decisions/{resolution.pk}/</loc>" in xml
    votes = Vote.objects.filter(motion__meeting=council)
    assert votes.count() == 2
    for vote in votes:
        assert f"/votes/{vote.pk}/</loc>" in xml
    # Unpublished minutes have no address in the sitemap.
    dec = meeting("County Council", dt.date(2015, 12, 10))
    assert f"/meetings/{dec.pk}/{dec.slug}/minutes/</loc>" not in xml
