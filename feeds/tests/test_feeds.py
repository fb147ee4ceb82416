"""RSS, Atom and iCalendar feeds: they parse, list the right meetings, and say only what is
public."""

import datetime as dt
import xml.etree.ElementTree as ET

import icalendar
import pytest

from audit.testing import TEST_ACTOR
from council.dates import authority_today
from council.models import Membership, Person, Role
from meetings.models import Meeting, MeetingStatus
from publishing.signals import agenda_published
from summons.links import site_url
from summons.testing import pr_meeting, publication

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def published(publish):
    meeting = pr_meeting()
    publish(agenda_published, meeting, publication())
    return meeting


def chairman(meeting: Meeting) -> Person:
    return Membership.objects.filter(body=meeting.body, role=Role.CHAIRMAN).first().person


def rss(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


def atom(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return feed, feed.findall(f"{ATOM}entry")


def ics(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_the_authority_rss_lists_meetings_newest_first(client, published, real_date):
    soon = Meeting.objects.create(
        body=published.body, date=authority_today() + dt.timedelta(30), start_time=dt.time(14, 30)
    )
    far = Meeting.objects.create(body=published.body, date=authority_today() + dt.timedelta(400))
    channel, items = rss(client, "/feeds/meetings.rss")
    assert channel.findtext("title") == "Kent County Council: meetings"
    assert len(items) == Meeting.objects.count() - 1  # not the one beyond the horizon
    first = items[0]
    assert first.findtext("guid") == f"{site_url()}/meetings/{soon.pk}/"
    assert "has not been published yet" in first.findtext("description")
    assert "2.30 pm" in first.findtext("title")
    assert all(f"/meetings/{far.pk}/" not in i.findtext("guid") for i in items)
    item = next(i for i in items if i.findtext("link").endswith(published.get_absolute_url()))
    assert item.findtext("title") == (
        "Policy and Resources Cabinet Committee, Friday 15 September 2017, 10.00 am"
    )
    assert item.findtext("pubDate")  # the agenda's publication
    description = item.findtext("description")
    assert "Contract Management" in description
    assert "Company Governance" not in description  # exempt business is left out
    past = items[-1]  # held long ago, its publication not recorded: no claim either way
    assert "published" not in past.findtext("description")


def test_the_atom_feed_has_ids_and_updated_times(client, published):
    feed, entries = atom(client, "/feeds/meetings.atom")
    assert feed.findtext(f"{ATOM}title") == "Kent County Council: meetings"
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "Kent County Council"
    assert len(entries) == Meeting.objects.count()
    for entry in entries:
        assert entry.findtext(f"{ATOM}id").startswith(f"{site_url()}/meetings/")
        assert entry.findtext(f"{ATOM}updated")
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)


def test_the_calendar_is_valid_for_clients(client, published):
    Meeting.objects.filter(pk=published.pk).update(status=MeetingStatus.CANCELLED)
    cal = ics(client, "/feeds/meetings.ics")
    assert cal["VERSION"] == "2.0" and cal["METHOD"] == "PUBLISH"
    assert cal["PRODID"] == "-//Moot//Moot committee management//EN"
    assert cal["X-WR-CALNAME"] == "Kent County Council meetings"
    events = cal.walk("VEVENT")
    assert len(events) == Meeting.objects.count()
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    for event in events:
        assert event["DTSTAMP"] and event["DTSTART"] and event["DTEND"] and event["SUMMARY"]
    pr = next(e for e in events if e["UID"] == f"meeting-{published.pk}@127.0.0.1")
    assert pr["STATUS"] == "CANCELLED"
    assert str(pr["URL"]) == f"{site_url()}{published.get_absolute_url()}"
    assert "8. Contract Management" in str(pr["DESCRIPTION"])
    assert "Company Governance" not in str(pr["DESCRIPTION"])
    assert ics(client, "/feeds/meetings.ics").to_ical() is not None


def test_a_body_feed_lists_only_its_meetings(client, published):
    body = published.body
    expected = Meeting.objects.filter(body=body).count()
    channel, items = rss(client, f"/feeds/committees/{body.slug}.rss")
    assert channel.findtext("title") == f"{body.name}: meetings"
    assert channel.findtext("link") == f"{site_url()}{body.get_absolute_url()}"
    assert len(items) == expected
    assert {i.findtext("category") for i in items} == {body.name}
    _, entries = atom(client, f"/feeds/committees/{body.slug}.atom")
    assert len(entries) == expected
    events = ics(client, f"/feeds/committees/{body.slug}.ics").walk("VEVENT")
    assert {str(e["SUMMARY"]) for e in events} == {body.name} and len(events) == expected


def test_a_member_feed_lists_the_meetings_of_their_bodies(client, published):
    person = chairman(published)
    seats = Membership.objects.filter(person=person)
    expected = set()
    for seat in seats:
        found = Meeting.objects.filter(body=seat.body, date__gte=seat.start)
        if seat.end:
            found = found.filter(date__lte=seat.end)
        expected |= set(found.values_list("pk", flat=True))
    for term in person.terms.all():
        found = Meeting.objects.filter(body__kind="council", date__gte=term.start)
        if term.end:
            found = found.filter(date__lte=term.end)
        expected |= set(found.values_list("pk", flat=True))
    assert published.pk in expected and len(expected) < Meeting.objects.count()
    _, items = rss(client, f"/feeds/members/{person.slug}.rss")
    assert {int(i.findtext("guid").rstrip("/").rsplit("/", 1)[1]) for i in items} == expected
    _, entries = atom(client, f"/feeds/members/{person.slug}.atom")
    assert len(entries) == len(expected)
    cal = ics(client, f"/feeds/members/{person.slug}.ics")
    assert len(cal.walk("VEVENT")) == len(expected)
    assert person.councillor_name in str(cal["X-WR-CALNAME"])


@pytest.mark.parametrize("kind", ["committees", "members"])
@pytest.mark.parametrize("suffix", ["rss", "atom", "ics"])
def test_unknown_slugs_are_404(client, kind, suffix):
    assert client.get(f"/feeds/{kind}/no-such-thing.{suffix}").status_code == 404


def test_a_person_without_seats_has_no_member_feed(client):
    officer = Person.objects.filter(memberships__isnull=True, terms__isnull=True).first()
    assert client.get(f"/feeds/members/{officer.slug}.rss").status_code == 404


def test_the_links_include_renders_for_each_scope(client, published):
    from django.template.loader import render_to_string

    person = chairman(published)
    everything = render_to_string("feeds/includes/links.html")
    body = render_to_string("feeds/includes/links.html", {"body": published.body})
    member = render_to_string("feeds/includes/links.html", {"member": person})
    assert "/subscriptions/new/" in everything and "/feeds/meetings.ics" in everything
    assert f"/subscriptions/new/?body={published.body.slug}" in body
    assert f"/feeds/committees/{published.body.slug}.atom" in body
    assert f"/feeds/members/{person.slug}.rss" in member and "/subscriptions/" not in member
    heads = render_to_string("feeds/includes/alternate.html", {"body": published.body})
    assert heads.count('rel="alternate"') == 3
    for tag in heads.strip().splitlines():
        href = tag.split('href="')[1].split('"')[0]
        assert client.get(href).status_code == 200


def test_an_agenda_publishing_records_is_public_in_the_feeds(client):
    """No signal needed: a publication recorded by publishing (here a historical one, as
    the demo records) opens the agenda's public items to the feeds, as it does the website."""
    from publishing.historical import record_historical_publication
    from publishing.models import AgendaPublication

    meeting = pr_meeting()
    AgendaPublication.objects.filter(meeting=meeting).delete()  # the demo's dispatch date
    record_historical_publication(meeting, None, actor=TEST_ACTOR)
    _, items = rss(client, f"/feeds/committees/{meeting.body.slug}.rss")
    item = next(i for i in items if i.findtext("link").endswith(meeting.get_absolute_url()))
    assert "Agenda published. Public items" in item.findtext("description")  # no date claimed
    assert "Contract Management" in item.findtext("description")
    # The moment is not known: the item is dated from the meeting, by which it was out.
    assert item.findtext("pubDate") == "Fri, 15 Sep 2017 10:00:00 +0100"
    assert "Company Governance" not in item.findtext("description")
