"""The API documentation page in Chromium: no axe-core violations, at desktop and phone
widths, with every endpoint listed and its example request working."""

from pprint import pformat

import pytest

from api.catalogue import RESOURCES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_api_docs_page_has_no_accessibility_violations(live_server, demo_council, page, axe):
    failures = {}
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        response = page.goto(live_server.url + "/api/")
        assert response.status == 200
        if violations := axe(page):
            failures[width] = violations
    assert failures == {}, pformat(failures)
    assert page.get_by_role("heading", name="Open data API", level=1).is_visible()
    for res in RESOURCES.values():
        assert page.get_by_role("heading", name=res.title, level=3).count() == 1
    # The example requests are real: each answers with JSON.
    examples = page.locator("a[href*='/api/']").evaluate_all("els => els.map(e => e.href)")
    assert len(examples) >= len(RESOURCES)
    for href in examples:
        if href.endswith("export.zip"):
            continue
        assert page.request.get(href).status == 200, href
