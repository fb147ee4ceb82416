"""The meeting on the clerk's screen, the day after it was held (``test_officer_week``):
attendance from the keyboard with two apologies and a substitute, the chair, then the items
in order, each minuted as it is taken: the apologies, the declarations (one, on item 5), the
minutes of the last meeting, the report (its motion, an amendment carried on a show of hands,
the amended motion carried on a recorded vote, the resolution, an action) and the late paper
(agreed without a vote); then the draft minutes published."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from council.models import Person
from council.serving import serving_members
from moot.shots import screenshot

from .week import LATE, REPORT, Sitting

MOTION = "That the Treasury Management Strategy for 2028-29 be endorsed."
AMENDMENT = "Add “and that the Cabinet Member report on the counterparty limits in December”."
AMENDED = (
    "That the Treasury Management Strategy for 2028-29 be endorsed, and that the Cabinet "
    "Member report on the counterparty limits in December."
)
NOTED = "That the move to Sessions House be endorsed."
RESOLVED = [
    "the Treasury Management Strategy for 2028-29 be endorsed;",
    "the Cabinet Member report on the counterparty limits in December.",
]
LATE_RESOLVED = ["the options be noted;", "the move to Sessions House be endorsed."]
MINUTES_RESOLVED = ["the minutes be approved as a correct record."]
INTEREST = "A director of a bank on the lending list."
REPORT_MINUTE = "The Committee considered the report of the Corporate Director."
ACTION = "Report the counterparty limits."


def settled(page) -> None:
    """No change the screen sent is still waiting for its answer."""
    page.wait_for_function("() => (document.body.dataset.pending || '0') === '0'")


def saved(page, text: str) -> None:
    expect(page.locator("#clerk-status")).to_contain_text(text)
    settled(page)


def clerk(page, site: str, meeting) -> Sitting:
    """From the home page to the clerk's screen, and the whole meeting minuted. Returns who
    sat and how they voted, for the checks."""
    page.goto(f"{site}/office/")
    row = page.locator("tr", has_text=f"{meeting.date:%a %-d %b %Y}")
    row.get_by_role("link", name=meeting.body.name).click()
    page.get_by_role("link", name="Clerk the meeting").click()
    sitting = Sitting(serving_members(meeting.body, meeting.date))
    attendance(page, sitting.members, {sitting.away, sitting.replaced})
    page.get_by_label("In the chair").select_option(label=sitting.chair.formal_name)
    saved(page, f"Saved: {sitting.chair.formal_name} in the chair.")
    page.locator("summary", has_text="Add a substitute").click()
    # The first councillor offered who does not sit on the committee.
    offered = page.locator("#id_sub-person option:not([value=''])").first.get_attribute("value")
    sitting.substitute = Person.objects.get(pk=offered)
    page.get_by_label("Substitute", exact=True).select_option(offered)
    page.get_by_label("Substituting for").select_option(label=sitting.replaced.formal_name)
    page.get_by_role("button", name="Add substitute").click()
    saved(page, f"Saved: {sitting.substitute.formal_name}")
    screenshot(page, "week-clerk-attendance")

    items = list(meeting.items.order_by("order"))
    texts = minute_texts(sitting)
    take(page, items[1])
    minute(page, 1, "Apologies and Substitutes", texts[0])
    take(page, items[2])
    page.get_by_label("Member declaring").select_option(label=sitting.declaring.formal_name)
    page.get_by_label("Item the interest is in").select_option(str(items[4].pk))
    page.get_by_label("Nature of the interest").select_option("other")
    page.get_by_label("Interest as declared").fill(INTEREST)
    page.get_by_label("Did they take part?").select_option("took_part")
    page.get_by_role("button", name="Record declaration").click()
    saved(page, f"Saved: declaration by {sitting.declaring.formal_name} on item 5.")
    minute(page, 2, "Declarations of Interest", texts[1])
    take(page, items[3])
    minute(page, 3, items[3].title, "")
    resolve(page, 3, MINUTES_RESOLVED)

    take(page, items[4])
    sitting.votes, sitting.action_owner = the_report(page, sitting.present)
    take(page, items[5])
    move(page, "substantive", NOTED, sitting.present[1], None)
    page.get_by_role("button", name=re.compile("^Agreed without a vote")).click()
    saved(page, "Saved")
    minute(page, 5, LATE, "")
    resolve(page, 5, LATE_RESOLVED, NOTED)

    page.get_by_role("button", name="Publish as draft").click()
    saved(page, "Saved: minutes published as a draft.")
    screenshot(page, "week-clerk-published")
    return sitting


def minute_texts(sitting: Sitting) -> list[str]:
    """The words of the five minutes (the workspace and the admin write the same)."""
    s = sitting
    return [
        f"Apologies were received from {s.away} and {s.replaced}; {s.substitute} was present "
        f"as substitute for {s.replaced}.",
        f"{s.declaring} declared an interest in item 5 as a director of a bank on the lending "
        "list.",
        "",
        REPORT_MINUTE,
        "",
    ]


def attendance(page, members, apologies) -> None:
    """One key a member, down the list (each saved at once, the next member focused)."""
    by_pk = {p.pk: p for p in members}
    expect(page.get_by_role("heading", name="Attendance")).to_be_visible()
    radios = page.eval_on_selector_all(
        "input[type=radio][id^=att-][id$=-present]", "els => els.map(e => e.id)"
    )
    page.locator(f"#{radios[0]}").focus()
    for radio in radios:
        person = by_pk[int(radio.split("-")[1])]
        key, said = ("a", "apologies") if person in apologies else ("p", "present")
        page.keyboard.press(key)
        expect(page.locator("#clerk-status")).to_contain_text(
            f"Saved: {person.formal_name} {said}."
        )
    settled(page)


def take(page, item) -> None:
    """The item on the screen (its link in the order of business)."""
    page.get_by_role("link", name=f"Item {item.number}: {item.title}").click()
    expect(page.get_by_role("heading", name=f"Item {item.number}: {item.title}")).to_be_visible()


def minute(page, number: int, heading: str, text: str) -> None:
    page.get_by_label("Minute heading").fill(heading)
    page.get_by_role("button", name="Start minute").click()
    saved(page, f"Saved: minute {number} started.")
    if text:
        box = page.locator("form:has(input[name=op][value=minute]) textarea")
        box.fill(text)
        box.press("Tab")  # saved as it is left
        saved(page, f"Saved: minute {number}.")


def resolve(page, number: int, parts: list[str], motion: str = "") -> None:
    page.get_by_label("Parts").fill("\n".join(parts))
    if motion:
        page.get_by_label("From the motion").select_option(label=motion[:80])
    page.get_by_role("button", name=f"Add resolution to minute {number}").click()
    saved(page, f"Saved: resolution of minute {number}.")


def move(page, kind, text, mover, seconder, amends: str = "", resulting: str = "") -> None:
    page.get_by_label("Kind of motion").select_option(kind)
    page.get_by_label("Motion", exact=True).fill(text)
    page.get_by_label("Moved by").select_option(label=mover.formal_name)
    if seconder is not None:
        page.get_by_label("Seconded by").select_option(label=seconder.formal_name)
    if amends:
        page.get_by_label("Amendment of").select_option(label=amends[:80])
        page.get_by_label("The motion as amended (amendments)").fill(resulting)
    page.get_by_role("button", name="Record motion").click()
    saved(page, "Saved: motion recorded.")


def the_report(page, present: list) -> tuple[dict[str, str], Person]:
    """Item 5: the motion and its amendment, the votes, the minute, its resolution and an
    action. Returns the recorded vote's choices by name."""
    mover, seconder, amender = present[1], present[2], present[5]
    move(page, "substantive", MOTION, mover, seconder)
    move(page, "amendment", AMENDMENT, amender, seconder, amends=MOTION, resulting=AMENDED)
    amendment = page.locator(".clerk-card", has_text="Amendment of")
    amendment.locator("summary", has_text="Show of hands").click()
    hands = amendment.locator("form[id^=hands-form]")
    hands.get_by_label("For", exact=True).fill(str(len(present) - 3))
    hands.get_by_label("Against", exact=True).fill("3")
    hands.get_by_role("button", name="Record show of hands").click()
    saved(page, f"Saved: vote recorded: carried (For {len(present) - 3}, Against 3, Abstain 0).")

    # The amendment carried, the motion as amended is put: a recorded vote, by name.
    card = page.locator(".clerk-card", has=page.get_by_text(AMENDED, exact=True)).filter(
        has_not_text="Amendment of"
    )
    card.locator("summary", has_text="Recorded vote").click()
    names = card.locator("fieldset[data-one-key] legend").all_inner_texts()
    keys = "a" + "f" * (len(names) - 2) + "b"  # one against, one abstention, the rest for
    card.locator("form[data-tally] input[type=radio]").first.focus()
    for key in keys:
        page.keyboard.press(key)
    expect(card.locator("[data-tally-output]")).to_contain_text(
        f"For {len(names) - 2}, Against 1, Abstain 1"
    )
    card.get_by_role("button", name="Record the recorded vote").click()
    saved(page, "Saved: recorded vote: carried")
    choice = {"a": "against", "f": "for", "b": "abstain"}
    votes = {name.strip(): choice[key] for name, key in zip(names, keys, strict=True)}

    minute(page, 4, REPORT, REPORT_MINUTE)
    resolve(page, 4, RESOLVED, AMENDED)
    page.get_by_label("Action or undertaking").select_option("action")
    page.get_by_label("What is to be done").fill(ACTION)
    # An officer owns the action (clerking.choices.action_owners): the first one offered.
    owner = page.get_by_label("Who (a person)")
    offered = owner.locator("option:not([value=''])").first.get_attribute("value")
    owner.select_option(offered)
    page.get_by_label("Due by").fill("15 December 2027")
    page.get_by_role("button", name="Record action").click()
    saved(page, "Saved: action recorded.")
    return votes, Person.objects.get(pk=offered)
