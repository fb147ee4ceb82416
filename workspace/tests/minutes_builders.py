"""A committee's minutes waiting for approval, for the minutes page, the clerk's screen and
the browser tests: a meeting on 20 July 2017 with two minutes (one exempt), published as a
draft, and the body's next meeting on 1 September 2017 (before the demo's "today", 16
September 2017) with a "minutes of the last meeting" item, Mr A Chair in its chair (with
``chair=False`` nobody: no chair recorded, and the body has no chairman)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from audit.testing import TEST_ACTOR
from council.models import Role
from council.services import appoint
from moot import testing as t
from proceedings.attendance import record_attendance
from proceedings.minutes import add_minute, add_resolution, publish_minutes

EARLIER = dt.date(2017, 7, 20)
LATER = dt.date(2017, 9, 1)
ICT = "The Committee discussed the new tablets for the members."


def waiting(
    *, publish: bool = True, approving_minute: bool = True, chair: bool = True, name: str = ""
):
    body = t.body(name or "Minutes Test Committee", seats=3)
    chairman, member = t.person("Chair"), t.person("Member")
    role = Role.CHAIRMAN if chair else Role.MEMBER
    appoint(body, chairman, role, start=dt.date(2017, 5, 1), actor=TEST_ACTOR)
    appoint(body, member, Role.MEMBER, start=dt.date(2017, 5, 1), actor=TEST_ACTOR)
    earlier = t.meeting(body, EARLIER)
    item = t.item(earlier, "1", "Member ICT", kind="report")
    secret = t.item(earlier, "2", "Depot sale", kind="report", part="exempt", exempt_paragraph=3)
    record_attendance(earlier, chairman, "present", in_chair=chair, actor=TEST_ACTOR)
    ict = add_minute(earlier, "Member ICT", item=item, text=ICT, actor=TEST_ACTOR)
    add_resolution(ict, "RESOLVED that", ["the report be noted."], actor=TEST_ACTOR)
    exempt = add_minute(
        earlier,
        "Depot sale",
        item=secret,
        text="The Committee agreed the price of the depot.",
        exempt=True,
        exempt_paragraph=3,
        summary_not_needed=True,
        actor=TEST_ACTOR,
    )
    if publish:
        publish_minutes(earlier, actor=TEST_ACTOR)
    later = t.meeting(body, LATER)
    t.item(later, "1", "Apologies", kind="apologies")
    minutes_item = t.item(later, "2", "Minutes of the meeting held on 20 July 2017", kind="minutes")
    if chair:
        record_attendance(later, chairman, "present", in_chair=True, actor=TEST_ACTOR)
    approving = None
    if approving_minute:
        approving = add_minute(
            later, "Minutes of the last meeting", item=minutes_item, actor=TEST_ACTOR
        )
    return SimpleNamespace(
        body=body,
        chairman=chairman,
        earlier=earlier,
        later=later,
        ict=ict,
        exempt=exempt,
        minutes_item=minutes_item,
        approving=approving,
    )
