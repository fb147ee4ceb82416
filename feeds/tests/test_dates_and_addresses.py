"""The feeds' dates come from the publication record (the agenda's entry in the publication
log, the minutes' publication), never from when the demo was loaded or the feed was read;
their addresses, GUIDs and Atom ids come from ``settings.MOOT_SITE_URL``, never from the
request's Host header."""

import datetime as dt
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.contrib.contenttypes.models import ContentType

from audit.actors import SystemActor
from audit.models import AuditEntry
from meetings.models import Meeting
from proceedings.models import MinutesRecord
from publishing.models import AgendaPublication, PublicationKind
from summons.testing import pr_meeting

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
LONDON = ZoneInfo("Europe/London")
SITE = "https://democracy.example.gov.uk"
FORGED = "forged.example"


def rss_items(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    return ET.fromstring(response.content).find("channel")


def atom_feed(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    return ET.fromstring(response.content)


def item_for(channel, meeting):
    return next(
        i for i in channel.iter("item") if i.findtext("guid").endswith(f"/meetings/{meeting.pk}/")
    )


def entry_for(feed, meeting):
    return next(
        e
        for e in feed.iter(f"{ATOM}entry")
        if e.findtext(f"{ATOM}id").endswith(f"/meetings/{meeting.pk}/")
    )


def atom_time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def test_an_item_is_dated_when_its_agenda_was_published(client):
    """15 September 2017: the agenda was dispatched on Thursday 7 September 2017 (the seed's
    front sheet; the demo records 9 am)."""
    meeting = pr_meeting()
    dispatched = dt.datetime(2017, 9, 7, 9, tzinfo=LONDON)
    assert (
        AgendaPublication.objects.get(meeting=meeting, kind=PublicationKind.AGENDA).published_at
        == dispatched
    )
    url = f"/feeds/committees/{meeting.body.slug}"
    item = item_for(rss_items(client, f"{url}.rss"), meeting)
    assert parsedate_to_datetime(item.findtext("pubDate")) == dispatched
    assert "Agenda published 7 September 2017" in item.findtext("description")
    entry = entry_for(atom_feed(client, f"{url}.atom"), meeting)
    assert atom_time(entry.findtext(f"{ATOM}published")) == dispatched
    assert atom_time(entry.findtext(f"{ATOM}updated")) == dispatched


def test_an_item_is_updated_when_its_minutes_are_published(client):
    """22 October 2015: the agenda's moment is not known; the minutes' is."""
    meeting = Meeting.objects.get(body__name="County Council", date="2015-10-22")
    minutes_at = MinutesRecord.objects.get(meeting=meeting).published_at
    assert minutes_at is not None
    item = item_for(rss_items(client, "/feeds/committees/county-council.rss"), meeting)
    assert parsedate_to_datetime(item.findtext("pubDate")) == minutes_at
    entry = entry_for(atom_feed(client, "/feeds/committees/county-council.atom"), meeting)
    assert atom_time(entry.findtext(f"{ATOM}updated")) == minutes_at


def test_a_supplement_updates_the_entry(client):
    meeting = pr_meeting()
    dispatched = dt.datetime(2017, 9, 7, 9, tzinfo=LONDON)
    later = dt.datetime(2017, 9, 12, 16, 30, tzinfo=LONDON)
    AgendaPublication.objects.create(
        meeting=meeting,
        kind=PublicationKind.SUPPLEMENT,
        number=1,
        published_at=later,
        deadline=dt.date(2017, 9, 7),
    )
    url = f"/feeds/committees/{meeting.body.slug}"
    item = item_for(rss_items(client, f"{url}.rss"), meeting)
    assert parsedate_to_datetime(item.findtext("pubDate")) == dispatched  # first published
    entry = entry_for(atom_feed(client, f"{url}.atom"), meeting)
    assert atom_time(entry.findtext(f"{ATOM}published")) == dispatched
    assert atom_time(entry.findtext(f"{ATOM}updated")) == later


def test_no_date_is_the_demo_load_time_or_now(client):
    """The demo was loaded in this test session: every date in the feeds is older than the
    first thing it recorded. Every RSS item has a pubDate, every Atom entry an updated."""
    loaded = AuditEntry.objects.order_by("at").values_list("at", flat=True).first()
    assert loaded is not None
    channel = rss_items(client, "/feeds/meetings.rss")
    items = channel.findall("item")
    assert items
    for item in items:
        assert parsedate_to_datetime(item.findtext("pubDate")) < loaded, item.findtext("title")
    assert parsedate_to_datetime(channel.findtext("lastBuildDate")) < loaded
    feed = atom_feed(client, "/feeds/meetings.atom")
    assert atom_time(feed.findtext(f"{ATOM}updated")) < loaded
    for entry in feed.findall(f"{ATOM}entry"):
        for name in ("published", "updated"):
            assert atom_time(entry.findtext(f"{ATOM}{name}")) < loaded
    cal = icalendar.Calendar.from_ical(client.get("/feeds/meetings.ics").content)
    for event in cal.walk("VEVENT"):
        assert event.decoded("DTSTAMP") < loaded


def test_a_meeting_scheduled_in_the_calendar_dates_from_its_scheduling(client, real_date):
    """Nothing published yet: the entry is dated when the meeting was put in the calendar
    (its first audit entry), not when the feed is read. At the real date (``real_date``): the
    feed lists meetings up to its horizon from the authority's today."""
    from audit import trail

    body = pr_meeting().body
    meeting = trail.save(
        Meeting(body=body, date=dt.date.today() + dt.timedelta(days=60)), actor=SystemActor("test")
    )
    scheduled = (
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Meeting), object_id=str(meeting.pk)
        )
        .get()
        .at
    )
    item = item_for(rss_items(client, f"/feeds/committees/{body.slug}.rss"), meeting)
    assert parsedate_to_datetime(item.findtext("pubDate")) == scheduled.replace(microsecond=0)


@pytest.fixture
def forged_host(settings):
    settings.MOOT_SITE_URL = SITE + "/"
    settings.ALLOWED_HOSTS = ["testserver", FORGED]
    return {"host": FORGED}


@pytest.mark.parametrize(
    "scope", ["/feeds/meetings", "/feeds/committees/policy-and-resources-cabinet-committee"]
)
def test_a_forged_host_changes_no_address_in_the_feeds(client, forged_host, scope):
    meeting = pr_meeting()
    rss = client.get(f"{scope}.rss", headers=forged_host)
    atom = client.get(f"{scope}.atom", headers=forged_host)
    ics = client.get(f"{scope}.ics", headers=forged_host)
    for response in (rss, atom, ics):
        assert response.status_code == 200
        assert FORGED not in response.content.decode()
        assert "testserver" not in response.content.decode()
    channel = ET.fromstring(rss.content).find("channel")
    assert channel.findtext("link").startswith(SITE + "/")
    assert channel.find(f"{ATOM}link").get("href") == f"{SITE}{scope}.rss"
    item = item_for(channel, meeting)
    assert item.findtext("guid") == f"{SITE}/meetings/{meeting.pk}/"
    assert item.findtext("link") == f"{SITE}{meeting.get_absolute_url()}"
    feed = ET.fromstring(atom.content)
    assert feed.findtext(f"{ATOM}id").startswith(SITE + "/")
    assert entry_for(feed, meeting).findtext(f"{ATOM}id") == f"{SITE}/meetings/{meeting.pk}/"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["self"] == f"{SITE}{scope}.atom"
    event = next(
        e
        for e in icalendar.Calendar.from_ical(ics.content).walk("VEVENT")
        if str(e["UID"]) == f"meeting-{meeting.pk}@democracy.example.gov.uk"
    )
    assert str(event["URL"]) == f"{SITE}{meeting.get_absolute_url()}"
