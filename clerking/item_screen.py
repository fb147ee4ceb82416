"""The current item's panels on the clerk's screen, as dataclasses built by ``item_screen``:
its declarations, its motions with their votes and recorded-vote grids, and its minutes."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.db.models import QuerySet

from council.models import Person
from meetings.models import AgendaItem, ItemKind, Meeting
from proceedings import counts as count_rules
from proceedings.approval import awaiting_approval
from proceedings.models import (
    Choice,
    Declaration,
    Minute,
    MinutesRecord,
    Motion,
    NilDeclarations,
    RecordedVote,
    Resolution,
    Vote,
    VoteMethod,
)
from proceedings.rules import motions_for_minute

from . import choices
from . import forms as f
from .screen import Bound, form


@dataclass(frozen=True)
class VoteRow:
    """One member present in a motion's recorded-vote grid."""

    person: Person
    choice: str  # the choice shown checked
    barred: str  # how a declared interest bars them ("left the room"), or ""


@dataclass
class MotionCard:
    motion: Motion
    vote: Vote | None
    hands_form: forms.Form
    recorded_form: forms.Form
    grid: list[VoteRow]

    @property
    def show_recorded(self) -> bool:
        """The recorded-vote form opens where the vote taken was a recorded one."""
        return bool(self.vote and self.vote.method == VoteMethod.RECORDED)


@dataclass
class MinuteCard:
    minute: Minute
    form: forms.Form
    resolution_form: forms.Form
    resolutions: list[Resolution]

    @property
    def saved_id(self) -> str:
        """The id of the minute's "Saved at" line, what its autosave comes back as."""
        return f"minute-{self.minute.pk}-saved"

    @property
    def resolutions_id(self) -> str:
        return f"minute-{self.minute.pk}-resolutions"


@dataclass
class PreviousCard:
    """On the minutes item: a previous meeting's minutes waiting for this meeting's approval,
    and the form recording it."""

    meeting: Meeting
    form: forms.Form


@dataclass
class ItemScreen:
    item: AgendaItem | None
    declarations: list[Declaration]
    nil_declarations: bool
    decl_form: forms.Form
    motions: list[MotionCard]
    motion_form: forms.Form
    minutes: list[MinuteCard]
    new_minute_form: forms.Form
    previous: list[PreviousCard]  # the minutes item only
    approved_here: list[MinutesRecord]  # minutes approved under this item


def _vote_initial(vote: Vote | None) -> dict:
    if vote is None or vote.method != VoteMethod.SHOW_OF_HANDS:
        return {}
    return {
        "votes_for": vote.votes_for,
        "votes_against": vote.votes_against,
        "abstentions": vote.abstentions,
        "majority": vote.majority,
        "casting_vote": vote.casting_vote,
    }


def _grid(
    motion: Motion,
    vote: Vote | None,
    chosen: dict[int, str],
    present: list[Person],
    posted: forms.Form | None,
) -> list[VoteRow]:
    """Everyone present, with the choice posted (a refused vote), recorded, or "did not vote"
    where nothing is; those barred by a declaration are recorded as not voting."""
    barred = count_rules.barred(motion)
    rows = []
    for p in present:
        if posted is not None:
            value = posted.data.get(f"rec-{motion.pk}-vote-{p.pk}")
        else:
            value = chosen.get(p.pk, Choice.DID_NOT_VOTE if vote is None else "")
        rows.append(VoteRow(p, value or Choice.DID_NOT_VOTE, barred.get(p.pk, "")))
    return rows


def motion_cards(
    meeting: Meeting, item: AgendaItem, present: list[Person], bound: Bound
) -> list[MotionCard]:
    motions = (
        Motion.objects.filter(meeting=meeting, item=item)
        .select_related("mover", "seconder", "amends", "nominee")
        .order_by("order", "pk")
    )
    votes = {v.motion_id: v for v in Vote.objects.filter(motion__in=motions)}
    recorded: dict[int, dict[int, str]] = {}
    for rv in RecordedVote.objects.filter(vote__motion__in=motions):
        recorded.setdefault(rv.vote_id, {})[rv.person_id] = rv.choice
    cards = []
    for m in motions:
        vote = votes.get(m.pk)
        key = f"rec-{m.pk}"
        cards.append(
            MotionCard(
                motion=m,
                vote=vote,
                hands_form=form(bound, f"hands-{m.pk}", f.HandsForm, initial=_vote_initial(vote)),
                recorded_form=form(
                    bound,
                    key,
                    f.RecordedCountsForm,
                    initial={"majority": vote.majority, "casting_vote": vote.casting_vote}
                    if vote
                    else {},
                ),
                grid=_grid(
                    m, vote, recorded.get(vote.pk, {}) if vote else {}, present, bound.get(key)
                ),
            )
        )
    return cards


def minute_cards(meeting: Meeting, item: AgendaItem, bound: Bound) -> list[MinuteCard]:
    cards = []
    for minute in (
        Minute.objects.filter(meeting=meeting, item=item)
        .prefetch_related("resolutions")
        .order_by("number")
    ):
        cards.append(
            MinuteCard(
                minute=minute,
                form=form(
                    bound,
                    f"minute-{minute.pk}",
                    f.ExemptMinuteForm if minute.exempt else f.MinuteForm,
                    initial={
                        "title": minute.title,
                        "text": minute.text,
                        "exempt": minute.exempt,
                        "exempt_paragraph": minute.exempt_paragraph,
                        "public_summary": minute.public_summary,
                        "summary_not_needed": minute.summary_not_needed,
                    },
                ),
                resolution_form=form(
                    bound, f"res-{minute.pk}", f.ResolutionForm, motions=motions_for_minute(minute)
                ),
                resolutions=list(minute.resolutions.all()),
            )
        )
    return cards


def previous_cards(meeting: Meeting, item: AgendaItem, bound: Bound) -> list[PreviousCard]:
    if item.kind != ItemKind.MINUTES:
        return []
    return [
        PreviousCard(m, form(bound, f"prev-{m.pk}", f.PreviousMinutesForm, previous=m))
        for m in awaiting_approval(meeting)
    ]


def approved_here(item: AgendaItem) -> list[MinutesRecord]:
    if item.kind != ItemKind.MINUTES:
        return []
    return list(
        MinutesRecord.objects.filter(approved_by_minute__item=item)
        .select_related("meeting", "approved_by_minute")
        .order_by("meeting__date")
    )


def declarations_shown(meeting: Meeting, item: AgendaItem | None) -> QuerySet[Declaration]:
    """The item's declarations; under the declarations item, all of the meeting's."""
    found = Declaration.objects.filter(meeting=meeting).select_related("person", "item")
    if item is None:
        return found.none()
    return found if item.kind == ItemKind.DECLARATIONS else found.filter(item=item)


def item_screen(
    meeting: Meeting, item: AgendaItem | None, present: list[Person], bound: Bound
) -> ItemScreen:
    """The panels of ``item`` (``None``: a meeting with no items); ``present`` are those
    present, in the order the grids list them."""
    movers = choices.present(meeting)  # who may move and second
    exempt = bool(item and item.is_exempt)
    return ItemScreen(
        item=item,
        declarations=list(declarations_shown(meeting, item)),
        nil_declarations=NilDeclarations.objects.filter(meeting=meeting).exists(),
        decl_form=form(
            bound,
            "decl",
            f.DeclarationForm,
            {"person": choices.in_room(meeting), "item": choices.declarable(meeting)},
            initial={"item": item if item and item.kind != ItemKind.DECLARATIONS else None},
        ),
        motions=motion_cards(meeting, item, present, bound) if item else [],
        motion_form=form(
            bound,
            "motion",
            f.MotionForm,
            {"mover": movers, "seconder": movers, "nominee": choices.members(meeting)},
            motions=choices.undecided_substantive(meeting),
        ),
        minutes=minute_cards(meeting, item, bound) if item else [],
        previous=previous_cards(meeting, item, bound) if item else [],
        approved_here=approved_here(item) if item else [],
        new_minute_form=form(
            bound,
            "newminute",
            f.ExemptMinuteForm,
            initial={
                "title": item.title if item else "",
                "exempt": exempt,
                "exempt_paragraph": item.exempt_paragraph if exempt else None,
            },
        ),
    )
