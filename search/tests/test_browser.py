"""The search page in Chromium: no axe-core violations (WCAG 2.2 AA and best practice) with
results, with no results and with a problem; the header's box and the filters work without
JavaScript."""

from pprint import pformat

import pytest

from moot.shots import screenshot
from search import indexing

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {
    "results": "/search/?q=governance",
    "results-page-2": "/search/?q=council&page=2",
    "filtered": "/search/?q=budget&type=report&from-day=1&from-month=1&from-year=2017",
    "no-results": "/search/?q=zzyzx",
    "empty": "/search/",
    "problem": "/search/?q=budget&from-day=31&from-month=2&from-year=2017",
}


@pytest.fixture
def indexed(demo_council):
    indexing.rebuild()


def test_search_pages_have_no_accessibility_violations(live_server, indexed, page, axe):
    failures = {}
    for name, path in PAGES.items():
        for width in (1280, 375):
            page.set_viewport_size({"width": width, "height": 900})
            response = page.goto(live_server.url + path)
            assert response.status == (400 if name == "problem" else 200), path
            if violations := axe(page):
                failures[f"{name}@{width}"] = violations
            screenshot(page, f"search-{name}-{width}")
    assert failures == {}, pformat(failures)


def test_header_box_and_filters_work_without_javascript(live_server, indexed, browser):
    context = browser.new_context(locale="en-GB", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        page.get_by_label("Search meetings, papers and councillors").fill("information governance")
        page.keyboard.press("Enter")
        page.wait_for_url("**/search/?q=information+governance")
        assert page.locator("#results-count").inner_text().split()[0].isdigit()
        assert page.locator("ol.moot-search-results > li").count() > 0
        page.get_by_label("Report", exact=True).check()
        page.get_by_role("button", name="Apply filters").click()
        page.wait_for_url("**type=report**")
        kinds = page.locator("ol.moot-search-results > li p.govuk-body-s").all_inner_texts()
        assert kinds and all(k.startswith("Report") for k in kinds)
    finally:
        context.close()


def test_on_a_phone_the_results_come_before_the_filters(live_server, indexed, page):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(live_server.url + "/search/?q=budget")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320  # no sideways scroll
    first = page.locator("ol.moot-search-results > li").first.bounding_box()
    filters = page.locator("#filters").bounding_box()
    assert first["y"] < filters["y"]
    assert page.locator("#header-search").input_value() == "budget"
    to_filters = page.get_by_role("link", name="Filter these results")
    assert to_filters.is_visible()
    to_filters.click()
    assert page.evaluate("window.scrollY") > first["y"]  # it leads past the results
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/search/?q=budget")
    assert not to_filters.is_visible()  # beside the results, the filters need no link
    results = page.locator("#results").bounding_box()
    filters = page.locator("#filters").bounding_box()
    assert filters["x"] > results["x"] and abs(filters["y"] - results["y"]) < 5
