"""The later meeting's "minutes of the last meeting" item on the clerk's screen: one action
records the minute, the resolution that the minutes be approved as a correct record and
their approval (``proceedings.approval.approve_at_item``), corrections optional; a refusal
(bad corrections, minutes already approved, another item) is shown and nothing is saved."""

from __future__ import annotations

import pytest
from django.test import Client

from audit.testing import TEST_ACTOR
from moot import testing as t
from proceedings.approval import approve_minutes
from proceedings.models import Minute, MinutesRecord, MinutesStatus, Resolution
from workspace.tests.helpers import error_summary, text
from workspace.tests.minutes_builders import ICT, waiting

from .helpers import HTMX, signed_in_clerk

pytestmark = pytest.mark.django_db


def screen(c, item=None) -> str:
    return f"/clerk/meetings/{c.later.pk}/?item={(item or c.minutes_item).pk}"


def posted(c, **corrections) -> dict:
    return {"op": "approve_previous", "previous": c.earlier.pk, **corrections}


def prefix(c) -> str:
    return f"prev-{c.earlier.pk}-"


def test_the_minutes_item_offers_the_previous_meetings_minutes(client):
    c = waiting(approving_minute=False)
    page = signed_in_clerk(client).get(screen(c))
    assert page.status_code == 200
    said = text(page)
    assert "The minutes of 20 July 2017" in said
    assert "Approve the minutes of 20 July 2017 as a correct record" in said
    html = page.content.decode()
    # The corrections' picker names an exempt minute by its number alone.
    assert "Meeting of 20 July 2017, minute 1: Member ICT" in html
    assert "Meeting of 20 July 2017, minute 2 (exempt)</option>" in html
    assert "Depot sale" not in html
    # Another item offers nothing of the kind.
    other = c.later.items.get(number="1")
    assert "Approve the minutes of" not in text(
        signed_in_clerk(Client(), "c2").get(screen(c, other))
    )


def test_one_action_minutes_resolves_and_approves(client):
    c = waiting(approving_minute=False)
    clerk = signed_in_clerk(client)
    p = prefix(c)
    done = clerk.post(
        screen(c),
        posted(
            c,
            **{
                f"{p}correction_0_minute": c.ict.pk,
                f"{p}correction_0_field": "text",
                f"{p}correction_0_old": "tablets",
                f"{p}correction_0_new": "laptops",
            },
        ),
    )
    assert done.status_code == 303
    record = MinutesRecord.objects.get(meeting=c.earlier)
    assert record.status == MinutesStatus.APPROVED
    minute = record.approved_by_minute
    assert minute.meeting == c.later and minute.item == c.minutes_item
    assert minute.title == c.minutes_item.title
    resolution = Resolution.objects.get(minute=minute)
    assert resolution.parts == [
        "the minutes of the meeting held on 20 July 2017 be approved as a correct record, "
        "subject to these corrections: In the text of minute 1, “tablets” replaced by "
        "“laptops”."
    ]
    assert Minute.objects.get(pk=c.ict.pk).text == ICT.replace("tablets", "laptops")
    page = text(clerk.get(screen(c)))
    assert "Saved: the minutes of 20 July 2017 approved as a correct record." in page
    assert f"were approved as a correct record under minute {minute.number}" in page
    assert "Approve the minutes of 20 July 2017" not in page  # nothing left to approve


def test_an_existing_minute_and_resolution_are_kept(client):
    c = waiting()  # the minutes item's minute is already started
    from proceedings.minutes import add_resolution

    add_resolution(c.approving, "RESOLVED that", ["the minutes be signed."], actor=TEST_ACTOR)
    response = signed_in_clerk(client).post(screen(c), posted(c), **HTMX)
    assert response.status_code == 200
    assert "Saved: the minutes of 20 July 2017 approved as a correct record." in text(response)
    record = MinutesRecord.objects.get(meeting=c.earlier)
    assert record.approved_by_minute == c.approving
    assert Minute.objects.filter(meeting=c.later).count() == 1
    assert [r.parts for r in Resolution.objects.filter(minute=c.approving)] == [
        ["the minutes be signed."]
    ]


def test_bad_corrections_are_refused_nothing_saved(client):
    c = waiting(approving_minute=False)
    clerk = signed_in_clerk(client)
    p = prefix(c)
    for extra, message, code in (
        (
            {f"{p}correction_0_minute": c.ict.pk, f"{p}correction_0_old": "tablets"},
            "Correction 1 needs the minute, the words replaced and the words replacing them.",
            400,
        ),
        (
            {
                f"{p}correction_0_minute": c.ict.pk,
                f"{p}correction_0_old": "sandwiches",
                f"{p}correction_0_new": "laptops",
            },
            "“sandwiches” does not appear in the text of minute 1.",
            400,
        ),
    ):
        with t.writes_nothing():
            response = clerk.post(screen(c), posted(c, **extra))
        assert response.status_code == code
        assert message in error_summary(response)
        # htmx: the panel back with the form as posted and the summary inside it.
        with t.writes_nothing():
            part = clerk.post(screen(c), posted(c, **extra), **HTMX, HTTP_HX_TARGET="minute")
        assert part.status_code == 400 and message in text(part)
    assert MinutesRecord.objects.get(meeting=c.earlier).status == MinutesStatus.PUBLISHED_DRAFT
    assert not Minute.objects.filter(meeting=c.later).exists()


def test_the_services_refusals(client):
    c = waiting()
    clerk = signed_in_clerk(client)
    # Under another item than the minutes item.
    other = c.later.items.get(number="1")
    with t.writes_nothing():
        response = clerk.post(screen(c, other), posted(c))
    assert response.status_code == 400
    assert (
        "The minutes of a previous meeting are approved under the agenda's item for the "
        "minutes, not under item 1." in error_summary(response)
    )
    # Already approved (a second clerk's screen, say).
    approve_minutes(c.earlier, c.approving, actor=TEST_ACTOR)
    with t.writes_nothing():
        response = clerk.post(screen(c), posted(c))
    assert response.status_code == 400
    assert "These minutes are already approved as a correct record." in error_summary(response)
    # A meeting of another body.
    stranger = waiting(name="Stranger Committee")
    response = clerk.post(screen(c), {**posted(c), "previous": stranger.earlier.pk})
    assert response.status_code == 400
    assert error_summary(response) == [
        "That meeting is not part of this meeting's record. Reload the page and try again."
    ]


def test_only_democratic_services(client):
    c = waiting(approving_minute=False)
    author = t.verified_login(Client(), t.account())
    assert author.post(screen(c), posted(c)).status_code == 403
    assert Client().post(screen(c), posted(c)).status_code == 302
    assert MinutesRecord.objects.get(meeting=c.earlier).status == MinutesStatus.PUBLISHED_DRAFT
