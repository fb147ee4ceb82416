"""The workspace's home and meeting pages: who may see them, and what they say about each
meeting's work. The demo is shown as at Saturday 16 September 2017 (conftest)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from access.models import Account
from audit.testing import TEST_ACTOR
from meetings.models import Meeting
from moot import testing as t
from papers import services as papers
from papers.models import Classification, Document
from proceedings.minutes import add_minute, publish_minutes

pytestmark = pytest.mark.django_db

TODAY = dt.date(2017, 9, 16)


def officer() -> Client:
    return t.verified_login(Client(), t.account(democratic_services=True))


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def held_meeting() -> Meeting:
    return Meeting.objects.get(
        body__slug="policy-and-resources-cabinet-committee", date="2017-09-15"
    )


def report(item, title: str, content: bool = True, exempt: bool = False) -> Document:
    doc = papers.save_document(
        Document(
            title=title,
            classification=Classification.EXEMPT if exempt else Classification.UNRESTRICTED,
            exempt_paragraph=3 if exempt else None,
        ),
        actor=TEST_ACTOR,
    )
    if content:
        papers.add_version(doc, html=f"<p>{title}</p>", actor=TEST_ACTOR)
    papers.attach(item, doc, actor=TEST_ACTOR)
    return doc


# --- who may use the workspace ---------------------------------------------------------------


def test_only_democratic_services_with_both_factors():
    """The meeting's page is democratic services'; the home page is every officer's, showing
    an officer who is not democratic services only their own reports and clearances."""
    meeting = held_meeting()
    urls = ["/office/", f"/office/meetings/{meeting.pk}/"]
    signed_out = Client()
    password_only = Client()
    password_only.force_login(t.account(democratic_services=True))
    councillor = User.objects.create_user("councillor-ws", password="Long-enough-pass-1")
    Account.objects.create(user=councillor, person=t.person())
    staff = t.account(perms=("meetings.view_meeting",))
    for url in urls:
        for client in (signed_out, password_only):
            response = client.get(url)
            assert response.status_code == 302 and response["Location"].startswith("/sign-in/")
        response = t.verified_login(Client(), councillor).get(url)
        assert response.status_code == 403
        response = t.verified_login(Client(), staff).get(url)
        if url == urls[0]:  # an officer's home page: their reports and clearances, nothing else
            assert response.status_code == 200 and "Your reports" in text(response)
            assert "Meetings coming up" not in text(response)
        else:
            assert response.status_code == 403
            assert "Only democratic services can use this" in text(response)
        response = officer().get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
    assert officer().post(urls[0]).status_code == 405


def test_an_unknown_meeting_is_404():
    assert officer().get("/office/meetings/999999/").status_code == 404


# --- the home page: where each meeting stands -----------------------------------------------


def test_home_lists_each_meeting_with_its_stage_and_deadline():
    body = t.body("Regulation Committee")
    t.meeting(body, dt.date(2017, 10, 4))  # nothing on its agenda yet
    missing = t.meeting(body, dt.date(2017, 10, 18))
    t.item(missing, "1", "Apologies", kind="apologies")
    t.item(missing, "2", "Planning appeals", kind="report")
    drafting = t.meeting(body, dt.date(2017, 11, 1))
    report(t.item(drafting, "1", "Enforcement", kind="report"), "Enforcement update")
    far = t.meeting(body, dt.date(2018, 3, 1))  # beyond eight weeks: not on the home page
    page = text(officer().get("/office/"))
    coming = page[page.index("Meetings coming up") : page.index("Meetings to minute and")]
    assert coming.count("Regulation Committee") == 3
    assert "Agenda to build" in coming
    assert "Papers missing" in coming and "Awaiting clearance" in coming
    # 4 October: five clear days (27 Sep–3 Oct) after publishing on Tuesday 26 September,
    # the seventh working day after Saturday 16th.
    assert "Publish the agenda: by Tue 26 Sep 2017 (7 working days left)" in coming, coming
    assert far.date.strftime("%-d %b %Y") not in page


def test_held_meetings_show_the_minutes_still_to_do():
    meeting = held_meeting()
    page = text(officer().get("/office/"))
    minutes = page[page.index("Meetings to minute and") : page.index("Reports waiting")]
    assert "Policy and Resources Cabinet Committee" in minutes and "To be minuted" in minutes
    add_minute(meeting, "Apologies", text="None.", actor=TEST_ACTOR)
    page = text(officer().get("/office/"))
    assert "Minutes to publish" in page
    later = t.meeting(meeting.body, dt.date(2017, 11, 10))
    publish_minutes(meeting, actor=TEST_ACTOR)
    page = text(officer().get("/office/"))
    assert "Minutes to approve" in page
    assert f"Approval at {later}: by Fri 10 Nov 2017" in page


def test_reports_waiting_for_clearance_name_the_steps():
    from publishing.models import ClearanceStep
    from publishing.workflow import submit_report

    ClearanceStep.objects.create(name="Legal", order=1)
    ClearanceStep.objects.create(name="Finance", order=2)
    meeting = t.meeting(t.body(), dt.date(2017, 10, 20))
    doc = report(t.item(meeting, "1", "Budget", kind="report"), "Budget monitoring")
    from papers.models import Recommendation, Report

    header = Report.objects.create(document=doc, no_background_documents=True)
    Recommendation.objects.create(report=header, text="NOTE the report.")
    submit_report(doc, actor=TEST_ACTOR)
    page = text(officer().get("/office/"))
    assert "Budget monitoring , submitted" in page and "waiting for Legal, Finance" in page


# --- the meeting's workspace ------------------------------------------------------------------


def test_meeting_page_shows_each_items_papers_and_what_they_lack():
    meeting = t.meeting(t.body("Licensing Committee"), dt.date(2017, 10, 12))
    t.item(meeting, "1", "Apologies", kind="apologies")
    report(t.item(meeting, "2", "Fees", kind="report"), "Licence fees", content=False)
    exempt = t.item(meeting, "3", "Land sale", kind="report", part="exempt", exempt_paragraph=3)
    report(exempt, "Disposal of a depot", exempt=True)
    t.item(meeting, "4", "Taxi policy", kind="report")
    page = text(officer().get(f"/office/meetings/{meeting.pk}/"))
    assert "Papers missing" in page
    assert "Item 4 “Taxi policy” has no report attached." in page
    assert "No content Licence fees" in page and "It has no content yet" in page
    assert "Exempt , paragraph 3" in page and "Disposal of a depot (exempt)" in page
    assert "Draft Disposal of a depot" in page
    assert "The report header (background documents, recommendations) is not filled in." in page
    assert "None needed" in page  # apologies need no paper
    assert "The agenda is not yet published." in page and "No summons has been issued." in page


def test_meeting_page_of_a_published_meeting_shows_its_record():
    meeting = held_meeting()
    page = text(officer().get(f"/office/meetings/{meeting.pk}/"))
    assert "Agenda: published 7 Sep 2017, 09:00, on time" in page
    assert "Company Governance (exempt)" in page  # democratic services see exempt business
    html = officer().get(f"/office/meetings/{meeting.pk}/").content.decode()
    assert f'href="/clerk/meetings/{meeting.pk}/"' in html
    assert f'href="/meetings/{meeting.pk}/history/"' in html
