"""The page a reader gets when the file store does not answer (templates/503.html, from
papers.storage.StorageUnavailableMiddleware): no axe-core violations at 1280 and 320 px."""

from pprint import pformat

import pytest

from moot.shots import screenshot
from papers.storage_config import storages
from papers.tests.seaweedfs import free_ports

from .papers_setup import make_papers, paper_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_store_down_page_has_no_accessibility_violations(
    live_server, demo_council, settings, tmp_path, page, axe
):
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path
    papers = make_papers()
    [port] = free_ports(1)  # nothing answers there: the store is down
    settings.STORAGES = storages(
        {
            "MOOT_S3_BUCKET": "moot",
            "MOOT_S3_ENDPOINT_URL": f"http://127.0.0.1:{port}",
            "MOOT_S3_TIMEOUT": "1",
        }
    )
    failures = {}
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        response = page.goto(live_server.url + paper_url(papers.meeting, papers.pdf, "pdf/"))
        assert response.status == 503
        assert page.locator("h1").inner_text() == "Sorry, files are not available at the moment"
        violations = axe(page)
        if violations:
            failures[width] = violations
        screenshot(page, f"store-down-{width}")
    assert failures == {}, pformat(failures)
