"""Exempt information never leaks through search: the canary planted in exempt content is not
found signed out or by a councillor who does not sit on the body — no result, no snippet, not
even in the count — while democratic services and a member of the body find it, labelled
"Exempt"."""

import pytest

from audit.testing import TEST_ACTOR
from council.models import Body, Membership, Person
from papers import services as papers
from papers.models import Document
from search import indexing, services
from summons.testing import CANARY, SEPT_15, plant_canary

from .conftest import account

pytestmark = pytest.mark.django_db


@pytest.fixture
def planted():
    """The canary in an exempt item's purpose, an exempt report and a public report's exempt
    appendix, all released with the agenda (as publishing does), and the index updated."""
    planted = plant_canary()
    for doc in Document.objects.filter(
        pk__in=[planted.public_doc.pk, planted.exempt_doc.pk]
    ) | Document.objects.filter(parent=planted.public_doc):
        papers.publish_version(doc.current_version(), actor=TEST_ACTOR)
    indexing.index_meetings([planted.meeting.pk])
    return planted


def councillor_not_on(body: Body) -> Person:
    return (
        Person.objects.filter(terms__isnull=False)
        .exclude(memberships__body=body)
        .order_by("pk")
        .first()
    )


def member_of(body: Body) -> Person:
    return Membership.objects.on(SEPT_15).filter(body=body).order_by("pk").first().person


# Words of the planted content; the page echoes the query, so these never contain the canary.
NEAR_MISSES = [
    "Prices",
    "Governance",
    "Company Governance",
    "Purpose",
    "never public",
    "summons",
    "Appendix B",
    "7f3a",
]
CANARY_QUERIES = [CANARY, f'"{CANARY}"', "CANARY 7f3a summons never public", "canary"]


def assert_nothing_of_the_canary(client, user=None):
    for q in NEAR_MISSES:
        result = services.search(q, user, page_size=100)
        assert all(CANARY not in h.title + h.snippet_html for h in result.hits), q
        for url in ("/search/", "/search/json/"):
            response = client.get(url, {"q": q})
            assert response.status_code == 200, (url, q)
            assert CANARY not in response.content.decode(), (url, q)
    for q in CANARY_QUERIES:
        assert services.search(q, user).total == 0, q
        data = client.get("/search/json/", {"q": q}).json()
        assert data["total"] == 0 and data["results"] == [], q
        html = client.get("/search/", {"q": q}).content.decode()
        assert ">0</span> results" in html and "moot-search-results" not in html, q
        assert "<mark>" not in html and "Exempt</strong>" not in html, q


def test_signed_out_nothing_of_the_canary(client, planted):
    assert services.search(CANARY).total == 0
    assert_nothing_of_the_canary(client)


def test_a_councillor_not_on_the_body_finds_nothing(client, signed_in, planted):
    user = account(councillor_not_on(planted.meeting.body))
    signed_in(user)
    user.is_verified = lambda: True  # as django-otp marks the request's user after both factors
    assert services.search(CANARY, user).total == 0
    assert_nothing_of_the_canary(client, user)


def test_a_member_of_the_body_without_the_second_factor_finds_nothing(client, planted):
    user = account(member_of(planted.meeting.body))
    client.force_login(user)
    assert services.search(CANARY, user).total == 0
    assert client.get("/search/json/", {"q": CANARY}).json()["total"] == 0


def test_the_exempt_item_shows_its_title_only_to_the_public(planted):
    result = services.search("Company Governance", kinds=["item"])
    hits = [h for h in result.hits if h.title.endswith("Company Governance")]
    assert hits and all(not h.exempt and CANARY not in h.snippet_html for h in hits)


@pytest.mark.parametrize("who", ["democratic services", "member of the body"])
def test_the_entitled_find_the_canary_labelled_exempt(client, signed_in, planted, who):
    body = planted.meeting.body
    user = (
        account(democratic_services=True)
        if who == "democratic services"
        else account(member_of(body))
    )
    signed_in(user)
    user.is_verified = lambda: True  # as django-otp marks the request's user after both factors
    result = services.search(CANARY, user)
    kinds = sorted(h.kind for h in result.hits)
    assert kinds == ["appendix", "item", "report"], kinds
    assert all(h.exempt and h.exempt_paragraph == 3 for h in result.hits)
    assert all("/restricted/" in h.url for h in result.hits if h.kind != "item")
    response = client.get("/search/", {"q": CANARY})
    html = response.content.decode()
    assert CANARY in html and "Exempt</strong>" in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert client.get("/search/json/", {"q": CANARY}).json()["total"] == 3
    # The exempt item's full row replaces its public stand-in: one row per item.
    items = services.search("Company Governance", user, kinds=["item"]).hits
    assert len([h for h in items if h.title.endswith("Company Governance")]) == 1
    # The restricted paper the result links to opens for them.
    report = next(h for h in result.hits if h.kind == "report")
    assert client.get(report.url).status_code == 200
