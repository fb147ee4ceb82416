"""Summonses on publication: email with consent, the dispatch list without, once only."""

import datetime as dt

import icalendar
import pytest

from audit.testing import TEST_ACTOR
from council.models import Body, BodyKind, Membership, Person, TermOfOffice
from meetings.models import Meeting
from publishing.signals import agenda_published, supplement_published
from summons import consent
from summons.models import (
    Decision,
    DispatchEntry,
    DispatchReason,
    EmailKind,
    EmailLog,
    EmailStatus,
    SummonsIssue,
)
from summons.recipients import summoned
from summons.testing import CANARY, plant_canary, pr_meeting, publication

pytestmark = pytest.mark.django_db


def members(meeting: Meeting) -> list[Person]:
    return summoned(meeting)


@pytest.fixture
def meeting():
    return pr_meeting()


@pytest.fixture
def consenting(meeting):
    """The first member consents (before publication); the others have not."""
    person = members(meeting)[0]
    consent.record(
        person,
        Decision.GIVEN,
        "member@example.org",
        effective=dt.date(2017, 1, 1),
        actor=TEST_ACTOR,
    )
    return person


def test_summoned_members_are_the_body_on_the_meeting_date(meeting):
    expected = set(
        Membership.objects.on(meeting.date)
        .filter(body=meeting.body)
        .exclude(person=None)
        .values_list("person", flat=True)
    )
    assert {p.pk for p in members(meeting)} == expected
    assert len(expected) > 5


def test_a_consenting_member_gets_one_email_with_a_calendar_entry(
    meeting, consenting, publish, mailoutbox
):
    publish(agenda_published, meeting, publication())
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == ["member@example.org"]
    assert email.subject == (
        "Summons: Policy and Resources Cabinet Committee, Friday, 15 September 2017"
    )
    assert (
        "You are hereby summoned to attend a meeting of the Policy and Resources Cabinet "
        "Committee" in email.body
    )
    assert "10.00 am" in email.body and "Council Chamber, Sessions House" in email.body
    assert "14  Company Governance (exempt, paragraph 3)" in email.body
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html" and "You are hereby summoned" in html

    ((name, content, mimetype),) = email.attachments
    assert name == "meeting.ics" and mimetype == "text/calendar"
    cal = icalendar.Calendar.from_ical(content)
    assert cal["METHOD"] == "PUBLISH" and cal["VERSION"] == "2.0" and cal["PRODID"]
    events = cal.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert event["UID"] == f"meeting-{meeting.pk}@127.0.0.1"
    assert event["SUMMARY"] == "Policy and Resources Cabinet Committee"
    assert event.decoded("DTSTART") == dt.datetime(2017, 9, 15, 9, 0, tzinfo=dt.UTC)  # 10:00 BST
    assert event.decoded("DTEND") > event.decoded("DTSTART")
    assert "Council Chamber" in str(event["LOCATION"])
    assert str(event["URL"]).startswith("http://127.0.0.1:8000/meetings/")

    log = EmailLog.objects.get()
    assert (log.status, log.attempts, log.kind) == (EmailStatus.SENT, 1, EmailKind.SUMMONS)
    assert log.person == consenting and log.meeting == meeting


def test_members_without_consent_go_on_the_dispatch_list(meeting, consenting, publish, mailoutbox):
    publish(agenda_published, meeting, publication())
    issue = SummonsIssue.objects.get(meeting=meeting)
    listed = set(issue.dispatch.values_list("person", flat=True))
    others = {p.pk for p in members(meeting)} - {consenting.pk}
    assert listed == others
    assert set(issue.dispatch.values_list("reason", flat=True)) == {DispatchReason.NO_CONSENT}
    assert [m.to for m in mailoutbox] == [["member@example.org"]]


def test_consent_is_read_on_the_publication_day(meeting, consenting, publish, mailoutbox):
    consent.record(consenting, Decision.WITHDRAWN, effective=dt.date(2017, 9, 1), actor=TEST_ACTOR)
    publish(agenda_published, meeting, publication(day=dt.date(2017, 9, 7)))
    assert mailoutbox == []
    assert DispatchEntry.objects.filter(person=consenting).exists()


def test_the_same_publication_twice_sends_nothing_new(meeting, consenting, publish, mailoutbox):
    pub = publication()
    publish(agenda_published, meeting, pub)
    publish(agenda_published, meeting, pub)
    assert len(mailoutbox) == 1
    assert SummonsIssue.objects.count() == 1
    assert DispatchEntry.objects.count() == len(members(meeting)) - 1


def test_a_supplement_is_another_issue(meeting, consenting, publish, mailoutbox):
    publish(agenda_published, meeting, publication(pk=1))
    publish(supplement_published, meeting, publication(pk=2, day=dt.date(2017, 9, 12)))
    assert [m.subject.split(":")[0] for m in mailoutbox] == ["Summons", "Supplementary agenda"]
    assert "a supplementary agenda has been published" in mailoutbox[1].body
    assert SummonsIssue.objects.count() == 2


def test_no_canary_in_the_summons(meeting, consenting, publish, mailoutbox):
    planted = plant_canary(meeting)
    publish(agenda_published, meeting, publication())
    email = mailoutbox[0]
    everything = email.body + email.alternatives[0][0] + email.attachments[0][1]
    assert CANARY not in everything
    # The public report is linked; the exempt item is listed by title and paragraph only.
    assert "Contract Management Report: http://127.0.0.1:8000/meetings/" in email.body
    assert f"/papers/{planted.public_doc.pk}/" in email.body
    assert f"/papers/{planted.exempt_doc.pk}/" not in email.body
    assert "Company Governance (exempt, paragraph 3)" in email.body


def test_the_full_council_summons_every_councillor_in_office(publish, mailoutbox):
    council = Body.objects.get(kind=BodyKind.COUNCIL)
    meeting = Meeting.objects.filter(body=council).order_by("date").first()
    in_office = set(
        TermOfOffice.objects.filter(start__lte=meeting.date)
        .exclude(end__lt=meeting.date)
        .values_list("person", flat=True)
    )
    assert len(in_office) > 50
    gone = TermOfOffice.objects.filter(end__lt=meeting.date).exclude(person__in=in_office)
    emailed = Person.objects.filter(pk__in=in_office).order_by("pk")[:2]
    for i, person in enumerate(emailed):
        consent.record(
            person,
            Decision.GIVEN,
            f"c{i}@example.org",
            effective=dt.date(2015, 1, 1),
            actor=TEST_ACTOR,
        )

    publish(agenda_published, meeting, publication(day=meeting.date - dt.timedelta(days=7)))
    posted = set(DispatchEntry.objects.values_list("person", flat=True))
    assert len(mailoutbox) == 2
    assert posted | {p.pk for p in emailed} == in_office
    assert not posted & set(gone.values_list("person", flat=True))


def test_a_failure_while_issuing_is_logged_not_raised(meeting, publish, caplog, monkeypatch):
    def broken(meeting):
        raise RuntimeError("membership unreadable")

    monkeypatch.setattr("summons.services.summoned", broken)
    publish(agenda_published, meeting, publication())  # the publisher's request carries on
    assert "could not be issued" in caplog.text and "membership unreadable" in caplog.text
    assert not SummonsIssue.objects.exists()  # rolled back whole: nothing half issued


def test_papers_attached_since_publication_wait_for_their_supplement(
    meeting, consenting, publish, mailoutbox
):
    from papers import services as papers
    from papers.models import Document
    from publishing.historical import record_historical_publication

    record_historical_publication(
        meeting, None, actor=TEST_ACTOR
    )  # publishing's record of what it made public
    late = papers.save_document(Document(title="Late report"), actor=TEST_ACTOR)
    papers.add_version(late, html="<p>Late.</p>", actor=TEST_ACTOR)
    papers.attach(meeting.items.get(title="Contract Management"), late, actor=TEST_ACTOR)
    publish(agenda_published, meeting, publication())
    assert "Late report" not in mailoutbox[0].body
    assert "Contract Management: http://" in mailoutbox[0].body  # the published ones are linked
