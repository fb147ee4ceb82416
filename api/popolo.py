"""The Popolo export (https://www.popoloproject.com/specs/): persons, organizations (the
council, its bodies and the political groups), memberships, posts, areas, events (meetings),
motions and vote events with their counts and votes.

It reads the same public rows as the API (``api.resources``, and proceedings only through
``proceedings.public``): nothing here is public that the API does not already serve.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from council.models import (
    Authority,
    Body,
    Division,
    GroupMembership,
    Membership,
    Person,
    PoliticalGroup,
    Post,
    PostHolding,
    TermOfOffice,
)
from meetings.models import Meeting
from proceedings import public
from proceedings.models import Choice, Outcome, VoteResult

COUNCIL = "organization/council"
OPTIONS = {
    Choice.FOR: "yes",
    Choice.AGAINST: "no",
    Choice.ABSTAIN: "abstain",
    Choice.DID_NOT_VOTE: "not voting",
}
RESULTS = {VoteResult.CARRIED: "pass", VoteResult.LOST: "fail"}


def person_id(pk) -> str | None:
    return f"person/{pk}" if pk else None


def body_id(pk) -> str:
    return f"organization/body/{pk}"


def group_id(pk) -> str:
    return f"organization/group/{pk}"


def event_id(pk) -> str:
    return f"event/meeting/{pk}"


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _moment(day: dt.date, time: dt.time | None) -> str:
    """A meeting's start as an ISO 8601 date-time in UK local time (midnight if unknown)."""
    return timezone.make_aware(dt.datetime.combine(day, time or dt.time())).isoformat()


def _person(p: Person, base: str) -> dict:
    data = {
        "id": person_id(p.pk),
        "name": p.full_name,
        "family_name": p.surname,
        "given_name": p.forenames or None,
        "honorific_prefix": p.title or None,
        "honorific_suffix": p.honours or None,
        "sort_name": ", ".join(x for x in (p.surname, p.forenames or p.initials) if x),
        "other_names": [
            {
                "name": p.formal_name,
                "family_name": p.surname,
                "honorific_prefix": p.title or None,
                "honorific_suffix": p.honours or None,
                "note": "Formal name",
            }
        ],
        "identifiers": [{"scheme": "moot", "identifier": str(p.pk)}],
        "links": [{"url": base + p.get_absolute_url(), "note": "Page on the council's website"}],
        "contact_details": [],
    }
    if p.email:
        data["email"] = p.email
        data["contact_details"].append({"type": "email", "value": p.email})
    if p.telephone:
        data["contact_details"].append({"type": "voice", "value": p.telephone})
    return data


def organizations(base: str) -> list[dict]:

    authority = Authority.current()
    result = [
        {
            "id": COUNCIL,
            "name": authority.name if authority else "The council",
            "classification": "council",
            "links": [{"url": authority.website}] if authority and authority.website else [],
        }
    ]
    for b in Body.objects.order_by("pk"):
        result.append(
            {
                "id": body_id(b.pk),
                "name": b.name,
                "classification": b.kind,
                "parent_id": body_id(b.parent_id) if b.parent_id else COUNCIL,
                "dissolution_date": _day(b.expired_on),
                "identifiers": [{"scheme": "moot", "identifier": str(b.pk)}],
                "links": [
                    {"url": base + b.get_absolute_url(), "note": "Page on the council's website"}
                ],
            }
        )
    for g in PoliticalGroup.objects.order_by("pk"):
        result.append(
            {
                "id": group_id(g.pk),
                "name": g.name,
                "classification": "party",
                "other_names": [{"name": g.group_name}] if g.group_name else [],
            }
        )
    return result


def memberships() -> list[dict]:
    result = []
    for m in Membership.objects.filter(person__isnull=False).order_by("pk"):
        result.append(
            {
                "id": f"membership/{m.pk}",
                "person_id": person_id(m.person_id),
                "organization_id": body_id(m.body_id),
                "role": m.get_role_display(),
                "on_behalf_of_id": group_id(m.group_id) if m.group_id else None,
                "start_date": _day(m.start),
                "end_date": _day(m.end),
            }
        )
    for g in GroupMembership.objects.order_by("pk"):
        result.append(
            {
                "id": f"membership/group/{g.pk}",
                "person_id": person_id(g.person_id),
                "organization_id": group_id(g.group_id),
                "role": "member",
                "start_date": _day(g.start),
                "end_date": _day(g.end),
            }
        )
    for t in TermOfOffice.objects.order_by("pk"):
        result.append(
            {
                "id": f"membership/term/{t.pk}",
                "person_id": person_id(t.person_id),
                "organization_id": COUNCIL,
                "role": "Councillor",
                "post_id": f"post/division/{t.division_id}" if t.division_id else None,
                "area_id": f"area/division/{t.division_id}" if t.division_id else None,
                "start_date": _day(t.start),
                "end_date": _day(t.end),
            }
        )
    for h in PostHolding.objects.select_related("post").order_by("pk"):
        result.append(
            {
                "id": f"membership/post/{h.pk}",
                "person_id": person_id(h.person_id),
                "organization_id": COUNCIL,
                "role": h.post.title,
                "post_id": f"post/{h.post_id}",
                "start_date": _day(h.start),
                "end_date": _day(h.end),
            }
        )
    return result


def posts() -> list[dict]:
    result = [
        {
            "id": f"post/division/{d.pk}",
            "label": f"Councillor for {d.name}",
            "role": "Councillor",
            "organization_id": COUNCIL,
            "area_id": f"area/division/{d.pk}",
        }
        for d in Division.objects.order_by("pk")
    ]
    result += [
        {
            "id": f"post/{p.pk}",
            "label": p.title,
            "role": p.get_kind_display(),
            "organization_id": COUNCIL,
        }
        for p in Post.objects.order_by("pk")
    ]
    return result


def areas() -> list[dict]:
    return [
        {"id": f"area/division/{d.pk}", "name": d.name, "classification": "electoral division"}
        for d in Division.objects.order_by("pk")
    ]


def events(base: str) -> list[dict]:
    attendees: dict[int, list[dict]] = {}
    for a in (
        public.public_attendance()
        .select_related("person")
        .order_by("meeting_id", "status", "order", "pk")
    ):
        attendees.setdefault(a.meeting_id, []).append(
            {"id": person_id(a.person_id), "name": a.person.full_name}
        )
    result = []
    for m in Meeting.objects.select_related("body", "venue").order_by("date", "pk"):
        result.append(
            {
                "id": event_id(m.pk),
                "name": str(m),
                "classification": "meeting",
                "start_date": _moment(m.date, m.start_time) if m.start_time else m.date.isoformat(),
                "end_date": _moment(m.date, m.end_time) if m.end_time else None,
                "location": m.venue.full_name if m.venue_id else None,
                "status": m.status,
                "organization_id": body_id(m.body_id),
                "identifiers": [{"scheme": "moot", "identifier": str(m.pk)}],
                "attendees": attendees.get(m.pk, []),
                "sources": [{"url": base + m.get_absolute_url()}],
            }
        )
    return result


def motions_and_votes() -> tuple[list[dict], list[dict]]:
    motions, vote_events = [], []
    public_motions = list(
        public.public_motions()
        .select_related("meeting")
        .order_by("meeting__date", "meeting_id", "order", "pk")
    )
    votes = {v.motion_id: v for v in public.public_votes()}
    recorded: dict[int, list] = {}
    for rv in public.public_recorded_votes().order_by("vote_id", "choice", "pk"):
        recorded.setdefault(rv.vote_id, []).append(rv)
    for motion in public_motions:
        meeting = motion.meeting
        when = _moment(meeting.date, meeting.start_time)
        vote = votes.get(motion.pk)
        motions.append(
            {
                "id": f"motion/{motion.pk}",
                "organization_id": body_id(meeting.body_id),
                "legislative_session_id": event_id(meeting.pk),
                "creator_id": person_id(motion.mover_id),
                "text": motion.text,
                "classification": motion.kind,
                "date": when,
                "requirement": vote.get_majority_display() if vote else None,
                "result": Outcome(motion.outcome).label if motion.outcome else None,
            }
        )
        if vote is None:
            continue
        vote_events.append(
            {
                "id": f"vote_event/{vote.pk}",
                "motion_id": f"motion/{motion.pk}",
                "organization_id": body_id(meeting.body_id),
                "legislative_session_id": event_id(meeting.pk),
                "classification": vote.method,
                "start_date": when,
                "result": RESULTS.get(vote.result),
                "counts": [
                    {"option": "yes", "value": vote.votes_for},
                    {"option": "no", "value": vote.votes_against},
                    {"option": "abstain", "value": vote.abstentions},
                ],
                "votes": [
                    {
                        "id": f"vote/{rv.pk}",
                        "vote_event_id": f"vote_event/{vote.pk}",
                        "voter_id": person_id(rv.person_id),
                        "option": OPTIONS[rv.choice],
                    }
                    for rv in recorded.get(vote.pk, [])
                ],
            }
        )
    return motions, vote_events


def export(base: str) -> dict:
    motions, vote_events = motions_and_votes()
    return {
        "persons": [_person(p, base) for p in Person.objects.order_by("pk")],
        "organizations": organizations(base),
        "memberships": memberships(),
        "posts": posts(),
        "areas": areas(),
        "events": events(base),
        "motions": motions,
        "vote_events": vote_events,
    }
