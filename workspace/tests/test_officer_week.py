"""The officer's week, measured (issue 13 §7): one democratic services officer and one report
author do a meeting's whole week in the workspace, in Chromium, and the test prints how many
pages they loaded and forms they submitted (``week.Counter``), then checks what the week did
to the record and to the public site.

The week: a year of meetings of the Policy and Resources Cabinet Committee set up from a
pattern; the agenda of the first built from the body's template; a report written in the
editor with a PDF appendix and an exempt Word appendix, cleared and approved by the officer
(not the author: separation of duties); the agenda published; a late report uploaded from
Word, cleared, approved and published as a supplement; the dispatch list printed; then, the
meeting held, the clerk's screen: attendance with apologies and a substitute, a declaration,
a motion and its amendment, a show of hands and a recorded vote, minutes with resolutions, an
action, and the draft minutes published.

The same week in the Django admin is measured by ``test_the_same_week_in_the_admin``
(``admin_week``); both figures are in docs/benchmarks.md, "The officer's week".
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from access.models import Account
from clerking.choices import councillors_not_members
from council.models import Authority, Body
from council.serving import serving_members
from moot import testing as t
from moot.shots import screenshot
from publishing.models import ClearanceStep

from . import admin_meeting, admin_week, week
from .admin_driver import Browser
from .week import BODY, LATE, REPORT, Counter, sign_in, upload
from .week_checks import check_the_public_site, check_the_record
from .week_clerk import clerk

# Transactional: publication tells the summons once its transaction commits.
pytestmark = pytest.mark.django_db(transaction=True)


def shot(desk, name: str) -> None:
    screenshot(desk.page, f"week-{name}")


def settled(page) -> None:
    """No autosave of the report form is in flight."""
    page.wait_for_function("() => document.body.dataset.pending === '0'")


@pytest.fixture
def desks(browser, live_server):
    """``desk(user, counter, who)``: a browser context for one account (closed afterwards)."""
    opened = []

    def desk(user, counter: Counter, who: str):
        opened.append(sign_in(browser, live_server, user, counter, who))
        return opened[-1]

    yield desk
    for each in opened:
        each.context.close()


@pytest.mark.browser
def test_officer_week(live_server, demo_council, browser, desks):
    start = week.week_start(timezone.localdate())
    Authority.objects.update(as_at=start)
    ClearanceStep.objects.create(name="Legal", order=1)  # any officer signs it off
    officer_user = t.account("week-officer", democratic_services=True)
    author_user = t.account("week-author")  # an officer of the council, not democratic services
    counter = Counter()
    ds, au = desks(officer_user, counter, "officer"), desks(author_user, counter, "author")
    site = live_server.url
    body = Body.objects.get(name=BODY)
    o = ds.page

    # --- The programme: a year of meetings from a pattern; the first one's agenda ----------
    counter.start("Programme and agenda")
    o.goto(f"{site}/office/")
    o.get_by_role("link", name="Programme", exact=True).click()
    o.get_by_role("link", name="Set up a year of meetings").click()
    o.get_by_label("Body", exact=True).select_option(label=BODY)
    o.get_by_label("Municipal year").select_option(str(start.year))
    o.get_by_label("When the body meets").fill("third Wednesday, 10.00")
    o.get_by_role("button", name="Show the dates").click()
    expect(o.get_by_role("heading", name="Check the dates")).to_be_visible()
    shot(ds, "programme-preview")
    o.get_by_role("button", name="Create the meetings").click()
    expect(o.get_by_text(f"meetings of {BODY} created for")).to_be_visible()
    meeting = body.meetings.filter(date__gte=start).order_by("date").first()
    assert meeting is not None
    o.locator(f"a[href='/office/meetings/{meeting.pk}/']").click()
    o.get_by_role("link", name="Build the agenda").click()
    o.get_by_role("button", name="Add the standard items from the template").click()
    expect(o.get_by_text("Added 4 standard items from the template.")).to_be_visible()
    for title in (REPORT, LATE):
        o.get_by_label("Title").fill(title)
        o.get_by_label("Kind of business").select_option("report")
        o.get_by_role("button", name="Add the item").click()
        expect(o.get_by_text(f": {title}.")).to_be_visible()
    shot(ds, "agenda")
    o.get_by_role("link", name="The meeting’s workspace").click()
    write_first = o.get_by_role("link", name="Write a report for item 5").get_attribute("href")

    # --- The author writes the report, with its appendices, and submits it -----------------
    counter.start("The report")
    a = au.page
    a.goto(site + write_first)  # the link democratic services sent the author
    a.wait_for_function("() => document.body.dataset.editor === 'ready'")
    expect(a.locator("#title")).to_have_value(REPORT)
    a.locator("#body-editor").click()
    a.keyboard.type("The strategy sets the council's borrowing and investment for 2028-29.")
    a.keyboard.press("Enter")
    a.get_by_role("button", name="Bullets").click()
    a.wait_for_function("() => document.activeElement.closest('#body-editor') !== null")
    a.keyboard.type("Borrowing limits")
    a.fill("#summary", "The annual strategy for treasury management.")
    a.fill("#rec_verb-0", "endorse")
    a.fill("#rec_text-0", "the Treasury Management Strategy for 2028-29.")
    a.check("#no_background_documents")
    # A new report exists from its first autosave; the form saves that report from then on.
    expect(a.locator("#autosave-status")).to_contain_text("Saved at", timeout=15000)
    settled(a)
    a.get_by_role("button", name="Save the report").click()
    expect(a.get_by_text(f"Saved “{REPORT}”: version 1.")).to_be_visible()
    add_appendix(
        a, "Appendix A", "Prudential indicators", upload("indicators.pdf", week.pdf_appendix())
    )
    add_appendix(
        a,
        "Appendix B",
        "Approved lending list",
        upload("lending-list.docx", week.exempt_appendix_docx()),
        paragraph="3",
    )
    shot(au, "report")
    a.get_by_role("button", name="Submit for clearance").click()
    expect(a.get_by_text(f"“{REPORT}” is submitted for clearance.")).to_be_visible()
    # Separation of duties: the author is offered neither the sign-off nor the approval.
    expect(a.get_by_text("You wrote this report: someone else signs this off.")).to_be_visible()
    expect(a.get_by_role("button", name=re.compile("^(Sign off|Approve)"))).to_have_count(0)

    # --- The officer clears and approves it from their home page, and publishes ------------
    counter.start("Clearance and publication")
    clear_and_approve(ds, site, REPORT)
    open_meeting(ds, meeting)
    o.get_by_role("link", name="Publish the agenda").click()
    shot(ds, "publish")
    o.get_by_role("button", name="Publish the agenda").click()
    expect(o.get_by_text("The agenda is published.")).to_be_visible()
    write_late = o.get_by_role("link", name="Write a report for item 6").get_attribute("href")

    # --- The summons: the dispatch list printed, for the summonses to post -----------------
    counter.start("The dispatch list")
    o.get_by_role(
        "link", name=re.compile("^Print the dispatch list for the summons and agenda")
    ).click()
    expect(o.get_by_role("heading", name=re.compile("^Dispatch list"))).to_be_visible()
    expect(o.get_by_text(serving_members(body, meeting.date)[0].formal_name).first).to_be_visible()
    shot(ds, "dispatch-list")

    # --- The late paper: a Word report, its header read, published as a supplement --------
    counter.start("The late paper")
    a.goto(site + write_late)
    a.get_by_label("A report made from the council's Word template (.docx)").set_input_files(
        upload("Office accommodation.docx", week.late_report_docx(meeting.date))
    )
    a.get_by_role("button", name="Upload the Word document").click()
    expect(a.locator("#filled")).to_contain_text("Filled in:")
    expect(a.locator("#title")).to_have_value(LATE)
    shot(au, "late-report")
    a.get_by_role("button", name="Submit for clearance").click()
    expect(a.get_by_text(f"“{LATE}” is submitted for clearance.")).to_be_visible()
    clear_and_approve(ds, site, LATE)
    open_meeting(ds, meeting)
    o.get_by_role("link", name="Publish a supplementary agenda").click()
    o.get_by_role("button", name="Publish supplementary agenda 1").click()
    expect(o.get_by_text("Supplementary agenda 1 is published.")).to_be_visible()

    # --- The meeting is held; the clerk's screen ---------------------------------------------
    Authority.objects.update(as_at=meeting.date + dt.timedelta(days=1))
    counter.start("The meeting")
    sitting = clerk(ds.page, site, meeting)
    assert ds.warned == [] and au.warned == [], (ds.warned, au.warned)

    print("\nThe officer's week in the workspace:\n" + counter.table())
    print(
        f"page loads {counter.total(week.LOADS)} (officer {counter.total(week.LOADS, 'officer')}, "
        f"author {counter.total(week.LOADS, 'author')}); form submissions "
        f"{counter.total(week.POSTS) + counter.total(week.HTMX_POSTS)} "
        f"({counter.total(week.POSTS)} by a page, {counter.total(week.HTMX_POSTS)} by htmx)"
    )
    check_the_record(meeting, officer_user, author_user, sitting)
    check_the_public_site(browser, site, meeting)


def add_appendix(page, label: str, title: str, file: dict, paragraph: str = "") -> None:
    page.get_by_label("Label (optional)").fill(label)
    page.get_by_label("Title", exact=True).fill(title)
    if paragraph:
        page.locator("#appendix_classification-exempt").check()
        page.locator("#appendix_paragraph").select_option(paragraph)
    page.get_by_label("File (PDF or Word document)").set_input_files(file)
    page.get_by_role("button", name="Add the appendix").click()
    expect(page.get_by_text(f"Added {label}")).to_be_visible()


def clear_and_approve(desk, site: str, title: str) -> None:
    """From the officer's home page: sign off the Legal step, then approve for publication."""
    page = desk.page
    page.goto(f"{site}/office/")
    page.get_by_role("button", name=f"Sign off Legal for {title}").click()
    expect(page.get_by_text(f"“Legal” signed off “{title}”.")).to_be_visible()
    page.get_by_role("button", name=f"Approve {title} for publication").click()
    expect(page.get_by_text(f"“{title}” is approved for publication.")).to_be_visible()


def open_meeting(desk, meeting) -> None:
    """From the home page (the meetings coming up), the meeting's workspace."""
    row = desk.page.locator("tr", has_text=f"{meeting.date:%a %-d %b %Y}")
    row.get_by_role("link", name=BODY).click()
    expect(desk.page.get_by_role("heading", name=re.compile(BODY))).to_be_visible()


def test_the_same_week_in_the_admin(demo_council):
    """The same week in the Django admin (``admin_week``), counted the same way."""
    start = week.week_start(timezone.localdate())
    Authority.objects.update(as_at=start)
    ClearanceStep.objects.create(name="Legal", order=1)
    counter = Counter()
    users = {who: administrator(f"admin-{who}") for who in ("officer", "author")}
    officer, author = (
        Browser(t.verified_login(Client(), users[who]), counter, who) for who in users
    )
    counter.start("Programme and agenda")
    meeting = admin_week.set_up_the_meeting(officer, start)
    counter.start("The report")
    report = admin_week.write_the_report(author, meeting)
    counter.start("Clearance and publication")
    admin_week.clear_and_approve(officer, report)
    admin_week.publish(officer, meeting)
    counter.start("The dispatch list")
    admin_week.print_the_dispatch_list(officer, meeting)
    counter.start("The late paper")
    late = admin_week.the_late_paper(author, meeting)
    admin_week.clear_and_approve(officer, late)
    admin_week.publish(officer, meeting)

    Authority.objects.update(as_at=meeting.date + dt.timedelta(days=1))
    counter.start("The meeting")
    substitute = councillors_not_members(meeting).order_by("surname", "initials", "pk").first()
    sitting = admin_meeting.attendance(officer, meeting, substitute)
    admin_meeting.declaration(officer, meeting, sitting)
    admin_meeting.motions(officer, meeting, sitting)
    sitting.votes = admin_meeting.votes(officer, meeting, sitting)
    admin_meeting.the_late_paper_agreed(officer, meeting, sitting)
    admin_meeting.minutes(officer, meeting, sitting)

    print("\nThe same week in the Django admin:\n" + counter.table())
    print(
        f"page loads {counter.total(week.LOADS)}; form submissions {counter.total(week.POSTS)}; "
        f"autocomplete look-ups {counter.total(week.LOOKUPS)}"
    )
    check_the_record(meeting, users["officer"], users["author"], sitting, in_the_admin=True)


def administrator(username: str):
    """An account with every permission of the back office, as the officers used the admin
    before the workspace."""
    user = get_user_model().objects.create_superuser(username, f"{username}@example.org", None)
    Account.objects.create(user=user, democratic_services=True)
    return user
