"""The meeting in the Django admin (``admin_week``): attendance one add form a person ("Save
and add another"), the declaration, the motions, the minutes with their resolutions and the
action, and the "Publish minutes as draft" action. Raw-id fields (an item, the motion an
amendment amends, an action's meeting) are chosen from their look-up window.

The admin shows votes but cannot record them (``VoteAdmin`` is read-only: the result is
computed by the clerk's services): the amendment's show of hands and the recorded vote are
taken on the clerk's screen, without JavaScript, as an officer of the admin's days would.
"""

from __future__ import annotations

import json

from clerking.choices import action_owners
from council.serving import serving_members
from meetings.models import Meeting
from proceedings.models import Motion

from .admin_driver import Browser
from .week import LATE, REPORT, Sitting
from .week_clerk import (
    ACTION,
    AMENDED,
    AMENDMENT,
    INTEREST,
    LATE_RESOLVED,
    MINUTES_RESOLVED,
    MOTION,
    NOTED,
    RESOLVED,
    minute_texts,
)

ITEMS = "/admin/meetings/agendaitem/?_to_field=id&_popup=1"
MOTIONS = "/admin/proceedings/motion/?_to_field=id&_popup=1"
MEETINGS = "/admin/meetings/meeting/?_to_field=id&_popup=1"


def attendance(officer: Browser, meeting: Meeting, substitute) -> Sitting:
    sitting = Sitting(serving_members(meeting.body, meeting.date), substitute)
    page = officer.get("/admin/proceedings/attendance/add/")
    for person in sitting.members:
        values = {
            "meeting": str(meeting.pk),
            "person": str(person.pk),
            "status": "apologies" if person in (sitting.away, sitting.replaced) else "present",
        }
        if person == sitting.chair:
            values["in_chair"] = "on"
        page = officer.submit(page, values, button="_addanother=Save and add another")
    values = {
        "meeting": str(meeting.pk),
        "person": str(substitute.pk),
        "status": "present",
        "substitute_for": str(sitting.replaced.pk),
    }
    officer.submit(page, values, button="_save=Save")
    return sitting


def declaration(officer: Browser, meeting: Meeting, sitting: Sitting) -> None:
    page = officer.get("/admin/proceedings/declaration/add/")
    officer.popup(ITEMS)
    values = {
        "meeting": str(meeting.pk),
        "person": str(sitting.declaring.pk),
        "item": str(meeting.items.get(number="5").pk),
        "nature": "other",
        "text": INTEREST,
        "participation": "took_part",
    }
    officer.submit(page, values, button="_save=Save")


def motions(officer: Browser, meeting: Meeting, sitting: Sitting) -> None:
    present = sitting.present
    report = meeting.items.get(number="5")
    page = officer.get("/admin/proceedings/motion/add/")
    rows = [
        {"kind": "substantive", "text": MOTION, "seconder": str(present[2].pk)},
        {"kind": "amendment", "text": AMENDMENT, "seconder": str(present[2].pk)},
    ]
    movers = [present[1], present[5]]
    for values, mover in zip(rows, movers, strict=True):
        officer.popup(ITEMS)
        values |= {"meeting": str(meeting.pk), "mover": str(mover.pk), "item": str(report.pk)}
        if values["kind"] == "amendment":
            officer.popup(MOTIONS)
            values["amends"] = str(Motion.objects.get(meeting=meeting, text=MOTION).pk)
            values["resulting_text"] = AMENDED
        page = officer.submit(page, values, button="_addanother=Save and add another")


def votes(officer: Browser, meeting: Meeting, sitting: Sitting) -> dict[str, str]:
    """On the clerk's screen without JavaScript: the amendment's show of hands (carried, so
    the motion as amended is put) and the recorded vote on it."""
    present = sitting.present
    report = meeting.items.get(number="5")
    amendment = Motion.objects.get(meeting=meeting, kind="amendment")
    page = officer.get(f"/clerk/meetings/{meeting.pk}/?item={report.pk}")
    key = f"hands-{amendment.pk}"
    hands = {f"{key}-votes_for": str(len(present) - 3), f"{key}-votes_against": "3"}
    page = officer.submit(page, hands, form=f"hands-form-{amendment.pk}")
    amended = Motion.objects.get(meeting=meeting, text=AMENDED, kind="substantive")
    form = page.form(f"recorded-form-{amended.pk}")
    rows = form.xpath(".//fieldset[@data-one-key]")
    names = [" ".join(row.xpath("./legend")[0].text_content().split()) for row in rows]
    fields = [row.xpath(".//input[@type='radio']")[0].get("name") for row in rows]
    choices = ["against"] + ["for"] * (len(rows) - 2) + ["abstain"]  # as on the workspace
    values = dict(zip(fields, choices, strict=True))
    officer.submit(page, values, form=f"recorded-form-{amended.pk}")
    return dict(zip(names, choices, strict=True))


def the_late_paper_agreed(officer: Browser, meeting: Meeting, sitting: Sitting) -> None:
    page = officer.get("/admin/proceedings/motion/add/")
    officer.popup(ITEMS)
    values = {
        "meeting": str(meeting.pk),
        "kind": "substantive",
        "text": NOTED,
        "mover": str(sitting.present[1].pk),
        "item": str(meeting.items.get(number="6").pk),
        "outcome": "without_vote",
    }
    officer.submit(page, values, button="_save=Save")


def minutes(officer: Browser, meeting: Meeting, sitting: Sitting) -> None:
    """Five minutes, each with its item; the resolutions typed as JSON lists (the admin's
    field for their lettered parts); the action inline on its minute. A resolution's motion
    can only be chosen once its minute is saved: minutes 4 and 5 are opened again for it."""
    items = list(meeting.items.order_by("order"))
    texts = minute_texts(sitting)
    titles = ["Apologies and Substitutes", "Declarations of Interest", items[3].title, REPORT, LATE]
    resolutions = {
        3: MINUTES_RESOLVED,
        4: RESOLVED,
        5: LATE_RESOLVED,
    }
    page = officer.get("/admin/proceedings/minute/add/")
    for number, (title, text) in enumerate(zip(titles, texts, strict=True), start=1):
        officer.popup(ITEMS)
        values = {
            "meeting": str(meeting.pk),
            "number": str(number),
            "item": str(items[number].pk),
            "title": title,
            "text": text,
        }
        if number in resolutions:
            values |= {
                "resolutions-TOTAL_FORMS": "1",
                "resolutions-0-text": "RESOLVED that:-",
                "resolutions-0-parts": json.dumps(resolutions[number]),
            }
        if number == 4:
            officer.popup(MEETINGS)
            # An officer owns the action, as on the clerk's screen (action_owners).
            sitting.action_owner = action_owners(meeting).first()
            values |= {
                "actions-TOTAL_FORMS": "1",
                "actions-0-meeting": str(meeting.pk),
                "actions-0-kind": "action",
                "actions-0-text": ACTION,
                "actions-0-owner": str(sitting.action_owner.pk),
                "actions-0-due": "15/12/2027",
                "actions-0-status": "open",
            }
        last = number == len(titles)
        button = "_save=Save" if last else "_addanother=Save and add another"
        page = officer.submit(page, values, button=button)
    motions_of = {4: (AMENDED, "substantive"), 5: (NOTED, "substantive")}
    for number, (text, kind) in motions_of.items():
        minute = meeting.minutes.get(number=number)
        motion = Motion.objects.get(meeting=meeting, text=text, kind=kind)
        page = officer.get(f"/admin/proceedings/minute/{minute.pk}/change/")
        page = officer.submit(page, {"resolutions-0-motion": str(motion.pk)}, button="_save=Save")
    officer.action(page, "publish_meetings", [meeting.minutes.get(number=1).pk])
