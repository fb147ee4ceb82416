"""Without JavaScript every form on the clerk's screen posts normally and the whole page comes
back: after a change a redirect to the page at the form's panel, after a refusal the page with
the GOV.UK error summary (HTTP 400) and the form as typed."""

from __future__ import annotations

import re

import pytest

from audit.testing import TEST_ACTOR
from moot.testing import writes_nothing
from proceedings.minutes import add_minute
from proceedings.models import Minute, Vote
from proceedings.votes import add_motion

from .helpers import on_the_screen, sit

pytestmark = pytest.mark.django_db


@pytest.fixture
def c(client):
    c = on_the_screen(client)
    sit(c)
    c.motion = add_motion(
        c.meeting, "substantive", "That it be noted.", item=c.items[1], actor=TEST_ACTOR
    )
    c.minute = add_minute(c.meeting, "Highways", item=c.items[1], text="Noted.", actor=TEST_ACTOR)
    return c


def test_every_form_posts_to_the_page_without_javascript(c):
    page = c.client.get(c.url).content.decode()
    page = page[page.index('id="main-content"') :]
    forms = re.findall(r"<form [^>]*>", page)
    assert len(forms) > 15
    for tag in forms:
        assert 'method="post"' in tag and f'action="{c.url}"' in tag.replace("&amp;", "&"), tag
    # The attendance rows save one by one with JavaScript; without it their form's button.
    marks = page[
        page.index('id="attendance-marks"') : page.index(
            "</form>", page.index('id="attendance-marks"')
        )
    ]
    assert marks.count('class="clerk-row-part"') == 6 and 'type="submit"' in marks
    # The search box over the officers needs JavaScript: hidden, the list a plain select.
    assert re.search(r'<div class="govuk-form-group clerk-filter" [^>]*hidden>', page)
    assert '<select name="officer-person"' in page


def test_a_vote_refused_without_javascript_is_the_page_with_the_vote_as_typed(c):
    key = f"hands-{c.motion.pk}"
    data = {
        "op": "hands",
        "motion": c.motion.pk,
        f"{key}-votes_for": "40",
        f"{key}-votes_against": "1",
        f"{key}-abstentions": "0",
        f"{key}-majority": "simple",
    }
    with writes_nothing():
        response = c.client.post(c.url, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert page.lstrip().startswith("<!DOCTYPE html>")
    top = page[page.index('id="clerk-errors"') : page.index('class="govuk-back-link"')]
    assert "There is a problem" in top and "41 votes are counted" in top
    card = page[page.index(f'id="motion-{c.motion.pk}"') :]
    assert card[card.index("<details") :].startswith('<details class="govuk-details" open>')
    assert f'name="{key}-votes_for" value="40"' in card
    # The summary is at the top only: not again inside the panel.
    assert page.count("There is a problem") == 1
    assert not Vote.objects.filter(motion=c.motion).exists()


def test_changes_without_javascript_redirect_to_their_panel(c):
    key = f"minute-{c.minute.pk}"
    cases = [
        (
            {"op": "minute", "minute": c.minute.pk, f"{key}-title": "Roads", f"{key}-text": "x"},
            "minute",
        ),
        ({"op": "agree", "motion": c.motion.pk}, "motions"),
        ({"op": "nil_declarations"}, "declarations"),
    ]
    for data, anchor in cases:
        response = c.client.post(c.url, data)
        assert response.status_code == 303, data
        assert response["Location"].endswith(f"?item={c.items[1].pk}#{anchor}")
    assert Minute.objects.get(pk=c.minute.pk).title == "Roads"
