"""The meetings calendar: the month it opens on, the month and year picker, the committee
filter, titles unique per month and committee, and clear refusals of bad input."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from council.models import Authority

from .helpers import PR, body, meeting, text

pytestmark = pytest.mark.django_db

PROPERTY = "Property Sub-Committee"


def title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip()


def shown_month(response) -> str:
    return re.search(r"<h1[^>]*>.*?</span>\s*(.*?)</h1>", response.content.decode(), re.S).group(1)


def as_at(day: dt.date) -> None:
    Authority.objects.update(as_at=day)


def test_opens_on_this_month_when_it_has_meetings(client):
    response = client.get("/calendar/")
    assert response.status_code == 200
    assert shown_month(response) == "September 2017"  # the demo's date: 16 September 2017


def test_opens_on_the_month_of_the_next_meeting_when_this_month_has_none(client):
    as_at(dt.date(2017, 10, 10))
    assert shown_month(client.get("/calendar/")) == "December 2017"


def test_opens_on_the_most_recent_meeting_when_none_is_to_come(client):
    as_at(dt.date(2018, 6, 1))
    assert shown_month(client.get("/calendar/")) == "March 2018"


def test_opens_on_the_committees_next_meeting_when_filtered(client):
    as_at(dt.date(2017, 1, 10))
    assert shown_month(client.get("/calendar/")) == "February 2017"
    pr = body(PR)
    response = client.get(f"/calendar/?committee={pr.slug}")
    assert shown_month(response) == "March 2017"
    assert (
        title(response) == "Meetings in March 2017 – Policy and Resources Cabinet Committee"
        " – Kent County Council"
    )


def test_committee_filter_shows_only_that_committees_meetings(client):
    pr, prop = body(PR), body(PROPERTY)
    on_8th, on_21st = meeting(PR, dt.date(2017, 3, 8)), meeting(PROPERTY, dt.date(2017, 3, 21))
    everyone = client.get("/calendar/2017/03/").content.decode()
    assert on_8th.get_absolute_url() in everyone and on_21st.get_absolute_url() in everyone
    response = client.get(f"/calendar/2017/03/?committee={prop.slug}")
    assert response.status_code == 200
    page = response.content.decode()
    assert on_21st.get_absolute_url() in page and on_8th.get_absolute_url() not in page
    # Month pagination keeps the filter; the committee is the one selected.
    assert f'href="/calendar/2017/02/?committee={prop.slug}" rel="prev"' in page
    assert f'href="/calendar/2017/04/?committee={prop.slug}" rel="next"' in page
    assert f'<option value="{prop.slug}" selected>{prop.name}</option>' in page
    assert f'<option value="{pr.slug}">{pr.name}</option>' in page
    assert "No meetings of Property Sub-Committee are recorded in April 2017." in text(
        client.get(f"/calendar/2017/04/?committee={prop.slug}")
    )


def test_titles_are_unique_per_month_and_committee(client):
    slug = body(PR).slug
    urls = [
        "/calendar/2017/09/",
        "/calendar/2017/12/",
        f"/calendar/2017/09/?committee={slug}",
        f"/calendar/2017/12/?committee={slug}",
    ]
    titles = [title(client.get(u)) for u in urls]
    assert titles[0] == "Meetings in September 2017 – Kent County Council"
    assert titles[2] == (
        "Meetings in September 2017 – Policy and Resources Cabinet Committee – Kent County Council"
    )
    assert len(set(titles)) == len(titles)


def test_the_picker_is_a_get_form_of_month_year_and_committee(client):
    page = client.get("/calendar/2017/09/").content.decode()
    form = page.split('<form method="get" action="/calendar/"', 1)[1].split("</form>", 1)[0]
    assert '<select class="govuk-select" id="month" name="month">' in form
    assert '<option value="9" selected>September</option>' in form
    assert 'name="year"' in form and '<option value="2017" selected>2017</option>' in form
    assert '<option value="2015">2015</option>' in form  # the record's first year
    assert 'name="committee"' in form and '<option value="">All committees</option>' in form
    assert 'type="submit"' in form


def test_the_picker_goes_to_the_months_address_keeping_the_committee(client):
    slug = body(PR).slug
    response = client.get(f"/calendar/?month=12&year=2017&committee={slug}")
    assert response.status_code == 302
    assert response["Location"] == f"/calendar/2017/12/?committee={slug}"
    response = client.get("/calendar/?month=2&year=2018&committee=")
    assert response["Location"] == "/calendar/2018/02/"


@pytest.mark.parametrize(
    "query",
    [
        "month=13&year=2017",
        "month=0&year=2017",
        "month=9&year=1800",
        "month=9&year=99999",
        "month=abc&year=2017",
        "month=9&year=",
        "month=9",
        "year=2017",
        "month=-1&year=2017",
        "month=9.5&year=2017",
    ],
)
def test_bad_picker_values_are_a_clear_400(client, query):
    response = client.get(f"/calendar/?{query}")
    assert response.status_code == 400
    page = text(response)
    assert "There is a problem" in page
    assert "Choose a month, and a year from 1900 to 2200." in page
    assert title(response).startswith("Error: ")


@pytest.mark.parametrize(
    "url",
    [
        "/calendar/?committee=no-such-committee",
        "/calendar/2017/09/?committee=no-such-committee",
        "/calendar/?committee=%3Cscript%3E",
        "/calendar/?month=9&year=2017&committee=nope",
    ],
)
def test_an_unknown_committee_is_a_clear_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    page = text(response)
    assert "There is no committee with that address in the calendar" in page
    assert "<script>" not in response.content.decode()


def test_an_outside_body_without_meetings_is_not_a_calendar_committee(client):
    from council.models import Body, BodyKind

    outside = Body.objects.filter(kind=BodyKind.OUTSIDE_BODY, meetings__isnull=True).first()
    assert client.get(f"/calendar/?committee={outside.slug}").status_code == 400
    page = client.get("/calendar/2017/09/").content.decode()
    assert f'value="{outside.slug}"' not in page
