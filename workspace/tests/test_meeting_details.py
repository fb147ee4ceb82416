"""A meeting's details and a new meeting in the workspace (workspace/views/meeting_details.py),
saved through ``meetings.services.save_meeting`` with the clash warnings for the date. The
demo is shown as at 16 September 2017."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.models import AuditEntry
from meetings.models import Meeting, MeetingKind, MeetingStatus
from moot import testing as t

from .helpers import error_summary, officer, refused_for_others, text, value_of

pytestmark = pytest.mark.django_db

D = dt.date
DAY = D(2018, 3, 14)  # a Wednesday to come


@pytest.fixture
def meeting():
    room = t.venue("Tunbridge Room")
    body = t.body("Details Committee", default_venue=room)
    return t.meeting(body, DAY, start_time=dt.time(10), venue=room)


def details(meeting: Meeting, **changes) -> dict:
    """The form as it is shown for ``meeting``, with ``changes``."""
    data = {
        "date": meeting.date.strftime("%d/%m/%Y"),
        "start_time": meeting.start_time.strftime("%H:%M") if meeting.start_time else "",
        "end_time": meeting.end_time.strftime("%H:%M") if meeting.end_time else "",
        "venue": str(meeting.venue_id or ""),
        "status": meeting.status,
        "notes": meeting.notes,
        "contact": str(meeting.contact_id or ""),
        "contact_telephone": meeting.contact_telephone,
        "webcast_url": meeting.webcast_url,
    }
    return data | changes


def url(meeting: Meeting) -> str:
    return f"/office/meetings/{meeting.pk}/details/"


def test_the_workspace_links_to_the_details_not_the_admin(meeting):
    page = officer().get(f"/office/meetings/{meeting.pk}/").content.decode()
    assert f'href="{url(meeting)}"' in page
    assert f"/admin/meetings/meeting/{meeting.pk}/change/" not in page


def test_the_details_are_shown_and_changed_through_the_service(meeting):
    officer_person = t.person("Clerkperson", title="Ms")
    client = officer()
    response = client.get(url(meeting))
    assert response.status_code == 200
    assert value_of(response, "date") == "14/03/2018"
    assert value_of(response, "start_time") == "10am"
    assert "No clashes found." in text(response)
    other_room = t.venue("Weald Room")
    data = details(
        meeting,
        date="21 Mar 2018",
        start_time="14:00",
        end_time="16.30",
        venue=str(other_room.pk),
        notes="Please note the later start time.",
        contact=str(officer_person.pk),
        contact_telephone="03000 416000",
        webcast_url="https://kent.public-i.tv/core/portal/webcast",
        step="save",
    )
    response = client.post(url(meeting), data)
    assert response.status_code == 303 and response["Location"] == url(meeting)
    meeting.refresh_from_db()
    assert (meeting.date, meeting.start_time, meeting.end_time) == (
        D(2018, 3, 21),
        dt.time(14),
        dt.time(16, 30),
    )
    assert meeting.venue == other_room and meeting.contact == officer_person
    assert meeting.notes == "Please note the later start time."
    assert meeting.webcast_url == "https://kent.public-i.tv/core/portal/webcast"
    entry = AuditEntry.objects.filter(object_id=meeting.pk, action="update").latest("pk")
    assert entry.changes["date"] == ["2018-03-14", "2018-03-21"]
    page = text(client.get(url(meeting)))
    assert f"The details of {meeting} are saved." in page


def test_a_meeting_is_postponed_or_cancelled_and_then_clashes_with_nothing(meeting):
    client = officer()
    response = client.post(url(meeting), details(meeting, status="cancelled", step="save"))
    assert response.status_code == 303
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    assert "A cancelled meeting clashes with nothing." in text(client.get(url(meeting)))


def test_checking_the_new_date_warns_of_clashes_and_writes_nothing_saving_is_not_refused(
    meeting,
):
    other = t.meeting(t.body("Booking Committee"), D(2018, 3, 21), venue=meeting.venue)
    other.start_time = dt.time(10)
    other.save()
    client = officer()
    moved = details(meeting, date="21/03/2018", step="check")
    with t.writes_nothing():
        response = client.post(url(meeting), moved)
    assert response.status_code == 200
    page = text(response)
    assert "Clashes for the new details" in page
    assert "Tunbridge Room, Test House is booked for the meeting of Booking Committee" in page
    assert value_of(response, "date") == "21/03/2018"
    meeting.refresh_from_db()
    assert meeting.date == DAY
    response = client.post(url(meeting), moved | {"step": "save"})
    assert response.status_code == 303
    meeting.refresh_from_db()
    assert meeting.date == D(2018, 3, 21)
    # After saving, the warning is still shown for the date saved.
    assert "is booked for the meeting of Booking Committee" in text(client.get(url(meeting)))


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"date": "32/03/2018"}, "There is no 32 March 2018: March 2018 has 31 days"),
        ({"date": ""}, "Give the date of the meeting."),
        ({"start_time": "half ten"}, "Enter a time like 10am, 2.30pm or 14:30"),
        ({"end_time": "09:00"}, "The scheduled end must be after the start time."),
        (
            {"date": "15/09/2017"},
            "Friday, 15 September 2017 has passed: a meeting cannot be moved to a date that "
            "has gone.",
        ),
        ({"webcast_url": "not a link"}, "Enter the webcast's full address, e.g. https://…"),
        (
            {"status": "abandoned"},
            "Choose the status from the list.",
        ),
        ({"venue": "999999"}, "Choose the venue from the list."),
        ({"step": "delete"}, "That is not a change this page makes."),
    ],
)
def test_bad_details_are_refused_keeping_what_was_typed_and_saving_nothing(
    meeting, changes, message
):
    data = details(meeting, step="save") | changes
    with t.writes_nothing():
        response = officer().post(url(meeting), data)
    assert response.status_code == 400
    assert error_summary(response) == [message]
    for name in ("date", "start_time", "end_time", "webcast_url"):
        assert value_of(response, name) == data[name]
    meeting.refresh_from_db()
    assert meeting.date == DAY and meeting.start_time == dt.time(10)


def test_a_held_meeting_keeps_its_past_date_while_other_details_change(meeting):
    held = t.meeting(meeting.body, D(2017, 9, 6), start_time=dt.time(10))
    client = officer()
    assert "The meeting's date has passed." in text(client.get(url(held)))
    response = client.post(url(held), details(held, notes="Webcast available.", step="save"))
    assert response.status_code == 303
    held.refresh_from_db()
    assert held.notes == "Webcast available."


def test_an_unknown_meeting_is_404():
    assert officer().get("/office/meetings/999999/details/").status_code == 404


def test_only_democratic_services_change_a_meeting(meeting):
    data = details(meeting, notes="Changed by someone else", step="save")
    new = {"body": meeting.body.slug, "kind": "special", "date": "01/03/2018", "step": "save"}
    refused_for_others([url(meeting), "/office/meetings/new/"], {url(meeting): data})
    refused_for_others([], {"/office/meetings/new/": new})
    meeting.refresh_from_db()
    assert meeting.notes == ""
    assert Meeting.objects.filter(body=meeting.body).count() == 1


# --- a new meeting ----------------------------------------------------------------------------


def new_meeting(body, **more) -> dict:
    return {
        "body": body.slug,
        "kind": MeetingKind.SPECIAL,
        "date": "07/02/2018",
        "start_time": "14:00",
        "end_time": "",
        "venue": "",
        "notes": "",
        "webcast_url": "",
    } | more


def test_a_new_meeting_of_a_body_is_checked_then_created_in_its_usual_venue(meeting):
    body = meeting.body
    client = officer()
    page = client.get("/office/meetings/new/", {"body": body.slug}).content.decode()
    assert f'<option value="{body.slug}" selected>' in page
    with t.writes_nothing():
        response = client.post("/office/meetings/new/", new_meeting(body, step="check"))
    assert response.status_code == 200 and "No clashes found." in text(response)
    response = client.post("/office/meetings/new/", new_meeting(body, step="save"))
    assert response.status_code == 303
    made = Meeting.objects.get(body=body, date=D(2018, 2, 7))
    assert response["Location"] == url(made)
    assert (made.kind, made.start_time, made.venue) == (
        MeetingKind.SPECIAL,
        dt.time(14),
        body.default_venue,
    )
    assert made.status == MeetingStatus.SCHEDULED
    assert f"Meeting created: {made}." in text(client.get(response["Location"]))
    listed = client.get("/office/programme/", {"body": body.slug, "year": "2017"})
    assert f'href="/office/meetings/{made.pk}/"' in listed.content.decode()


def test_a_new_meeting_is_warned_of_a_clash_with_its_body_and_may_still_be_created(meeting):
    client = officer()
    data = new_meeting(meeting.body, date="14/03/2018", start_time="11:00")
    response = client.post("/office/meetings/new/", data | {"step": "check"})
    assert (
        "Details Committee already has a meeting at 10.00 am on Wednesday, 14 March 2018."
        in text(response)
    )
    assert client.post("/office/meetings/new/", data | {"step": "save"}).status_code == 303
    assert Meeting.objects.filter(body=meeting.body, date=DAY).count() == 2


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"body": ""}, "Choose the body that is meeting."),
        ({"body": "no-such-body"}, "Choose a body from the list."),
        (
            {"date": "16/08/2017"},
            "Wednesday, 16 August 2017 has passed: a new meeting is a meeting to come.",
        ),
        ({"date": "tomorrow"}, "Enter a date like 22/12/2026 or 22 Dec 2026"),
    ],
)
def test_a_new_meeting_that_cannot_be_made_is_refused(meeting, changes, message):
    before = Meeting.objects.count()
    with t.writes_nothing():
        response = officer().post(
            "/office/meetings/new/", new_meeting(meeting.body, step="save") | changes
        )
    assert response.status_code == 400
    assert error_summary(response) == [message]
    assert Meeting.objects.count() == before
