"""The screens that replaced the last uses of the back office (issue 13), in Chromium at 1280
and 320 px: a body's agenda template and a kind of body's, the clearance steps and a step's
team, a failed summons email sent again, and the back office's refusal of an officer who is
not an administrator. axe-core finds no violations on any of them, before or after a
refusal, and none scrolls sideways."""

from __future__ import annotations

from pprint import pformat

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from moot import testing as t
from publishing.models import ClearanceStep
from summons.mail_errors import REFUSED_ADDRESS
from summons.models import EmailLog, EmailStatus

from .test_browser import check, sign_in
from .test_summons_send_again import failed_summons_email

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_bodys_agenda_template(live_server, demo_council, page, axe):
    body = t.body("Browser Template Committee")
    t.agenda_template(
        body,
        ("opening", "Apologies and Substitutes", "apologies"),
        ("opening", "Declarations of Interest", "declarations"),
        ("closing", "Other items which the {chair} decides are urgent", "urgent_business"),
    )
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/office/bodies/{body.slug}/agenda-template/")
    expect(page.get_by_role("heading", name="Agenda template")).to_be_visible()
    failures = check(page, axe, "agenda-template")
    # A placeholder Moot cannot fill: refused on its row, what was typed kept.
    page.get_by_label("Title").first.fill("Apologies for {absence}")
    page.get_by_role("button", name="Save the agenda template").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Standard item 1: “{absence}” is not a placeholder")
    expect(page.get_by_label("Title").first).to_have_value("Apologies for {absence}")
    failures |= check(page, axe, "agenda-template-refused")
    page.get_by_label("Title").first.fill("Apologies and Substitutes")
    orders = page.locator("[name^='item-'][name$='-order']")
    orders.nth(0).fill("2")  # declarations first, then apologies
    orders.nth(1).fill("1")
    page.get_by_role("button", name="Save the agenda template").click()
    expect(page.get_by_text(f"The agenda template of {body} is saved.")).to_be_visible()
    opening = body.agenda_template.items.filter(position="opening").order_by("order")
    assert [i.title for i in opening] == ["Declarations of Interest", "Apologies and Substitutes"]
    assert failures == {}, pformat(failures)


def test_the_default_agenda_template_of_a_kind_of_body(live_server, demo_council, page, axe):
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/office/programme/")
    page.get_by_role("link", name="Default agenda templates for each kind of body").click()
    failures = check(page, axe, "kind-templates")
    page.get_by_role("link", name="the default for every panel").click()
    expect(page.get_by_text("Default for every panel")).to_be_visible()
    page.locator("[name='new-0-title']").fill("Apologies for {absence}")
    page.get_by_role("button", name="Save the agenda template").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("is not a placeholder")
    failures |= check(page, axe, "kind-template-refused")
    page.locator("[name='new-0-title']").fill("Apologies")
    page.get_by_role("button", name="Save the agenda template").click()
    expect(page.get_by_text("The agenda template of every panel is saved.")).to_be_visible()
    failures |= check(page, axe, "kind-template")
    assert failures == {}, pformat(failures)


def test_clearance_steps(live_server, demo_council, page, axe):
    ClearanceStep.objects.create(
        name="Legal", order=1, group=Group.objects.create(name="Legal Services")
    )
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/office/clearance-steps/")
    expect(page.get_by_role("heading", name="Clearance steps")).to_be_visible()
    failures = check(page, axe, "clearance-steps")
    page.get_by_role("link", name="Add a clearance step").click()
    page.get_by_label("Name").fill("Legal")  # taken
    page.get_by_role("button", name="Save the clearance step").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("already a clearance step")
    failures |= check(page, axe, "clearance-step-refused")
    page.get_by_label("Name").fill("Finance")
    page.get_by_role("button", name="Save the clearance step").click()
    expect(page.get_by_text("The clearance step “Finance” is saved.")).to_be_visible()
    page.get_by_role("link", name="Change Legal").click()
    failures |= check(page, axe, "clearance-step")
    assert failures == {}, pformat(failures)


def test_a_clearance_steps_team(live_server, demo_council, page, axe):
    step = ClearanceStep.objects.create(name="Legal", order=1)
    ann = t.account()
    ann.first_name, ann.last_name = "Ann", "Allen"
    ann.save()
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/office/clearance-steps/")
    page.get_by_role("link", name="Team of Legal").click()
    failures = check(page, axe, "clearance-team-none")
    page.get_by_role("button", name="Create the team").click()  # no name
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the team's name")
    failures |= check(page, axe, "clearance-team-refused")
    page.get_by_label("Name of the team").fill("Legal Services")
    page.get_by_role("button", name="Create the team").click()
    expect(page.get_by_text("The team Legal Services is created for Legal.")).to_be_visible()
    page.get_by_label("Officer to add").select_option(label="Ann Allen")
    page.get_by_role("button", name="Add to the team").click()
    expect(page.get_by_text("Ann Allen is added to Legal Services.")).to_be_visible()
    failures |= check(page, axe, "clearance-team")
    page.get_by_role("button", name="Take out Ann Allen").click()
    expect(page.get_by_text("Ann Allen is taken out of Legal Services.")).to_be_visible()
    step.refresh_from_db()
    assert step.group is not None and not step.group.user_set.exists()
    assert failures == {}, pformat(failures)


def test_a_failed_summons_email_is_sent_again(live_server, demo_council, page, axe):
    log = failed_summons_email()
    meeting, member = log.meeting, log.person
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/office/meetings/{meeting.pk}/summons/")
    expect(page.get_by_text(REFUSED_ADDRESS, exact=True)).to_be_visible()
    failures = check(page, axe, "summons-failed")
    page.get_by_role("button", name=f"Send again to {member.formal_name}").click()
    expect(
        page.get_by_text(f"The summons to {member.formal_name} will be sent again")
    ).to_be_visible()
    assert EmailLog.objects.get(person=member).status in (EmailStatus.QUEUED, EmailStatus.SENT)
    failures |= check(page, axe, "summons-sent-again")
    assert failures == {}, pformat(failures)


def test_the_back_office_refuses_an_officer(live_server, demo_council, page, axe):
    sign_in(page, live_server)
    response = page.goto(f"{live_server.url}/admin/")
    assert response is not None and response.status == 403
    expect(
        page.get_by_role("heading", name="Only administrators can use the back office")
    ).to_be_visible()
    failures = check(page, axe, "admin-refused")
    page.get_by_role("link", name="Go to your work").click()
    expect(page.get_by_role("heading", name="My work")).to_be_visible()
    assert failures == {}, pformat(failures)
