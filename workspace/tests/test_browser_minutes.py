"""The minutes approved and signed in the workspace, in Chromium at 1280 and 320 px, from the
officer's home page: a correction whose words are not there refused in the error summary,
what was typed kept; another correction row added without JavaScript's help; the approval;
the chair's signature. And the clerk's screen of the later meeting approving them in one
action. axe-core finds no violations on any of these pages, and none scrolls sideways."""

from __future__ import annotations

from pprint import pformat

import pytest
from playwright.sync_api import expect

from proceedings.models import Minute, MinutesRecord, MinutesStatus

from .minutes_builders import ICT, waiting
from .test_browser import check, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_minutes_approved_with_a_correction_and_signed(live_server, demo_council, page, axe):
    c = waiting()
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/office/")
    page.get_by_role("link", name=f"Approve the minutes of {c.body}").click()
    expect(page.get_by_role("heading", name="The minutes", exact=True)).to_be_visible()
    failures = check(page, axe, "minutes-approve")
    page.get_by_label("Minute corrected").select_option(str(c.ict.pk))
    page.get_by_label("Words replaced").fill("sandwiches")
    page.get_by_label("Replaced by").fill("laptops")
    page.get_by_role("button", name="Approve the minutes").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("“sandwiches” does not appear in the text of minute 1.")
    expect(page.get_by_label("Words replaced")).to_have_value("sandwiches")
    failures |= check(page, axe, "minutes-approve-refused")
    page.get_by_label("Words replaced").fill("tablets")
    page.get_by_role("button", name="Add another correction").click()
    expect(page.get_by_role("group", name="Correction 2 (optional)")).to_be_visible()
    expect(page.get_by_label("Words replaced").first).to_have_value("tablets")
    second = page.get_by_role("group", name="Correction 2 (optional)")
    second.get_by_label("Minute corrected").select_option(str(c.ict.pk))
    second.get_by_label("Title").check()
    second.get_by_label("Words replaced").fill("ICT")
    second.get_by_label("Replaced by").fill("IT")
    page.get_by_role("button", name="Approve the minutes").click()
    expect(page.get_by_text("The minutes are approved as a correct record.")).to_be_visible()
    minute = Minute.objects.get(pk=c.ict.pk)
    assert minute.text == ICT.replace("tablets", "laptops") and minute.title == "Member IT"
    failures |= check(page, axe, "minutes-sign")
    page.get_by_label("Signed on").fill("31/02/2017")
    page.get_by_role("button", name="Record the signature").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    failures |= check(page, axe, "minutes-sign-refused")
    page.get_by_label("Signed on").fill("2 Sep 2017")
    page.get_by_role("button", name="Record the signature").click()
    expect(page.get_by_text("The minutes are signed by Mr A Chair.")).to_be_visible()
    assert MinutesRecord.objects.get(meeting=c.earlier).status == MinutesStatus.SIGNED
    failures |= check(page, axe, "minutes-signed")
    assert failures == {}, pformat(failures)


def test_the_clerk_approves_them_under_the_minutes_item(live_server, demo_council, page, axe):
    c = waiting(approving_minute=False)
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/clerk/meetings/{c.later.pk}/?item={c.minutes_item.pk}")
    button = page.get_by_role("button", name="Approve the minutes of 20 July 2017")
    expect(button).to_be_visible()
    page.locator("summary", has_text="Corrections made at the meeting").click()
    failures = check(page, axe, "clerk-previous-minutes")
    first = page.get_by_role("group", name="Correction 1")
    first.get_by_label("Minute corrected").select_option(str(c.ict.pk))
    first.get_by_label("Words replaced").fill("sandwiches")
    first.get_by_label("Replaced by").fill("laptops")
    button.click()
    expect(page.locator("#minute .govuk-error-summary")).to_contain_text(
        "“sandwiches” does not appear in the text of minute 1."
    )
    failures |= check(page, axe, "clerk-previous-minutes-refused")
    page.get_by_role("group", name="Correction 1").get_by_label("Words replaced").fill("tablets")
    page.get_by_role("button", name="Approve the minutes of 20 July 2017").click()
    expect(page.locator("#clerk-status")).to_contain_text(
        "Saved: the minutes of 20 July 2017 approved as a correct record."
    )
    expect(page.locator("#minute")).to_contain_text("were approved as a correct record")
    assert MinutesRecord.objects.get(meeting=c.earlier).status == MinutesStatus.APPROVED
    failures |= check(page, axe, "clerk-previous-minutes-approved")
    assert failures == {}, pformat(failures)
