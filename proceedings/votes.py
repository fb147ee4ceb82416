"""Motions and votes: moving, deciding, voting on and correcting them, and deciding an
election (proposed in ``proceedings.elections``). A vote's counts and result come from
``proceedings.counts``, never typed.

Every change checks the actor first (democratic services, a system actor, or the back
office's Django permission on the row: ``audit.actors.require_model_permission``), validates,
saves in one transaction and is audited with what it did (``proceedings.vote_recorded`` …).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from audit import trail
from audit.actors import Actor, require_model_permission
from council.models import Person
from meetings.models import AgendaItem, Meeting

from .attendance import members_of
from .counts import compute_result, counts_of, named_choices, vote_warnings
from .elections import ElectionResult, election_result, refuse_if_office_filled
from .models import (
    MajorityRule,
    Motion,
    MotionKind,
    Outcome,
    RecordedVote,
    Resolution,
    Vote,
    VoteMethod,
)
from .rules import check_record_open

VOTE_RECORDED = "proceedings.vote_recorded"


def add_motion(
    meeting: Meeting,
    kind: str,
    text: str,
    *,
    mover: Person | None = None,
    seconder: Person | None = None,
    item: AgendaItem | None = None,
    amends: Motion | None = None,
    resulting_text: str = "",
    arose_from: Motion | None = None,
    actor: Actor,
) -> Motion:
    """Record a motion as moved. Refuses an actor without permission to add motions, a mover
    or seconder not present as a member, a motion seconded by its mover, and an amendment of
    anything but an undecided substantive motion of the same meeting."""
    require_model_permission(actor, Motion, "add")
    return _add_motion(
        meeting,
        kind,
        text,
        actor=actor,
        event="proceedings.motion_moved",
        mover=mover,
        seconder=seconder,
        item=item,
        amends=amends,
        resulting_text=resulting_text,
        arose_from=arose_from,
    )


def _add_motion(
    meeting: Meeting, kind: str, text: str, *, actor: Actor, event: str, **fields
) -> Motion:
    with transaction.atomic():
        last = Motion.objects.filter(meeting=meeting).aggregate(m=Max("order"))["m"] or 0
        return trail.save(
            Motion(meeting=meeting, kind=kind, text=text, order=last + 1, **fields),
            actor=actor,
            event=event,
        )


def _decide(motion: Motion, outcome: str, *, actor: Actor, event: str) -> Motion:
    if motion.outcome:
        raise ValidationError(
            f"This motion has already been decided ({motion.get_outcome_display().lower()})."
        )
    if motion.kind == MotionKind.ELECTION and outcome in (Outcome.CARRIED, Outcome.WITHOUT_VOTE):
        refuse_if_office_filled(motion.meeting, motion.office, exclude=motion.pk)
    motion.outcome = outcome
    trail.save(motion, actor=actor, event=event)
    if outcome == Outcome.CARRIED and motion.kind == MotionKind.AMENDMENT:
        _carry_amendment(motion, actor=actor, event=event)
    return motion


def _carry_amendment(amendment: Motion, *, actor: Actor, event: str) -> Motion:
    """A carried amendment becomes the substantive motion: the original is superseded and a
    new substantive motion in the amended words is put next."""
    # Every amendment names the motion it amends (rules.check_motion); the ORM cannot know.
    original = cast(Motion, amendment.amends)
    original.outcome = Outcome.SUPERSEDED
    trail.save(original, actor=actor, event=event)
    return _add_motion(
        amendment.meeting,
        MotionKind.SUBSTANTIVE,
        amendment.resulting_text or amendment.text,
        actor=actor,
        event=event,
        mover=original.mover,
        seconder=original.seconder,
        item=original.item,
        arose_from=amendment,
    )


def agree_without_vote(motion: Motion, *, actor: Actor) -> Motion:
    """ "Agreed without a formal vote". Refused for an actor without permission to change
    motions, and when the motion is already decided."""
    require_model_permission(actor, Motion, "change")
    with transaction.atomic():
        return _decide(motion, Outcome.WITHOUT_VOTE, actor=actor, event="proceedings.motion_agreed")


def withdraw(motion: Motion, *, actor: Actor) -> Motion:
    """The mover withdrew the motion. Refused for an actor without permission to change
    motions, and when the motion is already decided."""
    require_model_permission(actor, Motion, "change")
    with transaction.atomic():
        return _decide(motion, Outcome.WITHDRAWN, actor=actor, event="proceedings.motion_withdrawn")


def record_vote(
    motion: Motion,
    method: str,
    *,
    counts: tuple[int, int, int] | None = None,
    choices: Iterable[tuple[Person, str]] = (),
    majority: str = MajorityRule.SIMPLE,
    casting_vote: str = "",
    members: int | None = None,
    actor: Actor,
) -> Vote:
    """Record the vote on ``motion``, compute its result and decide the motion.

    ``counts`` is (for, against, abstain). A recorded vote gives ``choices`` (person, choice)
    and may give the printed ``counts`` too, which must then match the names.

    Refuses (nothing saved): an actor without permission to add votes; a second vote on a
    motion; a decided motion; a voter not present
    as a member or substitute, or barred by a declared interest; a voter named twice; counts
    that do not match the names; a show of hands counting more votes than members present; a
    tie without the chair's casting vote, or a casting vote without a tie. An inquorate
    meeting is recorded as a warning on the vote. A member barred by a declared interest and
    not named in a recorded vote is recorded as not voting (``proceedings.counts``).
    """
    require_model_permission(actor, Vote, "add")
    choices = list(choices)
    with transaction.atomic():
        Motion.objects.select_for_update().filter(pk=motion.pk).first()
        motion.refresh_from_db()
        check_record_open(motion.meeting_id)
        if Vote.objects.filter(motion=motion).exists():
            raise ValidationError("This motion has already been voted on.")
        choices = named_choices(motion, method, choices)
        counts = counts_of(motion, method, counts, choices)
        meeting = motion.meeting
        if majority == MajorityRule.TWO_THIRDS_MEMBERS and members is None:
            members = members_of(meeting)
        result = compute_result(
            *counts, majority=majority, members=members, casting_vote=casting_vote
        )
        vote = trail.save(
            Vote(
                motion=motion,
                method=method,
                majority=majority,
                votes_for=counts[0],
                votes_against=counts[1],
                abstentions=counts[2],
                members=members,
                casting_vote=casting_vote,
                result=result,
                warnings="\n".join(vote_warnings(meeting, counts, casting_vote)),
            ),
            actor=actor,
            event=VOTE_RECORDED,
        )
        for person, choice in choices:
            trail.save(
                RecordedVote(vote=vote, person=person, choice=choice),
                actor=actor,
                event=VOTE_RECORDED,
            )
        _decide(motion, result, actor=actor, event=VOTE_RECORDED)
        return vote


# Corrections -------------------------------------------------------------------------------


def correct_vote(
    vote: Vote,
    *,
    method: str | None = None,
    counts: tuple[int, int, int] | None = None,
    choices: Iterable[tuple[Person, str]] | None = None,
    majority: str | None = None,
    casting_vote: str | None = None,
    members: int | None = None,
    actor: Actor,
) -> Vote:
    """Re-record a vote taken down wrongly: its counts, its names, its method or majority rule.

    The result is computed again and the motion's outcome follows it (a carried amendment
    that is now lost no longer replaces the motion it amended, and the reverse). What is not
    given stays as it was; a recorded vote's counts always come from its names. Refuses
    (nothing saved) an actor without permission to change votes, what ``record_vote``
    refuses, and any change once the minutes are approved.
    """
    require_model_permission(actor, Vote, "change")
    event = "proceedings.vote_corrected"
    with transaction.atomic():
        vote = Vote.objects.select_for_update().select_related("motion__meeting").get(pk=vote.pk)
        motion = vote.motion
        check_record_open(motion.meeting_id)
        method = method or vote.method
        majority = majority or vote.majority
        if choices is None and method == vote.method == VoteMethod.RECORDED:
            choices = [(rv.person, rv.choice) for rv in vote.choices.select_related("person")]
        choices = list(choices or [])
        if method == VoteMethod.SHOW_OF_HANDS and counts is None and not choices:
            counts = (vote.votes_for, vote.votes_against, vote.abstentions)
        choices = named_choices(motion, method, choices)
        counts = counts_of(motion, method, counts, choices)
        if casting_vote is None:
            # A casting vote stands only while the votes are still equal.
            casting_vote = vote.casting_vote if counts[0] == counts[1] else ""
        meeting = motion.meeting
        if majority == MajorityRule.TWO_THIRDS_MEMBERS and members is None:
            members = vote.members or members_of(meeting)
        result = compute_result(
            *counts, majority=majority, members=members, casting_vote=casting_vote
        )
        before = vote.result
        vote.method, vote.majority, vote.members = method, majority, members
        vote.votes_for, vote.votes_against, vote.abstentions = counts
        vote.casting_vote, vote.result = casting_vote, result
        vote.warnings = "\n".join(vote_warnings(meeting, counts, casting_vote))
        trail.save(vote, actor=actor, event=event)
        wanted = {person.pk: (person, choice) for person, choice in choices}
        for rv in list(vote.choices.all()):
            if rv.person_id not in wanted:
                trail.delete(rv, actor=actor, event=event)
            else:
                _, choice = wanted.pop(rv.person_id)
                if rv.choice != choice:
                    rv.choice = choice
                    trail.save(rv, actor=actor, event=event)
        for person, choice in wanted.values():
            trail.save(
                RecordedVote(vote=vote, person=person, choice=choice), actor=actor, event=event
            )
        if result != before:
            _change_outcome(motion, result, actor=actor, event=event)
        return vote


def _resulting_motion(amendment: Motion) -> Motion | None:
    return Motion.objects.filter(arose_from=amendment).first()


def _undo_carried_amendment(amendment: Motion, *, actor: Actor, event: str) -> None:
    """Take back what carrying ``amendment`` did: its substantive motion goes (if nothing has
    happened to it yet) and the motion it amended is undecided again."""
    resulting = _resulting_motion(amendment)
    if resulting is not None:
        if (
            resulting.outcome
            or Vote.objects.filter(motion=resulting).exists()
            or resulting.amendments.exists()
        ):
            raise ValidationError(
                f"The motion as amended (“{resulting.text[:60]}”) has since been debated or "
                "decided. Correct or delete that motion first."
            )
        trail.delete(resulting, actor=actor, event=event)
    original = _amended(amendment)
    if original.outcome == Outcome.SUPERSEDED:
        original.outcome = Outcome.PENDING
        trail.save(original, actor=actor, event=event)


def _amended(amendment: Motion) -> Motion:
    """The motion ``amendment`` amends, as it is now in the database. Every amendment names
    one (``rules.check_motion``), which the ORM cannot know."""
    return Motion.objects.get(pk=cast(int, amendment.amends_id))


def _change_outcome(motion: Motion, result: str, *, actor: Actor, event: str) -> None:
    motion.refresh_from_db()
    if motion.kind == MotionKind.AMENDMENT:
        if motion.outcome == Outcome.CARRIED:
            _undo_carried_amendment(motion, actor=actor, event=event)
        elif result == Outcome.CARRIED:
            original = _amended(motion)
            if original.outcome:
                raise ValidationError(
                    f"The motion this amends has since been decided "
                    f"({original.get_outcome_display().lower()}), so the amendment cannot now "
                    "be carried. Correct that motion first."
                )
            motion.outcome = result
            trail.save(motion, actor=actor, event=event)
            _carry_amendment(motion, actor=actor, event=event)
            return
    if motion.kind == MotionKind.ELECTION and result == Outcome.CARRIED:
        refuse_if_office_filled(motion.meeting, motion.office, exclude=motion.pk)
    motion.outcome = result
    trail.save(motion, actor=actor, event=event)


def delete_motion(motion: Motion, *, actor: Actor) -> None:
    """Delete a motion recorded by mistake, with its vote and amendments.

    Deleting a carried amendment takes back its effect (see ``correct_vote``). Refuses
    (nothing deleted) an actor without permission to remove motions; once the minutes are
    approved; a motion a resolution records; a motion superseded by a carried amendment or
    produced by one (delete the amendment instead).
    """
    require_model_permission(actor, Motion, "delete")
    event = "proceedings.motion_deleted"
    with transaction.atomic():
        motion = Motion.objects.select_for_update().get(pk=motion.pk)
        check_record_open(motion.meeting_id)
        cited = Resolution.objects.filter(motion=motion).select_related("minute").first()
        if cited:
            raise ValidationError(
                f"The resolution of minute {cited.minute.number} records this motion. "
                "Remove that link or the resolution first."
            )
        if motion.arose_from_id:
            raise ValidationError(
                "This motion is the one a carried amendment produced. Delete that amendment, or "
                "correct its vote, instead."
            )
        if motion.outcome == Outcome.SUPERSEDED:
            raise ValidationError(
                "A carried amendment superseded this motion. Delete that amendment first."
            )
        if motion.kind == MotionKind.AMENDMENT and motion.outcome == Outcome.CARRIED:
            _undo_carried_amendment(motion, actor=actor, event=event)
        trail.delete(motion, actor=actor, event=event)


# Deciding an election (proposed with ``elections.add_election``) ----------------------------


def agree_election(motion: Motion, *, actor: Actor) -> ElectionResult:
    """The meeting agreed the nomination without a vote. Refused for an actor without
    permission to change motions, and for a motion that is not an election."""
    require_model_permission(actor, Motion, "change")
    if motion.kind != MotionKind.ELECTION:
        raise ValidationError("That motion is not an election.")
    with transaction.atomic():
        _decide(motion, Outcome.WITHOUT_VOTE, actor=actor, event="proceedings.election_agreed")
    return _decided_election(motion)


def vote_on_election(motion: Motion, method: str, *, actor: Actor, **kwargs) -> ElectionResult:
    """The meeting voted on the nomination (``record_vote``'s arguments, and its refusals)."""
    require_model_permission(actor, Vote, "add")
    if motion.kind != MotionKind.ELECTION:
        raise ValidationError("That motion is not an election.")
    record_vote(motion, method, actor=actor, **kwargs)
    motion.refresh_from_db()
    return _decided_election(motion)


def _decided_election(motion: Motion) -> ElectionResult:
    """The result of an election just decided: deciding it (with or without a vote) always
    gives it an outcome, so ``election_result`` has one."""
    result = election_result(motion)
    if result is None:
        raise ValidationError("The election has not been decided.")
    return result
