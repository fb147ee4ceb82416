"""With htmx (``HX-Request``) a change comes back as the part of the screen its form names
(``HX-Target``), never the whole page: the part first, then out of band the status line, the
summary, the preview and the parts that follow from the change (clerking/fragments.py).
Refused, it is a 400 and the part holds the form as typed with the error summary inside."""

from __future__ import annotations

import re

import pytest

from access.models import ExemptAccess, Surface
from audit.testing import TEST_ACTOR
from moot import testing
from moot.testing import writes_nothing
from proceedings.minutes import add_minute
from proceedings.models import Action, Attendance, Declaration, Minute, Motion, Resolution, Vote
from proceedings.votes import add_motion

from .helpers import HTMX, on_the_screen, sit

pytestmark = pytest.mark.django_db


def post(c, data: dict, target: str):
    return c.client.post(c.url, data, **HTMX, HTTP_HX_TARGET=target)


def oob_ids(html: str) -> list[str]:
    """The ids of the elements sent out of band, in order."""
    return re.findall(r'<[a-z]+ [^>]*?id="([^"]+)"[^>]*? hx-swap-oob="[^"]+"', html)


def first_tag(html: str) -> str:
    return re.match(r"\s*(<[^>]+>)", html)[1]


def part(html: str, start: str, end: str) -> str:
    return html[html.index(start) : html.index(end, html.index(start))]


@pytest.fixture
def c(client):
    c = on_the_screen(client)
    sit(c)
    c.motion = add_motion(
        c.meeting,
        "substantive",
        "That the programme be approved.",
        mover=c.members[1],
        item=c.items[1],
        actor=TEST_ACTOR,
    )
    c.minute = add_minute(c.meeting, "Highways", item=c.items[1], text="Noted.", actor=TEST_ACTOR)
    return c


ALWAYS = ["clerk-status", "clerk-errors", "clerk-summary", "preview"]


def test_an_attendance_mark_comes_back_as_the_members_row(c):
    member = c.members[5]
    response = post(
        c, {"op": "attendance", f"att-{member.pk}": "apologies"}, f"att-row-{member.pk}"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert first_tag(html).startswith(f'<div class="clerk-row-part" id="att-row-{member.pk}"')
    assert re.search(rf'id="att-{member.pk}-apologies"[^>]*checked', html)
    # Not the page, nor the rest of the attendance: the chair and who may declare, move and
    # vote follow it, out of band.
    assert "<html" not in html and f'id="att-row-{c.members[4].pk}"' not in html
    assert oob_ids(html) == ["clerk-chair", "declarations", "motions", *ALWAYS]
    assert f"Saved: {member} apologies." in html
    assert "Present: 5 (quorum 2)" in html  # the summary
    assert "APOLOGIES:</strong> Mr B Clerkmemberf" in html  # the preview
    assert "HX-Retarget" not in response


def test_a_refused_mark_comes_back_as_saved_with_the_reason_in_the_row(c):
    mover = c.members[1]
    with writes_nothing():
        response = post(c, {"op": "attendance", f"att-{mover.pk}": "absent"}, f"att-row-{mover.pk}")
    assert response.status_code == 400
    html = response.content.decode()
    row = part(html, f'id="att-row-{mover.pk}"', "</fieldset>")
    assert "govuk-error-message" in row and "cannot be recorded as absent: they moved" in row
    assert re.search(rf'id="att-{mover.pk}-present"[^>]*checked', row)  # what is saved
    assert "Not saved:" in part(html, 'id="clerk-status"', "</div>")
    assert Attendance.objects.get(meeting=c.meeting, person=mover).status == "present"


def test_a_refused_vote_keeps_its_panel_open_with_what_was_typed_and_the_error_inside(c):
    key = f"hands-{c.motion.pk}"
    data = {
        "op": "hands",
        "motion": c.motion.pk,
        f"{key}-votes_for": "40",
        f"{key}-votes_against": "1",
        f"{key}-abstentions": "2",
        f"{key}-majority": "simple",
    }
    with writes_nothing():
        response = post(c, data, "motions")
    assert response.status_code == 400
    html = response.content.decode()
    assert first_tag(html).startswith('<section class="clerk-panel" id="motions"')
    card = part(html, f'id="motion-{c.motion.pk}"', f'id="recorded-form-{c.motion.pk}"')
    hands = card[card.index("<details") : card.index("</details>")]
    assert first_tag(hands) == '<details class="govuk-details" open>'
    summary = part(hands, "govuk-error-summary", "</ul>")
    assert "43 votes are counted" in summary and "only 6 members are recorded present" in summary
    assert f'href="#id_{key}-votes_for"' in summary
    for field, value in (("votes_for", "40"), ("votes_against", "1"), ("abstentions", "2")):
        assert re.search(rf'name="{key}-{field}" value="{value}"', hands), field
    assert "Not saved: 43 votes are counted" in html
    assert not Vote.objects.filter(motion=c.motion).exists()


def test_a_refused_recorded_vote_keeps_the_names_as_chosen(c):
    key = f"rec-{c.motion.pk}"
    data = {"op": "recorded", "motion": c.motion.pk, f"{key}-majority": "simple"}
    data |= {f"{key}-vote-{m.pk}": "for" for m in c.members}
    data[f"{key}-vote-{c.members[2].pk}"] = "against"
    data[f"{key}-announced_for"] = "6"  # but five names are for
    response = post(c, data, "motions")
    assert response.status_code == 400
    html = response.content.decode()
    grid = part(html, f'id="recorded-form-{c.motion.pk}"', "</form>")
    assert "govuk-error-summary" in grid and "For: 6 given but 5 names" in grid
    assert re.search(rf'id="{key}-vote-{c.members[2].pk}-against"[^>]*checked', grid)
    assert re.search(rf'id="{key}-vote-{c.members[1].pk}-for"[^>]*checked', grid)
    # Leaving the page asks first: the form holds what was not saved.
    assert re.search(
        rf'<form [^>]*id="recorded-form-{c.motion.pk}"[^>]*data-moot-unsaved="changed"', html
    )
    assert not Vote.objects.filter(motion=c.motion).exists()


def test_a_vote_comes_back_as_the_motions_with_the_resolutions_that_may_record_it(c):
    key = f"hands-{c.motion.pk}"
    data = {"op": "hands", "motion": c.motion.pk, f"{key}-votes_for": "4"}
    data |= {f"{key}-votes_against": "1", f"{key}-abstentions": "0", f"{key}-majority": "simple"}
    response = post(c, data, "motions")
    assert response.status_code == 200
    html = response.content.decode()
    assert first_tag(html).startswith('<section class="clerk-panel" id="motions"')
    assert "Result: <strong>Carried</strong>" in html
    assert oob_ids(html) == [f"minute-{c.minute.pk}-resolutions", *ALWAYS]
    assert "Saved: vote recorded: carried (For 4, Against 1, Abstain 0)." in html
    assert Vote.objects.get(motion=c.motion).result == "carried"


def test_a_declaration_comes_back_as_the_declarations_and_bars_the_member_from_voting(c):
    data = {
        "op": "declaration",
        "decl-person": c.members[3].pk,
        "decl-nature": "dpi",
        "decl-text": "Owns land on the route",
        "decl-participation": "left_room",
    }
    response = post(c, data, "declarations")
    assert response.status_code == 200
    html = response.content.decode()
    assert first_tag(html).startswith('<section class="clerk-panel" id="declarations"')
    assert "Owns land on the route" in part(html, 'id="declarations"', "</section>")
    assert oob_ids(html) == ["motions", *ALWAYS]
    assert "Declared an interest in this item (left the room" in part(
        html, 'id="motions"', "</section>"
    )
    assert Declaration.objects.filter(meeting=c.meeting, person=c.members[3]).exists()


def test_a_refused_motion_keeps_what_was_typed(c):
    data = {"op": "motion", "motion-kind": "substantive", "motion-text": ""}
    data["motion-mover"] = c.members[2].pk
    response = post(c, data, "motions")
    assert response.status_code == 400
    form = part(response.content.decode(), 'id="motion-form"', "</form>")
    assert "Write the words of the motion." in part(form, "govuk-error-summary", "</ul>")
    assert re.search(rf'<option value="{c.members[2].pk}" selected>', form)
    assert Motion.objects.filter(meeting=c.meeting).count() == 1


def test_a_minute_saved_as_it_is_typed_comes_back_as_its_saved_line_alone(c):
    key = f"minute-{c.minute.pk}"
    data = {"op": "minute", "minute": c.minute.pk, f"{key}-title": "Highways"}
    data[f"{key}-text"] = "The Committee noted the programme."
    response = post(c, data, f"{key}-saved")
    assert response.status_code == 200
    html = response.content.decode()
    assert first_tag(html) == f'<p class="govuk-body-s clerk-saved" id="{key}-saved">'
    assert re.fullmatch(r"Saved at \d\d:\d\d", html[len(first_tag(html)) :].split("</p>")[0])
    # The text being typed is never sent back to replace itself.
    assert f'id="id_{key}-text"' not in html
    assert oob_ids(html) == ALWAYS
    assert "The Committee noted the programme." in part(html, 'id="preview"', "</section>")
    assert Minute.objects.get(pk=c.minute.pk).text == "The Committee noted the programme."


def test_a_minute_refused_as_it_is_typed_says_so_and_saves_nothing(c):
    key = f"minute-{c.minute.pk}"
    data = {"op": "minute", "minute": c.minute.pk, f"{key}-title": "", f"{key}-text": "More."}
    with writes_nothing():
        response = post(c, data, f"{key}-saved")
    assert response.status_code == 400
    saved = part(response.content.decode(), f'id="{key}-saved"', "</p>")
    assert "Not saved: Enter the minute heading." in saved
    assert f'id="id_{key}-text"' not in response.content.decode()
    assert Minute.objects.get(pk=c.minute.pk).text == "Noted."


def test_a_resolution_comes_back_as_its_minutes_resolutions(c):
    key = f"res-{c.minute.pk}"
    data = {"op": "resolution", "minute": c.minute.pk, f"{key}-text": "RESOLVED that:-"}
    data[f"{key}-parts"] = "the programme be approved."
    response = post(c, data, f"minute-{c.minute.pk}-resolutions")
    assert response.status_code == 200
    html = response.content.decode()
    assert first_tag(html) == f'<div id="minute-{c.minute.pk}-resolutions">'
    assert "(a) the programme be approved." in html
    assert oob_ids(html) == ALWAYS
    assert Resolution.objects.filter(minute=c.minute).count() == 1


def test_a_new_minute_comes_back_as_the_minutes_and_the_order_of_business(c):
    c.url = f"/clerk/meetings/{c.meeting.pk}/?item={c.items[0].pk}"
    data = {"op": "new_minute", "newminute-title": "Apologies", "newminute-text": ""}
    response = post(c, data, "minute")
    assert response.status_code == 200
    html = response.content.decode()
    assert first_tag(html).startswith('<section class="clerk-panel" id="minute"')
    assert oob_ids(html) == ["clerk-order", *ALWAYS]
    assert "(minute 2)" in part(html, 'id="clerk-order"', "</nav>")


def test_an_action_update_comes_back_as_its_saved_line(c):
    action = Action.objects.create(meeting=c.meeting, text="Report back", owner_text="Clerk")
    key = f"act-{action.pk}"
    data = {"op": "action_update", "action": action.pk, f"{key}-status": "done"}
    data[f"{key}-completed_on"] = "2030-03-20"
    response = post(c, data, f"action-{action.pk}-saved")
    assert response.status_code == 200
    assert first_tag(response.content.decode()).startswith(
        f'<p class="govuk-body-s clerk-saved" id="action-{action.pk}-saved"'
    )
    assert Action.objects.get(pk=action.pk).status == "done"


def test_a_part_the_change_does_not_belong_to_is_not_sent_for_it(c):
    data = {"op": "motion", "motion-kind": "substantive", "motion-text": "That it be noted."}
    for asked in ("attendance", "att-row-1", f"minute-{c.minute.pk}-saved", "", "nonsense"):
        response = post(c, data, asked)
        assert response.status_code == 200
        assert response["HX-Retarget"] == "#motions" and response["HX-Reswap"] == "outerHTML"
        assert first_tag(response.content.decode()).startswith(
            '<section class="clerk-panel" id="motions"'
        )
    # A piece of the right panel that is not on the screen: the panel.
    data = {"op": "minute", "minute": c.minute.pk, f"minute-{c.minute.pk}-title": "Highways"}
    response = post(c, data, "minute-999999-saved")
    assert response["HX-Retarget"] == "#minute"


def test_a_change_of_no_part_is_refused_in_the_summary_at_the_top(c):
    response = post(c, {"op": "nonsense"}, "motions")
    assert response.status_code == 400 and response["HX-Reswap"] == "none"
    errors = part(response.content.decode(), 'id="clerk-errors"', "</ul>")
    assert "That is not a change this page makes." in errors


def test_a_refusal_of_no_form_is_shown_at_the_top_of_its_part(c):
    testing.item(c.meeting, "3", "Another item")
    from .helpers import approved

    approved(c)
    response = post(c, {"op": "nil_declarations"}, "declarations")
    assert response.status_code == 400
    panel = part(response.content.decode(), 'id="declarations"', "</section>")
    assert "govuk-error-summary" in panel and "can no longer be changed" in panel


def test_signed_out_an_htmx_change_is_a_401_the_page_can_say(c):
    c.client.logout()
    response = post(c, {"op": "attendance"}, "attendance")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("text/plain")
    assert "no longer signed in" in response.content.decode()
    # Without JavaScript: to sign in, as before.
    assert c.client.post(c.url, {"op": "attendance"}).status_code == 302


def test_parts_showing_an_exempt_item_are_logged_as_the_page_is(c):
    exempt = testing.item(c.meeting, "4", "Property", part="exempt", exempt_paragraph=3)
    c.url = f"/clerk/meetings/{c.meeting.pk}/?item={exempt.pk}"
    member = c.members[5]
    post(c, {"op": "attendance", f"att-{member.pk}": "apologies"}, f"att-row-{member.pk}")
    logged = ExemptAccess.objects.filter(surface=Surface.CLERK, meeting=c.meeting)
    assert [r.description for r in logged] == [f"{c.meeting}: item 4, Property"]
    # The publish panel shows nothing of it: nothing more is logged.
    post(c, {"op": "publish"}, "publish")
    assert logged.count() == 1
