"""The report form's values as typed, read into ``papers.report_form.ReportFields``.

The form is kept as typed (``{name: [values]}``, as a request's POST holds it) so that the
same values come from a request, from the autosave slot and from the saved report, and a
refused form shows back exactly what was typed. The repeated rows (signers,
recommendations, pathway steps) are parallel lists in page order: reordering the rows on the
page (with or without JavaScript) reorders them in the record.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from council.models import Body, Division, Person
from council.typed_dates import date_as_typed, read_date
from meetings.models import ExemptParagraph
from papers.models import Classification, Document, PathwayStep
from papers.report_form import Contact, ReportFields, Signer, Step

Values = dict[str, list[str]]

CONTACT_PARTS = ("", "_job_title", "_telephone", "_email")
SCALARS = [
    *("title", "classification", "exempt_paragraph", "to_body", "date", "decision_flag"),
    *("all_divisions", "key_decision", "key_decision_reference", "summary"),
    *("background_documents", "no_background_documents", "body"),
    *(f"{role}{part}" for role in ("author", "director") for part in CONTACT_PARTS),
]
ROWS = {
    "signer": ("person", "capacity"),
    "rec": ("verb", "text"),
    "step": ("direction", "where", "date", "note"),
}
LISTS = ["divisions", *(f"{row}_{part}" for row, parts in ROWS.items() for part in parts)]
LIMITS = {"title": 300, "decision_flag": 30, "key_decision_reference": 50, "summary": 5000}


@dataclass
class Problem:
    message: str
    anchor: str


@dataclass
class Read:
    fields: ReportFields | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> dict[str, str]:
        return {p.anchor: p.message for p in self.problems}


def from_post(post) -> Values:
    """The form's values from a request's POST (a QueryDict), nothing else of it."""
    return {name: post.getlist(name) for name in [*SCALARS, *LISTS] if name in post}


def one(values: Values, name: str) -> str:
    got = values.get(name) or [""]
    return got[0] if got else ""


def rows(values: Values, kind: str) -> list[dict[str, str]]:
    parts = ROWS[kind]
    columns = [values.get(f"{kind}_{part}", []) for part in parts]
    count = max((len(c) for c in columns), default=0)
    return [
        {part: (col[i] if i < len(col) else "") for part, col in zip(parts, columns, strict=True)}
        for i in range(count)
    ]


def _text_body(text: str) -> str:
    """A body typed without the editor: HTML as it is, or plain paragraphs made HTML."""
    if re.search(r"<\s*/?\s*[a-z][^>]*>", text, re.I):
        return text
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    escaped = [html.escape(p, quote=False).replace("\n", "<br>") for p in paragraphs]
    return "".join(f"<p>{p}</p>" for p in escaped)


def _pk(model, text: str):
    return model.objects.filter(pk=int(text)).first() if text.strip().isdigit() else None


class _Reader:
    def __init__(self, values: Values) -> None:
        self.values, self.problems = values, []

    def bad(self, anchor: str, message: str) -> None:
        self.problems.append(Problem(message, anchor))

    def text(self, name: str) -> str:
        value = one(self.values, name).strip()
        limit = LIMITS.get(name, 200)
        if len(value) > limit:
            self.bad(name, f"Keep it to {limit} characters (it has {len(value)}).")
        return value

    def tick(self, name: str) -> bool:
        return one(self.values, name) in ("on", "yes", "true", "1")

    def contact(self, role: str, label: str) -> Contact:
        person = None
        chosen = one(self.values, role)
        if chosen:
            person = _pk(Person, chosen)
            if person is None:
                self.bad(role, f"Choose the {label} from the list.")
        email = self.text(f"{role}_email")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                self.bad(f"{role}_email", f"Enter the {label}'s email like name@kent.gov.uk.")
        return Contact(
            person, self.text(f"{role}_job_title"), self.text(f"{role}_telephone"), email
        )

    def classification(self) -> tuple[str, int | None]:
        chosen = one(self.values, "classification") or Classification.UNRESTRICTED
        if chosen not in Classification.values:
            self.bad("classification", "Choose the report's classification.")
            chosen = Classification.UNRESTRICTED
        paragraph_text = one(self.values, "exempt_paragraph")
        paragraph = int(paragraph_text) if paragraph_text.isdigit() else None
        if chosen == Classification.EXEMPT and paragraph not in ExemptParagraph.values:
            self.bad("exempt_paragraph", "Choose the paragraph of Schedule 12A it is exempt under.")
        if chosen != Classification.EXEMPT:
            paragraph = None
        return chosen, paragraph

    def signers(self) -> list[Signer]:
        found = []
        for i, row in enumerate(rows(self.values, "signer")):
            if not (row["person"] or row["capacity"].strip()):
                continue
            person = _pk(Person, row["person"])
            if person is None:
                self.bad(f"signer_person-{i}", f"Choose who signs in line {i + 1} of “By”.")
            elif not row["capacity"].strip():
                self.bad(f"signer_capacity-{i}", f"Say in what capacity {person} signs.")
            else:
                found.append(Signer(person, row["capacity"].strip()[:200]))
        return found

    def recommendations(self) -> list[tuple[str, str]]:
        found = []
        for i, row in enumerate(rows(self.values, "rec")):
            verb, text = row["verb"].strip().upper()[:30], row["text"].strip()
            if not (verb or text):
                continue
            if not text:
                self.bad(f"rec_text-{i}", f"Write recommendation {i + 1}, or clear its verb.")
            else:
                found.append((verb, text))
        return found

    def pathway(self) -> list[Step]:
        found = []
        bodies = {b.name.lower(): b for b in Body.objects.only("pk", "name")}
        for i, row in enumerate(rows(self.values, "step")):
            where = row["where"].strip()
            if not (where or row["date"].strip() or row["note"].strip()):
                continue
            direction = row["direction"]
            if direction not in PathwayStep.Direction.values:
                self.bad(f"step_direction-{i}", f"Say whether step {i + 1} is past or future.")
                continue
            if not where:
                self.bad(f"step_where-{i}", f"Say which body or meeting step {i + 1} is.")
                continue
            day = None
            if row["date"].strip():
                try:
                    day = read_date(row["date"])
                except ValueError as error:
                    self.bad(f"step_date-{i}", f"Step {i + 1}: {error}")
                    continue
            body = bodies.get(where.lower())
            found.append(Step(direction, body, where[:200], day, row["note"].strip()[:200]))
        return found

    def read(self) -> ReportFields:
        classification, paragraph = self.classification()
        day = None
        if one(self.values, "date").strip():
            try:
                day = read_date(one(self.values, "date"))
            except ValueError as error:
                self.bad("date", str(error))
        to_body = _pk(Body, one(self.values, "to_body"))
        if one(self.values, "to_body") and to_body is None:
            self.bad("to_body", "Choose the body the report goes to from the list.")
        divisions = [d for d in (_pk(Division, v) for v in self.values.get("divisions", [])) if d]
        title = self.text("title")
        if not title:
            self.bad("title", "Enter the report's subject.")
        background = one(self.values, "background_documents").strip()
        none = self.tick("no_background_documents")
        if background and none:
            self.bad(
                "background_documents", "List the background documents or tick “None”, not both."
            )
        body = one(self.values, "body") if "body" in self.values else None
        return ReportFields(
            title=title,
            classification=classification,
            exempt_paragraph=paragraph,
            to_body=to_body,
            date=day,
            decision_flag=self.text("decision_flag").upper(),
            all_divisions=self.tick("all_divisions"),
            divisions=divisions,
            key_decision=self.tick("key_decision"),
            key_decision_reference=self.text("key_decision_reference"),
            summary=self.text("summary"),
            signers=self.signers(),
            recommendations=self.recommendations(),
            pathway=self.pathway(),
            background_documents=background,
            no_background_documents=none,
            author=self.contact("author", "report author"),
            director=self.contact("director", "relevant director"),
            body=_text_body(body) if body is not None else None,
        )


def read(values: Values) -> Read:
    """The typed fields, or None with the problems (each anchored to its field's id)."""
    reader = _Reader(values)
    fields = reader.read()
    return Read(None if reader.problems else fields, reader.problems)


def saved_values(document: Document | None, item=None) -> Values:
    """The form's values as the report stands saved (a new report: from its agenda item)."""
    if document is None:
        body = item.meeting.body if item is not None else None
        return {"title": [item.title if item else ""], "to_body": [str(body.pk) if body else ""]}
    values: Values = {
        "title": [document.title],
        "classification": [document.classification],
        "exempt_paragraph": [str(document.exempt_paragraph or "")],
    }
    version = document.current_version()
    values["body"] = [version.html if version else ""]
    report = document.report_or_none
    if report is None:
        return values
    ticks = ("all_divisions", "key_decision", "no_background_documents")
    for name in ticks:
        values[name] = ["on"] if getattr(report, name) else []
    for name in ("decision_flag", "key_decision_reference", "summary", "background_documents"):
        values[name] = [getattr(report, name)]
    values["to_body"] = [str(report.to_body_id or "")]
    values["date"] = [date_as_typed(report.date) if report.date else ""]
    values["divisions"] = [str(pk) for pk in report.divisions.values_list("pk", flat=True)]
    for role in ("author", "director"):
        values[role] = [str(getattr(report, f"{role}_id") or "")]
        for part in CONTACT_PARTS[1:]:
            values[f"{role}{part}"] = [getattr(report, f"{role}{part}")]
    signers = list(report.signers.all())
    values["signer_person"] = [str(s.person_id) for s in signers]
    values["signer_capacity"] = [s.capacity for s in signers]
    recs = list(report.recommendations.all())
    values["rec_verb"], values["rec_text"] = [r.verb for r in recs], [r.text for r in recs]
    steps = list(report.pathway.select_related("body"))
    values["step_direction"] = [s.direction for s in steps]
    values["step_where"] = [s.body.name if s.body_id else s.description for s in steps]
    values["step_date"] = [date_as_typed(s.date) if s.date else "" for s in steps]
    values["step_note"] = [s.note for s in steps]
    return values


def moved(values: Values, move: str) -> Values:
    """The values with one row moved (``"rec:2:up"``) or a blank row added (``"rec:add"``):
    the buttons that work without JavaScript."""
    parts = move.split(":")
    kind = parts[0]
    if kind not in ROWS:
        return values
    changed = dict(values)
    listed = rows(values, kind)
    if parts[1:] == ["add"]:
        listed.append(dict.fromkeys(ROWS[kind], ""))
    elif len(parts) == 3 and parts[1].isdigit() and parts[2] in ("up", "down"):
        i = int(parts[1])
        j = i - 1 if parts[2] == "up" else i + 1
        if 0 <= i < len(listed) and 0 <= j < len(listed):
            listed[i], listed[j] = listed[j], listed[i]
    for part in ROWS[kind]:
        changed[f"{kind}_{part}"] = [row[part] for row in listed]
    return changed
