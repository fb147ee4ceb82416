"""The committee page prints membership as the seeds' front sheets do."""

import datetime as dt

import pytest

from audit.testing import TEST_ACTOR
from council.dates import authority_today
from council.models import Membership, Role
from council.services import appoint

from .helpers import PR, SMS, body, text

pytestmark = pytest.mark.django_db


def pr_membership_text(page: str) -> None:
    assert "Membership (15)" in page
    assert (
        "Conservative (12): Mr B J Sweetland (Chairman), Mr R A Marsh (Vice-Chairman), "
        "Mr P V Barrington-King, Mr T Bond, Mr N J D Chard, Mrs P T Cole, Mrs M E Crabtree, "
        "Mr P W A Lake, Mr J P McInroy, Miss C Rankin, Mr H Rayner and Mr I Thomas"
    ) in page
    assert "Liberal Democrat (2): Mr R H Bird and Mrs T Dean, MBE" in page
    assert "Labour (1): Ms K Constantine" in page
    order = [page.index(g) for g in ("Conservative (12)", "Liberal Democrat (2)", "Labour (1)")]
    assert order == sorted(order)


def test_pr_membership_in_the_seeds_form(client):
    pr_membership_text(text(client.get(body(PR).get_absolute_url())))


def test_pr_membership_when_the_seats_have_ended_is_the_one_that_last_met(client, real_date):
    """With every seat ended (say at the 2021 election) and the record read at the real date,
    the page shows the membership of the last meeting held, 15 Sept 2017, not of the later
    meetings that stayed 'scheduled'."""
    pr = body(PR)
    Membership.objects.filter(body=pr, end__isnull=True).update(end=dt.date(2021, 5, 5))
    page = text(client.get(pr.get_absolute_url()))
    assert "Membership as at 15 September 2017, when it last met." in page
    pr_membership_text(page)


def test_each_member_name_links_to_their_page(client):
    response = client.get(body(PR).get_absolute_url())
    sweetland = Membership.objects.filter(body=body(PR), role=Role.CHAIRMAN).first().person
    assert (
        f'<a class="govuk-link" href="{sweetland.get_absolute_url()}">Mr B J Sweetland</a>'
        " (Chairman)"
    ) in response.content.decode()


def test_sms_shows_its_1_march_2017_membership(client):
    page = text(client.get(body(SMS).get_absolute_url()))
    assert "Membership as at 1 March 2017, when it last met." in page
    assert "Membership (9)" in page
    assert (
        "Conservative (5): Mrs A D Allen, MBE (Chairman), Mr P B Carter, CBE, Mr G Cooke, "
        "Mr M C Dance and Mr B J Sweetland"
    ) in page
    assert "UKIP (2): Mr R A Latchford, OBE and Mr B E MacDowall" in page


def test_today_membership_with_vacancies_and_substitutes(client):
    b = body(SMS)
    b.seats = None
    b.save()
    start = authority_today() - dt.timedelta(days=30)
    sweetland = Membership.objects.filter(body=b, person__surname="Sweetland").first().person
    dean = Membership.objects.filter(body=body(PR), person__surname="Dean").first().person
    appoint(b, sweetland, Role.CHAIRMAN, start=start, actor=TEST_ACTOR)
    appoint(b, None, Role.MEMBER, start=start, actor=TEST_ACTOR)
    appoint(b, None, Role.MEMBER, start=start, actor=TEST_ACTOR)
    appoint(b, dean, Role.SUBSTITUTE, start=start, actor=TEST_ACTOR)
    page = text(client.get(b.get_absolute_url()))
    assert "Membership as at" not in page
    assert "Membership (1)" in page
    assert "Vacancies: 2" in page
    assert "Substitutes and alternates Mrs T Dean, MBE (Substitute)" in page


def test_terms_of_reference_are_sanitised(client):
    b = body(PR)
    b.terms_of_reference = "<p>Strategic and <em>Corporate</em></p><script>alert(1)</script>"
    b.save()
    content = client.get(b.get_absolute_url()).content.decode()
    assert "<p>Strategic and <em>Corporate</em></p>" in content
    assert "alert(1)" not in content


def test_past_meetings_are_listed_newest_first(client):
    page = text(client.get(body(PR).get_absolute_url()))
    past = page.split("Past meetings", 1)[1]
    assert past.index("Friday 15 September 2017") < past.index("Friday 16 June 2017")
