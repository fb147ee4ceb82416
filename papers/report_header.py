"""A report's header filled from its Word document (``docx_header.read_header``).

What the author already filled is kept unless they ask for it to be replaced
(``overwrite``); the one exception is the classification, which the header can only make
stricter: a report its header calls exempt is withheld even if the form said unrestricted,
and nothing read from a file ever makes an exempt paper public.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction

from audit import trail
from audit.actors import Actor
from audit.models import AuditEntry
from council.models import Body, Division, Person, PersonNameForm

from . import services
from .authors import require_change
from .docx_header import read_header
from .header_labels import NAMES
from .header_values import Contact, Header, Step
from .models import (
    Classification,
    Document,
    DocumentKind,
    DocumentVersion,
    PathwayStep,
    Recommendation,
    Report,
    ReportSigner,
)

EVENT = "papers.report_header_read"
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "cllr", "councillor", "sir", "dame", "rev"}


@dataclass
class Filled:
    """What ``fill_report`` did, for the form to show: the fields filled, those the header
    gives but the report already had (kept), and what could not be read or matched."""

    filled: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    not_read: list[str] = field(default_factory=list)


def _key(name: str) -> str:
    name = re.sub(r"\s+", " ", name.replace("&", " and ").replace("\u00a0", " ")).strip(" .,")
    return re.sub(r"^the ", "", name.lower())


def _body(name: str) -> Body | None:
    wanted = _key(name)
    found = [b for b in Body.objects.only("pk", "name") if _key(b.name) == wanted]
    return found[0] if len(found) == 1 else None


def _person(name: str) -> tuple[Person | None, str]:
    """The one person of that name (forenames and surname, or a recorded name form), else
    None and why."""
    words = [w for w in re.sub(r"[.,]", " ", name).split() if w.lower() not in _TITLES]
    if not words:
        return None, f"“{name}” is not a name."
    surname, forenames = words[-1], " ".join(words[:-1])
    people = {
        p.pk: p
        for p in Person.objects.filter(surname__iexact=surname)
        if not forenames
        or p.forenames.lower() == forenames.lower()
        or p.initials.replace(" ", "").lower() == "".join(w[0] for w in words[:-1]).lower()
    }
    forms = PersonNameForm.objects.filter(text__iexact=name.strip()).select_related("person")
    people.update({f.person.pk: f.person for f in forms})
    if len(people) == 1:
        return next(iter(people.values())), ""
    if people:
        return None, f"More than one person is named “{name}”; choose the right one."
    return None, f"“{name}” is not in the record of people; choose them or add them first."


def _divisions(names: list[str]) -> tuple[list[Division], list[str]]:
    found, missing = [], []
    by_name = {d.name.lower(): d for d in Division.objects.all()}
    for name in names:
        parts = [name] if name.lower() in by_name else re.split(r"\s+and\s+", name)
        for part in parts:
            division = by_name.get(part.lower().strip())
            (found.append(division) if division else missing.append(part))
    return found, missing


def _recommendation(text: str) -> tuple[str, str]:
    """The verb printed in capitals ("NOTE the report" → "NOTE", "the report")."""
    m = re.match(r"^([A-Z]{2,}(?: [A-Z]{2,})?)\s+(?=[a-z(“\"'])(.*)$", text.strip(), re.S)
    return (m.group(1), m.group(2)) if m and len(m.group(1)) <= 30 else ("", text.strip())


class _Filler:
    def __init__(self, report: Report, header: Header, overwrite: bool, actor: Actor) -> None:
        self.report, self.header, self.overwrite, self.actor = report, header, overwrite, actor
        self.result = Filled(not_read=list(header.warnings))

    def put(self, attr: str, value, label: str) -> None:
        if value in (None, "", False):
            return
        model_field = Report._meta.get_field(attr)
        if isinstance(model_field, models.Field) and not model_field.is_relation:
            try:
                model_field.clean(value, self.report)
            except ValidationError as exc:
                why = " ".join(exc.messages)
                self.result.not_read.append(f"{label}: “{value}” could not be used. {why}")
                return
        if getattr(self.report, attr) in ("", None, False) or self.overwrite:
            setattr(self.report, attr, value)
            self.result.filled.append(label)
        elif getattr(self.report, attr) != value:
            self.result.kept.append(label)

    def fields(self) -> None:
        h, r = self.header, self.report
        if h.to:
            body = _body(h.to)
            if body is None:
                self.result.not_read.append(
                    f"To: no body in the record is named “{h.to}”; choose the body."
                )
            elif r.to_body_id is None or self.overwrite:
                r.to_body = body
                self.result.filled.append(NAMES["to"])
            elif r.to_body_id != body.pk:
                self.result.kept.append(NAMES["to"])
        self.put("date", h.date, NAMES["date"])
        self.put("decision_flag", h.decision_flag, NAMES["decision_flag"])
        self.put("summary", h.summary, NAMES["summary"])
        if h.key_decision is not None:
            # False is the form's default: only a "Yes" fills it, unless replacing.
            if self.overwrite or (h.key_decision and not r.key_decision):
                r.key_decision = h.key_decision
                self.result.filled.append(NAMES["key_decision"])
            elif h.key_decision != r.key_decision:
                self.result.kept.append(NAMES["key_decision"])
        self.put("key_decision_reference", h.decision_number, NAMES["decision_number"])
        if h.no_background_documents or h.background_documents:
            label = NAMES["background_documents"]
            if self.overwrite or not r.background_statement:
                r.no_background_documents = h.no_background_documents
                r.background_documents = h.background_documents
                self.result.filled.append(label)
            elif r.background_statement != (h.background_documents or "None"):
                self.result.kept.append(label)
        for role in ("author", "director"):
            contact: Contact | None = getattr(h, role)
            if contact is None:
                continue
            if contact.name:
                person, why = _person(contact.name)
                if person is None:
                    self.result.not_read.append(f"{NAMES[role]}: {why}")
                self.put(role, person, NAMES[role])
            self.put(f"{role}_job_title", contact.job_title, f"{NAMES[role]}'s job title")
            self.put(f"{role}_telephone", contact.telephone, f"{NAMES[role]}'s telephone")
            self.put(f"{role}_email", contact.email, f"{NAMES[role]}'s email")

    def divisions(self) -> list[Division] | None:
        """Sets "All"; the divisions to set once the report is saved (None: leave them)."""
        h, r = self.header, self.report
        if not (h.all_divisions or h.divisions):
            return None
        label = NAMES["divisions"]
        if not self.overwrite and (r.all_divisions or (r.pk and r.divisions.exists())):
            self.result.kept.append(label)
            return None
        found, missing = _divisions(h.divisions)
        for name in missing:
            self.result.not_read.append(f"{label}: no division is named “{name}”.")
        if h.all_divisions or found:
            r.all_divisions = h.all_divisions
            self.result.filled.append(label)
            return found
        return None

    def set_divisions(self, found: list[Division]) -> None:
        before = sorted(self.report.divisions.values_list("pk", flat=True))
        self.report.divisions.set(found)
        after = sorted(d.pk for d in found)
        if before != after:
            trail.record(
                AuditEntry.Action.UPDATE,
                self.report,
                {"divisions": [before, after]},
                actor=self.actor,
                event=EVENT,
            )

    def replace(self, rows, made: list, label: str) -> None:
        """Create ``made`` unless the report already has such rows (then kept, unless
        replacing)."""
        if not made:
            return
        if rows.exists() and not self.overwrite:
            self.result.kept.append(label)
            return
        for old in rows:
            trail.delete(old, actor=self.actor, event=EVENT)
        for order, row in enumerate(made):
            row.order = order
            trail.save(row, actor=self.actor, event=EVENT)
        self.result.filled.append(label)

    def children(self) -> None:
        h, r = self.header, self.report
        signers = []
        for signer in h.signers:
            person, why = _person(signer.name)
            if person is None:
                self.result.not_read.append(f"{NAMES['by']}: {why}")
            else:
                capacity = signer.capacity[:200]
                signers.append(ReportSigner(report=r, person=person, capacity=capacity))
        self.replace(r.signers.all(), signers, NAMES["by"])
        recs = [
            Recommendation(report=r, verb=verb, text=text)
            for verb, text in map(_recommendation, h.recommendations)
        ]
        self.replace(r.recommendations.all(), recs, NAMES["recommendations"])
        for direction, steps in (
            (PathwayStep.Direction.PAST, h.past_pathway),
            (PathwayStep.Direction.FUTURE, h.future_pathway),
        ):
            made = [self.step(direction, s) for s in steps]
            name = NAMES[f"{direction}_pathway"]
            self.replace(r.pathway.filter(direction=direction), made, name)

    def step(self, direction: str, s: Step) -> PathwayStep:
        body = _body(s.description) if s.description else None
        return PathwayStep(
            report=self.report,
            direction=direction,
            body=body,
            description="" if body else s.description[:200],
            date=s.date,
            note=s.note[:200],
        )

    def document(self) -> None:
        """The subject as the title (when asked, or there is none) and a stricter
        classification."""
        h, doc = self.header, self.report.document
        changed = False
        if h.subject and (self.overwrite or not doc.title.strip()):
            doc.title, changed = h.subject[:300], True
            self.result.filled.append(NAMES["subject"])
        elif h.subject and doc.title != h.subject:
            self.result.kept.append(NAMES["subject"])
        label = NAMES["classification"]
        stricter = h.classification in (Classification.EXEMPT, Classification.CONFIDENTIAL)
        # Exempt without its paragraph cannot be saved: the header's warning asks for it.
        readable = h.classification != Classification.EXEMPT or h.exempt_paragraph
        if stricter and doc.classification == Classification.UNRESTRICTED:
            if readable:
                doc.classification, doc.exempt_paragraph = h.classification, h.exempt_paragraph
                changed = True
                self.result.filled.append(label)
        elif h.classification and h.classification != doc.classification:
            self.result.kept.append(label)
        if changed:
            services.save_document(doc, actor=self.actor)


def fill_report(report: Report, header: Header, *, actor: Actor, overwrite: bool = False) -> Filled:
    """Fill ``report``'s header fields (and its document's title and classification) from
    ``header``: every field the report does not have yet, or every field the header gives
    when ``overwrite``; signers, recommendations and pathway steps replace the report's own
    only when ``overwrite``. People, bodies and divisions are matched by name in the record;
    those not found are reported, not created. The classification only ever becomes stricter
    (see the module). Refuses an actor without permission to change reports (and documents,
    when the title or classification changes) who did not write it; saves everything or
    nothing, audited as ``papers.report_header_read``."""
    require_change(actor, report.document, report)
    with transaction.atomic():
        filler = _Filler(report, header, overwrite, actor)
        filler.document()
        filler.fields()
        divisions = filler.divisions()
        trail.save(report, actor=actor, event=EVENT)
        if divisions is not None:
            filler.set_divisions(divisions)
        filler.children()
    return filler.result


def add_report_docx(
    doc: Document, upload: bytes, filename: str, *, actor: Actor, overwrite: bool = False
) -> tuple[DocumentVersion, Filled]:
    """Add a Word report as ``doc``'s new version and fill its header from the document's:
    the version's body is the document without its header (``docx_header``), so it is not
    printed twice. A document without a header is added whole and fills nothing. Refuses a
    paper that is not a report, a file that is not a readable .docx (plain words) and an
    actor without permission; saves nothing then."""
    if doc.kind != DocumentKind.REPORT:
        raise ValidationError("Only a report has a header to read; add this paper's file as is.")
    if not filename.lower().endswith(".docx"):
        raise ValidationError(f"{filename or 'The file'}: only a Word (.docx) report has a header.")
    header = read_header(upload, filename)
    with transaction.atomic():
        version = services.add_version(
            doc, upload=upload, filename=filename, without_header=header.found, actor=actor
        )
        report = doc.report_or_none or Report(document=doc)
        filled = fill_report(report, header, actor=actor, overwrite=overwrite)
    return version, filled
