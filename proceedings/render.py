"""The minutes in the seeds' form, as accessible HTML and as a tagged PDF.

What is public is decided by ``proceedings.public`` alone: ``public_html`` draws on its
querysets (public minutes, motions and votes), and shows no more of an exempt minute than its
number, the paragraph of Schedule 12A and the public summary written for publication.
``exempt_html`` is the exempt minutes, for those entitled to them only.

A minute's text is paragraphs separated by blank lines, numbered (1), (2) … (continuing
through the motions, votes, declarations, actions and resolutions generated from the record)
when the minute has more than one. A line starting "(a)" is a lettered sub-point; a block
starting "### " is an unnumbered sub-heading (the Chairman's announcements (a) … (e)); a block
"[motions]" places the motions and votes among the paragraphs (by default they follow them).

Names come from the people's records: the formal name in attendance lists, the short name
("Mr Vye") for movers, the vote-list form in recorded votes (a recorded short name form such as
"Mr A Marsh" for Mr R A Marsh, else title, first initial and surname).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.template.loader import render_to_string

from council.models import Authority, BodyKind, Membership, Person, Role
from meetings.formatting import long_date
from meetings.models import Meeting
from papers.convert import content_hash
from papers.pack.render import RENDER_VERSION, cached_render

from . import public
from .models import (
    AttendanceStatus,
    Choice,
    Declaration,
    InterestNature,
    Minute,
    MinutesRecord,
    MinutesStatus,
    Motion,
    MotionKind,
    Outcome,
    Participation,
    RecordedVote,
    VoteMethod,
    VoteResult,
)
from .record import motion_minutes, selection, short_forms_of, vote_name

REF = "\x00"  # marks a reference to another paragraph, filled in once they are numbered
MOTIONS_HERE = "[motions]"
SUB_POINT = re.compile(r"^\(?([a-z]|[ivx]+)\)\s+")
S = AttendanceStatus


# --- The document's parts ---------------------------------------------------------------------


@dataclass
class Named:
    person: Person
    text: str
    note: str = ""


@dataclass
class VoteList:
    label: str  # For / Against / Abstain
    count: int
    names: list[Named] = field(default_factory=list)


@dataclass
class VoteBlock:
    lists: list[VoteList]
    outcome: str
    casting: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass
class Para:
    """One paragraph of a minute: ``lines`` of text, lettered ``points``, a quoted motion,
    a vote, or a resolution."""

    number: int | None = None
    heading: str = ""
    lines: list[str] = field(default_factory=list)
    points: list[tuple[str, str]] = field(default_factory=list)
    quote: list[str] = field(default_factory=list)
    quote_points: list[tuple[str, str]] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    vote: VoteBlock | None = None
    resolved: str = ""
    parts: list[tuple[str, str]] = field(default_factory=list)
    delegation: str = ""
    numbered: bool = True


@dataclass
class MinuteView:
    number: int
    title: str
    item_number: str
    paras: list[Para]
    exempt_paragraph: int | None = None


@dataclass
class ExemptSummary:
    number: int
    item_number: str
    paragraph: int | None
    summary: str


@dataclass
class Minutes:
    meeting: Meeting
    authority: str
    heading: str
    council_form: bool
    chair: Named | None
    vice: Named | None
    present: list[Named]
    also_present: list[Named]
    in_attendance: list[Named]
    apologies: list[Named]
    minutes: list[MinuteView]
    summaries: list[ExemptSummary]
    status: str
    status_label: str
    record: MinutesRecord | None
    exempt: bool = False
    chair_form: str = "Chairman"

    @property
    def unconfirmed(self) -> bool:
        return self.status in (MinutesStatus.DRAFT, MinutesStatus.PUBLISHED_DRAFT)


def _list_text(names: list[str]) -> str:
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _blocks(text: str) -> list[str]:
    return [b.strip() for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if b.strip()]


def _text_para(block: str) -> Para:
    if block.startswith("### "):
        return Para(heading=block[4:].strip(), numbered=False)
    para = Para()
    for line in (ln.strip() for ln in block.split("\n") if ln.strip()):
        m = SUB_POINT.match(line)
        if m and para.lines:
            para.points.append((f"({m.group(1)})", line[m.end():]))
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
                points.append((f"({m.group(1)})", line[m.end():]))
            else:
                lines.append(line)
    return lines, points


class _Context:
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


def _moved(ctx: _Context, motion: Motion) -> str:
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


def _vote_block(ctx: _Context, motion: Motion, choices, forms) -> VoteBlock:
    vote = motion.vote
    labels = ((Choice.FOR, "For"), (Choice.AGAINST, "Against"), (Choice.ABSTAIN, "Abstain"))
    counts = {Choice.FOR: vote.votes_for, Choice.AGAINST: vote.votes_against,
              Choice.ABSTAIN: vote.abstentions}
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


def _motion_paras(ctx: _Context, motions: list[Motion], choices, forms) -> list[Para]:
    """Motions as the seeds minute them: moved (and seconded) with the words quoted; a vote
    at once, unless a later motion (an amendment, "that the question be put") came first, in
    which case "The Chairman then put the motion outlined in paragraph (N) above to the vote"."""
    paras: list[Para] = []
    deferred: list[tuple[Motion, Para]] = []
    for i, motion in enumerate(motions):
        later = motions[i + 1:]
        voted = hasattr(motion, "vote")
        if motion.kind == MotionKind.ELECTION:
            office = ctx.chair_form if motion.office == "chair" else f"Vice-{ctx.chair_form}"
            who = ctx.speaker(motion.mover, True) if motion.mover_id else "It was"
            seconded = (
                f" and {ctx.speaker(motion.seconder, False)} seconded" if motion.seconder_id else ""
            )
            text = (
                f"{who} proposed{seconded} that {motion.nominee.formal_name} be elected "
                f"{office}."
            )
            para = Para(lines=[text])
            if voted:
                para.after.append("The votes cast were as follows:")
                para.vote = _vote_block(ctx, motion, choices, forms)
            elif motion.outcome:
                para.after.append(
                    "Agreed without a vote." if motion.outcome == Outcome.WITHOUT_VOTE
                    else _outcome_line(motion)
                )
            paras.append(para)
            continue
        quote_lines, quote_points = _quote(motion.text)
        if motion.kind == MotionKind.PROCEDURAL:
            para = Para(lines=[f"{_moved(ctx, motion)} {quote_lines[0] if quote_lines else ''}"
                               .rstrip()])
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
            if motion.arose_from_id else f"{_moved(ctx, motion)}:"
        )
        para = Para(lines=[lead], quote=quote_lines, quote_points=quote_points)
        paras.append(para)
        dealt_later = any(
            m.amends_id == motion.pk or m.kind == MotionKind.PROCEDURAL for m in later
        )
        if voted and dealt_later:
            deferred.append((motion, para))
        elif voted:
            paras.append(Para(
                lines=[f"The {ctx.chair_form} put the {_noun(motion)} to the vote and the votes "
                       "cast were as follows:"],
                vote=_vote_block(ctx, motion, choices, forms),
            ))
        elif motion.outcome and motion.outcome != Outcome.SUPERSEDED:
            para.after.append(_outcome_line(motion))
    for motion, moved in deferred:
        paras.append(Para(
            lines=[f"The {ctx.chair_form} then put the motion outlined in paragraph "
                   f"{REF}{id(moved)}{REF} above to the vote and the votes cast were as follows:"],
            vote=_vote_block(ctx, motion, choices, forms),
        ))
    return paras


def _declaration_para(ctx: _Context, d: Declaration) -> Para:
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
        para.delegation = f"Decision delegated to {r.delegated_to}" + (
            f", in consultation with {r.in_consultation_with}" if r.in_consultation_with else ""
        ) + "."
    return para


def _minute_view(ctx, minute: Minute, motions, choices, forms, declarations,
                 resolutions) -> MinuteView:
    text_blocks = _blocks(minute.text)
    generated: list[Para] = []
    generated += [_declaration_para(ctx, d) for d in declarations]
    generated += _motion_paras(ctx, motions, choices, forms)
    generated += [
        Para(lines=[a.text.strip()]) for a in minute.actions.all().order_by("pk")
    ]
    if MOTIONS_HERE in text_blocks:  # the clerk placed the motions among the paragraphs
        at = text_blocks.index(MOTIONS_HERE)
        paras = [_text_para(b) for b in text_blocks[:at]] + generated
        paras += [_text_para(b) for b in text_blocks[at + 1:] if b != MOTIONS_HERE]
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


# --- Attendance ------------------------------------------------------------------------------


def _vice_id(meeting: Meeting) -> int | None:
    m = (
        Membership.objects.on(meeting.date)
        .filter(body_id=meeting.body_id, role=Role.VICE_CHAIRMAN, person__isnull=False)
        .first()
    )
    return m.person_id if m else None


def _attendance(meeting: Meeting, rows, chair_form: str, council_form: bool, vice_id):
    chair = vice = None
    present, also, officers, apologies = [], [], [], []
    for a in rows:
        p = a.person
        if a.status == S.PRESENT:
            note = ""
            if a.substitute_for_id:
                note = f"(Substitute for {a.substitute_for.formal_name})"
            if a.in_chair:
                chair = Named(p, p.formal_name, f"({chair_form})")
            elif p.pk == vice_id:
                vice = Named(p, p.formal_name, f"(Vice-{chair_form})")
            else:
                present.append(Named(p, p.formal_name, note))
        elif a.status == S.ALSO_PRESENT:
            also.append(Named(p, p.formal_name))
        elif a.status == S.IN_ATTENDANCE:
            items = ", ".join(i.number for i in a.items.all())
            note = "; ".join(x for x in (a.capacity, f"for item {items}" if items else "") if x)
            officers.append(Named(p, p.full_name, f"({note})" if note else ""))
        elif a.status == S.APOLOGIES:
            apologies.append(Named(p, p.formal_name))
    present.sort(key=lambda n: n.person.sort_key)
    also.sort(key=lambda n: n.person.sort_key)
    apologies.sort(key=lambda n: n.person.sort_key)
    if not council_form:
        # Committee form: one list, the chairman first, the vice-chairman marked in place.
        if vice:
            present.append(vice)
            present.sort(key=lambda n: n.person.sort_key)
            vice = None
        if chair:
            present.insert(0, chair)
            chair = None
    return chair, vice, present, also, officers, apologies


# --- Assembling ------------------------------------------------------------------------------


def build(meeting: Meeting, exempt: bool = False) -> Minutes:
    """The minutes of ``meeting``: the public minutes, or (``exempt``) the exempt minutes."""
    from .attendance import chair as chair_of

    authority = Authority.current()
    chair_form = authority.chair_form if authority and authority.chair_form else "Chairman"
    council_form = meeting.body.kind == BodyKind.COUNCIL
    body_name = (
        authority.name if council_form and authority else meeting.body.name
    )
    venue = meeting.venue.full_name if meeting.venue_id else ""
    heading = f"MINUTES of a meeting of the {body_name}"
    if venue:
        heading += f" held in the {venue}"
    heading += f" on {long_date(meeting.date)}."
    record = MinutesRecord.objects.filter(meeting=meeting).select_related(
        "approved_by_minute__meeting__body", "signed_by"
    ).first()
    status = record.status if record else MinutesStatus.DRAFT

    attendance = meeting.attendances.select_related("person", "substitute_for") \
        .prefetch_related("items").order_by("order", "pk")
    if not exempt:
        attendance = attendance.filter(pk__in=public.public_attendance().values("pk")) \
            if record and record.is_public else attendance
    vice_id = _vice_id(meeting)
    chair_p, vice, present, also, officers, apologies = _attendance(
        meeting, attendance, chair_form, council_form, vice_id
    )
    ctx = _Context(meeting, chair_of(meeting), vice_id, chair_form)

    shown, motions, resolutions, declarations_qs = selection(meeting, exempt)
    shown_ids = {m.pk for m in shown}
    targets = motion_minutes(meeting, resolutions)
    by_minute: dict[int, list[Motion]] = {}
    for mo in motions:
        target = targets.get(("motion", mo.pk)) or targets.get(("item", mo.item_id))
        if target in shown_ids:
            by_minute.setdefault(target, []).append(mo)
    vote_ids = [mo.vote.pk for mo in motions if hasattr(mo, "vote")]
    choices: dict[int, list[RecordedVote]] = {}
    for rv in RecordedVote.objects.filter(vote_id__in=vote_ids).select_related("person"):
        choices.setdefault(rv.vote_id, []).append(rv)
    forms = short_forms_of([rv.person_id for rvs in choices.values() for rv in rvs])
    declarations: dict[int, list[Declaration]] = {}
    for d in declarations_qs.select_related("person").order_by("pk"):
        target = targets.get(("item", d.item_id))
        if target in shown_ids:
            declarations.setdefault(target, []).append(d)
    resolved: dict[int, list] = {}
    for r in resolutions:
        resolved.setdefault(r.minute_id, []).append(r)

    views = [
        _minute_view(ctx, m, by_minute.get(m.pk, []), choices, forms, declarations.get(m.pk, []),
                     resolved.get(m.pk, []))
        for m in shown
    ]
    summaries = []
    if not exempt:
        # Only the parts of an exempt minute written for the public: never its title or text.
        for row in (
            Minute.objects.filter(public.closed_minute_q(), meeting=meeting)
            .order_by("number")
            .values("number", "item__number", "exempt_paragraph", "public_summary")
        ):
            summaries.append(ExemptSummary(row["number"], row["item__number"] or "",
                                           row["exempt_paragraph"], row["public_summary"]))
    return Minutes(
        meeting=meeting,
        authority=authority.name if authority else "",
        heading=heading,
        council_form=council_form,
        chair=chair_p,
        vice=vice,
        present=present,
        also_present=also,
        in_attendance=officers,
        apologies=apologies,
        minutes=views,
        summaries=summaries,
        status=status,
        status_label=status_label(record),
        record=record,
        exempt=exempt,
        chair_form=chair_form,
    )


def status_label(record: MinutesRecord | None) -> str:
    """ "Draft – unconfirmed" until approved; then who approved them, and who signed."""
    if record is None or record.status in (MinutesStatus.DRAFT, MinutesStatus.PUBLISHED_DRAFT):
        return "Draft – unconfirmed"
    approving = record.approved_by_minute
    text = (
        f"Approved as a correct record at the meeting of {approving.meeting.body} on "
        f"{long_date(approving.meeting.date)} (minute {approving.number})"
    )
    if record.status == MinutesStatus.SIGNED and record.signed_by_id:
        text += f"; signed by {record.signed_by.formal_name} on {long_date(record.signed_on)}"
    return text + "."


# --- Output ----------------------------------------------------------------------------------


def public_html(meeting: Meeting) -> str:
    """The public minutes as an HTML fragment (no page around it)."""
    return render_to_string("proceedings/minutes_body.html", {"doc": build(meeting)})


def exempt_html(meeting: Meeting) -> str:
    """The exempt minutes as an HTML fragment; empty when there are none. Never public."""
    doc = build(meeting, exempt=True)
    if not doc.minutes:
        return ""
    return render_to_string("proceedings/minutes_body.html", {"doc": doc})


def print_html(meeting: Meeting, exempt: bool = False) -> str:
    """A complete document for the PDF."""
    doc = build(meeting, exempt=exempt)
    return render_to_string("proceedings/print/minutes.html", {"doc": doc})


def pdf(meeting: Meeting, exempt: bool = False) -> tuple[bytes, str]:
    """The minutes as a tagged PDF (PDF/UA-1) and the hash of what was rendered (an ETag)."""

    html = print_html(meeting, exempt=exempt)
    data, _ = cached_render(html)
    return data, content_hash(RENDER_VERSION, html)
