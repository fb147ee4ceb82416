"""Actions and undertakings on the body's work programme (committee page)."""

import datetime as dt
import re

import pytest

from audit.testing import TEST_ACTOR
from proceedings.actions import add_action, update_action
from proceedings.models import Minute, MinutesRecord, MinutesStatus

from .builders import council_meeting, person

pytestmark = pytest.mark.django_db
URL = "/committees/county-council/"


def text(response) -> str:
    return response.content.decode()


def test_open_and_completed_actions(client, published):
    meeting = council_meeting()
    m38 = Minute.objects.get(meeting=meeting, number=38)
    add_action(
        meeting,
        "Report the seats given up to the December meeting",
        minute=m38,
        owner_text="Head of Democratic Services",
        due=dt.date(2015, 12, 10),
        actor=TEST_ACTOR,
    )
    undertaking = add_action(
        meeting,
        "Provide figures on school meals take-up",
        kind="undertaking",
        owner=person("r-a-marsh"),
        actor=TEST_ACTOR,
    )
    done = add_action(
        meeting, "Write to the Home Office", owner_text="The Leader", actor=TEST_ACTOR
    )
    update_action(done, status="done", completed_on=dt.date(2015, 11, 2), actor=TEST_ACTOR)
    page = text(client.get(URL))
    section = page[page.index('id="work-programme"') :]
    open_part, completed = section.split("<details", 1)
    assert "Report the seats given up" in open_part and "10 Dec 2015" in open_part
    assert "Head of Democratic Services" in open_part
    assert "Undertaking:" in open_part and 'href="/members/r-a-marsh/"' in open_part
    assert "minute 38" in open_part
    assert f'href="{meeting.get_absolute_url()}"' in open_part
    assert "Write to the Home Office" not in open_part
    assert re.search(r"Completed \(1\)", completed)
    assert "Write to the Home Office" in completed and "2 Nov 2015" in completed
    assert undertaking.pk


def test_actions_of_unpublished_minutes_are_not_shown(client, published):
    meeting = council_meeting()
    add_action(meeting, "Something agreed", owner_text="Someone", actor=TEST_ACTOR)
    MinutesRecord.objects.filter(meeting=meeting).update(status=MinutesStatus.DRAFT)
    page = text(client.get(URL))
    assert "Something agreed" not in page and 'id="work-programme"' not in page


def test_the_committee_page_links_its_decisions(client, published):
    page = text(client.get(URL))
    assert 'href="/decisions/?body=county-council"' in page
    assert "the revised proportionality calculations" in text(
        client.get("/decisions/?body=county-council")
    )
