"""An author writes a report in Chromium: the editor loads, typing autosaves (into the slot,
not a version), the preview opens the PDF; axe-core finds no violations, at desktop width and
at 320 px."""

from __future__ import annotations

import datetime as dt
from pprint import pformat

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from moot import testing as t
from moot.shots import screenshot
from papers.models import Document, ReportDraft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, user) -> None:
    client = t.verified_login(Client(), user)
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )


def test_an_author_writes_a_report_with_the_editor(live_server, demo_council, page, axe):
    meeting = t.meeting(t.body("Browser Committee"), dt.date(2017, 10, 20))
    item = t.item(meeting, "5", "Highways maintenance", kind="report")
    sign_in(page, live_server, t.account("author-browser"))  # an officer, not democratic services
    page.goto(f"{live_server.url}/office/reports/new/?item={item.pk}")
    page.wait_for_function("() => document.body.dataset.editor === 'ready'")
    editor = page.locator("#body-editor")
    expect(editor).to_be_visible()
    expect(page.locator("textarea#body")).to_be_hidden()  # the editor writes into it

    page.fill("#title", "Highways maintenance programme")
    editor.click()
    page.keyboard.type("The programme for 2018.")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Bullets").click()
    # The toolbar gives the focus back to the text: type only once it is there.
    page.wait_for_function("() => document.activeElement.closest('#body-editor') !== null")
    page.keyboard.type("Resurfacing")
    status = page.locator("#autosave-status")
    expect(status).to_contain_text("Saved at", timeout=15000)
    page.wait_for_function("() => document.body.dataset.pending === '0'")
    doc = Document.objects.get(title="Highways maintenance programme")
    assert page.url.endswith(f"/office/reports/{doc.pk}/")  # the form now saves the report
    draft = ReportDraft.objects.get(document=doc)
    assert "<li><p>Resurfacing</p></li>" in draft.html and "The programme for 2018." in draft.html
    assert not doc.versions.exists()  # autosave makes no version

    page.fill("#rec_verb-0", "agree")
    page.fill("#rec_text-0", "the programme")
    page.check("#no_background_documents")
    # The preview opens in a new tab: its response is the context's, not this page's.
    with page.context.expect_event("response", lambda r: r.url.endswith("/preview/")) as answer:
        page.get_by_role("button", name="Preview as printed").click()
    response = answer.value
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"

    failures = {}
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        if violations := axe(page):
            failures[f"form@{width}"] = violations
        scroll = page.evaluate("() => document.documentElement.scrollWidth")
        assert scroll <= width, f"the form scrolls sideways at {width} px ({scroll})"
        screenshot(page, f"report-form-{width}")
    assert not failures, pformat(failures)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Save the report").click()
    expect(page.get_by_text("Saved “Highways maintenance programme”: version 1.")).to_be_visible()
    assert doc.versions.count() == 1 and not ReportDraft.objects.filter(document=doc).exists()
    expect(page.locator("#body-editor")).to_contain_text("Resurfacing")  # what was saved
