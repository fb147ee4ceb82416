"""The decisions register: every public resolution, newest first, filterable."""

import pytest

from audit.testing import TEST_ACTOR
from proceedings.minutes import add_minute, add_resolution
from proceedings.models import Minute, MinutesRecord, MinutesStatus, Resolution

from .builders import DEC_10, OCT_22, council_meeting, meals_vote, publish

pytestmark = pytest.mark.django_db

PROPORTIONALITY = "the revised proportionality calculations be agreed"


def text(response) -> str:
    return response.content.decode()


def test_the_register_lists_the_22_october_2015_resolutions(client, published):
    page = text(client.get("/decisions/"))
    resolution = Resolution.objects.get(minute__meeting=council_meeting(), minute__number=38)
    assert PROPORTIONALITY in page
    assert "38. Revised Proportionality Calculations" in page or "38. " in page
    assert f'href="/decisions/{resolution.pk}/"' in page
    meeting = council_meeting()
    assert f'href="{meeting.get_absolute_url()}"' in page
    assert "Draft minutes (not yet confirmed)" in page
    # The lettered parts, (a) to (c).
    assert "(c)" in page and "Leader of the UKIP Group" in page


def test_unpublished_minutes_are_not_in_the_register(client):
    MinutesRecord.objects.filter(meeting=council_meeting()).update(status=MinutesStatus.DRAFT)
    page = text(client.get("/decisions/"))
    assert PROPORTIONALITY not in page
    assert "No decisions match these filters." in page


def test_newest_first_and_filters(client, published):
    later = council_meeting(DEC_10)
    minute = add_minute(later, "Treasury Management", actor=TEST_ACTOR)
    add_resolution(minute, "RESOLVED that the treasury strategy be noted.", actor=TEST_ACTOR)
    delegated = add_resolution(
        minute, "RESOLVED that the borrowing limit be set.", actor=TEST_ACTOR
    )
    Resolution.objects.filter(pk=delegated.pk).update(
        delegated_to="the Corporate Director of Finance",
        in_consultation_with="the Leader of the Council",
    )
    publish(later, MinutesStatus.APPROVED)
    page = text(client.get("/decisions/"))
    assert page.index("treasury strategy") < page.index(PROPORTIONALITY)

    def listed(query):
        response = client.get("/decisions/" + query)
        assert response.status_code == 200, query
        body = text(response)
        return ("treasury strategy" in body, PROPORTIONALITY in body)

    assert listed("?body=county-council") == (True, True)
    assert listed("?body=cabinet") == (False, False)
    assert listed("?from-day=1&from-month=11&from-year=2015") == (True, False)
    assert listed("?to-day=22&to-month=10&to-year=2015") == (False, True)
    assert listed(
        "?from-day=22&from-month=10&from-year=2015&to-day=22&to-month=10&to-year=2015"
    ) == (False, True)
    assert listed("?text=TREASURY") == (True, False)
    assert listed("?text=proportionality") == (False, True)  # the minute's title
    assert listed("?text=UKIP+Group") == (False, True)  # a lettered part
    assert listed("?status=approved") == (True, False)
    assert listed("?status=published_draft") == (False, True)
    assert listed("?status=signed") == (False, False)
    body = text(client.get("/decisions/?delegated=yes"))
    assert "borrowing limit" in body and "treasury strategy" not in body
    m38 = Resolution.objects.get(minute__meeting=council_meeting(), minute__number=38)
    assert (PROPORTIONALITY in body) == bool(m38.delegated_to)  # the demo may delegate it
    assert (
        "Delegated to</strong> the Corporate Director of Finance in consultation with "
        "the Leader of the Council" in body
    )


def test_an_entry_links_its_vote(client, published):
    vote = meals_vote()
    m43 = Minute.objects.get(meeting=council_meeting(), number=43)
    r = Resolution.objects.filter(minute=m43, motion=vote.motion).first() or add_resolution(
        m43, "RESOLVED that the motion be agreed.", motion=vote.motion, actor=TEST_ACTOR
    )
    page = text(client.get("/decisions/?text=Time+Limited"))
    assert f'href="/decisions/{r.pk}/"' in page
    assert f'href="/votes/{vote.pk}/"' in page
    assert "Recorded vote: For 62, Against 3, Abstain 1" in page
    detail = text(client.get(f"/decisions/{r.pk}/"))
    assert f'href="/votes/{vote.pk}/"' in detail
    assert "Universal Infant Free School Meals" in detail  # the motion
    assert "Moved by" in detail and "Mr M J Vye" in detail


def test_the_decision_page(client, published):
    resolution = Resolution.objects.get(minute__meeting=council_meeting(), minute__number=38)
    response = client.get(f"/decisions/{resolution.pk}/")
    assert response.status_code == 200
    page = text(response)
    for part in (
        "(a)",
        "(b)",
        "(c)",
        PROPORTIONALITY,
        "Item 4: Revised Proportionality",
        "Minute 38",
        "County Council",
        "22 October 2015",
    ):
        assert part in page, part
    assert "Moved by" in page  # the chairman's motion, agreed without a vote


def test_the_decision_page_shows_the_delegation(client, published):
    resolution = Resolution.objects.get(minute__meeting=council_meeting(), minute__number=38)
    Resolution.objects.filter(pk=resolution.pk).update(
        delegated_to="the Head of Democratic Services",
        in_consultation_with="the Leader of the UKIP Group",
    )
    page = text(client.get(f"/decisions/{resolution.pk}/"))
    assert (
        "the Head of Democratic Services, in consultation with the Leader of the UKIP Group"
    ) in page


@pytest.mark.parametrize(
    "query, message",
    [
        ("?from-day=31&from-month=2&from-year=2015", "Date from must be a real date"),
        ("?from-day=x&from-month=2&from-year=2015", "Date from must be a real date"),
        ("?to-day=1&to-month=13&to-year=2015", "Date to must be a real date"),
        ("?to-day=1&to-year=2015", "Date to must include a month"),
        ("?from-day=1&from-month=1&from-year=99999", "Date from must be a real date"),
        (
            "?from-day=2&from-month=1&from-year=2016&to-day=1&to-month=1&to-year=2016",
            "Date to must be the same as or after date from",
        ),
        ("?body=no-such-body", "There is no body by that name"),
        ("?page=abc", "The page must be a whole number"),
        ("?page=0", "The page must be a whole number"),
        ("?page=-1", "The page must be a whole number"),
        ("?status=lost", "Choose a state of the minutes"),
        ("?delegated=maybe", "Tick the box for delegated decisions only"),
        ("?colour=red", "“colour” is not a filter on this page"),
        ("?body=county-council&body=cabinet", "“body” is given more than once"),
        ("?text=" + "x" * 201, "200 characters or fewer"),
        ("?text=meals%00", "“text” has a character that cannot be searched for"),
        ("?page=123456789012345678901234567890", "The page must be a whole number"),
    ],
)
def test_bad_filters_are_a_400_with_a_message(client, published, query, message):
    response = client.get("/decisions/" + query)
    assert response.status_code == 400
    page = text(response)
    assert "There is a problem" in page and "govuk-error-summary" in page
    assert message in page
    assert PROPORTIONALITY not in page  # nothing listed under filters it could not read


def test_a_page_beyond_the_last_is_a_404_with_a_message(client, published):
    response = client.get("/decisions/?page=7")
    assert response.status_code == 404
    assert "There is no page 7: the register has 1 page." in text(response)


def test_pages(client, published):
    meeting = council_meeting()
    minute = add_minute(meeting, "Many decisions", actor=TEST_ACTOR)
    for n in range(25):
        add_resolution(minute, f"RESOLVED number {n:02d}.", actor=TEST_ACTOR)
    first = text(client.get("/decisions/?text=RESOLVED+number"))
    assert "25 decisions, showing 1 to 20" in first
    assert "RESOLVED number 00." in first and "RESOLVED number 20." not in first
    assert 'href="?text=RESOLVED+number&amp;page=2"' in first
    second = client.get("/decisions/?text=RESOLVED+number&page=2")
    assert second.status_code == 200
    assert "showing 21 to 25" in text(second) and "RESOLVED number 24." in text(second)
    assert client.get("/decisions/?text=RESOLVED+number&page=3").status_code == 404


def test_unknown_decisions_are_404(client, published):
    assert client.get("/decisions/999999/").status_code == 404
    assert client.get("/votes/999999/").status_code == 404
    assert client.get("/members/no-such-person/votes/").status_code == 404


def test_the_register_for_a_date_range_has_the_dates_filled_in_again(client, published):
    page = text(client.get("/decisions/?from-day=22&from-month=10&from-year=2015"))
    assert 'name="from-day" type="text" inputmode="numeric" value="22"' in page
    assert OCT_22.year == 2015


def test_reports_of_the_item_are_linked_once_published(client, published, settings, tmp_path):
    from django.utils import timezone

    from papers import services as papers
    from papers.models import Classification, Document, DocumentVersion, ItemPaper
    from publishing.models import AgendaPublication, PublicationKind

    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path
    meeting = council_meeting()
    item = meeting.items.get(number="4")
    report = papers.save_document(Document(title="Proportionality report"), actor=TEST_ACTOR)
    papers.add_version(report, html="<p>The calculations.</p>", actor=TEST_ACTOR)
    papers.attach(item, report, actor=TEST_ACTOR)
    secret = papers.save_document(
        Document(
            title="Seat negotiations (exempt)",
            classification=Classification.EXEMPT,
            exempt_paragraph=3,
        ),
        actor=TEST_ACTOR,
    )
    papers.add_version(secret, html="<p>Private.</p>", actor=TEST_ACTOR)
    papers.attach(item, secret, actor=TEST_ACTOR)
    resolution = Resolution.objects.get(minute__meeting=meeting, minute__number=38)
    # Attached, but not yet published by the agenda or a supplement: not listed.
    assert "Proportionality report" not in text(client.get("/decisions/"))
    publication = AgendaPublication.objects.get(meeting=meeting, kind=PublicationKind.AGENDA)
    publication.papers = sorted(
        set(publication.papers)
        | set(ItemPaper.objects.filter(item=item).values_list("pk", flat=True))
    )
    publication.save(update_fields=["papers"])
    assert "Proportionality report" not in text(client.get("/decisions/"))  # no version released
    DocumentVersion.objects.filter(document__in=[report, secret]).update(
        published_at=timezone.now()
    )
    href = f'href="/meetings/{meeting.pk}/{meeting.slug}/papers/{report.pk}/"'
    register = text(client.get("/decisions/"))
    assert href in register and "Report: " in register
    assert "Seat negotiations" not in register
    page = text(client.get(f"/decisions/{resolution.pk}/"))
    assert href in page and "Seat negotiations" not in page


def test_words_outside_ascii_are_found_in_the_parts(client, published):
    minute = add_minute(council_meeting(), "Capital programme", actor=TEST_ACTOR)
    add_resolution(
        minute,
        "RESOLVED that:",
        ["£2.5m be added to the “roads” budget", "noted"],
        actor=TEST_ACTOR,
    )
    for words in ("£2.5m", "“roads”", "ROADS"):
        response = client.get("/decisions/", {"text": words})
        assert "be added to the" in text(response), words
