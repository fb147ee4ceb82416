"""Committees and outside bodies: lists, the committee page, and whose membership to show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Min, Prefetch, Q

from council.composition import Composition, composition
from council.models import Body, BodyKind, Membership
from council.models.memberships import SEAT_ROLES
from meetings.models import Meeting, MeetingStatus

from . import in_force, today

# Categories are listed in the order of the most senior kind of body they hold.
KIND_RANK = {k: n for n, k in enumerate(BodyKind.values)}
UNCATEGORISED = "Other bodies"
UNMET = {MeetingStatus.CANCELLED, MeetingStatus.POSTPONED}


@dataclass
class Section:
    title: str
    bodies: list[Body] = field(default_factory=list)


def is_current(body: Body, day: dt.date) -> bool:
    return body.active and (body.expired_on is None or body.expired_on > day)


def committee_sections() -> tuple[list[Section], list[Body]]:
    """Current bodies grouped by category, and former (dissolved) bodies. One query."""
    day = today()
    bodies = (
        Body.objects.exclude(kind=BodyKind.OUTSIDE_BODY)
        .select_related("parent")
        .annotate(next_meeting=Min("meetings__date", filter=Q(meetings__date__gte=day)))
        .order_by("name")
    )
    sections: dict[str, Section] = {}
    former = []
    for body in bodies:
        if not is_current(body, day):
            former.append(body)
            continue
        title = body.category or UNCATEGORISED
        sections.setdefault(title, Section(title)).bodies.append(body)
    ordered = sorted(
        sections.values(),
        key=lambda s: (s.title == UNCATEGORISED, min(KIND_RANK[b.kind] for b in s.bodies), s.title),
    )
    return ordered, former


def membership_day(body: Body, meetings: list[Meeting]) -> dt.date:
    """The day whose membership the page shows.

    Today when the body has seats in force today. Otherwise the latest day up to today on
    which it met with seats in force (held meetings first, then other meetings that were
    not cancelled), so an archive shows the membership that last met; failing that, the
    last day any seat was held.
    """
    now = today()
    seats = list(
        Membership.objects.filter(body=body, role__in=SEAT_ROLES).values_list("start", "end")
    )
    if not seats or any(in_force(s, e, now) for s, e in seats):
        return now
    past = sorted((m for m in meetings if m.date <= now), key=lambda m: m.date, reverse=True)
    held = [m.date for m in past if m.status == MeetingStatus.HELD]
    others = [m.date for m in past if m.status not in UNMET]
    for day in held + others:
        if any(in_force(s, e, day) for s, e in seats):
            return day
    ended = [e for _, e in seats if e and e < now]
    return max(ended) if ended else now


@dataclass
class CommitteePage:
    body: Body
    children: list[Body]
    day: dt.date
    is_today: bool
    met_that_day: bool  # a held meeting fell on ``day``
    membership: Composition
    future: list[Meeting]
    past: list[Meeting]


def committee_page(body: Body) -> CommitteePage:
    """Everything the committee page shows; a fixed number of queries however big the body."""
    children = list(body.children.order_by("name"))
    meetings = list(
        body.meetings.select_related("body", "venue").order_by("date", "start_time", "pk")
    )
    day = membership_day(body, meetings)
    now = today()
    return CommitteePage(
        body=body,
        children=children,
        day=day,
        is_today=day == now,
        met_that_day=any(m.date == day and m.status == MeetingStatus.HELD for m in meetings),
        membership=composition(body, day),
        future=[m for m in meetings if m.date >= now],
        past=[m for m in reversed(meetings) if m.date < now],
    )


def body_for_page(slug: str) -> Body | None:
    return (
        Body.objects.select_related("parent", "contact_officer", "default_venue")
        .filter(slug=slug)
        .first()
    )


@dataclass
class Representation:
    """An outside body's representatives: those serving today, else the most recent ones."""

    body: Body
    current: bool
    memberships: list[Membership]


def representation(body: Body, memberships: list[Membership]) -> Representation:
    now = today()
    held = [m for m in memberships if m.person_id]
    current = [m for m in held if in_force(m.start, m.end, now)]
    if current or not held:
        return Representation(body, True, current)
    last_end = max(m.end for m in held if m.end)
    return Representation(body, False, [m for m in held if m.end == last_end])


def outside_bodies() -> list[Representation]:
    """Every outside body with its representatives. Two queries."""
    bodies = (
        Body.objects.filter(kind=BodyKind.OUTSIDE_BODY)
        .prefetch_related(_memberships_prefetch())
        .order_by("name")
    )
    return [representation(b, list(b.memberships.all())) for b in bodies]


def _memberships_prefetch() -> Prefetch:
    return Prefetch(
        "memberships",
        queryset=Membership.objects.select_related("person").order_by("-start", "person__surname"),
    )


def outside_body(slug: str) -> tuple[Body, Representation, list[Membership]] | None:
    body = (
        Body.objects.filter(kind=BodyKind.OUTSIDE_BODY, slug=slug)
        .select_related("contact_officer")
        .prefetch_related(_memberships_prefetch())
        .first()
    )
    if body is None:
        return None
    memberships = [m for m in body.memberships.all() if m.person_id]
    return body, representation(body, memberships), memberships
