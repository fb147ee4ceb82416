"""The meeting's summonses in the workspace: who was emailed and whether it went, the
dispatch list printed one member a page, posting recorded through ``record_posted``, and the
re-issue; every refusal shown with a 400 and nothing saved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from council.models import Membership, Role
from moot import testing as t
from summons import consent
from summons.models import Decision, DispatchEntry, EmailLog, EmailStatus, SummonsIssue
from summons.recipients import summoned
from summons.services import issue_summons
from summons.testing import CANARY, plant_canary, pr_meeting, publication

from .helpers import officer, others, text

pytestmark = pytest.mark.django_db


def url(meeting, rest: str = "") -> str:
    return f"/office/meetings/{meeting.pk}/summons/{rest}"


@pytest.fixture
def issued():
    """The demo's Policy and Resources meeting of 15 September 2017, its summons issued on
    7 September: one member consented to email (which failed), the rest on the dispatch list."""
    meeting = pr_meeting()
    emailed = summoned(meeting)[0]
    consent.record(
        emailed,
        Decision.GIVEN,
        "member@example.org",
        effective=dt.date(2017, 1, 1),
        actor=TEST_ACTOR,
    )
    issue = issue_summons(meeting, publication(), actor=TEST_ACTOR)
    EmailLog.objects.filter(person=emailed).update(status=EmailStatus.FAILED)
    return issue


def test_the_page_shows_each_issues_emails_and_dispatch_list(issued):
    entries = list(issued.dispatch.select_related("person"))
    response = officer().get(url(issued.meeting))
    assert response.status_code == 200
    page = text(response)
    assert "Summons and agenda, issued 7 Sep 2017, 10:00" in page
    assert "1 emailed (0 sent, 1 failed )" in page
    assert f"; {len(entries)} on the dispatch list" in page
    assert f"(0 left or posted, {len(entries)} to post)" in page
    assert "member@example.org Failed" in page
    for entry in entries:
        assert f"{entry.person.formal_name}: not yet posted" in page
    html = response.content.decode()
    assert f'href="{url(issued.meeting, f"{issued.pk}/print/")}"' in html
    assert f'href="/office/meetings/{issued.meeting.pk}/"' in html
    meeting_page = officer().get(f"/office/meetings/{issued.meeting.pk}/").content.decode()
    assert "Emails: 1 failed." in meeting_page
    assert f'href="{url(issued.meeting, f"{issued.pk}/print/")}"' in meeting_page
    assert "/admin/summons/" not in meeting_page


def test_the_dispatch_list_prints_one_summons_a_page_for_each_member(issued):
    plant_canary(issued.meeting)
    response = officer().get(url(issued.meeting, f"{issued.pk}/print/"))
    assert response.status_code == 200
    html = response.content.decode()
    entries = list(issued.dispatch.select_related("person"))
    # Each copy is an article that starts a new printed page (summons/dispatch.css).
    assert html.count('<article class="copy"') == len(entries)
    assert html.count("You are hereby summoned to attend a meeting of the") == len(entries)
    assert "summons/dispatch.css" in html
    assert f'<a href="{url(issued.meeting)}">Back to the meeting\'s summons</a>' in html
    assert "/admin/" not in html
    assert "Company Governance <em>(exempt, paragraph 3)</em>" in html and CANARY not in html
    other = t.meeting(t.body(), dt.date(2030, 1, 15))
    assert officer().get(url(other, f"{issued.pk}/print/")).status_code == 404


def test_posting_is_recorded_for_the_members_chosen(issued):
    first, second, *rest = list(issued.dispatch.order_by("pk"))
    client = officer()
    form = client.get(url(issued.meeting)).content.decode()
    today = timezone.localdate()
    assert f'value="{today.day}/{today.month}/{today.year}"' in form  # today, to begin with
    prefix = f"issue{issued.pk}"
    response = client.post(
        url(issued.meeting, f"{issued.pk}/posted/"),
        {f"{prefix}-entries": [first.pk, second.pk], f"{prefix}-posted_on": "8 September 2017"},
    )
    assert response.status_code == 302 and response["Location"] == url(issued.meeting)
    posted = dict(DispatchEntry.objects.filter(issue=issued).values_list("pk", "posted_on"))
    assert posted[first.pk] == posted[second.pk] == dt.date(2017, 9, 8)
    assert all(posted[e.pk] is None for e in rest)
    events = AuditEntry.objects.filter(content_type__model="dispatchentry", action="update")
    assert set(events.values_list("event", flat=True)) == {"summons.posted"}
    assert events.count() == 2
    page = text(client.get(url(issued.meeting)))
    assert "2 summonses recorded as left or posted on 8 September 2017." in page
    assert f"{first.person.formal_name}: left or posted on 8 September 2017" in page


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("", "Enter the day the summonses were left or posted."),
        ("31/02/2017", "Enter the day as a date, for example 8/9/2017"),
        ("next Tuesday", "Enter the day as a date, for example 8/9/2017"),
        ("6/9/2017", "The summons was issued on 7 September 2017: it cannot have been left"),
        ("1/1/2999", "1 January 2999 has not come yet"),
    ],
)
def test_a_day_that_cannot_be_the_posting_day_is_refused(issued, day, message):
    entry = issued.dispatch.first()
    prefix = f"issue{issued.pk}"
    with t.writes_nothing():
        response = officer().post(
            url(issued.meeting, f"{issued.pk}/posted/"),
            {f"{prefix}-entries": [entry.pk], f"{prefix}-posted_on": day},
        )
    assert response.status_code == 400
    page = text(response)
    assert "There is a problem" in page and message in page
    assert f'value="{day}"' in response.content.decode()  # what was typed is kept
    html = response.content.decode()
    if message.startswith(("The summons", "1 January")):  # the service's refusal: unlinked
        assert f"<li>{message}" in html
    else:  # the form's, linked to the field
        assert f'<a href="#id_issue{issued.pk}-posted_on">{message}' in html
    assert not DispatchEntry.objects.filter(posted_on__isnull=False).exists()


def test_members_must_be_chosen_from_the_issues_own_list(issued):
    other = issue_summons(issued.meeting, publication(pk=2), actor=TEST_ACTOR)
    prefix = f"issue{issued.pk}"
    for chosen, message in [
        ([], "Choose the members whose summons was left or posted."),
        ([other.dispatch.first().pk], "Choose members from this dispatch list."),
        (["x"], "Choose members from this dispatch list."),
    ]:
        with t.writes_nothing():
            response = officer().post(
                url(issued.meeting, f"{issued.pk}/posted/"),
                {f"{prefix}-entries": chosen, f"{prefix}-posted_on": "8/9/2017"},
            )
        assert response.status_code == 400 and message in text(response), chosen
        assert (
            f'<a href="#id_issue{issued.pk}-entries_0">{message}</a>' in response.content.decode()
        )
    assert not DispatchEntry.objects.filter(posted_on__isnull=False).exists()


def test_reissue_summons_those_not_yet_summoned(issued):
    meeting = issued.meeting
    with t.writes_nothing():
        refused = officer().post(url(meeting, "reissue/"))
    assert refused.status_code == 400
    assert "has already been summoned" in text(refused)
    newcomer = t.person("Newcomer")
    Membership.objects.create(
        body=meeting.body, person=newcomer, role=Role.MEMBER, start=dt.date(2017, 9, 1)
    )
    client = officer()
    response = client.post(url(meeting, "reissue/"))
    assert response.status_code == 302
    again = SummonsIssue.objects.filter(meeting=meeting).latest("pk")
    assert list(again.dispatch.values_list("person", flat=True)) == [newcomer.pk]
    assert "The summons is re-issued: 0 emailed, 1 to post." in text(client.get(url(meeting)))


def test_an_unpublished_meeting_has_no_summons_to_reissue():
    meeting = t.meeting(t.body(), dt.date(2030, 1, 15))
    page = text(officer().get(url(meeting)))
    assert "No summons has been issued: publishing the agenda issues it." in page
    assert "Re-issue the summons" not in page
    with t.writes_nothing():
        refused = officer().post(url(meeting, "reissue/"))
    assert refused.status_code == 400 and "is not published yet" in text(refused)


def test_only_democratic_services_follow_up_the_summons(issued):
    meeting = issued.meeting
    entry = issued.dispatch.first()
    prefix = f"issue{issued.pk}"
    issues = SummonsIssue.objects.count()
    for who, client, status in others():
        for page in ("", f"{issued.pk}/print/"):
            assert client.get(url(meeting, page)).status_code == status, who
        with t.writes_nothing():
            posted = client.post(
                url(meeting, f"{issued.pk}/posted/"),
                {f"{prefix}-entries": [entry.pk], f"{prefix}-posted_on": "8/9/2017"},
            )
            reissued = client.post(url(meeting, "reissue/"))
        assert posted.status_code == reissued.status_code == status, who
    assert SummonsIssue.objects.count() == issues
    assert not DispatchEntry.objects.filter(posted_on__isnull=False).exists()
    assert officer().get(url(meeting, "reissue/")).status_code == 405
