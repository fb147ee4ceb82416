"""Every kind of page satisfies the site's Content-Security-Policy (moot/csp.py) in Chromium:
no ``securitypolicyviolation`` event and no CSP error in the console, with the policy enforced."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.test import Client

from audit.testing import TEST_ACTOR
from council.models import Membership, Role
from meetings.models import Meeting
from moot.testing import verified_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


def published_minutes(meeting: Meeting) -> None:
    from proceedings.attendance import record_attendance
    from proceedings.minutes import add_minute, add_resolution, publish_minutes

    members = [
        m.person
        for m in meeting.body.memberships.filter(
            person__isnull=False, start__lte=meeting.date
        ).exclude(end__lt=meeting.date)
    ]
    for person in members[:4]:
        record_attendance(meeting, person, "present", actor=TEST_ACTOR)
    minute = add_minute(
        meeting,
        "Public minute",
        item=meeting.items.get(number="12"),
        text="The Committee noted the report.",
        actor=TEST_ACTOR,
    )
    add_resolution(minute, "RESOLVED that the report be noted.", actor=TEST_ACTOR)
    publish_minutes(meeting, actor=TEST_ACTOR)


def pages(clerk_meeting: Meeting) -> dict[str, str]:
    meeting = Meeting.objects.get(
        body__slug="policy-and-resources-cabinet-committee", date=dt.date(2017, 9, 15)
    )
    published_minutes(meeting)
    paper = meeting.items.filter(papers__isnull=False).first().papers.first()
    chairman = Membership.objects.filter(body=meeting.body, role=Role.CHAIRMAN).first().person
    return {
        "home": "/",
        "committee": meeting.body.get_absolute_url(),
        "meeting": meeting.get_absolute_url(),
        "paper": f"{meeting.get_absolute_url()}papers/{paper.pk}/",
        "minutes": f"{meeting.get_absolute_url()}minutes/",
        "member": chairman.get_absolute_url(),
        "calendar": "/calendar/2017/09/",
        "search": "/search/?q=highways",
        "decisions": "/decisions/",
        "api-docs": "/api/",
        "sign-in": "/sign-in/",
        "authenticator-set-up": "/sign-in/set-up/",  # the QR code (access/enrolment.py)
        "not-found": "/meetings/999999/",
        "clerk": f"/clerk/meetings/{clerk_meeting.pk}/",
        "agenda-builder": f"/office/meetings/{clerk_meeting.pk}/agenda/",
        "agenda-template": f"/office/bodies/{meeting.body.slug}/agenda-template/",
        "clearance-steps": "/office/clearance-steps/new/",
        "back-office": "/admin/audit/auditentry/",
        "back-office-meeting": f"/admin/meetings/meeting/{meeting.pk}/change/",
    }


def report_form_page() -> str:
    """The report form with the rich-text editor holding a table and a list (TipTap's
    styles are not injected: workspace/assets/report-editor.js)."""
    from papers.report_form import ReportFields, start_report

    meeting = Meeting.objects.get(
        body__slug="policy-and-resources-cabinet-committee", date=dt.date(2017, 9, 15)
    )
    body = "<p>Text.</p><ul><li>One</li></ul><table><tr><th>A</th></tr><tr><td>1</td></tr></table>"
    doc = start_report(
        meeting.items.first(), ReportFields(title="CSP report", body=body), actor=TEST_ACTOR
    )
    return f"/office/reports/{doc.pk}/"


def test_no_page_breaks_the_content_security_policy(live_server, demo_council, browser):
    from clerking.tests.helpers import clerk_user, committee

    clerk = clerk_user()
    clerk.is_staff = clerk.is_superuser = True
    clerk.save()
    targets = pages(committee().meeting)
    targets["report-form"] = report_form_page()
    client = verified_login(Client(), clerk)
    context = browser.new_context(locale="en-GB")  # CSP enforced: no bypass_csp here
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "url": live_server.url,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            }
        ]
    )
    context.add_init_script(LISTEN)
    page = context.new_page()
    console: list[str] = []
    page.on(
        "console",
        lambda m: (
            console.append(m.text)
            if "Content Security Policy" in m.text or "Content-Security-Policy" in m.text
            else None
        ),
    )
    failures = {}
    try:
        for name, path in targets.items():
            response = page.goto(live_server.url + path)
            assert response.status in (200, 404), (name, path, response.status)
            assert "default-src 'self'" in response.headers["content-security-policy"]
            page.wait_for_load_state("load")
            page.wait_for_timeout(0)  # let queued violation events fire
            seen = page.evaluate("() => window.__csp") + console
            console.clear()
            if seen:
                failures[name] = seen
        # The scripts really ran (they are not merely allowed): GOV.UK Frontend's class is set.
        page.goto(live_server.url + "/")
        assert "js-enabled" in page.evaluate("() => document.body.className")
        page.goto(live_server.url + targets["report-form"])  # the editor is bundled and ran
        page.wait_for_function("() => document.body.dataset.editor === 'ready'")
        assert page.locator("#body-editor table").count() == 1
    finally:
        context.close()
    assert not failures, failures
