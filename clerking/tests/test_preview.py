"""The clerk's screen previews the minutes as they will be published: the public minutes'
own renderer, so nothing minuted in closed session shows but its public summary, its ids
prefixed so that every id on the screen stays unique."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from audit.testing import TEST_ACTOR
from clerking.preview import published_form
from proceedings.minutes import add_minute
from proceedings.render.html import public_html
from summons.testing import CANARY

from .helpers import on_the_screen, sit

pytestmark = pytest.mark.django_db


@pytest.fixture
def c(client):
    c = on_the_screen(client)
    sit(c, absent=[5])
    add_minute(
        c.meeting, "Highways", item=c.items[1], text="The report was noted.", actor=TEST_ACTOR
    )
    add_minute(
        c.meeting,
        "Legal advice",
        item=c.items[1],
        text=f"Counsel advised: {CANARY}",
        exempt=True,
        exempt_paragraph=5,
        public_summary="The Committee took legal advice.",
        actor=TEST_ACTOR,
    )
    return c


def preview_of(page: str) -> str:
    start = page.index('<section class="clerk-panel clerk-preview" id="preview"')
    return page[start : page.index("</main>", start)]  # the last part of the page


def test_the_preview_is_the_public_minutes_with_the_ids_prefixed(c):
    page = c.client.get(c.url).content.decode()
    preview = preview_of(page)
    assert "1. Highways" in preview and "The report was noted." in preview
    assert "The Committee took legal advice." in preview  # the exempt minute's summary alone
    assert CANARY not in preview and "Legal advice" not in preview
    assert CANARY in page  # the clerk's own panel shows the exempt minute
    assert published_form(c.meeting).replace('="preview-', '="') == public_html(c.meeting)
    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    assert [i for i, n in ids.items() if n > 1] == []
    assert ids["attendance"] == ids["preview-attendance"] == 1
    assert 'aria-labelledby="preview-minute-1"' in preview
