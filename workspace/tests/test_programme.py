"""The programme of meetings in the workspace (workspace/views/programme.py): a year's meetings
by body, and a year of meetings set up from a pattern: the dates proposed with their warnings
(writing nothing), adjusted, then created. The demo is shown as at 16 September 2017."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from council import services as council_services
from council.models import Role
from meetings.models import ClosureDay, Meeting, MeetingStatus
from meetings.programme import PROGRAMMED
from moot import testing as t

from .helpers import error_summary, officer, refused_for_others, text, value_of

pytestmark = pytest.mark.django_db

D = dt.date
NEW = "/office/programme/new/"
# 2018/19 by the last Monday: 28 May and 27 August are bank holidays.
LAST_MONDAYS = [
    D(2018, 6, 25),
    D(2018, 7, 30),
    D(2018, 9, 24),
    D(2018, 10, 29),
    D(2018, 11, 26),
    D(2018, 12, 31),
    D(2019, 1, 28),
    D(2019, 2, 25),
    D(2019, 3, 25),
    D(2019, 4, 29),
]


@pytest.fixture
def body():
    room = t.venue("Medway Room")
    return t.body("Programme Committee", default_venue=room)


def pattern(body, text_typed="last Monday, 10.00", year=2018, **more) -> dict:
    return {"body": body.slug, "year": str(year), "pattern": text_typed, **more}


def rows(body, dates_and_times, *, text_typed="last Monday, 10.00", year=2018, **more) -> dict:
    """What the preview's form posts: each row (date, time, kept) and the fields below."""
    data = pattern(body, text_typed, year) | {
        "form-TOTAL_FORMS": str(len(dates_and_times)),
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "100",
    }
    for n, row in enumerate(dates_and_times):
        day, time, *kept = row
        data[f"form-{n}-date"] = day.strftime("%d/%m/%Y") if isinstance(day, dt.date) else day
        data[f"form-{n}-time"] = time
        if not kept or kept[0]:
            data[f"form-{n}-keep"] = "on"
    return data | more


def each_at_ten(days):
    return [(d, "10:00") for d in days]


# --- the year's meetings by body -------------------------------------------------------------


def test_the_programme_lists_a_years_meetings_by_body_each_linked_to_its_workspace(body):
    inside = t.meeting(body, D(2018, 1, 17), start_time=dt.time(10))
    cancelled = t.meeting(body, D(2018, 2, 21), status=MeetingStatus.CANCELLED)
    outside = t.meeting(body, D(2018, 6, 20))
    client = officer()
    response = client.get("/office/programme/", {"body": body.slug, "year": "2017"})
    assert response.status_code == 200
    page = text(response)
    assert "2017/18" in page and "Programme Committee" in page
    html = response.content.decode()
    assert f'href="/office/meetings/{inside.pk}/"' in html
    assert f'href="/office/meetings/{cancelled.pk}/"' in html and "Cancelled" in page
    assert f'href="/office/meetings/{outside.pk}/"' not in html
    # Per body: a year from a pattern, one meeting, the annual appointments.
    assert f"/office/programme/new/?body={body.slug}&amp;year=2017" in html
    assert f"/office/meetings/new/?body={body.slug}" in html
    assert f"/office/bodies/{body.slug}/appointments/" in html
    # The workspace's navigation has the programme, marked as the page shown.
    assert (
        '<a class="govuk-service-navigation__link" href="/office/programme/" aria-current' in html
    )


def test_every_body_is_listed_in_a_few_queries_however_many_meetings(
    body, django_assert_max_num_queries
):
    for month in range(5, 13):
        t.meeting(body, D(2017, month, 10))
    client = officer()
    client.get("/office/")  # the session and account read once before counting
    with django_assert_max_num_queries(12):
        response = client.get("/office/programme/", {"year": "2017"})
    assert text(response).count("Set up the meetings for 2017/18") >= 10


@pytest.mark.parametrize(
    "query, message",
    [
        ({"year": "1999"}, "Choose a municipal year from the list."),
        ({"year": "next"}, "Choose a municipal year from the list."),
        ({"body": "no-such-body"}, "Choose a body from the list."),
    ],
)
def test_a_filter_that_cannot_be_read_is_a_400_saying_so(query, message):
    response = officer().get("/office/programme/", query)
    assert response.status_code == 400
    assert error_summary(response) == [message]


def test_only_democratic_services_reach_the_programme(body):
    data = rows(body, each_at_ten(LAST_MONDAYS[:2]), step="create")
    refused_for_others(["/office/programme/", NEW], {NEW: data})
    assert not Meeting.objects.filter(body=body).exists()


# --- a year from a pattern: the dates proposed, writing nothing ------------------------------


def test_the_pattern_gives_the_dates_with_those_left_out_and_why_and_writes_nothing(body):
    client = officer()
    page = client.get(NEW, {"body": body.slug, "year": "2018"})
    assert page.status_code == 200 and 'value="2018" selected' in page.content.decode()
    with t.writes_nothing():
        response = client.post(NEW, pattern(body, step="preview"))
    assert response.status_code == 200
    assert not Meeting.objects.filter(body=body).exists()
    page = text(response)
    assert "last Monday of every month, 10.00 am" in page
    assert "Medway Room, Test House (the body's usual venue)" in page
    assert "Monday 28 May 2018: Spring Bank Holiday (bank holiday)" in page
    assert "Monday 27 August 2018: Late Summer Bank Holiday (bank holiday)" in page
    assert "10 dates to hold" in page
    for n, day in enumerate(LAST_MONDAYS):
        assert value_of(response, f"form-{n}-date") == day.strftime("%d/%m/%Y")
        assert value_of(response, f"form-{n}-time") == "10am"
        assert f"Meeting {n + 1}: {day:%A} {day.day} {day:%B %Y}" in page
    assert value_of(response, "form-TOTAL_FORMS") == "10"


def test_this_years_programme_starts_from_today(body):
    response = officer().post(
        NEW, pattern(body, "third Wednesday 14:30", year=2017, step="preview")
    )
    assert response.status_code == 200
    # 16 September 2017 is today: the first third Wednesday to come is the 20th.
    assert value_of(response, "form-0-date") == "20/09/2017"
    assert "Period 16 September 2017 to 30 April 2018" in text(response)
    # So near, the papers' deadline has already passed: a warning, not a refusal.
    assert "The papers' deadline has passed" in text(response)


@pytest.mark.parametrize(
    "typed, message",
    [
        ("fifth Monday, 10.00", "Not every month has a fifth week"),
        ("Monday 10.00", "Say which Monday of the month"),
        ("last Monday", "Give the start time"),
        ("last Monday, 10.00, Nowhere Hall", 'There is no venue called "Nowhere Hall"'),
        ("", "Type the pattern of meetings"),
    ],
)
def test_an_unreadable_pattern_is_refused_with_its_plain_message(body, typed, message):
    with t.writes_nothing():
        response = officer().post(NEW, pattern(body, typed, step="preview"))
    assert response.status_code == 400
    [shown] = error_summary(response)
    assert shown.startswith(message), shown
    assert value_of(response, "pattern") == typed  # what was typed is kept
    assert "govuk-input--error" in response.content.decode()


def test_a_body_or_year_not_offered_is_refused(body):
    client = officer()
    dissolved = t.body("Dissolved Committee", active=False)
    response = client.post(NEW, pattern(dissolved, step="preview"))
    assert response.status_code == 400
    assert error_summary(response) == ["Choose a body from the list."]
    response = client.post(NEW, pattern(body, year=2016, step="preview"))
    assert error_summary(response) == ["Choose a municipal year from the list."]
    response = client.post(NEW, pattern(body, step="publish"))
    assert response.status_code == 400 and "not a step" in error_summary(response)[0]


# --- adjusting the dates and creating the meetings -------------------------------------------


def test_dates_are_adjusted_then_created_in_one_step(body):
    client = officer()
    adjusted = each_at_ten(LAST_MONDAYS)
    adjusted[5] = (D(2018, 12, 31), "10:00", False)  # New Year's Eve left out
    adjusted[3] = ("30/10/2018", "14:30")  # a day later, in the afternoon
    data = rows(body, adjusted, add_date="17 Dec 2018", add_time="", step="check")
    with t.writes_nothing():
        response = client.post(NEW, data)
    assert response.status_code == 200
    # The date added joins the rows, at the pattern's time; the row left out stays, unticked.
    assert value_of(response, "form-10-date") == "17/12/2018"
    assert value_of(response, "form-10-time") == "10am"
    assert value_of(response, "form-3-time") == "2:30pm"
    assert 'name="form-5-keep"' in response.content.decode()
    assert "10 dates to hold" in text(response)
    adjusted.append((D(2018, 12, 17), "10:00"))
    response = client.post(NEW, rows(body, adjusted, step="create"))
    assert response.status_code == 303
    assert response["Location"] == f"/office/programme/?body={body.slug}&year=2018"
    made = Meeting.objects.filter(body=body).order_by("date")
    expected = [d for d in LAST_MONDAYS if d not in (D(2018, 12, 31), D(2018, 10, 29))]
    expected = sorted([*expected, D(2018, 10, 30), D(2018, 12, 17)])
    assert [m.date for m in made] == expected
    assert {m.start_time for m in made if m.date != D(2018, 10, 30)} == {dt.time(10)}
    assert made.get(date=D(2018, 10, 30)).start_time == dt.time(14, 30)
    assert {m.venue.room for m in made} == {"Medway Room"}
    assert {m.status for m in made} == {MeetingStatus.SCHEDULED}
    assert (
        AuditEntry.objects.filter(event=PROGRAMMED, object_id__in=[m.pk for m in made]).count()
        == 10
    )
    page = text(client.get(response["Location"]))
    assert "10 meetings of Programme Committee created for 2018/19." in page


def test_the_venue_typed_is_the_programmes(body):
    t.venue("Swale Room")
    data = rows(body, each_at_ten(LAST_MONDAYS[:2]), text_typed="last Monday 10am Swale Room")
    response = officer().post(NEW, data | {"step": "create"})
    assert response.status_code == 303
    assert {m.venue.room for m in Meeting.objects.filter(body=body)} == {"Swale Room"}


def test_clashes_are_warnings_shown_for_each_date_not_refusals(body):
    other = t.body("Other Committee")
    member = t.person("Doublebooked")
    for b in (body, other):
        council_services.appoint(b, member, Role.MEMBER, D(2017, 5, 1), actor=TEST_ACTOR)
    booked = t.meeting(other, D(2018, 6, 25), start_time=dt.time(11), venue=body.default_venue)
    ClosureDay.objects.create(date=D(2018, 12, 27), reason="Christmas closure")
    adjusted = each_at_ten(LAST_MONDAYS)
    adjusted[5] = ("27/12/2018", "10:00")
    adjusted[6] = ("26/01/2019", "10:00")  # a Saturday
    client = officer()
    with t.writes_nothing():
        response = client.post(NEW, rows(body, adjusted, step="check"))
    assert response.status_code == 200
    page = text(response)
    first = page[page.index("Meeting 1:") : page.index("Meeting 2:")]
    assert "Medway Room, Test House is booked for the meeting of Other Committee" in first
    assert f"{member} serves on both Programme Committee and Other Committee" in first
    assert f'href="/office/meetings/{booked.pk}/"' in response.content.decode()
    sixth = page[page.index("Meeting 6:") : page.index("Meeting 7:")]
    assert "The offices are closed on Thursday, 27 December 2018 (Christmas closure)." in sixth
    seventh = page[page.index("Meeting 7:") : page.index("Meeting 8:")]
    assert "Saturday, 26 January 2019 is a weekend day." in seventh
    assert "3 with warnings" in page
    # Warned, the officer may still create them.
    response = client.post(NEW, rows(body, adjusted, step="create"))
    assert response.status_code == 303
    assert Meeting.objects.filter(body=body).count() == 10


def test_a_date_that_has_passed_is_refused_and_nothing_is_created(body):
    adjusted = each_at_ten(LAST_MONDAYS)
    adjusted[0] = ("15/09/2017", "10:00")  # yesterday
    with t.writes_nothing():
        response = officer().post(NEW, rows(body, adjusted, step="create"))
    assert response.status_code == 400
    assert error_summary(response) == [
        "Friday, 15 September 2017 has passed: a programme is made of meetings to come."
    ]
    assert value_of(response, "form-0-date") == "15/09/2017"
    assert not Meeting.objects.filter(body=body).exists()


def test_an_unreadable_date_is_refused_naming_the_meeting_and_keeping_what_was_typed(body):
    adjusted = each_at_ten(LAST_MONDAYS[:3])
    adjusted[1] = ("31/02/2018", "10:00")
    adjusted[2] = (LAST_MONDAYS[2], "25:00")
    for step in ("check", "create"):
        with t.writes_nothing():
            response = officer().post(NEW, rows(body, adjusted, add_time="14:00", step=step))
        assert response.status_code == 400
        assert error_summary(response) == [
            "Meeting 2: There is no 31 February 2018: February 2018 has 28 days",
            "Meeting 3: Enter a time like 10am, 2.30pm or 14:30",
            "Give the date of the meeting to add, or clear its time.",
        ]
        assert value_of(response, "form-1-date") == "31/02/2018"
        assert value_of(response, "form-2-time") == "25:00"
        assert 'href="#id_form-1-date"' in response.content.decode()
    assert not Meeting.objects.filter(body=body).exists()


def test_a_kept_row_needs_a_date_and_at_least_one_date_is_needed(body):
    client = officer()
    response = client.post(NEW, rows(body, [("", "10:00")], step="create"))
    assert response.status_code == 400
    assert error_summary(response) == ["Meeting 1: Give the date of this meeting, or untick it."]
    unticked = rows(body, [(LAST_MONDAYS[0], "10:00", False)], step="create")
    response = client.post(NEW, unticked)
    assert response.status_code == 400
    assert error_summary(response) == ["Choose at least one date for the programme."]
    assert not Meeting.objects.filter(body=body).exists()


def test_a_second_meeting_on_a_day_the_body_meets_needs_saying_so(body):
    t.meeting(body, LAST_MONDAYS[0], start_time=dt.time(10))
    data = rows(body, [(LAST_MONDAYS[0], "18:00"), (LAST_MONDAYS[1], "10:00")], step="create")
    client = officer()
    with t.writes_nothing():
        response = client.post(NEW, data)
    assert response.status_code == 400
    assert error_summary(response)[0].startswith(
        "Programme Committee already has a meeting on Monday, 25 June 2018."
    )
    response = client.post(NEW, data | {"same_day": "on"})
    assert response.status_code == 303
    assert Meeting.objects.filter(body=body).count() == 3
