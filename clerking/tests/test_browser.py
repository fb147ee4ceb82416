"""A clerk minutes a new meeting end to end in Chromium, mostly from the keyboard; axe-core
finds no violations on the screen."""

from __future__ import annotations

import datetime as dt
import re
from pprint import pformat

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from audit.testing import TEST_ACTOR
from council.dates import authority_today
from moot.shots import screenshot
from moot.testing import verified_login
from proceedings.minutes import add_minute
from proceedings.models import (
    Action,
    Attendance,
    Declaration,
    Minute,
    MinutesRecord,
    Motion,
    RecordedVote,
    Resolution,
    Vote,
)
from proceedings.votes import add_motion

from .helpers import an_officer, clerk_user, committee

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in_clerk(page, live_server) -> None:
    """Give the browser the session of a democratic services officer with both factors."""
    client = verified_login(Client(), clerk_user())
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )


def settled(page) -> None:
    """Wait until no autosave request is in flight (the page counts them)."""
    page.wait_for_function("() => document.body.dataset.pending === '0'")


def accessibility(page, axe, name: str) -> dict:
    failures = {}
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        if violations := axe(page):
            failures[f"{name}@{width}"] = violations
        screenshot(page, f"clerk-{name}-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})
    return failures


def test_clerk_minutes_a_meeting_end_to_end(live_server, demo_council, page, axe):
    # Minutes are published only once the meeting has taken place: a fortnight before the
    # authority's today (the demo loaded here shows its own date).
    c = committee(day=authority_today() - dt.timedelta(days=14))
    m = c.members
    head = an_officer(day=c.meeting.date)
    meeting, item = c.meeting, c.items[1]
    sign_in_clerk(page, live_server)
    status = page.locator("#clerk-status")

    page.goto(live_server.url + "/clerk/")
    expect(page.get_by_role("heading", name="Meetings to minute")).to_be_visible()
    failures = accessibility(page, axe, "index")
    page.goto(f"{live_server.url}/clerk/meetings/{meeting.pk}/")
    assert page.evaluate("() => typeof htmx") == "object"
    failures |= accessibility(page, axe, "empty")
    page.get_by_role("link", name="Item 2: Highways maintenance programme").click()
    expect(
        page.get_by_role("heading", name="Item 2: Highways maintenance programme")
    ).to_be_visible()

    # Attendance: one key a member, each saved at once; focus moves to the next member.
    # (The server is never read while the browser may be writing: one SQLite database.)
    page.locator(f"#att-{m[0].pk}-present").focus()
    for person, key, said in [(p, "p", "present") for p in m[:5]] + [(m[5], "a", "apologies")]:
        page.keyboard.press(key)
        expect(status).to_contain_text(f"Saved: {person.formal_name} {said}.")
    expect(page.locator(f"#att-{m[5].pk}-apologies")).to_be_focused()
    settled(page)  # the chair and the item's lists follow the attendance
    page.get_by_label("In the chair").select_option(label=m[0].formal_name)
    expect(status).to_contain_text(f"Saved: {m[0].formal_name} in the chair.")
    settled(page)
    expect(page.locator("#clerk-summary")).to_contain_text(
        f"Present: 5 (quorum 2). In the chair: {m[0].formal_name}."
    )

    # The page again: radios reflect what was saved.
    page.reload()
    expect(page.locator(f"#att-{m[5].pk}-apologies")).to_be_checked()
    expect(page.locator(f"#att-{m[1].pk}-present")).to_be_checked()

    # A declaration on the item.
    page.get_by_label("Member declaring").select_option(label=m[3].formal_name)
    page.get_by_label("Nature of the interest").select_option("other")
    page.get_by_label("Interest as declared").fill("Lives on the A28.")
    page.get_by_label("Did they take part?").select_option("took_part")
    page.get_by_label("Dispensation (if any)").press("Enter")  # Enter submits
    expect(status).to_contain_text(f"Saved: declaration by {m[3].formal_name} on item 2.")

    # A motion, moved and seconded.
    page.get_by_label("Kind of motion").select_option("substantive")
    page.get_by_label("Motion", exact=True).fill("That the programme be approved.")
    page.get_by_label("Moved by").select_option(label=m[1].formal_name)
    page.get_by_label("Seconded by").select_option(label=m[2].formal_name)
    page.get_by_label("Motion", exact=True).press("Control+Enter")
    expect(status).to_contain_text("Saved: motion recorded.")

    # A recorded vote from the keyboard: F, F, F, A, N down the five present.
    page.locator("summary", has_text="Recorded vote").click()
    page.locator("form[data-tally] input[type=radio]").first.focus()
    for key in "fffan":
        page.keyboard.press(key)
    expect(page.locator("[data-tally-output]")).to_have_text(
        "For 3, Against 1, Abstain 0, Did not vote 1. On a simple majority: carried."
    )
    page.get_by_role("button", name="Record the recorded vote").click()
    expect(status).to_contain_text("Saved: recorded vote: carried (For 3, Against 1, Abstain 0).")

    # The minute, autosaved as it is written, and a resolution with lettered parts.
    page.get_by_label("Minute heading").fill("Highways maintenance programme")
    page.get_by_role("button", name="Start minute").click()
    expect(status).to_contain_text("Saved: minute 1 started.")
    text = page.locator("form:has(input[name=op][value=minute]) textarea")
    text.fill("The Committee considered the report of the Head of Highways.")
    text.press("Tab")
    expect(status).to_contain_text("Saved: minute 1.")
    settled(page)
    page.get_by_label("Parts").fill("the programme be approved;\nofficers report in March.")
    page.get_by_label("From the motion").select_option(label="That the programme be approved.")
    page.get_by_role("button", name="Add resolution to minute 1").click()
    expect(status).to_contain_text("Saved: resolution of minute 1.")

    # An undertaking.
    page.get_by_label("Action or undertaking").select_option("undertaking")
    page.get_by_label("What is to be done").fill("Circulate the list of schemes.")
    # The owners' list holds officers (not the members deciding), searchable by post.
    page.get_by_label("Search who is to do it").fill("highways")
    expect(page.locator("#actions [data-clerk-filter-count]")).to_have_text(
        "1 name matches: choose from the list below."
    )
    page.get_by_label("Who (a person)").select_option(
        label=f"{head.formal_name} – Head of Highways"
    )
    page.get_by_label("Due by").fill("2030-04-01")
    page.get_by_role("button", name="Record action").click()
    expect(status).to_contain_text("Saved: undertaking recorded.")

    failures |= accessibility(page, axe, "minuted")
    page.get_by_role("button", name="Publish as draft").click()
    expect(status).to_contain_text("Saved: minutes published as a draft.")
    assert failures == {}, pformat(failures)
    settled(page)

    # Everything is in the record.
    assert dict(Attendance.objects.filter(meeting=meeting).values_list("person_id", "status")) == {
        **{p.pk: "present" for p in m[:5]},
        m[5].pk: "apologies",
    }
    assert Attendance.objects.get(meeting=meeting, in_chair=True).person == m[0]
    d = Declaration.objects.get(meeting=meeting)
    assert (d.person, d.item, d.text, d.participation) == (
        m[3],
        item,
        "Lives on the A28.",
        "took_part",
    )
    motion = Motion.objects.get(meeting=meeting)
    assert (motion.text, motion.mover, motion.seconder, motion.item) == (
        "That the programme be approved.",
        m[1],
        m[2],
        item,
    )
    vote = Vote.objects.get(motion=motion)
    assert (vote.method, vote.votes_for, vote.votes_against, vote.abstentions, vote.result) == (
        "recorded",
        3,
        1,
        0,
        "carried",
    )
    assert dict(RecordedVote.objects.filter(vote=vote).values_list("person_id", "choice")) == {
        m[0].pk: "for",
        m[1].pk: "for",
        m[2].pk: "for",
        m[3].pk: "against",
        m[4].pk: "did_not_vote",
    }
    assert Motion.objects.get(pk=motion.pk).outcome == "carried"
    minute = Minute.objects.get(meeting=meeting)
    assert minute.text == "The Committee considered the report of the Head of Highways."
    assert (minute.number, minute.item, minute.title) == (1, item, "Highways maintenance programme")
    resolution = Resolution.objects.get(minute=minute)
    assert resolution.parts == ["the programme be approved;", "officers report in March."]
    assert resolution.motion == motion
    action = Action.objects.get(meeting=meeting)
    assert (action.kind, action.owner, action.due.isoformat(), action.minute) == (
        "undertaking",
        head,
        "2030-04-01",
        minute,
    )
    assert MinutesRecord.objects.get(meeting=meeting).status == "published_draft"

    # The public minutes show it.
    response = page.goto(f"{live_server.url}/meetings/{meeting.pk}/minutes/")
    assert response.status == 200
    body = page.locator("main").inner_text()
    for text in (
        "Highways maintenance programme",
        "the programme be approved;",
        "The Committee considered the report of the Head of Highways.",
        m[1].formal_name,
    ):
        assert text in body, text
    assert re.search(r"For \(3\)", body)


def test_refusal_page_and_error_summary_have_no_violations(live_server, demo_council, page, axe):
    from django.contrib.auth.models import User

    from access.models import Account
    from proceedings.attendance import record_attendance

    c = committee()
    for person in c.members:
        record_attendance(c.meeting, person, "present", actor=TEST_ACTOR)
    add_motion(
        c.meeting, "substantive", "That the report be noted.", mover=c.members[1], actor=TEST_ACTOR
    )
    # A refusal shown without JavaScript: the error summary, HTTP 400.
    sign_in_clerk(page, live_server)
    page.goto(f"{live_server.url}/clerk/meetings/{c.meeting.pk}/")
    page.evaluate(
        "() => { document.querySelectorAll('[hx-post]').forEach("
        "f => f.removeAttribute('hx-post')); }"
    )
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.get_by_role("button", name="Record motion").click()
    assert posted.value.status == 400
    expect(page.locator(".govuk-error-summary")).to_contain_text("Write the words of the motion.")
    failures = accessibility(page, axe, "error")
    # An autosave refused: the status line says why, the member's row comes back as saved
    # (present) with the reason in it.
    page.reload()
    page.locator(f"#att-{c.members[1].pk}-present").focus()
    page.keyboard.press("x")
    refusal = (
        f"Not saved: {c.members[1]} cannot be recorded as absent: they moved "
        "“That the report be noted.”"
    )
    expect(page.locator("#clerk-status")).to_contain_text(refusal)
    expect(page.locator(f"#att-row-{c.members[1].pk} .govuk-error-message")).to_contain_text(
        refusal
    )
    expect(page.locator(f"#att-{c.members[1].pk}-present")).to_be_checked()
    settled(page)
    failures |= accessibility(page, axe, "autosave-error")
    assert Attendance.objects.get(meeting=c.meeting, person=c.members[1]).status == "present"
    # A councillor is refused the screen.
    page.context.clear_cookies()
    user = User.objects.create_user("councillor", password="Long-enough-pass-1")
    Account.objects.create(user=user, person=c.members[1])
    client = verified_login(Client(), user)
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )
    assert page.goto(f"{live_server.url}/clerk/meetings/{c.meeting.pk}/").status == 403
    expect(page.get_by_role("heading", name="You cannot take minutes")).to_be_visible()
    failures |= accessibility(page, axe, "forbidden")
    assert failures == {}, pformat(failures)


def test_changes_update_their_part_of_the_page_and_nothing_typed_is_lost(
    live_server, demo_council, page, axe
):
    c = committee(day=authority_today() - dt.timedelta(days=14))
    m, item = c.members, c.items[1]
    motion = add_motion(c.meeting, "substantive", "That it be noted.", item=item, actor=TEST_ACTOR)
    minute = add_minute(c.meeting, "Highways", item=item, text="Noted.", actor=TEST_ACTOR)
    sign_in_clerk(page, live_server)
    status = page.locator("#clerk-status")
    page.goto(f"{live_server.url}/clerk/meetings/{c.meeting.pk}/?item={item.pk}")
    page.evaluate("() => { window.notReloaded = true; }")  # gone if the page loads again

    # Attendance by keyboard, faster than the answers come: each row is sent on its own.
    page.locator(f"#att-{m[0].pk}-present").focus()
    for key in "pppa":
        page.keyboard.press(key)
    expect(status).to_contain_text(f"Saved: {m[3].formal_name} apologies.")
    settled(page)
    # A motion typed, not yet recorded, survives its panel being drawn again when the next
    # member arrives (who may move follows the attendance).
    page.get_by_label("Motion", exact=True).fill("That the programme be approved.")
    page.locator(f"#att-{m[4].pk}-present").check()
    expect(page.get_by_label("Moved by")).to_contain_text(m[4].formal_name)
    expect(page.get_by_label("Motion", exact=True)).to_have_value("That the programme be approved.")
    settled(page)
    expect(page.locator("#clerk-summary")).to_contain_text("Present: 4 (quorum 2)")

    # A refused vote: the panel stays open as typed, the focus on the error inside it.
    card = page.locator(f"#motion-{motion.pk}")
    hands = page.locator(f"#hands-form-{motion.pk}")
    card.locator("summary", has_text="Show of hands").click()
    hands.get_by_label("For", exact=True).fill("9")
    hands.get_by_label("Against", exact=True).fill("0")
    hands.get_by_role("button", name="Record show of hands").click()
    expect(status).to_contain_text("Not saved: 9 votes are counted")
    expect(hands.locator(".govuk-error-summary")).to_be_focused()
    expect(hands.get_by_label("For", exact=True)).to_have_value("9")
    failures = accessibility(page, axe, "refused-vote")
    hands.get_by_label("For", exact=True).fill("2")
    hands.get_by_label("Against", exact=True).fill("1")
    hands.get_by_role("button", name="Record show of hands").click()
    expect(page.locator(f"#motion-{motion.pk}")).to_contain_text("Result: Carried")

    # The minute saves as it is typed, and the preview of the published minutes follows.
    text = page.locator(f"#id_minute-{minute.pk}-text")
    text.press("Control+End")
    text.press_sequentially(" The programme was approved.")
    expect(page.locator(f"#minute-{minute.pk}-saved")).to_contain_text("Saved at")
    expect(page.locator("#preview")).to_contain_text("Noted. The programme was approved.")
    expect(text).to_be_focused()

    # The officers' list shortened by the search box.
    page.locator("summary", has_text="Add a substitute").click()
    page.get_by_label("Search the officers").fill("democratic services")
    shown = page.eval_on_selector_all(
        "#id_officer-person option:not([hidden])", "options => options.map(o => o.text)"
    )
    assert shown[0].startswith("Someone not listed") and len(shown) > 1
    assert all("Democratic Services" in text for text in shown[1:]), shown

    # Leaving with a declaration half typed asks first; staying keeps it.
    page.get_by_label("Interest as declared").fill("Lives on the A28.")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.get_by_role("link", name="Meetings to minute").click()
    expect(page.get_by_label("Interest as declared")).to_have_value("Lives on the A28.")
    failures |= accessibility(page, axe, "partial-updates")
    page.set_viewport_size({"width": 320, "height": 900})
    failures |= {"320": v} if (v := axe(page)) else {}
    assert failures == {}, pformat(failures)
    assert asked == ["beforeunload"]  # (by now the browser's events have all come in)
    assert page.evaluate("() => window.notReloaded") is True

    assert dict(
        Attendance.objects.filter(meeting=c.meeting).values_list("person_id", "status")
    ) == {
        m[0].pk: "present",
        m[1].pk: "present",
        m[2].pk: "present",
        m[3].pk: "apologies",
        m[4].pk: "present",
    }
    assert Vote.objects.get(motion=motion).votes_for == 2
    assert Minute.objects.get(pk=minute.pk).text == "Noted. The programme was approved."
