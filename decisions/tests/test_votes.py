"""A page per recorded vote and each member's voting record."""

import re

import pytest

from audit.testing import TEST_ACTOR
from council.models import GroupMembership, PoliticalGroup
from proceedings.minutes import add_minute
from proceedings.models import MinutesRecord, MinutesStatus
from proceedings.votes import add_motion, record_vote

from .builders import OCT_22, closure_vote, council_meeting, meals_vote, person

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return response.content.decode()


def section(page: str, heading: str) -> str:
    """The HTML from one h3 ("For (64)") to the next heading."""
    start = page.index(heading)
    return page[start : page.index("<h", start + len(heading))]


def names(html: str) -> list[str]:
    return re.findall(r'<a class="govuk-link" href="/members/[^"]+/">([^<]+)</a>', html)


def test_the_closure_vote_page(client, published):
    vote = closure_vote()
    response = client.get(f"/votes/{vote.pk}/")
    assert response.status_code == 200
    page = text(response)
    assert "that the question be put" in page
    assert "Moved by" in page and "Mr J A Kite, MBE" in page and "Mr R J Parry" in page
    for_ = names(section(page, "For (64)"))
    against = names(section(page, "Against (4)"))
    abstain = names(section(page, "Abstain (4)"))
    assert len(for_) == 64 and len(against) == 4 and len(abstain) == 4
    assert "Mr R A Marsh" in for_  # "Mr A Marsh" in the seeds
    assert "Mr R H Bird" in against
    assert "Mr H Birkby" in abstain
    assert "Did not vote (0)" in page
    assert "Simple majority of those voting" in page
    assert "<strong>Carried</strong>" in page
    assert 'href="/members/r-a-marsh/"' in page
    assert "How each group voted" in page


def test_the_group_of_each_member_on_the_day(client, published):
    vote = closure_vote()
    ukip = PoliticalGroup.objects.get_or_create(name="UKIP", defaults={"slug": "ukip"})[0]
    marsh = person("r-a-marsh")
    GroupMembership.objects.filter(person=marsh).delete()
    GroupMembership.objects.create(person=marsh, group=ukip, start=OCT_22.replace(year=2013))
    page = text(client.get(f"/votes/{vote.pk}/"))
    assert re.search(r"Mr R A Marsh</a> <span class=\"moot-secondary\">\(UKIP\)", page)
    table = page[page.index("How each group voted") : page.index("</table>")]
    row = re.search(
        r"<th scope=\"row\" class=\"govuk-table__header\">UKIP</th>(.*?)</tr>", table, re.S
    ).group(1)
    counts = [int(n) for n in re.findall(r">(\d+)<", row)]
    assert counts[0] >= 1 and counts[-1] == sum(counts[:-1])
    totals = re.search(r"All members</th>(.*?)</tr>", table, re.S).group(1)
    assert [int(n) for n in re.findall(r"<strong>(\d+)</strong>", totals)] == [64, 4, 4, 0, 72]


def test_the_school_meals_vote_page(client, published):
    page = text(client.get(f"/votes/{meals_vote().pk}/"))
    assert "Universal Infant Free School Meals" in page
    assert "For (62)" in page and "Against (3)" in page and "Abstain (1)" in page
    assert "Mr H Birkby" in names(section(page, "Abstain (1)"))


def test_a_show_of_hands_shows_counts_only(client, published):
    meeting = council_meeting()
    add_minute(meeting, "Another motion", actor=TEST_ACTOR)
    motion = add_motion(
        meeting,
        "substantive",
        "That the Council thanks its staff.",
        mover=person("r-a-marsh"),
        actor=TEST_ACTOR,
    )
    vote = record_vote(motion, "show_of_hands", counts=(50, 10, 2), actor=TEST_ACTOR)
    page = text(client.get(f"/votes/{vote.pk}/"))
    assert "Show of hands (counts only)" in page
    assert "only the numbers were recorded" in page
    assert "How each member voted" not in page
    assert re.search(r"For</dt>\s*<dd[^>]*>50</dd>", page)


def test_votes_of_unpublished_minutes_are_404(client, published):
    vote = closure_vote()
    MinutesRecord.objects.filter(meeting=council_meeting()).update(status=MinutesStatus.DRAFT)
    assert client.get(f"/votes/{vote.pk}/").status_code == 404


def test_a_members_voting_record(client, published):
    page = text(client.get("/members/r-a-marsh/votes/"))
    rows = re.findall(r'<tr class="govuk-table__row">(.*?)</tr>', page, re.S)[1:]
    assert len(rows) == 2
    closure, meals = closure_vote(), meals_vote()
    assert f'href="/votes/{closure.pk}/"' in rows[0] and "<strong>For</strong>" in rows[0]
    assert f'href="/votes/{meals.pk}/"' in rows[1] and "<strong>For</strong>" in rows[1]
    assert "Carried" in rows[0] and "(64–4–4)" in rows[0] and "(62–3–1)" in rows[1]
    member = text(client.get("/members/r-a-marsh/"))
    assert 'href="/members/r-a-marsh/votes/"' in member


def test_a_voting_record_with_different_choices(client, published):
    bowles = closure_vote().choices.get(person__surname="Bowles").person
    page = text(client.get(f"/members/{bowles.slug}/votes/"))
    rows = re.findall(r'<tr class="govuk-table__row">(.*?)</tr>', page, re.S)[1:]
    assert "<strong>For</strong>" in rows[0]  # the closure
    assert "<strong>Against</strong>" in rows[1]  # the school meals motion
    birkby = closure_vote().choices.get(person__surname="Birkby").person
    assert text(client.get(f"/members/{birkby.slug}/votes/")).count("<strong>Abstain</strong>") == 2


def test_voting_record_filters(client, published):
    url = "/members/r-a-marsh/votes/"
    assert "(64–4–4)" in text(client.get(url + "?body=county-council"))
    empty = text(client.get(url + "?body=cabinet"))
    assert "No recorded votes match these filters." in empty
    assert "(64–4–4)" in text(
        client.get(
            url + "?from-day=22&from-month=10&from-year=2015&to-day=22&to-month=10&to-year=2015"
        )
    )
    assert "(64–4–4)" not in text(client.get(url + "?from-day=23&from-month=10&from-year=2015"))


@pytest.mark.parametrize(
    "query, status, message",
    [
        ("?from-day=30&from-month=2&from-year=2016", 400, "Date from must be a real date"),
        ("?body=nowhere", 400, "There is no body by that name"),
        ("?text=meals", 400, "“text” is not a filter on this page"),
        ("?page=two", 400, "The page must be a whole number"),
        ("?page=2", 404, "There is no page 2"),
    ],
)
def test_voting_record_bad_input(client, published, query, status, message):
    response = client.get("/members/r-a-marsh/votes/" + query)
    assert response.status_code == status
    assert message in text(response)


def test_a_casting_vote_and_a_special_majority(client, published):
    meeting = council_meeting()
    marsh = person("r-a-marsh")
    tied = add_motion(
        meeting, "substantive", "That the library stays open.", mover=marsh, actor=TEST_ACTOR
    )
    vote = record_vote(
        tied, "show_of_hands", counts=(20, 20, 3), casting_vote="against", actor=TEST_ACTOR
    )
    page = text(client.get(f"/votes/{vote.pk}/"))
    assert "Chair’s casting vote" in page and "Against (the votes were equal)" in page
    assert "<strong>Lost</strong>" in page
    special = add_motion(
        meeting, "substantive", "That standing orders be suspended.", mover=marsh, actor=TEST_ACTOR
    )
    vote = record_vote(
        special, "show_of_hands", counts=(30, 20, 0), majority="two_thirds_voting", actor=TEST_ACTOR
    )
    page = text(client.get(f"/votes/{vote.pk}/"))
    assert "Two-thirds of those voting" in page and "<strong>Lost</strong>" in page


def test_the_minute_link_goes_to_the_published_minutes(client, published):
    meeting = council_meeting()
    page = text(client.get("/decisions/?text=proportionality"))
    assert f'href="/meetings/{meeting.pk}/{meeting.slug}/minutes/#minute-38"' in page
    assert client.get(f"/meetings/{meeting.pk}/{meeting.slug}/minutes/").status_code == 200


def test_an_election_vote(client, published):
    from proceedings.elections import add_election
    from proceedings.votes import vote_on_election

    meeting = council_meeting()
    motion = add_election(
        meeting, "vice_chair", person("r-a-marsh"), closure_vote().motion.mover, actor=TEST_ACTOR
    )
    vote_on_election(motion, "show_of_hands", counts=(40, 5, 2), actor=TEST_ACTOR)
    page = text(client.get(f"/votes/{motion.vote.pk}/"))
    assert "Proposed for vice-chair:" in page and "Mr R A Marsh</a>" in page
    assert "Proposed by" in page and "Mr J A Kite, MBE" in page
    assert "<strong>Carried</strong>" in page
