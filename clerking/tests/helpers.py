"""A small committee and a meeting to minute, made through the services; clerk sign-in; the
clerk's screen at one of its items, and the members sat for it."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from django.contrib.auth.models import User

from access.models import Account
from audit.testing import TEST_ACTOR
from council.models import Role
from council.services import appoint
from moot import testing
from moot.testing import verified_login
from proceedings.attendance import record_attendance

DAY = dt.date(2030, 3, 12)
HTMX = {"HTTP_HX_REQUEST": "true"}


def committee(n: int = 6, day: dt.date = DAY) -> SimpleNamespace:
    body = testing.body("Clerking Test Committee", seats=n)
    members = [testing.person(f"Clerkmember{chr(ord('a') + i)}", initials="B") for i in range(n)]
    appoint(body, members[0], Role.CHAIRMAN, start=day - dt.timedelta(days=300), actor=TEST_ACTOR)
    for m in members[1:]:
        appoint(body, m, Role.MEMBER, start=day - dt.timedelta(days=300), actor=TEST_ACTOR)
    meeting = testing.meeting(body, day)
    items = [
        testing.item(meeting, "1", "Apologies and substitutes"),
        testing.item(meeting, "2", "Highways maintenance programme"),
    ]
    return SimpleNamespace(body=body, members=members, meeting=meeting, items=items)


def an_officer(post: str = "Head of Highways", surname: str = "Clerkofficer", day: dt.date = DAY):
    """An officer in the record (an officer's post held since before ``day``): someone the
    clerk's lists offer as an officer and as the owner of an action."""
    from council.models import Person, Post, PostHolding

    person = Person.objects.filter(surname=surname).first() or testing.person(
        surname, title="Ms", initials="H"
    )
    held = Post.objects.get_or_create(title=post)[0]
    PostHolding.objects.get_or_create(
        person=person, post=held, defaults={"start": day - dt.timedelta(days=400)}
    )
    return person


def clerk_user(username: str = "clerk") -> User:
    user = User.objects.create_user(username, password="Long-enough-pass-1")
    Account.objects.create(user=user, democratic_services=True)
    return user


def signed_in_clerk(client, username: str = "clerk"):
    return verified_login(client, clerk_user(username))


def on_the_screen(client) -> SimpleNamespace:
    """The committee with the clerk signed in and the screen's address at its second item."""
    c = committee()
    c.client = signed_in_clerk(client)
    c.url = f"/clerk/meetings/{c.meeting.pk}/?item={c.items[1].pk}"
    return c


def approved(c) -> None:
    """The meeting's minutes approved by a minute of the committee's next meeting (as
    ``proceedings.approval`` records it, without publishing them first)."""
    from proceedings.minutes import add_minute
    from proceedings.models import MinutesRecord

    later = testing.meeting(c.body, c.meeting.date + dt.timedelta(days=28))
    minute = add_minute(later, "Minutes", actor=TEST_ACTOR)
    MinutesRecord.objects.update_or_create(
        meeting=c.meeting,
        defaults={"status": "approved", "approved_by_minute": minute, "approved_on": later.date},
    )


def sit(c, absent=()):
    for i, m in enumerate(c.members):
        record_attendance(
            c.meeting, m, "absent" if i in absent else "present", in_chair=i == 0, actor=TEST_ACTOR
        )
