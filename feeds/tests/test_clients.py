"""What common feed and calendar clients rely on: self links and stable ids in RSS and Atom;
in iCalendar UTC times (no VTIMEZONE needed), stable UIDs, DTSTAMP, METHOD:PUBLISH,
X-WR-CALNAME and STATUS:CANCELLED; and the minutes once ``proceedings.public`` makes them
public (never an exempt minute)."""

import datetime as dt
import xml.etree.ElementTree as ET

import icalendar
import pytest

from audit.testing import TEST_ACTOR
from meetings.models import Meeting, MeetingStatus
from proceedings.minutes import add_minute, edit_minute, publish_minutes
from summons.links import site_url
from summons.testing import CANARY, pr_meeting

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SCOPES = ["/feeds/meetings", "/feeds/committees/policy-and-resources-cabinet-committee"]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return ET.fromstring(response.content)


@pytest.mark.parametrize("scope", SCOPES)
def test_rss_and_atom_link_to_themselves_with_stable_ids(client, scope):
    channel = parse(client, f"{scope}.rss").find("channel")
    assert channel.find(f"{ATOM}link").attrib == {"href": f"{site_url()}{scope}.rss", "rel": "self"}
    guids = [i.findtext("guid") for i in channel.findall("item")]
    assert guids and len(set(guids)) == len(guids)
    assert all(i.find("guid").get("isPermaLink") == "true" for i in channel.findall("item"))
    again = [i.findtext("guid") for i in parse(client, f"{scope}.rss").iter("item")]
    assert again == guids
    feed = parse(client, f"{scope}.atom")
    self_links = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert [link.get("href") for link in self_links] == [f"{site_url()}{scope}.atom"]
    ids = [e.findtext(f"{ATOM}id") for e in feed.findall(f"{ATOM}entry")]
    assert ids == guids  # the same meeting has the same id in both formats


@pytest.mark.parametrize("scope", SCOPES)
def test_calendars_are_in_utc_with_stable_uids(client, scope):
    pr = pr_meeting()
    Meeting.objects.filter(pk=pr.pk).update(status=MeetingStatus.CANCELLED)
    body = client.get(f"{scope}.ics").content
    cal = icalendar.Calendar.from_ical(body)
    assert cal["METHOD"] == "PUBLISH" and cal["VERSION"] == "2.0" and cal["X-WR-CALNAME"]
    assert not cal.walk("VTIMEZONE")  # so every time must be UTC or a date
    events = cal.walk("VEVENT")
    assert events
    for event in events:
        for name in ("DTSTART", "DTEND", "DTSTAMP"):
            value = event.decoded(name)
            if isinstance(value, dt.datetime):
                assert value.utcoffset() == dt.timedelta(0), (name, value)
            else:
                assert name != "DTSTAMP" and isinstance(value, dt.date)
        assert str(event["UID"]).startswith("meeting-")
    for line in body.decode().splitlines():
        if line.startswith(("DTSTART:", "DTEND:", "DTSTAMP:")):
            assert line.endswith("Z"), line
    uids = [str(e["UID"]) for e in events]
    again = icalendar.Calendar.from_ical(client.get(f"{scope}.ics").content).walk("VEVENT")
    assert [str(e["UID"]) for e in again] == uids
    assert [str(e["DTSTAMP"].to_ical()) for e in again] == [
        str(e["DTSTAMP"].to_ical()) for e in events
    ]  # nothing changed, nothing new to fetch
    cancelled = next(e for e in events if str(e["UID"]) == f"meeting-{pr.pk}@127.0.0.1")
    assert cancelled["STATUS"] == "CANCELLED"


def test_the_22_october_2015_minutes_are_in_the_feeds(client):
    meeting = Meeting.objects.get(body__name="County Council", date="2015-10-22")
    minutes_url = f"{site_url()}/meetings/{meeting.pk}/{meeting.slug}/minutes/"
    items = parse(client, "/feeds/committees/county-council.rss").iter("item")
    item = next(i for i in items if i.findtext("guid").endswith(f"/meetings/{meeting.pk}/"))
    description = item.findtext("description")
    assert "Minutes published" in description and minutes_url in description
    assert "35. Apologies for Absence" in description
    assert client.get(minutes_url.removeprefix(site_url())).status_code == 200
    cal = icalendar.Calendar.from_ical(client.get("/feeds/committees/county-council.ics").content)
    event = next(
        e for e in cal.walk("VEVENT") if str(e["UID"]).startswith(f"meeting-{meeting.pk}@")
    )
    assert f"Minutes: {minutes_url}" in str(event["DESCRIPTION"])


def test_minutes_appear_when_published_and_exempt_minutes_never(client):
    pr = pr_meeting()
    item = pr.items.get(title="Contract Management")
    add_minute(pr, "Contract Management", item=item, text="Noted.", actor=TEST_ACTOR)
    secret = add_minute(pr, f"Company Governance {CANARY}", text=CANARY, actor=TEST_ACTOR)
    edit_minute(
        secret,
        item=pr.items.get(title="Company Governance"),
        exempt=True,
        exempt_paragraph=3,
        summary_not_needed=True,
        actor=TEST_ACTOR,
    )
    url = f"/feeds/committees/{pr.body.slug}"

    def pr_entry():
        rss = client.get(f"{url}.rss").content.decode()
        ics = client.get(f"{url}.ics").content.decode()
        return rss, ics

    rss, ics = pr_entry()
    # Minutes in draft are not public: no meeting of the body has any in its feed yet.
    assert "Minutes published" not in rss
    assert f"/meetings/{pr.pk}/{pr.slug}/minutes/" not in rss + ics
    publish_minutes(pr, actor=TEST_ACTOR)
    rss, ics = pr_entry()
    assert f"/meetings/{pr.pk}/{pr.slug}/minutes/" in rss
    unfolded = ics.replace("\r\n ", "")
    assert f"/meetings/{pr.pk}/{pr.slug}/minutes/" in unfolded
    number = pr.minutes.get(title="Contract Management").number
    assert f"{number}. Contract Management" in rss and f"{number}. Contract Management" in unfolded
    for text in (
        rss,
        ics,
        client.get(f"{url}.atom").content.decode(),
        client.get("/feeds/meetings.rss").content.decode(),
    ):
        assert CANARY not in text


@pytest.mark.parametrize("suffix", ["rss", "atom", "ics"])
def test_an_unchanged_feed_is_a_304(client, suffix):
    url = f"/feeds/meetings.{suffix}"
    first = client.get(url)
    etag = first["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    pr = pr_meeting()
    Meeting.objects.filter(pk=pr.pk).update(status=MeetingStatus.CANCELLED)
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
