"""What a report's header says, read field by field into typed values (``Header``).

``docx_header`` finds the header's paragraphs and hands each field's text here; this module
knows nothing of Word. Whatever a label promised but its value did not give (a date that is
"tbc", an exempt classification without its paragraph) is a plain-words warning, never an
error: the author fixes it in the form.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from .header_labels import NAMES, find_date, plain, read_date, split_dated
from .models import Classification


class Para(NamedTuple):
    """One paragraph of a field's value; ``listed`` when Word numbers or bullets it."""

    text: str
    listed: bool = False


@dataclass(frozen=True)
class Signer:
    """A "By:"/"From:" line: "Gary Cooke, Cabinet Member for …"."""

    name: str
    capacity: str


@dataclass(frozen=True)
class Step:
    """A body on the report's past or future pathway: "Cabinet – 30 November 2015"."""

    description: str
    date: dt.date | None = None
    note: str = ""


@dataclass(frozen=True)
class Contact:
    """The report author or relevant director as the contact details give them."""

    name: str
    job_title: str = ""
    telephone: str = ""
    email: str = ""


@dataclass
class Header:
    """What was read from a report's header; empty values where the header says nothing."""

    signers: list[Signer] = field(default_factory=list)
    to: str = ""
    meeting_date: dt.date | None = None
    date: dt.date | None = None
    subject: str = ""
    decision_number: str = ""
    classification: str = ""  # a ``Classification`` value, "" when not stated
    exempt_paragraph: int | None = None
    decision_flag: str = ""
    all_divisions: bool = False
    divisions: list[str] = field(default_factory=list)
    key_decision: bool | None = None
    past_pathway: list[Step] = field(default_factory=list)
    future_pathway: list[Step] = field(default_factory=list)
    summary: str = ""
    recommendations: list[str] = field(default_factory=list)
    recommendations_intro: str = ""  # "The Committee is asked to:"
    background_documents: str = ""
    no_background_documents: bool = False
    author: Contact | None = None
    director: Contact | None = None
    #: The labels seen, as written, in order.
    labels: list[str] = field(default_factory=list)
    #: Labels seen whose value could not be read, in plain words.
    warnings: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.labels)


_NONE = {"none", "n/a", "na", "not applicable", "nil", "-", "–", "no"}
_MARKER = re.compile(
    r"^\s*(?:\(\s*(?:\d{1,2}|[a-z]|[ivx]{1,5})\s*\)|(?:\d{1,2}|[a-z]|[ivx]{1,5})[.)]"
    r"|[-•·–*▪●o])\s+",
    re.I,
)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:(?:Tel|Telephone|Phone)[:.]?\s*)?(\+44\s?|\(?0)\d[\d ()]{7,}\d", re.I)
_SIGNER_SPLIT = re.compile(r"\s[–—-]\s|,\s|:\s")
_PARAGRAPH = re.compile(
    r"\bpara(?:graph)?s?\.?\s*(\d{1,2}(?:\s*(?:,|and|&|or)\s*\d{1,2})*)\b", re.I
)


def strip_marker(text: str) -> str:
    """A list item's text without a typed "(1)", "1.", "a)", "(ii)" or bullet."""
    return _MARKER.sub("", text, count=1).strip()


def _lines(paras: list[Para]) -> list[str]:
    return [line for p in paras for line in plain(p.text).split("\n") if line]


def _joined(paras: list[Para], sep: str = " ") -> str:
    return sep.join(plain(p.text).replace("\n", " ") for p in paras if plain(p.text))


def _is_none(text: str) -> bool:
    return plain(text).lower().strip(" .") in _NONE


def read_signers(paras: list[Para]) -> list[Signer]:
    """One signer a line: "Name, capacity", "Name – capacity" or "Name: capacity"."""
    signers = []
    for line in _lines(paras):
        for part in re.split(r"\s*;\s*", line):
            part = part.strip(" ,")
            m = _SIGNER_SPLIT.search(part)
            name, capacity = (part[: m.start()], part[m.end() :]) if m else (part, "")
            if name.strip():
                signers.append(Signer(name.strip(" ,"), capacity.strip(" ,")))
    return signers


def read_classification(value: str) -> tuple[str, int | None, list[str]]:
    """``(classification, Schedule 12A paragraph, warnings)`` from "Unrestricted",
    "Exempt – paragraph 3 of Part 1 of Schedule 12A", "Confidential" …"""
    text = plain(value).replace("\n", " ")
    low = text.lower()
    label = NAMES["classification"]
    if not low:
        return "", None, [f"{label}: the header gives no classification."]
    if re.match(r"^(unrestricted|public|open|not restricted)\b", low):
        warnings = []
        if "exempt" in low or "confidential" in low:
            warnings.append(
                f"{label}: “{text}” says part of the report is not for publication; only "
                "“Unrestricted” was read. Classify each exempt appendix on its own."
            )
        return Classification.UNRESTRICTED, None, warnings
    if "exempt" in low or "not for publication" in low or re.search(r"\brestricted\b", low):
        paragraphs = [int(n) for run in _PARAGRAPH.findall(text) for n in re.findall(r"\d+", run)]
        if not paragraphs:
            return (
                Classification.EXEMPT,
                None,
                [
                    f"{label}: “{text}” says exempt but names no paragraph of Schedule 12A "
                    "(1 to 7); choose the paragraph."
                ],
            )
        if not 1 <= paragraphs[0] <= 7:
            return (
                Classification.EXEMPT,
                None,
                [
                    f"{label}: paragraph {paragraphs[0]} is not one of Schedule 12A's "
                    "paragraphs (1 to 7); choose the paragraph."
                ],
            )
        warnings = []
        if len(set(paragraphs)) > 1:
            warnings.append(
                f"{label}: “{text}” names more than one paragraph; paragraph "
                f"{paragraphs[0]} was read. Check it."
            )
        return Classification.EXEMPT, paragraphs[0], warnings
    if "confidential" in low:
        return Classification.CONFIDENTIAL, None, []
    return "", None, [f"{label}: “{text}” is not a classification that could be read."]


def read_key_decision(value: str) -> tuple[bool | None, str]:
    """``(True, "17/00081")`` from "Yes – 17/00081"; None when it cannot be read."""
    low = plain(value).lower().replace("\n", " ")
    reference = re.search(r"\b\d{2}/\d{3,6}\b", low)
    ref = reference.group(0) if reference else ""
    if re.match(r"^(no|n|non[- ]key|not a key decision)\b", low):
        return False, ref
    if re.match(r"^(yes|y|key decision|this is a key decision)\b", low):
        return True, ref
    return None, ref


def read_divisions(value: str) -> tuple[bool, list[str]]:
    """``(all, names)``: "All" (or "All divisions"), none, or names split at commas,
    semicolons and line breaks."""
    text = plain(value)
    if re.match(r"^all\b(?!\w)", text.lower()) and len(text.split()) <= 3:
        return True, []
    if _is_none(text):
        return False, []
    return False, [n.strip(" .") for n in re.split(r"[,;\n]", text) if n.strip(" .")]


def read_pathway(paras: list[Para]) -> list[Step]:
    """Steps from "CMM – 9 November 2015; Cabinet – 30 November 2015", one a line or split
    at semicolons; "None" is no step."""
    steps = []
    for line in _lines(paras):
        for part in re.split(r"\s*;\s*", line):
            if not part.strip() or _is_none(part):
                continue
            description, day, note = split_dated(strip_marker(part))
            if description or day:
                steps.append(Step(description or "", day, note))
    return steps


def read_contact(paras: list[Para]) -> Contact | None:
    """Name on the first line; then job title lines, a telephone number and an email address
    wherever they stand ("Democratic Services Officer 03000 416749")."""
    lines = _lines(paras)
    if not lines:
        return None
    email = phone = ""
    rest: list[str] = []
    for line in lines:
        found = _EMAIL.search(line)
        if found and not email:
            email, line = found.group(0), (line[: found.start()] + line[found.end() :])
        number = _PHONE.search(line)
        if number and not phone:
            phone = re.sub(r"^(Tel|Telephone|Phone)[:.]?\s*", "", number.group(0), flags=re.I)
            line = line[: number.start()] + line[number.end() :]
        rest.extend(p.strip(" ,–-:") for p in line.split(" / ") if p.strip(" ,–-/:"))
    if not rest:
        return Contact("", telephone=phone, email=email)
    name, titles = rest[0], rest[1:]
    split = _SIGNER_SPLIT.search(name)
    if split:
        name, titles = name[: split.start()], [name[split.end() :], *titles]
    return Contact(name.strip(), ", ".join(titles), phone.strip(), email)


def read_recommendations(paras: list[Para]) -> tuple[list[str], str]:
    """``(recommendations, lead-in)``: the list items (Word's numbering or typed "(1)",
    "a)", bullets …) without their markers, after a lead-in such as "The Committee is asked
    to:"; a single paragraph with no list is one recommendation."""
    items, lead = [], []
    for p in paras:
        text = plain(p.text).replace("\n", " ")
        if not text:
            continue
        marked = strip_marker(text)
        if p.listed or marked != text:
            items.append(marked)
        elif items:
            items[-1] = f"{items[-1]} {text}"
        else:
            lead.append(text)
    if not items:
        return lead, ""
    return items, " ".join(lead)


def build(fields: list[tuple[str, str, list[Para]]]) -> Header:
    """The ``Header`` of ``(field, label as written, value paragraphs)`` in order of reading."""
    h = Header()
    for name, label, paras in fields:
        h.labels.append(label)
        text = _joined(paras)
        if name not in {"contact", "decision_flag"} and not text:
            h.warnings.append(f"{label}: the label is there but no value follows it.")
            continue
        if name == "by":
            h.signers += read_signers(paras)
        elif name == "to":
            h.to, day, _ = split_dated(text)
            h.meeting_date = day or h.meeting_date
        elif name in {"date", "meeting_date"}:
            day = read_date(text) or (find_date(text) or (None,))[0]
            if day is None:
                h.warnings.append(f"{label}: “{text}” is not a date that could be read.")
            elif name == "date":
                h.date = day
            else:
                h.meeting_date = day
        elif name == "subject":
            h.subject = text
        elif name == "decision_number":
            h.decision_number = "" if _is_none(text) else text
        elif name == "classification":
            h.classification, h.exempt_paragraph, warnings = read_classification(text)
            h.warnings += warnings
        elif name == "key_decision":
            h.key_decision, ref = read_key_decision(text)
            h.decision_number = h.decision_number or ref
            if h.key_decision is None:
                h.warnings.append(f"{label}: “{text}” is neither yes nor no.")
        elif name == "divisions":
            h.all_divisions, h.divisions = read_divisions("\n".join(_lines(paras)))
        elif name in {"past_pathway", "future_pathway"}:
            setattr(h, name, read_pathway(paras))
        elif name == "summary":
            h.summary = _joined(paras, "\n\n")
        elif name == "recommendations":
            h.recommendations, h.recommendations_intro = read_recommendations(paras)
        elif name == "background_documents":
            h.no_background_documents = _is_none(text)
            h.background_documents = "" if h.no_background_documents else "\n".join(_lines(paras))
        elif name in {"author", "director"}:
            setattr(h, name, read_contact(paras))
        elif name == "decision_flag":
            h.decision_flag = text.upper() or label.upper()
        elif name == "contact" and text:
            h.author = h.author or read_contact(paras)
    return h
