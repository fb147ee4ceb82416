"""What the feeds list: the meetings of a scope (the authority, a body or a member's bodies),
with the public items of agendas that have been published.

An agenda counts as published when publishing records it (``publishing.state``, the gate the
website uses) or once its publication signal has been received (a ``PublicationNotice``);
until then a feed shows the meeting but none of its business.
An entry is dated from the publication record only: when the agenda (and any supplement)
entered the publication log, when the minutes (which carry the decisions) were published.
Never the time a record was loaded or changed, nor the time the feed is read.
Exempt items never appear: not their titles, not their purposes.
Minutes appear once ``proceedings.public`` says they are public (published as a draft, then
approved and signed), with the numbers and titles of the public minutes only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import Min, Q
from django.urls import reverse

from audit.models import AuditEntry
from council.dates import authority_today
from council.models import Authority, Body, BodyKind, Membership, Person, TermOfOffice
from meetings.models import AgendaItem, Meeting, exempt_item_q
from proceedings import public as proceedings
from proceedings.models import Minute
from publishing.models import AgendaPublication, PublicationKind
from publishing.state import published_exists
from summons.ics import LONDON

from .models import NoticeKind, PublicationNotice

# How far ahead a feed looks: dates further out are provisional programme dates.
HORIZON = dt.timedelta(days=366)


@dataclass
class Scope:
    title: str
    description: str
    page: str  # the website page the feed belongs to
    meetings: Q
    body: Body | None = None
    person: Person | None = None
    feed_path: str = ""  # the path the feed was asked for, set by the feed


def authority() -> Scope:
    name = getattr(Authority.current(), "name", "") or "Moot"
    return Scope(
        f"{name}: meetings",
        f"Meetings of {name}'s council, committees and other bodies",
        reverse("website:home"),
        Q(),
    )


def for_body(slug: str) -> Scope | None:
    body = Body.objects.filter(slug=slug).first()
    if body is None:
        return None
    return Scope(
        f"{body.name}: meetings",
        f"Meetings of the {body.name}",
        body.get_absolute_url(),
        Q(body=body),
        body=body,
    )


def _period(start: dt.date, end: dt.date | None) -> Q:
    q = Q(date__gte=start)
    return q & Q(date__lte=end) if end else q


def for_member(slug: str) -> Scope | None:
    """Meetings of the bodies the member sat on, while they sat on them, and of the full
    council while they held office."""
    person = Person.objects.filter(slug=slug).first()
    if person is None:
        return None
    parts = [
        Q(body_id=body_id) & _period(start, end)
        for body_id, start, end in Membership.objects.filter(person=person).values_list(
            "body_id", "start", "end"
        )
    ]
    parts += [
        Q(body__kind=BodyKind.COUNCIL) & _period(start, end)
        for start, end in TermOfOffice.objects.filter(person=person).values_list("start", "end")
    ]
    if not parts:  # an officer or anyone else without seats: no member feed
        return None
    name = person.councillor_name
    return Scope(
        f"{name}: meetings",
        f"Meetings of the bodies {name} sits on",
        person.get_absolute_url(),
        reduce(or_, parts),
        person=person,
    )


@dataclass
class Entry:
    meeting: Meeting
    agenda_published: bool
    agenda_published_at: dt.datetime | None  # None too when the moment is not recorded
    minutes_published_at: dt.datetime | None
    published: dt.datetime  # the entry's first publication (RSS pubDate, Atom published)
    updated: dt.datetime  # its latest publication (Atom updated)
    public_items: list[AgendaItem] = field(default_factory=list)
    guid: str = ""
    minutes: list[Minute] = field(default_factory=list)  # the public minutes, once published
    minutes_url: str = ""  # absolute, set by the feed that lists the entry

    @property
    def minutes_public(self) -> bool:
        return self.minutes_published_at is not None or bool(self.minutes)

    def minutes_path(self) -> str:
        return reverse("proceedings:minutes", args=[self.meeting.pk, self.meeting.slug])

    @property
    def upcoming(self) -> bool:
        return self.meeting.date >= authority_today()


def _scheduled(ids: list[int]) -> dict[int, dt.datetime]:
    """When each meeting was put in the calendar: its first audit entry."""
    ct = ContentType.objects.get_for_model(Meeting)
    rows = (
        AuditEntry.objects.filter(content_type=ct, object_id__in=[str(i) for i in ids])
        .values("object_id")
        .annotate(at=Min("at"))
    )
    return {int(r["object_id"]): r["at"] for r in rows}


def _logged(ids: list[int]) -> tuple[dict[int, dt.datetime], dict[int, list[dt.datetime]]]:
    """From the publication log (``publishing.models.AgendaPublication``): when each
    meeting's agenda was published, and when its supplements were (moments known only)."""
    agendas: dict[int, dt.datetime] = {}
    supplements: dict[int, list[dt.datetime]] = {}
    for meeting_id, kind, at in AgendaPublication.objects.filter(
        meeting_id__in=ids, published_at__isnull=False
    ).values_list("meeting_id", "kind", "published_at"):
        if kind == PublicationKind.AGENDA:
            agendas[meeting_id] = at
        else:
            supplements.setdefault(meeting_id, []).append(at)
    return agendas, supplements


def _dates(
    m: Meeting,
    moments: list[dt.datetime],
    scheduled: dt.datetime | None,
    agenda_at: dt.datetime | None,
) -> tuple[dt.datetime, dt.datetime]:
    """(published, updated) of a meeting's entry. With nothing of it published at a known
    moment: a meeting still to come dates from when it was scheduled; one held (or whose
    scheduling is not recorded), from its start, by which its papers were out."""
    if moments:
        return agenda_at or min(moments), max(moments)
    start = _start(m)
    if scheduled is not None and scheduled < start:
        return scheduled, scheduled
    return start, start


def _start(meeting: Meeting) -> dt.datetime:
    return dt.datetime.combine(meeting.date, meeting.start_time or dt.time(0), tzinfo=LONDON)


def _minutes(ids: list[int]) -> tuple[dict[int, dt.datetime | None], dict[int, list[Minute]]]:
    """For the meetings whose minutes are public: when they were published, and their public
    minutes in number order. Two queries."""
    published = dict(
        proceedings.published_meetings()
        .filter(pk__in=ids)
        .values_list("pk", "minutes_record__published_at")
    )
    minutes: dict[int, list[Minute]] = {}
    for minute in (
        proceedings.public_minutes().filter(meeting_id__in=list(published)).order_by("number")
    ):
        minutes.setdefault(minute.meeting_id, []).append(minute)
    return published, minutes


def entries(scope: Scope, limit: int) -> list[Entry]:
    """The scope's meetings, newest first (upcoming ones up to a year ahead). Eight
    queries."""
    horizon = authority_today() + HORIZON
    meetings = list(
        Meeting.objects.filter(scope.meetings, date__lte=horizon)
        .annotate(agenda_public=published_exists())
        .select_related("body", "venue")
        .order_by("-date", "-start_time", "-pk")[:limit]
    )
    ids = [m.pk for m in meetings]
    published: dict[tuple[int, str], dt.datetime] = {}
    for meeting_id, kind, at in (
        PublicationNotice.objects.filter(meeting_id__in=ids)
        .order_by("published_at")
        .values_list("meeting_id", "kind", "published_at")
    ):
        published.setdefault((meeting_id, kind), at)  # the first publication
    items: dict[int, list[AgendaItem]] = {}
    agenda_ids = {
        m.pk for m in meetings if m.agenda_public or (m.pk, NoticeKind.AGENDA) in published
    }
    # A sub-item of an exempt item is exempt business too (``exempt_item_q``).
    public = (
        AgendaItem.objects.filter(meeting_id__in=agenda_ids)
        .exclude(exempt_item_q())
        .order_by("order", "pk")
    )
    for item in public:
        items.setdefault(item.meeting_id, []).append(item)
    scheduled = _scheduled(ids)
    logged, supplements = _logged(ids)
    minutes_public, minutes = _minutes(ids)
    result = []
    for m in meetings:
        # The publication log is the record; a notice dates what the log does not.
        agenda_at = logged.get(m.pk) or published.get((m.pk, NoticeKind.AGENDA))
        # The gate decides whether minutes are public; the record dates them.
        minutes_at = None
        if m.pk in minutes_public:
            minutes_at = minutes_public[m.pk] or published.get((m.pk, NoticeKind.MINUTES))
        moments = [s for s in (agenda_at, minutes_at, *supplements.get(m.pk, [])) if s]
        first, last = _dates(m, moments, scheduled.get(m.pk), agenda_at)
        result.append(
            Entry(
                m,
                m.pk in agenda_ids,
                agenda_at,
                minutes_at,
                first,
                last,
                items.get(m.pk, []),
                minutes=minutes.get(m.pk, []),
            )
        )
    return result
