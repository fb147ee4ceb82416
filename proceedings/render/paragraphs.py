"""A minute's paragraphs: its own text, then what the record generates (declarations,
motions and votes as the seeds minute them, actions, resolutions), numbered (1), (2) … when
there is more than one.

A minute's text is paragraphs separated by blank lines. A line starting "(a)" is a lettered
sub-point; a block starting "### " is an unnumbered sub-heading (the Chairman's announcements
(a) … (e)); a block "[motions]" places the motions and votes among the paragraphs (by default
they follow them). A paragraph may refer to another ("the motion outlined in paragraph (N)
above"); the reference is filled in once the paragraphs are numbered.
"""

from __future__ import annotations

import re

from council.models import Person
from meetings.models import Meeting

from ..models import (
    Choice,
    Declaration,
    InterestNature,
    Minute,
    Motion,
    MotionKind,
    Outcome,
    Participation,
    VoteMethod,
    VoteResult,
)
from .document import MinuteView, Named, Para, VoteBlock, VoteList
from .names import vote_name

REF = "\x00"  # marks a reference to another paragraph, filled in once they are numbered
MOTIONS_HERE = "[motions]"
SUB_POINT = re.compile(r"^\(?([a-z]|[ivx]+)\)\s+")


def _blocks(text: str) -> list[str]:
    return [b.strip() for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if b.strip()]


def _text_para(block: str) -> Para:
    if block.startswith("### "):
        return Para(heading=block[4:].strip(), numbered=False)
    para = Para()
    for line in (ln.strip() for ln in block.split("\n") if ln.strip()):
        m = SUB_POINT.match(line)
        if m and para.lines:
            para.points.append((f"({m.group(1)})", line[m.end() :]))
        elif para.points:
            label, text = para.points[-1]
            para.points[-1] = (label, f"{text} {line}")
        else:
            para.lines.append(line)
    return para


def _quote(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """A motion's words as quoted paragraphs and lettered points, within quotation marks."""
    text = text.strip()
    if not text.startswith(("“", '"')):
        text = f"“{text}”"
    lines, points = [], []
    for block in _blocks(text):
        for line in (ln.strip() for ln in block.split("\n") if ln.strip()):
            m = SUB_POINT.match(line.lstrip("- "))
            if m and lines:
                line = line.lstrip("- ")
                points.append((f"({m.group(1)})", line[m.end() :]))
            else:
                lines.append(line)
    return lines, points


class Context:
    """What a minute's generated paragraphs need to know about the meeting."""

    def __init__(self, meeting: Meeting, chair: Person | None, vice_id: int | None, form: str):
        self.meeting = meeting
        self.chair_id = chair.pk if chair else None
        self.vice_id = vice_id
        self.chair_form = form

    def speaker(self, person: Person | None, start: bool) -> str:
        if person is None or person.pk == self.chair_id:
            text = f"the {self.chair_form}"
        elif person.pk == self.vice_id:
            text = f"the Vice-{self.chair_form}"
        else:
            return person.short_name
        return text[0].upper() + text[1:] if start else text


def _moved(ctx: Context, motion: Motion) -> str:
    kind = {
        MotionKind.PROCEDURAL: "the procedural motion",
        MotionKind.AMENDMENT: "the following amendment",
    }.get(motion.kind, "the following motion")
    if motion.mover_id and motion.seconder_id:
        who = (
            f"{ctx.speaker(motion.mover, True)} moved and "
            f"{ctx.speaker(motion.seconder, False)} seconded"
        )
    elif motion.mover_id or ctx.chair_id:
        who = f"{ctx.speaker(motion.mover, True)} moved"
    else:
        who = "It was moved"
    return f"{who} {kind}"


def _outcome_line(motion: Motion) -> str:
    noun = {
        MotionKind.PROCEDURAL: "Procedural motion",
        MotionKind.AMENDMENT: "Amendment",
    }.get(motion.kind, "Motion")
    vote = getattr(motion, "vote", None)
    if vote is not None:
        return f"{noun} {'carried' if vote.result == VoteResult.CARRIED else 'lost'}"
    return {
        Outcome.CARRIED: f"{noun} carried",
        Outcome.LOST: f"{noun} lost",
        Outcome.WITHDRAWN: f"The {noun.lower()} was withdrawn.",
        Outcome.WITHOUT_VOTE: f"The {noun.lower()} was agreed without a formal vote.",
        Outcome.SUPERSEDED: f"The {noun.lower()} was superseded by the amendment carried.",
    }.get(motion.outcome, "")


def _noun(motion: Motion) -> str:
    return "amendment" if motion.kind == MotionKind.AMENDMENT else "motion"


def _vote_block(ctx: Context, motion: Motion, choices, forms) -> VoteBlock:
    vote = motion.vote
    labels = ((Choice.FOR, "For"), (Choice.AGAINST, "Against"), (Choice.ABSTAIN, "Abstain"))
    counts = {
        Choice.FOR: vote.votes_for,
        Choice.AGAINST: vote.votes_against,
        Choice.ABSTAIN: vote.abstentions,
    }
    lists = []
    for choice, label in labels:
        names = []
        if vote.method == VoteMethod.RECORDED:
            people = sorted(
                (rv.person for rv in choices.get(vote.pk, []) if rv.choice == choice),
                key=lambda p: p.sort_key,
            )
            names = [Named(p, vote_name(p, forms)) for p in people]
        lists.append(VoteList(label, counts[choice], names))
    casting = ""
    if vote.casting_vote:
        casting = (
            f"The votes being equal, the {ctx.chair_form} gave a casting vote "
            f"{vote.get_casting_vote_display().lower()} the {_noun(motion)}."
        )
    warnings = [w for w in vote.warnings.splitlines() if w.strip()]
    return VoteBlock(lists, _outcome_line(motion), casting, warnings)


def _motion_paras(ctx: Context, motions: list[Motion], choices, forms) -> list[Para]:
    """Motions as the seeds minute them: moved (and seconded) with the words quoted; a vote
    at once, unless a later motion (an amendment, "that the question be put") came first, in
    which case "The Chairman then put the motion outlined in paragraph (N) above to the vote"."""
    paras: list[Para] = []
    deferred: list[tuple[Motion, Para]] = []
    for i, motion in enumerate(motions):
        later = motions[i + 1 :]
        voted = hasattr(motion, "vote")
        if motion.kind == MotionKind.ELECTION:
            office = ctx.chair_form if motion.office == "chair" else f"Vice-{ctx.chair_form}"
            who = ctx.speaker(motion.mover, True) if motion.mover_id else "It was"
            seconded = (
                f" and {ctx.speaker(motion.seconder, False)} seconded" if motion.seconder_id else ""
            )
            text = (
                f"{who} proposed{seconded} that {motion.nominee.formal_name} be elected {office}."
            )
            para = Para(lines=[text])
            if voted:
                para.after.append("The votes cast were as follows:")
                para.vote = _vote_block(ctx, motion, choices, forms)
            elif motion.outcome:
                para.after.append(
                    "Agreed without a vote."
                    if motion.outcome == Outcome.WITHOUT_VOTE
                    else _outcome_line(motion)
                )
            paras.append(para)
            continue
        quote_lines, quote_points = _quote(motion.text)
        if motion.kind == MotionKind.PROCEDURAL:
            para = Para(
                lines=[f"{_moved(ctx, motion)} {quote_lines[0] if quote_lines else ''}".rstrip()]
            )
            if voted:
                para.lines[0] += (
                    f", the {ctx.chair_form} put this to the vote and the votes cast were as "
                    "follows:"
                )
                para.vote = _vote_block(ctx, motion, choices, forms)
            elif motion.outcome:
                para.after.append(_outcome_line(motion))
            paras.append(para)
            continue
        lead = (
            "The amendment having been carried, the substantive motion read:"
            if motion.arose_from_id
            else f"{_moved(ctx, motion)}:"
        )
        para = Para(lines=[lead], quote=quote_lines, quote_points=quote_points)
        paras.append(para)
        dealt_later = any(
            m.amends_id == motion.pk or m.kind == MotionKind.PROCEDURAL for m in later
        )
        if voted and dealt_later:
            deferred.append((motion, para))
        elif voted:
            paras.append(
                Para(
                    lines=[
                        f"The {ctx.chair_form} put the {_noun(motion)} to the vote and the votes "
                        "cast were as follows:"
                    ],
                    vote=_vote_block(ctx, motion, choices, forms),
                )
            )
        elif motion.outcome and motion.outcome != Outcome.SUPERSEDED:
            para.after.append(_outcome_line(motion))
    for motion, moved in deferred:
        paras.append(
            Para(
                lines=[
                    f"The {ctx.chair_form} then put the motion outlined in paragraph "
                    f"{REF}{id(moved)}{REF} above to the vote and the votes cast were as follows:"
                ],
                vote=_vote_block(ctx, motion, choices, forms),
            )
        )
    return paras


def _declaration_para(ctx: Context, d: Declaration) -> Para:
    took = {
        Participation.LEFT_ROOM: "left the room during consideration of the item",
        Participation.TOOK_NO_PART: "took no part in the discussion or the vote",
        Participation.TOOK_PART: "took part in the discussion",
    }[d.participation]
    nature = {
        InterestNature.DPI: "a disclosable pecuniary interest",
        InterestNature.OTHER_SIGNIFICANT: "an other significant interest",
    }.get(d.nature, "an interest")
    text = f"{d.person.short_name} declared {nature}: {d.text.strip()}"
    text = text.rstrip(".") + f". {d.person.short_name} {took}"
    if d.dispensation:
        text += f" (dispensation: {d.dispensation})"
    return Para(lines=[text + "."])


def _resolution_para(r) -> Para:
    lead = r.text.strip() or "RESOLVED that:"
    para = Para(resolved=lead, parts=r.lettered_parts)
    if r.delegated_to:
        para.delegation = (
            f"Decision delegated to {r.delegated_to}"
            + (f", in consultation with {r.in_consultation_with}" if r.in_consultation_with else "")
            + "."
        )
    return para


def minute_view(
    ctx: Context, minute: Minute, motions, choices, forms, declarations, resolutions
) -> MinuteView:
    text_blocks = _blocks(minute.text)
    generated: list[Para] = []
    generated += [_declaration_para(ctx, d) for d in declarations]
    generated += _motion_paras(ctx, motions, choices, forms)
    generated += [Para(lines=[a.text.strip()]) for a in minute.actions.all().order_by("pk")]
    if MOTIONS_HERE in text_blocks:  # the clerk placed the motions among the paragraphs
        at = text_blocks.index(MOTIONS_HERE)
        paras = [_text_para(b) for b in text_blocks[:at]] + generated
        paras += [_text_para(b) for b in text_blocks[at + 1 :] if b != MOTIONS_HERE]
    else:
        paras = [_text_para(b) for b in text_blocks] + generated
    paras += [_resolution_para(r) for r in resolutions]
    numbered = [p for p in paras if p.numbered]
    if len(numbered) > 1:
        refs = {}
        for n, p in enumerate(numbered, start=1):
            p.number = n
            refs[id(p)] = n
        for p in paras:
            p.lines = [_fill_refs(line, refs) for line in p.lines]
    else:
        for p in paras:
            p.lines = [_fill_refs(line, {id(q): 1 for q in paras}) for line in p.lines]
    return MinuteView(
        minute.number,
        minute.title,
        minute.item.number if minute.item_id else "",
        paras,
        minute.exempt_paragraph,
    )


def _fill_refs(line: str, refs: dict[int, int]) -> str:
    return re.sub(REF + r"(\d+)" + REF, lambda m: f"({refs.get(int(m.group(1)), '')})", line)
