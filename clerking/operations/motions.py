"""The screen's changes to the motions of the current item and the votes on them."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from proceedings import clerk, elections
from proceedings import votes as vote_services
from proceedings.models import Motion, MotionKind, Vote, VoteMethod

from .. import choices
from .. import forms as f
from .base import Change, op


@op("motion", "motions")
def motion(c: Change) -> str:
    item = c.need_item()
    present = choices.present(c.meeting)
    d = c.bind(
        f.MotionForm,
        "motion",
        {"mover": present, "seconder": present, "nominee": choices.members(c.meeting)},
        motions=choices.undecided_substantive(c.meeting),
    )
    if d["kind"] == MotionKind.ELECTION:
        if not d["mover"]:
            raise ValidationError({"mover": "Say who proposed the member for election."})
        elections.add_election(
            c.meeting,
            d["office"],
            d["nominee"],
            d["mover"],
            d["seconder"],
            item=item,
            text=d["text"].strip(),
            actor=c.user,
        )
        return f"nomination of {d['nominee']}"
    vote_services.add_motion(
        c.meeting,
        d["kind"],
        d["text"].strip(),
        mover=d["mover"],
        seconder=d["seconder"],
        item=item,
        amends=d["amends"],
        resulting_text=d["resulting_text"].strip(),
        actor=c.user,
    )
    return "motion recorded"


def _motion_of(c: Change) -> Motion:
    return c.obj(Motion, "motion", meeting=c.meeting)


def result_text(motion: Motion) -> str:
    """The motion's outcome as said after a vote: "carried (For 5, Against 1, Abstain 0)"."""
    motion.refresh_from_db()
    vote = Vote.objects.filter(motion=motion).first()
    counts = (
        (f" (For {vote.votes_for}, Against {vote.votes_against}, Abstain {vote.abstentions})")
        if vote
        else ""
    )
    text = f"{motion.get_outcome_display().lower()}{counts}"
    if motion.kind == MotionKind.ELECTION:
        result = elections.election_result(motion)
        if result is not None:
            text += f". {result}"
    return text


@op("hands", "motions")
def hands(c: Change) -> str:
    motion = _motion_of(c)
    d = c.bind(f.HandsForm, f"hands-{motion.pk}")
    clerk.record_or_correct_vote(
        motion,
        VoteMethod.SHOW_OF_HANDS,
        counts=(d["votes_for"], d["votes_against"], d["abstentions"] or 0),
        majority=d["majority"],
        casting_vote=d["casting_vote"],
        actor=c.user,
    )
    return f"vote recorded: {result_text(motion)}"


@op("recorded", "motions")
def recorded(c: Change) -> str:
    motion = _motion_of(c)
    key = f"rec-{motion.pk}"
    d = c.bind(f.RecordedCountsForm, key)
    clerk.record_or_correct_vote(
        motion,
        VoteMethod.RECORDED,
        names=c.posted_with(f"{key}-vote-"),
        counts=c.form.announced(),
        majority=d["majority"],
        casting_vote=d["casting_vote"],
        actor=c.user,
    )
    return f"recorded vote: {result_text(motion)}"


@op("agree", "motions")
def agree(c: Change) -> str:
    motion = _motion_of(c)
    vote_services.agree_without_vote(motion, actor=c.user)
    return result_text(motion)


@op("withdraw", "motions")
def withdraw(c: Change) -> str:
    vote_services.withdraw(_motion_of(c), actor=c.user)
    return "motion withdrawn"


@op("delete_motion", "motions")
def delete_motion(c: Change) -> str:
    vote_services.delete_motion(_motion_of(c), actor=c.user)
    return "motion deleted"
