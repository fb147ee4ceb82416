"""The minutes in the workspace (/office/meetings/<pk>/minutes/): publishing them as a draft,
approving them as a correct record with corrections, and the chair's signature, each through
the proceedings services; bad input and every refusal of a service in the GOV.UK error
summary, nothing saved; only democratic services reach it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from moot import testing as t
from proceedings.approval import approve_minutes
from proceedings.models import Minute, MinutesRecord, MinutesStatus

from .helpers import error_summary, officer, others, refused_for_others, text, value_of
from .minutes_builders import ICT, LATER, waiting

pytestmark = pytest.mark.django_db


def url(meeting, task: str = "") -> str:
    return f"/office/meetings/{meeting.pk}/minutes/" + (f"{task}/" if task else "")


def status(meeting) -> str:
    return MinutesRecord.objects.get(meeting=meeting).status


def approving(c, **corrections) -> dict:
    return {"approving_minute": c.approving.pk, "correction_rows": "1", **corrections}


def test_only_democratic_services_reach_the_minutes():
    c = waiting()
    for _, client, code in others():
        assert client.get(url(c.earlier)).status_code == code
        for task in ("publish", "approve", "sign"):
            assert client.post(url(c.earlier, task), approving(c)).status_code == code
    refused_for_others(
        [url(c.earlier)],
        {url(c.earlier, "approve"): approving(c), url(c.earlier, "sign"): {"signed_on": "2/9/17"}},
    )
    assert status(c.earlier) == MinutesStatus.PUBLISHED_DRAFT
    # A report's author (an officer who is not democratic services) is refused too.
    author = t.verified_login(Client(), t.account())
    assert author.get(url(c.earlier)).status_code == 403
    assert author.post(url(c.earlier, "approve"), approving(c)).status_code == 403


def test_the_page_offers_the_next_meetings_minute_naming_its_meeting():
    c = waiting()
    response = officer().get(url(c.earlier))
    assert response.status_code == 200
    page = text(response)
    assert "Published as a draft (unconfirmed)" in page and "Approve as a correct record" in page
    html = response.content.decode()
    label = f"Meeting of 1 September 2017, minute {c.approving.number}: Minutes of the last meeting"
    assert f'<option value="{c.approving.pk}" selected>{label}</option>' in html
    # The corrections may name only the minutes being approved, each with its meeting.
    assert "Meeting of 20 July 2017, minute 1: Member ICT" in html
    assert html.count(label) == 1  # the later meeting's minute is not offered for correction


def test_approved_with_corrections():
    c = waiting()
    client = officer()
    # "Add another correction": the form again with a second row, what was typed kept.
    first = {"correction_0_minute": c.ict.pk, "correction_0_old": "tablets"}
    more = client.post(url(c.earlier, "approve"), {**approving(c, **first), "more": "1"})
    assert more.status_code == 200 and error_summary(more) == []
    assert value_of(more, "correction_0_old") == "tablets"
    assert value_of(more, "correction_1_old") == ""
    assert status(c.earlier) == MinutesStatus.PUBLISHED_DRAFT
    done = client.post(
        url(c.earlier, "approve"),
        {
            "approving_minute": c.approving.pk,
            "correction_rows": "2",
            "correction_0_minute": c.ict.pk,
            "correction_0_field": "text",
            "correction_0_old": "tablets",
            "correction_0_new": "laptops",
            "correction_0_note": "the minute named the wrong devices",
            "correction_1_minute": c.exempt.pk,
            "correction_1_field": "title",
            "correction_1_old": "Depot",
            "correction_1_new": "Highways depot",
        },
    )
    assert done.status_code == 303 and done["Location"] == url(c.earlier)
    record = MinutesRecord.objects.get(meeting=c.earlier)
    assert record.status == MinutesStatus.APPROVED and record.approved_by_minute == c.approving
    assert record.approved_on == LATER
    assert Minute.objects.get(pk=c.ict.pk).text == ICT.replace("tablets", "laptops")
    assert Minute.objects.get(pk=c.exempt.pk).title == "Highways depot sale"
    note = record.versions.order_by("number").last().note
    assert "“tablets” replaced by “laptops” (the minute named the wrong devices)" in note
    assert "A correction was made to the title of exempt minute 2." in note
    assert "Highways" not in note  # the version's note is public: no exempt words
    entry = AuditEntry.objects.filter(event="proceedings.minutes_approved").last()
    assert entry is not None and entry.actor_name.startswith("account")
    page = text(client.get(url(c.earlier)))
    assert "The minutes are approved as a correct record." in page
    assert f"At the meeting of 1 September 2017, minute {c.approving.number}" in page
    assert "Record the chair's signature" in page and "Mr A Chair" in page


BAD_APPROVALS = [
    # (what is posted besides the approving minute, the error summary's message)
    (
        # a minute of the later meeting: not one of those being approved
        {"correction_0_minute": "LATER", "correction_0_old": "tablets", "correction_0_new": "x"},
        "Choose a minute of the meeting being approved.",
    ),
    (
        {"correction_0_old": "tablets", "correction_0_new": "laptops"},
        "Correction 1 needs the minute, the words replaced and the words replacing them.",
    ),
    (
        {"correction_0_minute": "ICT", "correction_0_field": "date", "correction_0_old": "t"},
        "Choose the minute's title or its text.",
    ),
    (
        {"correction_0_minute": "ICT", "correction_0_old": "sandwiches", "correction_0_new": "x"},
        "“sandwiches” does not appear in the text of minute 1.",
    ),
    (
        {"correction_0_minute": "ICT", "correction_0_old": "the", "correction_0_new": "a"},
        "“the” appears 2 times in the text of minute 1; quote enough of the sentence to say "
        "which one is corrected.",
    ),
]


@pytest.mark.parametrize("posted, message", BAD_APPROVALS)
def test_bad_corrections_are_refused_nothing_saved(posted, message):
    c = waiting()
    minutes = {"ICT": c.ict.pk, "LATER": c.approving.pk}
    posted = {k: minutes.get(v, v) for k, v in posted.items()}
    client = officer()
    with t.writes_nothing():
        response = client.post(url(c.earlier, "approve"), approving(c, **posted))
    assert response.status_code == 400
    assert message in error_summary(response)
    assert status(c.earlier) == MinutesStatus.PUBLISHED_DRAFT
    assert Minute.objects.get(pk=c.ict.pk).text == ICT
    assert value_of(response, "correction_0_new") == posted.get("correction_0_new", "")


def test_a_minute_of_another_meeting_is_refused():
    c = waiting()
    other = waiting(name="Other Committee").approving  # another body's later meeting
    client = officer()
    for posted in (
        {"approving_minute": other.pk},  # approving minutes of another body
        {"approving_minute": c.ict.pk},  # a minute of the meeting itself: not later
        {"approving_minute": c.approving.pk, "correction_0_minute": c.approving.pk},
        {"approving_minute": ""},
        {"approving_minute": "not a number"},
    ):
        with t.writes_nothing():
            response = client.post(url(c.earlier, "approve"), posted)
        assert response.status_code == 400 and error_summary(response), posted
    assert status(c.earlier) == MinutesStatus.PUBLISHED_DRAFT


def test_the_services_refusals_are_shown_in_its_words():
    # Minutes not yet published: the approval is refused by the service.
    c = waiting(publish=False)
    response = officer().post(url(c.earlier, "approve"), approving(c))
    assert response.status_code == 400
    assert error_summary(response) == [
        "These minutes have not been published: publish them as a draft before they are approved."
    ]
    # Signing minutes not approved.
    response = officer().post(url(c.earlier, "sign"), {"signed_on": "2 September 2017"})
    assert response.status_code == 400
    assert (
        "Only minutes approved as a correct record can be signed; these are draft (not "
        "published)." in error_summary(response)
    )
    assert MinutesRecord.objects.filter(meeting=c.earlier, status="approved").count() == 0


def test_published_as_a_draft_from_the_page():
    c = waiting(publish=False)
    page = text(officer().get(url(c.earlier)))
    assert "Draft (not published)" in page and "Publish the minutes as a draft" in page
    done = officer().post(url(c.earlier, "publish"))
    assert done.status_code == 303
    assert status(c.earlier) == MinutesStatus.PUBLISHED_DRAFT
    again = officer().post(url(c.earlier, "publish"))
    assert again.status_code == 400 and error_summary(again)
    future = t.meeting(c.body, dt.date(2017, 12, 1))
    refused = officer().post(url(future, "publish"))
    assert refused.status_code == 400 and error_summary(refused)
    assert not MinutesRecord.objects.filter(meeting=future).exclude(status="draft").exists()


def test_the_chairs_signature():
    c = waiting()
    approve_minutes(c.earlier, c.approving, actor=TEST_ACTOR)
    client = officer()
    for typed, message in (
        ("", "Enter the date the chair signed the minutes."),
        ("31/02/2017", None),  # a date that does not exist: the field says what it expected
        (
            "31 August 2017",
            "The minutes cannot be signed on 31 August 2017, before they were "
            "approved on 1 September 2017.",
        ),
    ):
        with t.writes_nothing():
            response = client.post(url(c.earlier, "sign"), {"signed_on": typed})
        assert response.status_code == 400, typed
        assert error_summary(response), typed
        if message:
            assert message in error_summary(response)
        assert value_of(response, "signed_on") == typed
    done = client.post(url(c.earlier, "sign"), {"signed_on": "2 Sep 2017"})
    assert done.status_code == 303
    record = MinutesRecord.objects.get(meeting=c.earlier)
    assert record.status == MinutesStatus.SIGNED and record.signed_by == c.chairman
    assert record.signed_on == dt.date(2017, 9, 2)
    page = text(client.get(url(c.earlier)))
    assert "By Mr A Chair on 2 September 2017" in page and "confirmed record" in page
    again = client.post(url(c.earlier, "sign"), {"signed_on": "3 Sep 2017"})
    assert again.status_code == 400
    assert "These minutes were already signed by Mr A Chair on 2 September 2017." in (
        error_summary(again)
    )


def test_no_chair_recorded_at_the_approving_meeting():
    c = waiting(chair=False)
    approve_minutes(c.earlier, c.approving, actor=TEST_ACTOR)
    page = text(officer().get(url(c.earlier)))
    assert "Nobody is recorded in the chair of the meeting that approved them." in page
    response = officer().post(url(c.earlier, "sign"), {"signed_on": "2 Sep 2017"})
    assert response.status_code == 400
    assert error_summary(response) == ["Say who signed the minutes."]


def test_home_and_meeting_pages_lead_to_the_minutes_tasks():
    c = waiting()
    home = officer().get("/office/").content.decode()
    assert f'href="{url(c.earlier)}">Approve the minutes' in home
    page = officer().get(f"/office/meetings/{c.earlier.pk}/")
    html = page.content.decode()
    assert f'href="{url(c.earlier)}">Approve the minutes' in html
    assert "Published as a draft (unconfirmed)." in text(page)
    approve_minutes(c.earlier, c.approving, actor=TEST_ACTOR)
    home = officer().get("/office/").content.decode()
    assert f'href="{url(c.earlier)}">Record the chair&#x27;s signature' in home
    assert "Minutes to sign" in home


def test_seeing_exempt_minutes_in_the_pickers_is_logged():
    from access.models import ExemptAccess

    c = waiting()
    officer().get(url(c.earlier))
    logged = ExemptAccess.objects.filter(meeting=c.earlier).values_list("description", flat=True)
    assert list(logged) == [f"{c.earlier}: approving the minutes, exempt minute 2"]
