"""The minutes as a data structure: what ``build`` assembles and the templates lay out
(``html``, ``pdf``). Nothing here queries the database."""

from __future__ import annotations

from dataclasses import dataclass, field

from council.models import Person
from meetings.models import Meeting

from ..models import MinutesRecord, MinutesStatus


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
