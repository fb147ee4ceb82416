"""Publishing the agenda and supplements from the meeting's workspace: what the page shows
before the button is pressed, and every refusal of the services shown as the service says
it, with a 400 and nothing saved."""

from __future__ import annotations

import datetime as dt

import pytest

from moot import testing as t
from papers.models import AgendaPack, Classification
from publishing.models import AgendaPublication
from publishing.tests import builders as b

from .helpers import officer, others, text

pytestmark = pytest.mark.django_db

LATE_DAY = dt.date(2021, 3, 16)  # long past: publishing its agenda now is late


def url(meeting, what: str = "publish") -> str:
    return f"/office/meetings/{meeting.pk}/{what}/"


def ready(date: dt.date = b.MEETING_DAY, members: int = 1):
    """A meeting whose agenda can be published: an approved public report with an exempt
    appendix, and an approved exempt report on an exempt item."""
    meeting = b.meeting(date, members=members)
    link = b.paper(meeting, "2", "Highways programme")
    b.appendix(
        link.document,
        "Appendix A",
        "Contract prices",
        classification=Classification.EXEMPT,
        exempt_paragraph=3,
    )
    t.item(meeting, "3", "Depot sale", kind="report", part="exempt", exempt_paragraph=3)
    b.paper(meeting, "3", "Disposal of the depot", classification="exempt", paragraph=3)
    return meeting


def test_the_page_shows_the_papers_with_the_exempt_ones_withheld_and_the_deadline():
    meeting = ready()
    response = officer().get(url(meeting))
    assert response.status_code == 200
    page = text(response)
    assert "Publish the agenda" in page
    assert "Deadline Monday 7 January 2030, to leave five clear days" in page
    assert "On time" in page
    assert "2 Highways programme The public" in page
    assert (
        "Appendix: Appendix A: Contract prices Withheld Exempt – paragraph 3 of Part 1 of "
        "Schedule 12A to the Local Government Act 1972: members' pack only" in page
    )
    assert "3 Disposal of the depot Withheld Exempt – paragraph 3" in page
    assert "What stops publication" not in page and "Reason for publishing late" not in page
    html = response.content.decode()
    assert ">Publish the agenda</button>" in html
    assert f'href="/office/meetings/{meeting.pk}/"' in html  # back to the meeting's workspace
    assert 'class="govuk-breadcrumbs"' in html


def test_publishing_opens_the_agenda_and_goes_back_to_the_meeting():
    meeting = ready()
    client = officer()
    response = client.post(url(meeting), {"late_reason": "", "override_reason": ""})
    assert response.status_code == 302
    assert response["Location"] == f"/office/meetings/{meeting.pk}/#publication"
    publication = AgendaPublication.objects.get(meeting=meeting)
    assert publication.on_time and publication.number == 0 and len(publication.papers) == 2
    # The public and members' packs are queued (built by the worker, not here).
    assert set(AgendaPack.objects.filter(meeting=meeting).values_list("kind", "status")) == {
        ("public", "queued"),
        ("members", "queued"),
    }
    page = text(client.get(response["Location"]))
    assert "Success The agenda is published." in page
    assert (
        f"/office/meetings/{meeting.pk}/supplement/"
        in client.get(response["Location"]).content.decode()
    )
    after = client.get(url(meeting))
    assert "The agenda is already published." in text(after)
    assert ">Publish the agenda</button>" not in after.content.decode()
    assert "Papers to publish" not in text(after)
    # Pressing again (a second officer, or a second click) is refused by the service.
    with t.writes_nothing():
        again = client.post(url(meeting), {})
    assert again.status_code == 400
    assert "already published; publish a supplementary agenda" in text(again)
    assert AgendaPublication.objects.filter(meeting=meeting).count() == 1


def test_problems_are_listed_with_links_and_publishing_is_refused():
    meeting = ready()
    unapproved = b.paper(meeting, "4", "Waste strategy", approved=False)
    empty = b.paper(meeting, "5", "Libraries", approved=False, content=False)
    response = officer().get(url(meeting))
    page = text(response)
    html = response.content.decode()
    assert "What stops publication" in page and ">Publish the agenda</button>" not in html
    workspace = f"/office/meetings/{meeting.pk}/"
    assert (
        f'<a class="govuk-link" href="{workspace}#item-{unapproved.item_id}">The report '
        "“Waste strategy” (item 4) is not approved for publication.</a>" in html
    )
    assert f'href="{workspace}#item-{empty.item_id}">“Libraries” has no content yet.' in html
    assert f'id="item-{unapproved.item_id}"' in officer().get(workspace).content.decode()
    with t.writes_nothing():
        refused = officer().post(url(meeting), {})
    assert refused.status_code == 400
    page = text(refused)
    assert "There is a problem" in page
    assert "The report “Waste strategy” (item 4) is not approved for publication." in page
    assert not AgendaPublication.objects.filter(meeting=meeting).exists()


def test_a_late_agenda_needs_its_reason():
    meeting = ready(LATE_DAY)
    page = text(officer().get(url(meeting)))
    assert "Late The deadline has passed. Give the reason below." in page
    assert "Reason for publishing late (required)" in page
    with t.writes_nothing():
        refused = officer().post(url(meeting), {"late_reason": "  "})
    assert refused.status_code == 400
    assert "Give the reason the agenda is published late" in text(refused)
    assert not AgendaPublication.objects.filter(meeting=meeting).exists()
    response = officer().post(url(meeting), {"late_reason": "The report was delayed."})
    assert response.status_code == 302
    publication = AgendaPublication.objects.get(meeting=meeting)
    assert not publication.on_time and publication.late_reason == "The report was delayed."


def test_a_reason_too_long_is_refused_by_the_form():
    meeting = ready(LATE_DAY)
    with t.writes_nothing():
        refused = officer().post(url(meeting), {"late_reason": "x" * 2001})
    assert refused.status_code == 400
    assert "Ensure this value has at most 2000 characters" in text(refused)
    assert 'href="#late_reason"' in refused.content.decode()
    assert not AgendaPublication.objects.filter(meeting=meeting).exists()


def test_nobody_to_summon_needs_the_override_reason():
    meeting = ready(members=0)
    response = officer().get(url(meeting))
    page = text(response)
    assert "so publishing the agenda would issue a summons to no one" in page
    assert "Reason for publishing with nobody to summon (required)" in page
    assert "What stops publication" not in page  # the reason, not a change, puts it right
    with t.writes_nothing():
        refused = officer().post(url(meeting), {"override_reason": ""})
    assert refused.status_code == 400 and "would issue a summons to no one" in text(refused)
    response = officer().post(url(meeting), {"override_reason": "Members appointed on 20th."})
    assert response.status_code == 302
    assert AgendaPublication.objects.filter(meeting=meeting).exists()


def test_a_supplement_publishes_the_papers_added_since():
    meeting = ready()
    client = officer()
    assert client.get(url(meeting, "supplement")).status_code == 200
    with t.writes_nothing():
        early = client.post(url(meeting, "supplement"))
    assert early.status_code == 400 and "is not published yet" in text(early)
    client.post(url(meeting), {})
    page = text(client.get(url(meeting, "supplement")))
    assert "No papers have been added since the agenda was published." in page
    with t.writes_nothing():
        nothing = client.post(url(meeting, "supplement"))
    assert nothing.status_code == 400
    b.paper(meeting, "6", "Late report")
    page = text(client.get(url(meeting, "supplement")))
    assert "Publish supplementary agenda 1" in page and "6 Late report The public" in page
    assert "Highways programme" not in page.split("Published so far")[0]
    response = client.post(url(meeting, "supplement"))
    assert response.status_code == 302
    assert AgendaPublication.objects.get(meeting=meeting, number=1).kind == "supplement"
    assert "Supplementary agenda 1 is published." in text(client.get(response["Location"]))


def test_the_meeting_page_links_to_the_workspace_not_the_admin():
    meeting = ready()
    html = officer().get(f"/office/meetings/{meeting.pk}/").content.decode()
    for task in ("publish", "packs", "summons"):
        assert f'href="/office/meetings/{meeting.pk}/{task}/"' in html
    assert "/admin/publishing/" not in html and "/admin/summons/" not in html


@pytest.mark.parametrize("what", ["publish", "supplement"])
def test_only_democratic_services_may_publish(what):
    meeting = ready()
    for who, client, status in others():
        assert client.get(url(meeting, what)).status_code == status, who
        with t.writes_nothing():
            assert client.post(url(meeting, what), {}).status_code == status, who
    assert not AgendaPublication.objects.filter(meeting=meeting).exists()
    assert "no-store" in officer().get(url(meeting, what))["Cache-Control"]
    assert officer().get(f"/office/meetings/999999/{what}/").status_code == 404
