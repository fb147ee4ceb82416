"""Search over the demo council: what is found, ranked, with snippets; filters, and bad ones
refused; the index following publication. How results are shown is in ``test_output``."""

import datetime as dt
import re

import pytest

from audit.testing import TEST_ACTOR
from council.models import Body, Membership, Person
from meetings.models import Meeting
from papers import services as papers
from papers.models import Document, ItemPaper
from publishing import changes
from search import indexing, services
from search.backends import backend
from search.models import Entry, Kind
from search.query import parse
from summons.testing import PR, SEPT_15

from .helpers import PHRASE, SIRO, marked, pr_meeting, titles

pytestmark = pytest.mark.django_db


def test_a_phrase_from_a_demo_report_is_found_with_a_snippet_and_a_link():
    result = services.search(f'"{PHRASE}"')
    assert result.total == 1
    hit = result.hits[0]
    assert hit.title == SIRO and hit.kind == Kind.REPORT
    assert marked("advocate", hit.snippet_html) and marked("Governance", hit.snippet_html)
    doc = Document.objects.get(title=SIRO)
    m = pr_meeting()
    assert hit.url == f"/meetings/{m.pk}/{m.slug}/papers/{doc.pk}/"
    assert hit.meeting_title == str(m) and not hit.exempt


def test_words_rank_the_paper_about_them_first():
    result = services.search("senior information risk owner")
    assert SIRO in titles(result)[:3]
    assert result.total >= 1 and all(h.rank >= result.hits[-1].rank for h in result.hits)


def test_meetings_items_and_members_are_found():
    m = pr_meeting()
    assert any(
        h.kind == Kind.MEETING and h.url == m.get_absolute_url()
        for h in services.search(
            "Policy Resources Cabinet Committee", kinds=["meeting"], page_size=100
        ).hits
    )
    items = services.search("Contract Management", kinds=["item"]).hits
    assert any(h.title == "Item 8: Contract Management" for h in items)
    # An item's result leads to the item itself on the meeting page.
    hit = next(h for h in items if h.title == "Item 8: Contract Management")
    assert hit.url.endswith("#item-8") and hit.url.startswith("/meetings/")
    person = Person.objects.filter(terms__isnull=False).order_by("pk").first()
    members = services.search(person.surname, kinds=["member"]).hits
    assert person.get_absolute_url() in [h.url for h in members]


def test_public_minutes_are_found(client):
    from proceedings.public import public_minutes

    minute = public_minutes().order_by("pk").first()
    assert minute is not None, "the demo publishes the minutes of 22 October 2015"
    result = services.search(f'"{minute.title}"', kinds=["minutes"])
    m = minute.meeting
    assert f"/meetings/{m.pk}/{m.slug}/minutes/#minute-{minute.number}" in [
        h.url for h in result.hits
    ]
    assert client.get(f"/meetings/{m.pk}/{m.slug}/minutes/").status_code == 200


def test_public_decisions_link_to_their_page(client):
    from proceedings.public import public_resolutions

    resolution = public_resolutions().order_by("pk").first()
    assert resolution is not None, "the demo publishes resolutions of 22 October 2015"
    result = services.search(f'"{resolution.minute.title}"', kinds=["decision"])
    assert f"/decisions/{resolution.pk}/" in [h.url for h in result.hits]
    assert client.get(f"/decisions/{resolution.pk}/").status_code == 200


def test_results_are_paged():
    first = services.search("council", page=1, page_size=5)
    second = services.search("council", page=2, page_size=5)
    assert first.total == second.total > 10
    assert len(first.hits) == len(second.hits) == 5
    assert not {h.url for h in first.hits} & {h.url for h in second.hits}
    assert (second.first, second.last) == (6, 10)
    beyond = services.search("council", page=services.MAX_PAGE, page_size=5)
    assert beyond.hits == [] and beyond.total == first.total


def test_the_count_stops_at_the_limit_and_says_more(client, monkeypatch):
    exact = services.search("council", page_size=5)
    assert exact.total > 12 and not exact.more
    monkeypatch.setattr(services, "COUNT_LIMIT", 3)
    monkeypatch.setattr(services, "PAGES_AHEAD", 1)
    capped = services.search("council", page_size=5)  # counted to (1 + 1) pages of 5
    assert (capped.total, capped.more, capped.pages) == (10, True, 2)
    assert [h.url for h in capped.hits] == [h.url for h in exact.hits]
    second = services.search("council", page=2, page_size=5)  # counted to 3 pages
    assert (second.total, second.more, second.first) == (15, exact.total > 15, 6)
    assert len(second.hits) == 5
    # The website's pages are of 20: counted to 40.
    assert services.search("council", page_size=20).total == 40 < exact.total
    page = client.get("/search/", {"q": "council"}).content.decode()
    assert re.search(r"More than <span[^>]*>40</span> results", page)
    data = client.get("/search/json/", {"q": "council"}).json()
    assert data["more"] is True and data["total"] == 40 and len(data["results"]) == 20


# Past the opening words that PostgreSQL ranks candidates by (search/migrations/0002).
FILLER = "The committee noted the report and agreed the recommendations. " * 40


def _paper(object_id: int, title: str, text: str, **kw) -> Entry:
    return Entry.objects.create(
        kind=Kind.PAPER,
        object_id=object_id,
        title=title,
        text=text,
        url=f"/papers/{object_id}/",
        **kw,
    )


def test_words_deep_in_a_long_paper_are_found_and_ranked_below_a_title():
    assert len(FILLER) > 2000
    _paper(990001, "Annual review", FILLER + "The zanzibarian hedgerow survey is attached.")
    _paper(990002, "Zanzibarian hedgerow survey", "A short note.")
    _paper(990003, "Hedgerows", FILLER + "A hedgerow survey, not a zanzibarian one.")
    result = services.search("zanzibarian")
    assert result.total == 3 and not result.more
    assert titles(result)[0] == "Zanzibarian hedgerow survey"
    assert set(titles(result)) == {"Annual review", "Zanzibarian hedgerow survey", "Hedgerows"}
    deep = next(h for h in result.hits if h.title == "Annual review")
    assert marked("anzibarian", deep.snippet_html)
    phrase = services.search('"zanzibarian hedgerow survey"')
    assert sorted(titles(phrase)) == ["Annual review", "Zanzibarian hedgerow survey"]
    assert titles(services.search("zanzibarian -attached")) == [
        "Zanzibarian hedgerow survey",
        "Hedgerows",
    ]


def test_an_exempt_row_with_the_words_deep_in_its_text_is_not_found_by_the_public():
    restricted = _paper(
        990004,
        "Restricted annex",
        FILLER + "The quixotical tender prices.",
        exempt=True,
        exempt_paragraph=3,
    )
    public = _paper(990005, "Public annex", "Nothing quixotical here.")
    where, _ = services.conditions(services.Filters(), None)
    for q in ("quixotical", '"quixotical tender prices"', "quixotical -nothing"):
        result = services.search(q)
        assert "Restricted annex" not in titles(result), q
        # Not even among the ranked rows, before the hits are checked one by one.
        assert restricted.pk not in backend().floor(parse(q), where, 20), q
    assert backend().floor(parse("quixotical"), where, 20) == [public.pk]
    assert titles(services.search("quixotical")) == ["Public annex"]
    assert services.search("quixotical").total == 1


# --- filters -------------------------------------------------------------------------------


def test_body_filter():
    pr = Body.objects.get(name=PR)
    everywhere = services.search("budget", page_size=100)
    only_pr = services.search("budget", body=pr.slug, page_size=100)
    assert 0 < only_pr.total < everywhere.total
    assert all(h.body_name == PR for h in only_pr.hits)


def test_date_filter():
    day = services.search(
        "governance", date_from="2017-09-15", date_to=dt.date(2017, 9, 15), page_size=100
    )
    assert day.total > 0 and {h.date for h in day.hits} == {SEPT_15}
    before = services.search("governance", date_to="2017-09-14", page_size=100)
    assert all(h.date is None or h.date <= dt.date(2017, 9, 14) for h in before.hits)
    assert SIRO not in titles(before)


def test_type_filter():
    reports = services.search("governance", kinds=["report", "appendix"], page_size=100)
    assert reports.total > 0
    assert {h.kind for h in reports.hits} <= {"report", "appendix"}


def test_member_filter_finds_business_of_the_bodies_they_sat_on():
    pr = Body.objects.get(name=PR)
    seat = Membership.objects.on(SEPT_15).filter(body=pr).select_related("person").first()
    result = services.search("governance", member=seat.person.slug, page_size=100)
    assert SIRO in titles(result)
    outsider = (
        Person.objects.filter(terms__isnull=False)
        .exclude(memberships__body=pr)
        .order_by("pk")
        .first()
    )
    assert SIRO not in titles(services.search("governance", member=outsider.slug, page_size=100))


@pytest.mark.parametrize(
    "kwargs",
    [
        {"body": "no-such-body"},
        {"member": "nobody-at-all"},
        {"kinds": ["spreadsheet"]},
        {"date_from": "2017-02-30"},
        {"date_to": "yesterday"},
        {"date_from": "2018-01-01", "date_to": "2017-01-01"},
        {"page": 0},
        {"page": "x"},
        {"page_size": 1000},
    ],
)
def test_bad_filters_are_refused_in_plain_words(kwargs):
    with pytest.raises(services.SearchError) as refused:
        services.search("budget", **kwargs)
    assert refused.value.messages and all(m.endswith(".") for m in refused.value.messages)


# --- the index follows publication ---------------------------------------------------------


def siro_link() -> ItemPaper:
    return ItemPaper.objects.get(item__meeting=pr_meeting(), document__title=SIRO)


def test_a_withdrawn_paper_disappears_from_results(django_capture_on_commit_callbacks):
    assert services.search(f'"{PHRASE}"').total == 1
    with django_capture_on_commit_callbacks(execute=True):
        changes.withdraw_paper(siro_link(), "Superseded by the annual report.", actor=TEST_ACTOR)
    assert services.search(f'"{PHRASE}"').total == 0
    assert SIRO not in titles(services.search("senior information risk owner", page_size=100))


def test_a_replaced_paper_is_found_by_its_new_text_only(django_capture_on_commit_callbacks):
    doc = siro_link().document
    with django_capture_on_commit_callbacks(execute=True):
        changes.replace_paper(
            doc,
            html="<p>The quinquennial zephyr review of records.</p>",
            reason="Corrected figures.",
            actor=TEST_ACTOR,
        )
    assert SIRO in titles(services.search("quinquennial zephyr"))
    assert services.search(f'"{PHRASE}"').total == 0


def test_a_draft_version_is_not_indexed():
    doc = siro_link().document
    papers.add_version(doc, html="<p>Unreleased marmalade wording.</p>", actor=TEST_ACTOR)
    indexing.index_meetings([pr_meeting().pk])
    assert services.search("marmalade").total == 0
    assert services.search(f'"{PHRASE}"').total == 1


def test_publishing_an_agenda_indexes_its_papers(django_capture_on_commit_callbacks):
    from publishing import services as publishing

    pr = Body.objects.get(name=PR)
    m = Meeting.objects.create(body=pr, date=dt.date.today() + dt.timedelta(days=40))
    from moot.testing import item

    it = item(m, "1", "Harbour dredging strategy")
    doc = papers.save_document(Document(title="Harbour dredging", kind="other"), actor=TEST_ACTOR)
    papers.add_version(doc, html="<p>Silt removal in the estuary basin.</p>", actor=TEST_ACTOR)
    papers.attach(it, doc, actor=TEST_ACTOR)
    assert services.search("estuary silt").total == 0
    with django_capture_on_commit_callbacks(execute=True):
        publishing.publish_agenda(m, actor=TEST_ACTOR)
    assert "Harbour dredging" in titles(services.search("estuary silt"))


def test_members_are_reindexed_when_they_change(django_capture_on_commit_callbacks):
    person = Person.objects.filter(terms__isnull=False).order_by("pk").first()
    with django_capture_on_commit_callbacks(execute=True):
        person.forenames = "Quillon"
        person.save()
    assert person.get_absolute_url() in [h.url for h in services.search("Quillon").hits]


def test_reindex_command_rebuilds_everything():
    from django.core.management import call_command

    Entry.objects.all().delete()
    assert services.search(f'"{PHRASE}"').total == 0
    call_command("reindex", verbosity=0)
    assert services.search(f'"{PHRASE}"').total == 1
