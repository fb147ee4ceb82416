"""Motions and votes. The result of a vote is computed here, never typed.

Every change validates, saves in one transaction and is audited.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from access import audit
from council.models import Person
from meetings.models import AgendaItem, Meeting

from .attendance import chair, is_quorate, members_of, quorum, voters_present
from .models import (
    Choice,
    Declaration,
    InterestNature,
    MajorityRule,
    Motion,
    MotionKind,
    Outcome,
    Participation,
    RecordedVote,
    Side,
    Vote,
    VoteMethod,
    VoteResult,
)


def compute_result(
    votes_for: int,
    against: int,
    abstentions: int = 0,
    majority: str = MajorityRule.SIMPLE,
    members: int | None = None,
    casting_vote: str = "",
) -> str:
    """``carried`` or ``lost`` under the majority rule.

    Simple majority counts only those voting (abstentions do not count, Sch 12 para 39);
    on an equality the chair's casting vote decides and is required. Two-thirds rules
    have no equality to break, so a casting vote is refused there.
    """
    if min(votes_for, against, abstentions) < 0:
        raise ValidationError("Vote counts cannot be negative.")
    tie = votes_for == against
    if casting_vote and casting_vote not in Side.values:
        raise ValidationError("A casting vote is for or against.")
    if majority == MajorityRule.SIMPLE:
        if casting_vote and not tie:
            raise ValidationError(
                f"The chair has a casting vote only when the votes are equal, not "
                f"{votes_for}–{against}."
            )
        if tie:
            if not casting_vote:
                raise ValidationError(
                    f"The votes are equal ({votes_for}–{against}): record the chair's casting vote."
                )
            return VoteResult.CARRIED if casting_vote == Side.FOR else VoteResult.LOST
        return VoteResult.CARRIED if votes_for > against else VoteResult.LOST
    if casting_vote:
        raise ValidationError("A casting vote applies only to a simple majority.")
    if majority == MajorityRule.TWO_THIRDS_VOTING:
        carried = votes_for > 0 and 3 * votes_for >= 2 * (votes_for + against)
    elif majority == MajorityRule.TWO_THIRDS_MEMBERS:
        if not members:
            raise ValidationError("A two-thirds-of-members rule needs the number of members.")
        carried = 3 * votes_for >= 2 * members
    else:
        raise ValidationError(f"Unknown majority rule: {majority}.")
    return VoteResult.CARRIED if carried else VoteResult.LOST


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
    actor=None,
    actor_name: str = "",
) -> Motion:
    """Record a motion as moved. Refuses a mover or seconder not present as a member, a
    motion seconded by its mover, and an amendment of anything but an undecided substantive
    motion of the same meeting."""
    with transaction.atomic():
        last = Motion.objects.filter(meeting=meeting).aggregate(m=Max("order"))["m"] or 0
        return audit.save(
            Motion(
                meeting=meeting,
                kind=kind,
                text=text,
                mover=mover,
                seconder=seconder,
                item=item,
                amends=amends,
                resulting_text=resulting_text,
                arose_from=arose_from,
                order=last + 1,
            ),
            actor,
            actor_name,
        )


def _decide(motion: Motion, outcome: str, actor, actor_name: str) -> Motion:
    if motion.outcome:
        raise ValidationError(
            f"This motion has already been decided ({motion.get_outcome_display().lower()})."
        )
    motion.outcome = outcome
    audit.save(motion, actor, actor_name)
    if outcome == Outcome.CARRIED and motion.kind == MotionKind.AMENDMENT:
        _carry_amendment(motion, actor, actor_name)
    return motion


def _carry_amendment(amendment: Motion, actor, actor_name: str) -> Motion:
    """A carried amendment becomes the substantive motion: the original is superseded and a
    new substantive motion in the amended words is put next."""
    original = amendment.amends
    original.outcome = Outcome.SUPERSEDED
    audit.save(original, actor, actor_name)
    return add_motion(
        amendment.meeting,
        MotionKind.SUBSTANTIVE,
        amendment.resulting_text or amendment.text,
        mover=original.mover,
        seconder=original.seconder,
        item=original.item,
        arose_from=amendment,
        actor=actor,
        actor_name=actor_name,
    )


def agree_without_vote(motion: Motion, actor=None, actor_name: str = "") -> Motion:
    """ "Agreed without a formal vote". Refused when the motion is already decided."""
    with transaction.atomic():
        return _decide(motion, Outcome.WITHOUT_VOTE, actor, actor_name)


def withdraw(motion: Motion, actor=None, actor_name: str = "") -> Motion:
    with transaction.atomic():
        return _decide(motion, Outcome.WITHDRAWN, actor, actor_name)


def _barred(motion: Motion) -> dict[int, str]:
    """People barred from voting on the motion's item by what they declared."""
    if not motion.item_id:
        return {}
    barred = {}
    for d in Declaration.objects.filter(meeting_id=motion.meeting_id, item_id=motion.item_id):
        if d.participation != Participation.TOOK_PART or (
            d.nature == InterestNature.DPI and not d.dispensation
        ):
            barred[d.person_id] = d.get_participation_display().lower()
    return barred


def _check_voters(motion: Motion, choices: list[tuple[Person, str]]) -> None:
    present = voters_present(motion.meeting)
    barred = _barred(motion)
    seen: set[int] = set()
    for person, choice in choices:
        if choice not in Choice.values:
            raise ValidationError(f"“{choice}” is not a way to vote (for, against, abstain).")
        if person.pk in seen:
            raise ValidationError(f"{person} is listed twice in this vote.")
        seen.add(person.pk)
        if person.pk not in present:
            raise ValidationError(
                f"{person} is not recorded as a member present at this meeting, so cannot vote."
            )
        if person.pk in barred:
            raise ValidationError(
                f"{person} declared an interest in this item ({barred[person.pk]}), so cannot vote."
            )


def record_vote(
    motion: Motion,
    method: str,
    *,
    counts: tuple[int, int, int] | None = None,
    choices: Iterable[tuple[Person, str]] = (),
    majority: str = MajorityRule.SIMPLE,
    casting_vote: str = "",
    members: int | None = None,
    actor=None,
    actor_name: str = "",
) -> Vote:
    """Record the vote on ``motion``, compute its result and decide the motion.

    ``counts`` is (for, against, abstain). A recorded vote gives ``choices`` (person, choice)
    and may give the printed ``counts`` too, which must then match the names.

    Refuses (nothing saved): a second vote on a motion; a decided motion; a voter not present
    as a member or substitute, or barred by a declared interest; a voter named twice; counts
    that do not match the names; a tie without the chair's casting vote, or a casting vote
    without a tie. An inquorate meeting, or more hands than members present, is recorded
    as a warning on the vote.
    """
    choices = list(choices)
    with transaction.atomic():
        Motion.objects.select_for_update().filter(pk=motion.pk).first()
        motion.refresh_from_db()
        if Vote.objects.filter(motion=motion).exists():
            raise ValidationError("This motion has already been voted on.")
        if method == VoteMethod.RECORDED:
            if not choices:
                raise ValidationError("A recorded vote needs the names of those voting.")
            _check_voters(motion, choices)
            tally = tuple(
                sum(1 for _, c in choices if c == side)
                for side in (Choice.FOR, Choice.AGAINST, Choice.ABSTAIN)
            )
            if counts is not None and tuple(counts) != tally:
                raise ValidationError(
                    "The counts do not match the names: For {} / Against {} / Abstain {} given, "
                    "but For {} / Against {} / Abstain {} named.".format(*counts, *tally)
                )
            counts = tally
        elif method == VoteMethod.SHOW_OF_HANDS:
            if choices:
                raise ValidationError("A show of hands has counts only; use a recorded vote.")
            if counts is None:
                raise ValidationError(
                    "A show of hands needs the counts for, against and abstaining."
                )
        else:
            raise ValidationError(f"Unknown voting method: {method}.")
        meeting = motion.meeting
        if majority == MajorityRule.TWO_THIRDS_MEMBERS and members is None:
            members = members_of(meeting)
        result = compute_result(
            *counts, majority=majority, members=members, casting_vote=casting_vote
        )
        vote = audit.save(
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
                warnings="\n".join(_warnings(meeting, counts, casting_vote)),
            ),
            actor,
            actor_name,
        )
        for person, choice in choices:
            audit.save(RecordedVote(vote=vote, person=person, choice=choice), actor, actor_name)
        _decide(motion, result, actor, actor_name)
        return vote


def _warnings(meeting: Meeting, counts: tuple[int, int, int], casting_vote: str) -> list[str]:
    notes = []
    present, needed = len(voters_present(meeting)), quorum(meeting)
    if not is_quorate(meeting):
        notes.append(f"Vote taken inquorate: {present} members present, quorum {needed}.")
    if present and sum(counts) > present:
        notes.append(f"{sum(counts)} votes counted but only {present} members recorded present.")
    if casting_vote and chair(meeting) is None:
        notes.append("A casting vote was recorded but nobody is recorded in the chair.")
    return notes
