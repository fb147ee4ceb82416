"""The public minutes: the page, the PDF, the versions; the exempt minutes for the entitled;
the meeting page's link. Nothing before the minutes are published."""

from __future__ import annotations

import datetime as dt
import io
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from django.test import Client
from pypdf import PdfReader

from access.models import Account, ExemptAccess
from audit.testing import TEST_ACTOR
from council.models import Body, Role
from council.services import appoint, save_body
from meetings.models import AgendaItem, Meeting
from meetings.services import save_agenda_item, save_meeting
from moot.testing import verified_login
from proceedings.approval import Correction, approve_minutes
from proceedings.attendance import record_attendance, record_declaration
from proceedings.minutes import add_minute, add_resolution, publish_minutes
from proceedings.votes import add_motion, record_vote
from summons.testing import CANARY

from .conftest import START, person

LATER = dt.date(2016, 11, 1)
SUMMARY = "The Committee considered the award of a contract in closed session."


def url(meeting, tail="minutes/"):
    return f"/meetings/{meeting.pk}/{meeting.slug}/{tail}"


def account(who, username: str) -> User:
    user = User.objects.create_user(username, password="Long-enough-pass-9")
    Account.objects.create(user=user, person=who)
    return user


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path  # the PDF render cache


@pytest.fixture
def minuted(committee):
    """A committee meeting minuted with a public minute and an exempt one carrying the canary
    in its title, text, resolution, motion and a declaration."""
    c = committee
    record_attendance(c.meeting, c.members[0], "present", in_chair=True, actor=TEST_ACTOR)
    for m in c.members[1:5]:
        record_attendance(c.meeting, m, "present", actor=TEST_ACTOR)
    record_attendance(
        c.meeting, c.officer, "in_attendance", capacity="Head of Procurement", actor=TEST_ACTOR
    )
    c.public = add_minute(
        c.meeting,
        "Member ICT",
        item=c.items[0],
        number=8,
        text="The Committee discussed the new tablets.",
        actor=TEST_ACTOR,
    )
    add_resolution(c.public, "RESOLVED that:", ["the report be noted."], actor=TEST_ACTOR)
    c.exempt_item = save_agenda_item(
        AgendaItem(
            meeting=c.meeting, number="4", title="Contract award", part="exempt", exempt_paragraph=3
        ),
        actor=TEST_ACTOR,
    )
    record_declaration(
        c.meeting,
        c.exempt_item,
        c.members[1],
        "other",
        f"Her brother works for the bidder {CANARY}",
        "left_room",
        actor=TEST_ACTOR,
    )
    motion = add_motion(
        c.meeting,
        "substantive",
        f"That the contract go to {CANARY}",
        mover=c.members[2],
        seconder=c.members[3],
        item=c.exempt_item,
        actor=TEST_ACTOR,
    )
    record_vote(motion, "show_of_hands", counts=(3, 1, 0), actor=TEST_ACTOR)
    c.secret = add_minute(
        c.meeting,
        f"Contract award {CANARY}",
        item=c.exempt_item,
        number=9,
        text=f"The bid of {CANARY} was accepted.",
        exempt=True,
        exempt_paragraph=3,
        public_summary=SUMMARY,
        actor=TEST_ACTOR,
    )
    add_resolution(
        c.secret, "RESOLVED that:", [f"the contract be awarded to {CANARY}."], actor=TEST_ACTOR
    )
    return c


@pytest.fixture
def published(minuted):
    publish_minutes(minuted.meeting, actor=TEST_ACTOR)
    return minuted


@pytest.fixture
def approved(published):
    c = published
    c.later = save_meeting(Meeting(body=c.body, date=LATER), default_venue=False, actor=TEST_ACTOR)
    record_attendance(c.later, c.members[0], "present", in_chair=True, actor=TEST_ACTOR)
    approving = add_minute(
        c.later, "Minutes of the meeting held on 27 September 2016", number=20, actor=TEST_ACTOR
    )
    approve_minutes(
        c.meeting,
        approving,
        [
            Correction(c.public, "text", "tablets", "laptops"),
            Correction(c.secret, "text", "was accepted", "was accepted unanimously"),
        ],
        actor=TEST_ACTOR,
    )
    return c


@pytest.fixture
def clients(committee):
    """Signed out; a councillor who sits on another body; a member of this committee."""
    other = save_body(Body(name="Another Committee", seats=3), actor=TEST_ACTOR)
    outsider = person("Outsidercllr")
    appoint(other, outsider, Role.MEMBER, start=START, actor=TEST_ACTOR)
    return SimpleNamespace(
        anonymous=Client(),
        councillor=verified_login(Client(), account(outsider, "outsider")),
        member=verified_login(Client(), account(committee.members[4], "member")),
    )


def test_nothing_is_public_before_the_minutes_are_published(minuted, clients):
    m = minuted.meeting
    for tail in (
        "minutes/",
        "minutes.pdf",
        "minutes/versions/",
        "minutes/versions/1/",
        "minutes/exempt/",
        "minutes/exempt.pdf",
    ):
        for client in (clients.anonymous, clients.member):
            assert client.get(url(m, tail)).status_code == 404, tail
    assert clients.anonymous.get(f"/meetings/{m.pk}/minutes/").status_code == 404
    page = clients.anonymous.get(m.get_absolute_url()).content.decode()
    assert "/minutes/" not in page


def test_the_published_minutes_page(published, clients):
    m = published.meeting
    response = clients.anonymous.get(url(m))
    assert response.status_code == 200
    text = response.content.decode()
    assert (
        "MINUTES of a meeting of the Test Scrutiny Committee on Tuesday, 27 September 2016." in text
    )
    assert "<strong>PRESENT:</strong> Mr A Member0 (Chairman), Mr A Member1" in text
    assert "Ms C Officer (Head of Procurement)" in text
    assert "8. Member ICT" in text and "(Item 1)" in text and "the new tablets" in text
    assert "Draft – unconfirmed" in text
    # The exempt minute: its number, paragraph and public summary only.
    assert "9. Exempt business (Item 4)" in text and SUMMARY in text
    assert "Exempt minutes (you are entitled" not in text
    # Short address and wrong slug redirect to the canonical address.
    assert clients.anonymous.get(f"/meetings/{m.pk}/minutes/").url == url(m)
    assert clients.anonymous.get(f"/meetings/{m.pk}/wrong/minutes/").url == url(m)
    assert clients.anonymous.post(url(m)).status_code == 405


def test_the_meeting_page_links_the_minutes_with_their_status(published, clients):
    page = clients.anonymous.get(published.meeting.get_absolute_url()).content.decode()
    assert f'href="{url(published.meeting)}"' in page
    assert "Draft – unconfirmed" in page


def test_the_pdf(published, clients):
    m = published.meeting
    response = clients.anonymous.get(url(m, "minutes.pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["ETag"].startswith('"')
    assert "inline" in response["Content-Disposition"]
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "8. Member ICT" in text and "Draft – unconfirmed" in text
    again = clients.anonymous.get(url(m, "minutes.pdf"), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_versions_are_listed_and_each_is_viewable(approved, clients):
    m = approved.meeting
    listing = clients.anonymous.get(url(m, "minutes/versions/")).content.decode()
    assert "Version 1" in listing and "Version 2" in listing
    assert "“tablets” replaced by “laptops”" in listing
    assert "A correction was made to the text of exempt minute 9." in listing
    first = clients.anonymous.get(url(m, "minutes/versions/1/")).content.decode()
    second = clients.anonymous.get(url(m, "minutes/versions/2/")).content.decode()
    assert "the new tablets" in first and "Draft – unconfirmed" in first
    assert "the new laptops" in second and "Approved as a correct record" in second
    assert clients.anonymous.get(url(m, "minutes/versions/3/")).status_code == 404
    now = clients.anonymous.get(url(m)).content.decode()
    assert (
        "Approved as a correct record at the meeting of Test Scrutiny Committee on "
        "Tuesday, 1 November 2016 (minute 20)." in now
    )
    page = clients.anonymous.get(m.get_absolute_url()).content.decode()
    assert "Approved as a correct record" in page


def test_exempt_minutes_for_a_member_logged_and_never_cached(published, clients):
    m = published.meeting
    assert "Exempt minutes (you are entitled" in clients.member.get(url(m)).content.decode()
    response = clients.member.get(url(m, "minutes/exempt/"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode()
    assert f"9. Contract award {CANARY}" in text and "EXEMPT ITEMS" in text
    assert "(Open access to minutes prohibited)" in text
    assert f"That the contract go to {CANARY}" in text and "For (3)" in text
    log = ExemptAccess.objects.get(username="member")
    assert log.action == "view" and "Exempt minutes" in log.description
    # Logged by the one exempt access log, with the meeting and the surface it was seen on.
    assert log.meeting == m and log.surface == "restricted"
    pdf = clients.member.get(url(m, "minutes/exempt.pdf"))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert "no-store" in pdf["Cache-Control"]
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert f"Contract award {CANARY}" in " ".join(text.split())
    assert ExemptAccess.objects.filter(username="member", action="download").exists()


def test_exempt_minutes_refused_to_others(published, clients):
    m = published.meeting
    signed_out = clients.anonymous.get(url(m, "minutes/exempt/"))
    assert signed_out.status_code == 302 and "sign-in" in signed_out.url
    assert clients.councillor.get(url(m, "minutes/exempt/")).status_code == 404
    assert clients.councillor.get(url(m, "minutes/exempt.pdf")).status_code == 404
    assert clients.anonymous.get(url(m, "minutes/exempt.pdf")).status_code == 302
    password_only = Client()
    password_only.force_login(User.objects.get(username="member"))
    assert password_only.get(url(m, "minutes/exempt/")).status_code == 302
    assert not ExemptAccess.objects.exists()


def test_odd_addresses_are_not_found(published, clients):
    m = published.meeting
    big = "9" * 25
    for address in (
        f"/meetings/{big}/x/minutes/",
        url(m, f"minutes/versions/{big}/"),
        url(m, "minutes/versions/0/"),
        f"/meetings/{big}/x/minutes.pdf",
    ):
        assert clients.anonymous.get(address).status_code == 404, address
