"""Motions and votes. The result of a vote is computed here, never typed.

Every change validates, saves in one transaction and is audited.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from audit import trail
from council.models import Person
from meetings.models import AgendaItem, Meeting

from . import counts as counts_rules
from .attendance import chair, is_quorate, members_of, quorum, voters_present
from .models import (
    MajorityRule,
    Motion,
    MotionKind,
    Office,
    Outcome,
    RecordedVote,
    Side,
    Vote,
    VoteMethod,
    VoteResult,
)
from .rules import check_record_open, member_ids


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
        return trail.save(
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
    if motion.kind == MotionKind.ELECTION and outcome in (Outcome.CARRIED, Outcome.WITHOUT_VOTE):
        _refuse_if_office_filled(motion.meeting, motion.office, exclude=motion.pk)
    motion.outcome = outcome
    trail.save(motion, actor, actor_name)
    if outcome == Outcome.CARRIED and motion.kind == MotionKind.AMENDMENT:
        _carry_amendment(motion, actor, actor_name)
    return motion


def _carry_amendment(amendment: Motion, actor, actor_name: str) -> Motion:
    """A carried amendment becomes the substantive motion: the original is superseded and a
    new substantive motion in the amended words is put next."""
    original = amendment.amends
    original.outcome = Outcome.SUPERSEDED
    trail.save(original, actor, actor_name)
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


# The counting rules live in ``proceedings.counts``; these names are kept for callers.
_barred = counts_rules.barred
_check_voters = counts_rules.check_voters
_counts_of = counts_rules.counts_of


def _named(motion: Motion, method: str, choices: list[tuple[Person, str]]):
    """A recorded vote's names, with members barred by a declaration recorded as not voting."""
    if method == VoteMethod.RECORDED and choices:
        return counts_rules.with_barred_not_voting(motion, choices)
    return choices


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
    that do not match the names; a show of hands counting more votes than members present; a
    tie without the chair's casting vote, or a casting vote without a tie. An inquorate
    meeting is recorded as a warning on the vote. A member barred by a declared interest and
    not named in a recorded vote is recorded as not voting (``proceedings.counts``).
    """
    choices = list(choices)
    with transaction.atomic():
        Motion.objects.select_for_update().filter(pk=motion.pk).first()
        motion.refresh_from_db()
        check_record_open(motion.meeting_id)
        if Vote.objects.filter(motion=motion).exists():
            raise ValidationError("This motion has already been voted on.")
        choices = _named(motion, method, choices)
        counts = _counts_of(motion, method, counts, choices)
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
                warnings="\n".join(_warnings(meeting, counts, casting_vote)),
            ),
            actor,
            actor_name,
        )
        for person, choice in choices:
            trail.save(RecordedVote(vote=vote, person=person, choice=choice), actor, actor_name)
        _decide(motion, result, actor, actor_name)
        return vote


def _warnings(meeting: Meeting, counts: tuple[int, int, int], casting_vote: str) -> list[str]:
    notes = []
    present, needed = len(voters_present(meeting)), quorum(meeting)
    if not is_quorate(meeting):
        members = "member" if present == 1 else "members"
        notes.append(f"Vote taken inquorate: {present} {members} present, quorum {needed}.")
    if casting_vote and chair(meeting) is None:
        notes.append("A casting vote was recorded but nobody is recorded in the chair.")
    return notes


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
    actor=None,
    actor_name: str = "",
) -> Vote:
    """Re-record a vote taken down wrongly: its counts, its names, its method or majority rule.

    The result is computed again and the motion's outcome follows it (a carried amendment
    that is now lost no longer replaces the motion it amended, and the reverse). What is not
    given stays as it was; a recorded vote's counts always come from its names. Refuses
    (nothing saved) what ``record_vote`` refuses, and any change once the minutes are approved.
    """
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
        choices = _named(motion, method, choices)
        counts = _counts_of(motion, method, counts, choices)
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
        vote.warnings = "\n".join(_warnings(meeting, counts, casting_vote))
        trail.save(vote, actor, actor_name)
        wanted = {person.pk: (person, choice) for person, choice in choices}
        for rv in list(vote.choices.all()):
            if rv.person_id not in wanted:
                trail.delete(rv, actor, actor_name)
            else:
                _, choice = wanted.pop(rv.person_id)
                if rv.choice != choice:
                    rv.choice = choice
                    trail.save(rv, actor, actor_name)
        for person, choice in wanted.values():
            trail.save(RecordedVote(vote=vote, person=person, choice=choice), actor, actor_name)
        if result != before:
            _change_outcome(motion, result, actor, actor_name)
        return vote


def _resulting_motion(amendment: Motion) -> Motion | None:
    return Motion.objects.filter(arose_from=amendment).first()


def _undo_carried_amendment(amendment: Motion, actor, actor_name: str) -> None:
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
        trail.delete(resulting, actor, actor_name)
    original = Motion.objects.get(pk=amendment.amends_id)
    if original.outcome == Outcome.SUPERSEDED:
        original.outcome = Outcome.PENDING
        trail.save(original, actor, actor_name)


def _change_outcome(motion: Motion, result: str, actor, actor_name: str) -> None:
    motion.refresh_from_db()
    if motion.kind == MotionKind.AMENDMENT:
        if motion.outcome == Outcome.CARRIED:
            _undo_carried_amendment(motion, actor, actor_name)
        elif result == Outcome.CARRIED:
            original = Motion.objects.get(pk=motion.amends_id)
            if original.outcome:
                raise ValidationError(
                    f"The motion this amends has since been decided "
                    f"({original.get_outcome_display().lower()}), so the amendment cannot now "
                    "be carried. Correct that motion first."
                )
            motion.outcome = result
            trail.save(motion, actor, actor_name)
            _carry_amendment(motion, actor, actor_name)
            return
    if motion.kind == MotionKind.ELECTION and result == Outcome.CARRIED:
        _refuse_if_office_filled(motion.meeting, motion.office, exclude=motion.pk)
    motion.outcome = result
    trail.save(motion, actor, actor_name)


def delete_motion(motion: Motion, actor=None, actor_name: str = "") -> None:
    """Delete a motion recorded by mistake, with its vote and amendments.

    Deleting a carried amendment takes back its effect (see ``correct_vote``). Refuses
    (nothing deleted) once the minutes are approved; a motion a resolution records; a motion
    superseded by a carried amendment or produced by one (delete the amendment instead).
    """
    from .models import Resolution

    with transaction.atomic():
        motion = Motion.objects.select_for_update().get(pk=motion.pk)
        check_record_open(motion.meeting_id)
        cited = (
            Resolution.objects.filter(motion=motion).select_related("minute").first()
        )
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
            _undo_carried_amendment(motion, actor, actor_name)
        trail.delete(motion, actor, actor_name)


# Elections of a chair or vice-chair --------------------------------------------------------


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


def _refuse_if_office_filled(meeting: Meeting, office: str, exclude: int | None = None) -> None:
    done = (
        Motion.objects.filter(
            meeting=meeting,
            kind=MotionKind.ELECTION,
            office=office,
            outcome__in=(Outcome.CARRIED, Outcome.WITHOUT_VOTE),
        )
        .exclude(pk=exclude)
        .select_related("nominee")
        .first()
    )
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
    actor=None,
    actor_name: str = "",
) -> Motion:
    """Propose ``nominee`` for chair or vice-chair of the meeting's body.

    Decide it with ``agree_election`` (without a vote) or ``vote_on_election``. Refuses
    (nothing saved): an unknown office; a nominee who is not a member of the body on the
    day; an office already filled at this meeting; a proposer or seconder not present.
    """
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
        _refuse_if_office_filled(meeting, office)
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
                text=text
                or f"That {nominee} be elected {Office(office).label} of {meeting.body}.",
                order=last + 1,
            ),
            actor,
            actor_name,
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
        nominee=motion.nominee,
        elected=motion.outcome in (Outcome.CARRIED, Outcome.WITHOUT_VOTE),
    )


def agree_election(motion: Motion, actor=None, actor_name: str = "") -> ElectionResult:
    """The meeting agreed the nomination without a vote."""
    if motion.kind != MotionKind.ELECTION:
        raise ValidationError("That motion is not an election.")
    agree_without_vote(motion, actor, actor_name)
    return election_result(motion)


def vote_on_election(motion: Motion, method: str, **kwargs) -> ElectionResult:
    """The meeting voted on the nomination (``record_vote``'s arguments)."""
    if motion.kind != MotionKind.ELECTION:
        raise ValidationError("That motion is not an election.")
    record_vote(motion, method, **kwargs)
    motion.refresh_from_db()
    return election_result(motion)
