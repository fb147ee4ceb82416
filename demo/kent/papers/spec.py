"""How the data modules describe a paper: where its text is, and its report header.

Each paper's text is shipped in ``data/<source>.txt``: the seed pack's lines ``lines``
(inclusive, ``pack:line`` numbering as in requirements-from-seeds), extracted by
``python -m demo.kent.papers.extract``. ``body`` gives the seed lines that become the paper's
HTML; the lines outside it are the header and contact block, which the report's fields carry
(the pack prints them from those fields), so they are not repeated in the body.

Header values are transcribed verbatim from those lines; ``demo/tests`` checks that each one
is really there. What a report does not state is left blank, never invented.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from papers.models import DocumentKind

DATA = Path(__file__).parent / "data"
SEEDS = {
    "000": "kcc-2017-03-01-selection-and-member-services-agenda-pack.txt",
    "002": "kcc-2015-12-10-county-council-summons-and-agenda-pack.txt",
    "004": "kcc-2017-09-15-policy-and-resources-cabinet-committee-agenda-pack.txt",
}
# The agenda lists of the front sheets, with their "(Pages X - Y)" (000:45–53, 002:42–56,
# 004:45–80): shipped so the tests can check which items have papers without the seeds.
FRONT_SHEETS = {"000": (45, 53), "002": (42, 56), "004": (45, 80)}
# Every report must state its background documents (the pack refuses otherwise). Where the
# published report makes no statement at all, that absence is the fact recorded.
NOT_STATED = "Not stated in the published report"
NONE = "None"  # the report says "None": recorded as no_background_documents


@dataclass(frozen=True)
class Contact:
    name: str  # as printed; resolved to a person in the record (or an officer added for it)
    job_title: str = ""
    telephone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Step:
    """A pathway step: ``where`` is a body in the record or, failing that, a description."""

    direction: str  # "past" or "future"
    where: str
    date: dt.date | None = None
    note: str = ""


@dataclass(frozen=True)
class Header:
    signers: tuple[tuple[str, str], ...]  # "By:"/"From:" lines: (name as printed, capacity)
    to: str  # the body in the record the report is addressed to
    background: str  # the statement as printed, NONE, or NOT_STATED
    summary: str = ""
    date: dt.date | None = None  # only where the report prints its own "Date:"
    pathway: tuple[Step, ...] = ()
    recommendations: tuple[tuple[str, str], ...] = ()  # (verb as written, the rest)
    decision_flag: str = ""
    all_divisions: bool = False
    author: Contact | None = None
    director: Contact | None = None


@dataclass(frozen=True)
class Paper:
    title: str  # the paper's own title (a report's Subject, which may differ from the agenda's)
    source: str  # data file stem
    lines: tuple[int, int] | None  # seed lines of the whole paper; None: written for the demo
    body: tuple[tuple[int, int], ...] = ()  # seed lines converted to HTML; () = all of them
    kind: str = DocumentKind.REPORT
    label: str = ""  # "Appendix A"
    header: Header | None = None
    appendices: tuple[Paper, ...] = ()
    exempt_paragraph: int | None = None  # Schedule 12A paragraph of an exempt paper

    @property
    def path(self) -> Path:
        return DATA / f"{self.source}.txt"

    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def body_text(self) -> str:
        """The text that becomes the paper's HTML."""
        lines = self.text().splitlines()
        if not self.body or self.lines is None:
            return "\n".join(lines)
        first = self.lines[0]
        return "\n".join("\n".join(lines[a - first : b - first + 1]) for a, b in self.body)


@dataclass(frozen=True)
class Agenda:
    """The papers of one meeting: ``papers`` maps an agenda item number to its papers."""

    seed: str  # "004"
    body: str
    date: dt.date
    papers: dict[str, tuple[Paper, ...]]


def front_sheet(seed: str) -> str:
    return (DATA / f"{seed}-front-sheet.txt").read_text(encoding="utf-8")


def minutes(title: str, source: str, lines: tuple[int, int]) -> Paper:
    return Paper(title, source, lines, kind=DocumentKind.MINUTES)


def appendix(
    label: str,
    title: str,
    source: str,
    lines: tuple[int, int],
    body: tuple[tuple[int, int], ...] = (),
) -> Paper:
    return Paper(title, source, lines, body, kind=DocumentKind.APPENDIX, label=label)
