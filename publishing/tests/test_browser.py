"""The public document history page in Chromium: no axe-core violations, no restricted title."""

from pprint import pformat

import pytest

from audit.actors import SystemActor
from moot.shots import screenshot
from papers.models import Classification
from publishing import services

from . import builders as b

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_history_page_is_accessible_and_withholds_restricted_titles(
    live_server, demo_council, page, axe
):
    meeting = b.meeting()
    budget = b.paper(meeting, "2", "Budget monitoring")
    b.paper(
        meeting, "3", f"Land sale {b.CANARY}", classification=Classification.EXEMPT, paragraph=3
    )
    services.publish_agenda(meeting, now=b.BEFORE, actor=SystemActor("Democratic Services"))
    services.replace_paper(
        budget.document,
        html="<p>Corrected.</p>",
        reason="Table 2 had a wrong total.",
        actor=SystemActor("Democratic Services"),
    )
    failures = {}
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        response = page.goto(f"{live_server.url}/meetings/{meeting.pk}/history/")
        assert response.status == 200
        assert b.CANARY not in page.content()
        assert "Restricted document (paragraph 3)" in page.content()
        violations = axe(page)
        if violations:
            failures[width] = violations
        screenshot(page, f"publishing-history-{width}")
    assert failures == {}, pformat(failures)
