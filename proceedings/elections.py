"""Elections of a chair or vice-chair: the member proposed, the one-election-per-office rule,
and what an election decided.

An election is a motion (``MotionKind.ELECTION``) naming the nominee and the office. It is
decided as any motion is, by agreement or by a vote (``votes.agree_election``,
``votes.vote_on_election``), and ``votes`` applies the office rule here whenever an election is
carried. Memberships are not changed: the caller records the office.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from audit import trail
from audit.actors import Actor, require_model_permission
from council.models import Person
from meetings.models import AgendaItem, Meeting

from .models import Motion, MotionKind, Office, Outcome
from .rules import member_ids


@dataclass(frozen=True)
class ElectionResult:
    """What an election decided. Memberships are not changed: the caller records the office."""

    motion: Motion
    office: str
    nominee: Person
    elected: bool

    def __str__(self) -> str:
        office = Office(self.office).label.lower()
        body = self.motion.meeting.body
        if self.elected:
            return f"{self.nominee} was elected {office} of {body}."
        return f"{self.nominee} was not elected {office} of {body}."


def refuse_if_office_filled(meeting: Meeting, office: str, exclude: int | None = None) -> None:
    """One election to an office per meeting: refuse another once a member is elected."""
    elected = Motion.objects.filter(
        meeting=meeting,
        kind=MotionKind.ELECTION,
        office=office,
        outcome__in=(Outcome.CARRIED, Outcome.WITHOUT_VOTE),
    )
    if exclude is not None:
        elected = elected.exclude(pk=exclude)
    done = elected.select_related("nominee").first()
    if done:
        raise ValidationError(
            f"{done.nominee} has already been elected {Office(office).label.lower()} at this "
            "meeting."
        )


def add_election(
    meeting: Meeting,
    office: str,
    nominee: Person,
    proposer: Person,
    seconder: Person | None = None,
    *,
    item: AgendaItem | None = None,
    text: str = "",
    actor: Actor,
) -> Motion:
    """Propose ``nominee`` for chair or vice-chair of the meeting's body.

    Decide it with ``votes.agree_election`` (without a vote) or ``votes.vote_on_election``. Refuses
    (nothing saved): an actor without permission to add motions; an unknown office; a nominee
    who is not a member of the body on the day; an office already filled at this meeting; a
    proposer or seconder not present.
    """
    require_model_permission(actor, Motion, "add")
    if office not in Office.values:
        raise ValidationError(f"“{office}” is not an office: chair or vice-chair.")
    if nominee is None or proposer is None:
        raise ValidationError("An election names the member proposed and who proposed them.")
    if nominee.pk not in member_ids(meeting.body_id, meeting.date):
        raise ValidationError(
            f"{nominee} is not a member of {meeting.body} on "
            f"{meeting.date.strftime('%-d %B %Y')}, so cannot be elected its "
            f"{Office(office).label.lower()}."
        )
    with transaction.atomic():
        Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
        refuse_if_office_filled(meeting, office)
        last = Motion.objects.filter(meeting=meeting).aggregate(m=Max("order"))["m"] or 0
        return trail.save(
            Motion(
                meeting=meeting,
                kind=MotionKind.ELECTION,
                office=office,
                nominee=nominee,
                mover=proposer,
                seconder=seconder,
                item=item,
                text=text or f"That {nominee} be elected {Office(office).label} of {meeting.body}.",
                order=last + 1,
            ),
            actor=actor,
            event="proceedings.election_proposed",
        )


def election_result(motion: Motion) -> ElectionResult | None:
    """The result of a decided election; None while it is undecided."""
    if motion.kind != MotionKind.ELECTION:
        raise ValidationError("That motion is not an election.")
    if not motion.outcome:
        return None
    return ElectionResult(
        motion=motion,
        office=motion.office,
        # An election names its nominee (rules.check_motion); the ORM cannot know.
        nominee=cast(Person, motion.nominee),
        elected=motion.outcome in (Outcome.CARRIED, Outcome.WITHOUT_VOTE),
    )
