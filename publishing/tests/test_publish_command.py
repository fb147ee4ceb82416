"""moot publish: publish now, a supplement, or a historical record."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from audit.testing import TEST_ACTOR
from publishing import services
from publishing.historical import record_historical_publication
from publishing.models import AgendaPublication

from . import builders as b

pytestmark = pytest.mark.django_db


def test_publish_now(capsys):
    meeting = b.meeting(dt.date.today() + dt.timedelta(days=60))
    call_command("publish", str(meeting.pk))
    assert services.is_published(meeting)
    assert "Agenda – " in capsys.readouterr().out
    publication = AgendaPublication.objects.get(meeting=meeting)
    assert publication.published_by_name == "moot publish (command line)"


def test_refusals_are_explained(capsys):
    meeting = b.meeting(dt.date.today() + dt.timedelta(days=60))
    b.paper(meeting, "2", "Budget", approved=False)
    with pytest.raises(CommandError, match="Nothing was published:\n- The report “Budget”"):
        call_command("publish", str(meeting.pk))
    with pytest.raises(CommandError, match="no meeting with id 999999999"):
        call_command("publish", "999999999")
    assert not services.is_published(meeting)


def test_historical_record_of_a_dispatch_date(capsys):
    meeting = b.meeting()
    call_command("publish", str(meeting.pk), "--historical", "2030-01-03")
    publication = AgendaPublication.objects.get(meeting=meeting)
    assert publication.historical and publication.on_time
    assert publication.published_at == b.london(2030, 1, 3, 9, 0)
    assert "on time" in capsys.readouterr().out


def test_the_seeds_dispatch_dates_were_on_time():
    """The demo's three packs were each dispatched five clear working days ahead."""
    from meetings.models import Meeting

    for meeting_day, dispatched in [
        (dt.date(2015, 12, 10), dt.date(2015, 12, 2)),
        (dt.date(2017, 3, 1), dt.date(2017, 2, 21)),
        (dt.date(2017, 9, 15), dt.date(2017, 9, 7)),
    ]:
        meeting = Meeting.objects.filter(date=meeting_day).first()
        assert meeting is not None, "the demo council (loaded for every test database) is missing"
        record = record_historical_publication(
            meeting,
            b.london(dispatched.year, dispatched.month, dispatched.day, 9),
            actor=TEST_ACTOR,
        )
        assert record.on_time and record.deadline == dispatched
