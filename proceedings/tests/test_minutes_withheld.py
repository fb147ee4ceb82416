"""A minute marked exempt after the minutes were published leaves every public version; the
original text stays for democratic services (proceedings/versions.py)."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from audit.testing import TEST_ACTOR
from moot import testing as t
from proceedings.minutes import add_minute, add_resolution, edit_minute, publish_minutes
from proceedings.models import MinutesVersion

pytestmark = pytest.mark.django_db
SECRET = "the bid of Acme Depots Ltd at 1.2 million pounds"


@pytest.fixture
def published():
    meeting = t.meeting(t.body("Property Committee"), date=dt.date(2017, 3, 2))
    item = t.item(meeting, "5", "Depot")
    add_minute(meeting, "Apologies", text="There were no apologies.", actor=TEST_ACTOR)
    minute = add_minute(
        meeting,
        "Disposal of the depot",
        item=item,
        text=f"The Committee discussed {SECRET}.",
        actor=TEST_ACTOR,
    )
    add_resolution(minute, f"RESOLVED that {SECRET} be accepted.", actor=TEST_ACTOR)
    publish_minutes(meeting, actor=TEST_ACTOR)
    return meeting, minute


def version_page(meeting, number=1) -> str:
    url = reverse("proceedings:minutes_version", args=[meeting.pk, meeting.slug, number])
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_minute_made_exempt_leaves_every_public_version(published):
    meeting, minute = published
    assert SECRET in version_page(meeting)
    edit_minute(
        minute,
        exempt=True,
        exempt_paragraph=3,
        public_summary="The Committee considered the disposal of a property.",
        actor=TEST_ACTOR,
    )
    page = version_page(meeting)
    assert SECRET not in page and "Disposal of the depot" not in page
    assert "2. Exempt business (Item 5)" in page
    assert "paragraph 3 of Part 1 of Schedule 12A" in page
    assert "The Committee considered the disposal of a property." in page
    assert "There were no apologies." in page  # the rest of the version is as it was
    version = MinutesVersion.objects.get(record__meeting=meeting, number=1)
    assert SECRET in version.withheld_public_html and SECRET not in version.public_html
    assert "later withheld as exempt information" in version.note
    minutes = Client().get(reverse("proceedings:minutes", args=[meeting.pk, meeting.slug]))
    assert SECRET not in minutes.content.decode()


def test_other_edits_leave_the_versions_alone(published):
    meeting, minute = published
    before = MinutesVersion.objects.get(record__meeting=meeting).public_html
    edit_minute(minute, text="The Committee discussed the depot.", actor=TEST_ACTOR)
    version = MinutesVersion.objects.get(record__meeting=meeting)
    assert version.public_html == before and not version.withheld_public_html
