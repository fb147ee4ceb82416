"""Search output: a PDF result links to the page of the match, snippets escape everything but
their marks, the page and its JSON, and bad input there answered with a page or a 400, never
a 500."""

import re

import pytest
import weasyprint

from audit.testing import TEST_ACTOR
from council.models import Body
from papers import services as papers
from papers.models import Document
from publishing.models import AgendaPublication, PublicationKind
from search import indexing, services
from search.models import Entry, Kind
from summons.testing import PR

from .helpers import PHRASE, SIRO, marked, pr_meeting

pytestmark = pytest.mark.django_db


# --- PDF pages -----------------------------------------------------------------------------


def test_a_pdf_result_links_to_the_page_of_the_match(settings, tmp_path):
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path
    m = pr_meeting()
    pages = "".join(
        f'<section style="break-after: page"><p>{words}</p></section>'
        for words in ["Opening remarks", "The ornithology survey of Romney Marsh", "Close"]
    )
    pdf = weasyprint.HTML(string=f"<html><body>{pages}</body></html>").write_pdf()
    doc = papers.save_document(Document(title="Wildlife survey"), actor=TEST_ACTOR)
    version = papers.add_version(doc, upload=pdf, filename="survey.pdf", actor=TEST_ACTOR)
    papers.publish_version(version, actor=TEST_ACTOR)
    link = papers.attach(m.items.get(title="Contract Management"), doc, actor=TEST_ACTOR)
    publication = AgendaPublication.objects.get(meeting=m, kind=PublicationKind.AGENDA)
    publication.papers = [*publication.papers, link.pk]
    publication.save()
    indexing.index_meetings([m.pk])
    hit = services.search("ornithology").hits[0]
    assert hit.title == "Wildlife survey" and hit.page == 2
    assert hit.url == f"/meetings/{m.pk}/{m.slug}/papers/{doc.pk}/pdf/#page=2"
    assert hit.page_url == f"/meetings/{m.pk}/{m.slug}/papers/{doc.pk}/"
    assert "<mark>ornithology</mark>" in hit.snippet_html


# --- output is escaped ---------------------------------------------------------------------


def test_snippets_escape_everything_but_the_marks():
    m = pr_meeting()
    entry = Entry.objects.create(
        kind=Kind.PAPER,
        object_id=999999,
        meeting=m,
        body_id=m.body_id,
        date=m.date,
        title="<b>Tags</b> & xylophones",
        url="/x/",
        text='<script>alert("x")</script> xylophones <mark>not ours</mark>',
    )
    hit = services.search("xylophones").hits[0]
    assert hit.title == entry.title
    # PostgreSQL's ts_headline drops markup-like text, SQLite keeps it escaped: either way the
    # only elements in a snippet are our <mark>s.
    for html in (hit.snippet_html, hit.title_html):
        assert "<" not in re.sub("</?mark>", "", html), html
        assert marked("xylophones", html)
    assert "&lt;script&gt;" in hit.snippet_html or "script" not in hit.snippet_html
    assert hit.title_html.startswith("&lt;b&gt;Tags&lt;/b&gt; &amp; ")


# --- the page and the JSON -----------------------------------------------------------------


def test_the_page_shows_a_count_snippets_and_the_filters_form(client):
    response = client.get("/search/", {"q": f'"{PHRASE}"'})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label class="govuk-label govuk-label--m" for="q">' in html
    assert '<span class="govuk-!-font-weight-bold">1</span> result for' in html
    assert SIRO in re.sub("</?mark>", "", html) and marked("advocate", html)
    assert 'name="body"' in html and 'name="type"' in html and 'name="from-year"' in html


def test_the_page_paginates(client):
    response = client.get("/search/", {"q": "council"})
    html = response.content.decode()
    assert 'class="govuk-pagination"' in html and "page=2" in html
    second = client.get("/search/", {"q": "council", "page": "2"})
    assert second.status_code == 200 and "showing 21 to 40" in second.content.decode()


def test_the_header_has_a_search_box(client):
    html = client.get("/").content.decode()
    assert 'id="header-search"' in html and 'for="header-search"' in html
    assert 'action="/search/"' in html


def test_the_form_filters(client):
    pr = Body.objects.get(name=PR)
    response = client.get(
        "/search/",
        {
            "q": "governance",
            "body": pr.slug,
            "type": "report",
            "from-day": "15",
            "from-month": "9",
            "from-year": "2017",
            "to-day": "15",
            "to-month": "9",
            "to-year": "2017",
        },
    )
    assert response.status_code == 200
    assert SIRO in re.sub("</?mark>", "", response.content.decode())


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {},
        {"q": '"'},
        {"q": "*"},
        {"q": "NEAR("},
        {"q": "'; DROP TABLE search_entry; --"},
        {"q": "AND OR"},
        {"q": '"unbalanced quote'},
        {"q": "x" * 10000},
        {"q": "budget\x00"},
        {"q": "budget", "page": "-3"},
        {"q": "budget", "page": "zz"},
        {"q": "budget", "page": "99999"},
    ],
)
def test_odd_queries_get_a_page_never_a_500(client, params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    assert client.get("/search/json/", params).status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"q": "budget", "body": "no-such-body"},
        {"q": "budget", "member": "nobody"},
        {"q": "budget", "type": "spreadsheet"},
        {"q": "budget", "from": "2017-13-01"},
        {"q": "budget", "from-day": "31", "from-month": "2", "from-year": "2017"},
        {"q": "budget", "to-day": "x", "to-month": "", "to-year": "2017"},
        {"q": "budget", "from": "2018-01-01", "to": "2017-01-01"},
    ],
)
def test_bad_filters_get_a_400_with_a_message(client, params):
    response = client.get("/search/", params)
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    data = client.get("/search/json/", params)
    assert data.status_code == 400 and data.json()["errors"]


def test_json(client):
    data = client.get("/search/json/", {"q": f'"{PHRASE}"'}).json()
    assert data["total"] == 1 and data["results"][0]["title"] == SIRO
    assert "<mark>" in data["results"][0]["snippet_html"]
    assert data["results"][0]["exempt"] is False
