"""The demo's papers: one for every item with pages in the seeds, headers as the seeds print them.

References are pack:line (000 S&MS 1 March 2017, 002 County Council 10 December 2015, 004 P&R
15 September 2017). The shipped text (``demo/kent/papers/data``) is compared with the seed
files where ``shared/seeds`` is beside the repository or ``MOOT_SEEDS`` points at it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from council.models import Person
from demo.kent.papers import AGENDAS, all_papers
from demo.kent.papers.company_governance import DEMO_NOTICE, EXEMPT_PHRASE
from demo.kent.papers.extract import data_files
from demo.kent.papers.spec import NONE, NOT_STATED, front_sheet
from meetings.models import AgendaItem, Meeting
from papers import packs
from papers.models import Classification, Document, DocumentKind, DocumentVersion, ItemPaper
from publishing.models import PublicationEvent  # noqa: E402

pytestmark = pytest.mark.django_db
D = dt.date
SEED_DIR = Path(os.environ.get("MOOT_SEEDS") or Path(settings.BASE_DIR).parent / "shared" / "seeds")
# The seed packs sit in ../shared beside the repository (MOOT_SEEDS points elsewhere).
PR, COUNCIL = "Policy and Resources Cabinet Committee", "County Council"
SMS = "Selection and Member Services Committee"
# Items printed with "(Pages X - Y)" on the front sheets.
PAGED = {
    (PR, D(2017, 9, 15)): [str(n) for n in range(4, 15)],  # 004:53–78
    (COUNCIL, D(2015, 12, 10)): ["3", "7", "8", "9", "10", "11", "12"],  # 002:44–54
    (SMS, D(2017, 3, 1)): ["3", "4", "5", "6", "7"],  # 000:47–52
}


def item(body: str, date: dt.date, number: str) -> AgendaItem:
    return AgendaItem.objects.get(meeting__body__name=body, meeting__date=date, number=number)


def paper(body: str, date: dt.date, number: str) -> Document:
    return item(body, date, number).papers.get().document


def test_every_item_with_pages_in_the_seeds_has_its_papers_and_no_other_item_has_any():
    for (body, date), numbers in PAGED.items():
        meeting = Meeting.objects.get(body__name=body, date=date)
        with_papers = sorted(
            {link.item.number for link in ItemPaper.objects.filter(item__meeting=meeting)}, key=int
        )
        assert with_papers == numbers


def test_the_paged_items_are_the_ones_the_seed_front_sheets_give():
    for (body, date), numbers in PAGED.items():
        agenda = next(a for a in AGENDAS if (a.body, a.date) == (body, date))
        found = [
            m[1]
            for line in front_sheet(agenda.seed).splitlines()
            if (m := re.match(r"^(?:- )?(\d+)\.? .*\(Pages \d+ - \d+\)", line))
        ]
        assert found == numbers


# The shipped text is checked against the seed packs in ../shared (or MOOT_SEEDS).
def test_the_shipped_text_is_the_seeds_text():
    assert SEED_DIR.is_dir(), f"the seed packs belong at {SEED_DIR} (or set MOOT_SEEDS)"
    files = data_files(SEED_DIR)
    assert len(files) >= 38  # every shipped paper is compared
    differ = [path.name for path, text in files.items() if path.read_text(encoding="utf-8") != text]
    assert not differ


def _norm(text: str) -> str:
    """Compare as printed, ignoring emphasis, punctuation between parts, line breaks, ordinals."""
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    return re.sub(r"[\s,*–-]+", "", text)


def _printed(paper) -> list[str]:
    h = paper.header
    values = [paper.title, h.summary, h.decision_flag]
    for name, capacity in h.signers:
        values += [name, capacity]
    for verb, text in h.recommendations:
        first, *rest = text.split("\n")
        values += [f"{verb} {first}", *rest]
    if h.background not in (NONE, NOT_STATED):
        values += h.background.split("\n")
    for contact in (h.author, h.director):
        if contact:
            values += [contact.name, contact.job_title, contact.telephone, contact.email]
    for step in h.pathway:
        values.append(
            step.where
            + (f" {step.date.day} {step.date:%B %Y}" if step.date else "")
            + (f" {step.note}" if step.note else "")
        )
    if h.date:
        values.append(f"{h.date.day} {h.date:%B %Y}")
    return [v for v in values if v]


@pytest.mark.parametrize(
    "paper", [p for p in all_papers() if p.header and p.lines], ids=lambda p: p.source
)
def test_every_header_value_is_printed_in_the_papers_own_text(paper):
    text = _norm(paper.text())
    missing = [v for v in _printed(paper) if _norm(v) not in text]
    assert not missing
    if paper.header.background == NOT_STATED:
        assert not re.search(r"background (documents|papers)", paper.text(), re.I)
    if paper.header.background == NONE:
        assert re.search(r"background documents\W*\s*none", paper.text(), re.I)


def test_the_soip_report_header_as_the_seed_prints_it():  # 002:299–386
    doc = paper(COUNCIL, D(2015, 12, 10), "7")
    report = doc.report
    assert doc.title == "Establishment of the Statutory Officer Independent Panel"
    assert [(s.person.full_name, s.capacity) for s in report.signers.all()] == [
        ("Peter Sass", "Head of Democratic Services"),
        ("Gary Cooke", "Cabinet Member for Corporate and Democratic Services"),
    ]
    assert report.to_body.name == COUNCIL
    assert report.date == D(2015, 12, 11)  # the day after the meeting, as printed
    assert report.past_steps == ["Personnel Committee – 30 April 2015"]
    assert doc.get_classification_display() == "Unrestricted"
    assert report.background_statement == (
        "Report to the Personnel Committee on Statutory "
        "Officer Disciplinary Procedures on 30 April 2015."
    )
    assert (report.author.full_name, report.author_telephone, report.author_email) == (
        "Peter Sass",
        "(03000) 416647",
        "peter.sass@kent.gov.uk",
    )
    [appendix] = doc.appendices.all()
    assert (appendix.kind, appendix.label, appendix.title) == (
        DocumentKind.APPENDIX,
        "Appendix 1",
        "STATUTORY OFFICER DISCIPLINARY PROCEDURES",
    )


def test_the_dashboard_report_keeps_its_own_subject_and_its_verb():  # 004:348–404
    doc = paper(PR, D(2017, 9, 15), "6")
    assert (
        item(PR, D(2017, 9, 15), "6").title
        == "Strategic and Corporate Service Directorate Dashboard"
    )
    assert doc.title == "Strategic and Corporate Services Performance Dashboard"
    report = doc.report
    assert [(r.verb, r.text) for r in report.recommendations.all()] == [("NOTE", "the report.")]
    assert [s.person.formal_name for s in report.signers.all()] == [
        "Mr E E C Hotson",
        "Mr J D Simmonds, MBE",
        "Miss S J Carey",
        "Mr D Cockburn",
    ]
    assert (report.director.full_name, report.director_job_title) == (
        "Vincent Godfrey",
        "Director of Strategic Commissioning",
    )
    assert report.background_statement.startswith(
        "The Strategic and Corporate Services Directorate Business Plan"
    )


def test_the_customer_feedback_policy_and_its_appendices():  # 004:2327–3017
    doc = paper(PR, D(2017, 9, 15), "11")
    assert [(a.label, a.title, a.kind) for a in doc.appendices.all()] == [
        ("Appendix A", "Revised Customer Feedback Policy", DocumentKind.APPENDIX),
        ("Appendix B", "Equalities Impact Assessment", DocumentKind.APPENDIX),
    ]
    report = doc.report
    assert report.date == D(2017, 9, 15) and report.to_body.name == PR
    assert [(r.verb, r.text) for r in report.recommendations.all()] == [
        (
            "consider and endorse",
            "the revised version of the Policy and support its implementation within KCC.",
        )
    ]
    eqia = doc.appendices.get(label="Appendix B").current_version().html
    assert "<table>" in eqia and "Page 129" not in eqia


def test_pathways_descriptions_and_background_statements():
    policy = paper(PR, D(2017, 9, 15), "10").report  # 004:1856–1858
    assert policy.past_steps == ["Corporate Management Team – 27 June 2017"]
    assert policy.future_steps == ["Policy and Resources Cabinet Committee (regular updates TBC)"]
    assert [r.verb for r in policy.recommendations.all()] == ["Endorse", "Agree"]
    parenting = paper(COUNCIL, D(2015, 12, 10), "10").report  # 002:613, 625–627
    assert parenting.past_steps == ["CMM – 9 November 2015", "Cabinet – 30 November 2015"]
    assert [r.verb for r in parenting.recommendations.all()] == ["APPLAUD", "RECOGNISE", "ENDORSE"]
    work = paper(PR, D(2017, 9, 15), "13").report  # 004:3109–3111
    assert work.no_background_documents and work.background_statement == "None"
    monitoring = paper(PR, D(2017, 9, 15), "7").report  # no statement in 004:670–772
    assert monitoring.background_statement == NOT_STATED
    chilmington = paper(SMS, D(2017, 3, 1), "7").report  # 000:1026
    assert chilmington.decision_flag == "FOR DECISION"


def test_minutes_are_minutes():
    for body, date, number in [
        (PR, D(2017, 9, 15), "4"),
        (PR, D(2017, 9, 15), "5"),
        (COUNCIL, D(2015, 12, 10), "3"),
        (SMS, D(2017, 3, 1), "3"),
    ]:
        doc = paper(body, date, number)
        assert doc.kind == DocumentKind.MINUTES and not hasattr(doc, "report")
    html = paper(PR, D(2017, 9, 15), "4").current_version().html
    assert "Mr J McInroy proposed that Mr A Marsh be elected" in html  # 004:120


def test_item_14_is_an_exempt_paper_written_for_the_demo():
    doc = paper(PR, D(2017, 9, 15), "14")
    assert (doc.classification, doc.exempt_paragraph) == (Classification.EXEMPT, 3)
    html = doc.current_version().html
    assert EXEMPT_PHRASE in html and DEMO_NOTICE in html
    report = doc.report
    assert report.no_background_documents and report.all_divisions
    assert [r.verb for r in report.recommendations.all()] == ["NOTE"]
    assert [(s.person.full_name, s.capacity) for s in report.signers.all()] == [
        ("Andy Wood", "Corporate Director of Finance")
    ]
    # Nothing else in the demo is exempt, and the phrase is nowhere else.
    assert list(Document.objects.exclude(classification=Classification.UNRESTRICTED)) == [doc]
    assert DocumentVersion.objects.filter(html__contains=EXEMPT_PHRASE).count() == 1


def test_every_meetings_papers_are_ready_for_a_pack():
    for agenda in AGENDAS:
        assert packs.problems(Meeting.objects.get(body__name=agenda.body, date=agenda.date)) == []


def test_officers_named_only_in_reports_are_added_once():
    whittles = Person.objects.filter(surname="Whittle")
    assert sorted(p.full_name for p in whittles) == ["David Whittle", "Jenny Whittle"]
    assert Person.objects.filter(surname="Godfrey").get().email == "Vincent.Godfrey@kent.gov.uk"


def paper_counts() -> tuple[int, int, int]:
    return Document.objects.count(), DocumentVersion.objects.count(), ItemPaper.objects.count()


def test_running_again_adds_no_documents_or_versions():
    before = paper_counts()
    assert before == (len(all_papers()),) * 2 + (before[2],)
    call_command("demo", no_packs=True, verbosity=0)
    assert paper_counts() == before


def test_running_again_restores_a_missing_appendix_and_keeps_an_officers_edits():
    report = paper(PR, D(2017, 9, 15), "11")
    appendix = report.appendices.get(label="Appendix B")
    # A published paper cannot be deleted while its history refers to it; remove that too.
    PublicationEvent.objects.filter(document=appendix).delete()
    appendix.delete()
    report.report.summary = "Edited by an officer."
    report.report.save()
    call_command("demo", no_packs=True, verbosity=0)
    assert paper_counts()[0] == len(all_papers())
    assert report.appendices.filter(label="Appendix B").count() == 1
    report.report.refresh_from_db()
    assert report.report.summary == "Edited by an officer."
