"""Counting a vote: who may vote, what counts are possible, and the result they give.
``record_vote`` and ``correct_vote`` (``proceedings.votes``) both take a vote's counts and its
result from here, so a vote entered on the clerk's screen, in the back office or by a loader
obeys the same rules.

- Only those present as members or substitutes vote; a name given twice is refused.
- A member barred by a declared interest in the motion's item (a disclosable pecuniary
  interest without a dispensation, or who left the room or took no part; Localism Act 2011
  s.31, docs/statutory-rules.md §5.4) cannot vote, and in a recorded vote is recorded as not
  voting without the clerk having to say so.
- A show of hands cannot count more hands than there are members present (docs/
  statutory-rules.md §2.7: "a majority of members present and voting").
- The result is computed under the vote's majority rule (``compute_result``), never typed.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from council.models import Person
from meetings.models import Meeting

from .attendance import chair, is_quorate, quorum, voters_present
from .models import (
    Choice,
    Declaration,
    InterestNature,
    MajorityRule,
    Motion,
    Participation,
    Side,
    VoteMethod,
    VoteResult,
)


def barred(motion: Motion) -> dict[int, str]:
    """People barred from voting on the motion's item by what they declared, with how they
    took part ("left the room" …)."""
    if not motion.item_id:
        return {}
    found = {}
    for d in Declaration.objects.filter(meeting_id=motion.meeting_id, item_id=motion.item_id):
        if d.participation != Participation.TOOK_PART or (
            d.nature == InterestNature.DPI and not d.dispensation
        ):
            found[d.person_id] = d.get_participation_display().lower()
    return found


def names(people) -> str:
    names = [str(p) for p in people]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def with_barred_not_voting(
    motion: Motion, choices: list[tuple[Person, str]]
) -> list[tuple[Person, str]]:
    """The recorded vote's names, with every member present but barred by a declaration who
    is not named added as "did not vote": the record shows they took no part."""
    named = {person.pk for person, _ in choices}
    missing = [
        pk for pk in barred(motion) if pk not in named and pk in voters_present(motion.meeting)
    ]
    people = Person.objects.in_bulk(missing)
    return choices + [(people[pk], Choice.DID_NOT_VOTE) for pk in missing]


def check_voters(motion: Motion, choices: list[tuple[Person, str]]) -> None:
    """Refuse the lot, naming everyone at fault: a way of voting that is not one, a member
    named twice, a voter not present as a member or substitute, a voter barred by a declared
    interest who is given a vote (recording them as not voting is right)."""
    present = voters_present(motion.meeting)
    debarring = barred(motion)
    seen: set[int] = set()
    twice, absent, debarred = [], [], []
    for person, choice in choices:
        if choice not in Choice.values:
            raise ValidationError(
                f"“{choice}” is not a way to vote (for, against, abstain, did not vote)."
            )
        if person.pk in seen:
            if person not in twice:
                twice.append(person)
            continue
        seen.add(person.pk)
        if person.pk not in present:
            absent.append(person)
        elif person.pk in debarring and choice != Choice.DID_NOT_VOTE:
            debarred.append(person)
    problems = []
    if twice:
        problems.append(
            f"{names(twice)} {'is' if len(twice) == 1 else 'are'} listed twice in this vote."
        )
    if absent:
        problems.append(
            f"{names(absent)} {'is' if len(absent) == 1 else 'are'} not recorded as a member "
            "present at this meeting, so cannot vote."
        )
    for person in debarred:
        problems.append(
            f"{person} declared an interest in this item ({debarring[person.pk]}), so cannot "
            "vote: record them as not voting."
        )
    if problems:
        raise ValidationError(problems)


def tally(choices: list[tuple[Person, str]]) -> tuple[int, int, int]:
    return tuple(
        sum(1 for _, c in choices if c == side)
        for side in (Choice.FOR, Choice.AGAINST, Choice.ABSTAIN)
    )


def check_counts(counts, named: tuple[int, int, int]) -> None:
    """Printed counts must match the names: "For: 64 given but 63 names"."""
    if counts is None:
        return
    wrong = [
        f"{label}: {given} given but {n} name{'' if n == 1 else 's'}"
        for label, given, n in zip(("For", "Against", "Abstain"), counts, named, strict=True)
        if given != n
    ]
    if wrong:
        raise ValidationError(f"The counts do not match the names. {'; '.join(wrong)}.")


def checked_counts(counts) -> tuple[int, int, int]:
    try:
        counts = tuple(int(c) for c in counts)
    except (TypeError, ValueError):
        raise ValidationError("Vote counts are whole numbers.") from None
    if len(counts) != 3:
        raise ValidationError("Give three counts: for, against and abstaining.")
    if min(counts) < 0:
        raise ValidationError("Vote counts cannot be negative.")
    return counts


def check_possible(motion: Motion, counts: tuple[int, int, int]) -> None:
    """More hands than members (and substitutes) present is a miscount, not a result."""
    present = len(voters_present(motion.meeting))
    given = sum(counts)
    if given > present:
        who = "member is" if present == 1 else "members are"
        raise ValidationError(
            f"{given} votes are counted (for {counts[0]}, against {counts[1]}, abstaining "
            f"{counts[2]}) but only {present} {who} recorded present. Check the count, or "
            "record the attendance first."
        )


def counts_of(
    motion: Motion,
    method: str,
    counts: tuple[int, int, int] | None,
    choices: list[tuple[Person, str]],
) -> tuple[int, int, int]:
    """The (for, against, abstain) of a vote as taken: a recorded vote's come from its names
    (printed counts given too must match them); a show of hands has counts and no names, and
    no more of them than members present."""
    if method == VoteMethod.RECORDED:
        if not choices:
            raise ValidationError("A recorded vote needs the names of those voting.")
        check_voters(motion, choices)
        named = tally(choices)
        check_counts(None if counts is None else checked_counts(counts), named)
        return named
    if method == VoteMethod.SHOW_OF_HANDS:
        if choices:
            raise ValidationError("A show of hands has counts only; use a recorded vote.")
        if counts is None:
            raise ValidationError("A show of hands needs the counts for, against and abstaining.")
        counts = checked_counts(counts)
        check_possible(motion, counts)
        return counts
    raise ValidationError(f"Unknown voting method: {method}.")


def named_choices(
    motion: Motion, method: str, choices: list[tuple[Person, str]]
) -> list[tuple[Person, str]]:
    """A recorded vote's names, with members barred by a declaration recorded as not voting."""
    if method == VoteMethod.RECORDED and choices:
        return with_barred_not_voting(motion, choices)
    return choices


# --- The result ----------------------------------------------------------------------------


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


def vote_warnings(meeting: Meeting, counts: tuple[int, int, int], casting_vote: str) -> list[str]:
    """What the record of the vote must say about how it was taken: inquorate, or a casting
    vote with nobody recorded in the chair."""
    notes = []
    present, needed = len(voters_present(meeting)), quorum(meeting)
    if not is_quorate(meeting):
        members = "member" if present == 1 else "members"
        notes.append(f"Vote taken inquorate: {present} {members} present, quorum {needed}.")
    if casting_vote and chair(meeting) is None:
        notes.append("A casting vote was recorded but nobody is recorded in the chair.")
    return notes
