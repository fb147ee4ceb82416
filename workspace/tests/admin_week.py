"""The officer's week done in the Django admin, as it was done before the workspace (issue
13): the same meeting, agenda, papers, clearance, publication, dispatch list and minutes as
``test_officer_week``, page by page and form by form (``admin_driver``).

Where the admin offers no way, the officer's way then is taken and said: the meeting is one
add form with its opening items typed by hand (the admin has no programme or template; the
workspace created the year's 11 meetings at once, the admin creates this one only); the
items' purposes on each item's own page; a report's header typed in its own form (the admin
does not read a Word document's header); votes on the clerk's screen without JavaScript (the
admin shows votes, it cannot record them: ``admin_meeting``).
"""

from __future__ import annotations

import datetime as dt

from council.models import Body, Person
from meetings.models import Meeting
from papers.models import Document
from publishing.models import ClearanceStep, ReportWorkflow
from summons.models import IssueKind, SummonsIssue

from . import week
from .admin_driver import Browser
from .week import BODY, LATE, REPORT
from .week_checks import STANDARD

PURPOSES = {
    "Apologies and Substitutes": "To receive apologies for absence and notification of any "
    "substitutes present",
    STANDARD[2]: "To receive any declarations of interest made by Members in relation to any "
    "matter on the agenda. Members are reminded to specify the agenda item number to which it "
    "refers and the nature of the interest being declared.",
    "minutes": "To consider and approve the minutes as a correct record.",
}
BODY_HTML = (
    "<p>The strategy sets the council's borrowing and investment for 2028-29.</p>"
    "<ul><li><p>Borrowing limits</p></li></ul>"
)


def third_wednesday(start: dt.date) -> dt.date:
    first = start.replace(day=1)
    return first + dt.timedelta(days=(2 - first.weekday()) % 7 + 14)


def d(day: dt.date) -> str:
    """A date as an officer types it in the admin."""
    return f"{day:%d/%m/%Y}"


def set_up_the_meeting(officer: Browser, start: dt.date) -> Meeting:
    body = Body.objects.get(name=BODY)
    day = third_wednesday(start)
    officer.get("/admin/")
    officer.get("/admin/meetings/meeting/")
    # The minutes item names the last meeting: looked up in the body's list of meetings.
    officer.get(f"/admin/meetings/meeting/?body__id__exact={body.pk}")
    last = body.meetings.filter(date__lt=day).order_by("-date").first()
    rows = [
        (STANDARD[0], "procedural"),
        (STANDARD[1], "apologies"),
        (STANDARD[2], "declarations"),
        (f"Minutes of the meeting held on {last.date:%-d %B %Y}", "minutes"),
        (REPORT, "report"),
        (LATE, "report"),
    ]
    values = {"body": str(body.pk), "date": d(day), "start_time": "10:00"}
    values["items-TOTAL_FORMS"] = str(len(rows))
    for i, (title, kind) in enumerate(rows):
        prefix = f"items-{i}-"
        values |= {
            f"{prefix}order": str(10 * (i + 1)),
            f"{prefix}number": str(i + 1),
            f"{prefix}title": title,
            f"{prefix}kind": kind,
            f"{prefix}part": "public",
        }
    page = officer.get("/admin/meetings/meeting/add/")
    officer.submit(page, values, button="_save=Save")
    meeting = Meeting.objects.get(body=body, date=day)
    officer.get(f"/admin/meetings/meeting/{meeting.pk}/change/")
    # The standard items' purposes: each item's own page (the agenda's rows have no purpose).
    for item in meeting.items.order_by("order")[1:4]:
        page = officer.get(f"/admin/meetings/agendaitem/{item.pk}/change/")
        purpose = PURPOSES.get(item.title) or PURPOSES[item.kind]
        officer.submit(page, {"purpose": purpose}, button="_save=Save")
    return meeting


def write_the_report(author: Browser, meeting: Meeting) -> Document:
    """The report as a document with its HTML typed, its header in a second form, two
    appendices uploaded, and a workflow row made to submit it."""
    item = meeting.items.get(number="5")
    author.get("/admin/")
    page = author.get("/admin/papers/document/add/")
    values = {
        "kind": "report",
        "title": REPORT,
        "new_text": BODY_HTML,
        "attachments-TOTAL_FORMS": "1",
        "attachments-0-item": str(item.pk),
        "attachments-0-order": "1",
    }
    author.submit(page, values, button="_save=Save")
    report = Document.objects.get(title=REPORT)
    page = author.get("/admin/papers/report/add/")
    values = {
        "document": str(report.pk),
        "to_body": str(meeting.body_id),
        "summary": "The annual strategy for treasury management.",
        "no_background_documents": "on",
        "recommendations-0-order": "1",
        "recommendations-0-verb": "ENDORSE",
        "recommendations-0-text": "the Treasury Management Strategy for 2028-29.",
    }
    author.submit(page, values, button="_save=Save")
    appendices = [
        ("Appendix A", "Prudential indicators", "unrestricted", "", "indicators.pdf"),
        ("Appendix B", "Approved lending list", "exempt", "3", "lending-list.docx"),
    ]
    files = {
        "indicators.pdf": week.pdf_appendix(),
        "lending-list.docx": week.exempt_appendix_docx(),
    }
    for label, title, classification, paragraph, name in appendices:
        page = author.get("/admin/papers/document/add/")
        values = {
            "kind": "appendix",
            "title": title,
            "label": label,
            "parent": str(report.pk),
            "classification": classification,
            "exempt_paragraph": paragraph,
        }
        author.submit(page, values, files={"new_file": (name, files[name])}, button="_save=Save")
    submit(author, report)
    return report


def submit(author: Browser, report: Document) -> None:
    """A workflow row for the report, then the list's "Submit for clearance" action."""
    page = author.get("/admin/publishing/reportworkflow/add/")
    listed = author.submit(page, {"document": str(report.pk)}, button="_save=Save")
    workflow = ReportWorkflow.objects.get(document=report)
    author.action(listed, "submit", [workflow.pk])


def clear_and_approve(officer: Browser, report: Document) -> None:
    """The workflow list's actions: "Sign off a clearance step…" (a page asking for the step
    and a comment), then "Approve for publication"."""
    workflow = ReportWorkflow.objects.get(document=report)
    listed = officer.get("/admin/publishing/reportworkflow/")
    asked = officer.action(listed, "sign_off", [workflow.pk])
    step = ClearanceStep.objects.get(name="Legal")
    listed = officer.submit(asked, {"step": str(step.pk)})
    officer.action(listed, "approve", [workflow.pk])


def publish(officer: Browser, meeting: Meeting) -> None:
    """The publication dashboard, the meeting's "Publish" page, the button."""
    officer.get("/admin/publishing/agendapublication/dashboard/")
    page = officer.get(f"/admin/publishing/agendapublication/publish/{meeting.pk}/")
    officer.submit(page)


def print_the_dispatch_list(officer: Browser, meeting: Meeting) -> None:
    officer.get("/admin/summons/summonsissue/")
    issue = SummonsIssue.objects.get(meeting=meeting, kind=IssueKind.AGENDA)
    officer.get(f"/admin/summons/summonsissue/{issue.pk}/print/")


def the_late_paper(author: Browser, meeting: Meeting) -> Document:
    """The Word report uploaded as a document (converted whole, its header with it), and its
    header typed again into the report's form."""
    item = meeting.items.get(number="6")
    page = author.get("/admin/papers/document/add/")
    values = {
        "kind": "report",
        "title": LATE,
        "attachments-TOTAL_FORMS": "1",
        "attachments-0-item": str(item.pk),
        "attachments-0-order": "1",
    }
    docx = week.late_report_docx(meeting.date)
    files = {"new_file": ("Office accommodation.docx", docx)}
    author.submit(page, values, files=files, button="_save=Save")
    late = Document.objects.get(title=LATE)
    page = author.get("/admin/papers/report/add/")
    signers = [("Gough", "Leader of the Council"), ("Spore", "Director of Infrastructure")]
    recommendations = [
        ("NOTE", "the options for the offices;"),
        ("ENDORSE", "the move to Sessions House."),
    ]
    values = {
        "document": str(late.pk),
        "to_body": str(meeting.body_id),
        "summary": "The report sets out the options for the council's offices in Maidstone.",
        "no_background_documents": "on",
        "signers-TOTAL_FORMS": "2",
        "recommendations-TOTAL_FORMS": "2",
    }
    for i, (surname, capacity) in enumerate(signers):
        person = Person.objects.get(surname=surname)
        values |= {
            f"signers-{i}-order": str(i + 1),
            f"signers-{i}-person": str(person.pk),
            f"signers-{i}-capacity": capacity,
        }
    for i, (verb, text) in enumerate(recommendations):
        values |= {
            f"recommendations-{i}-order": str(i + 1),
            f"recommendations-{i}-verb": verb,
            f"recommendations-{i}-text": text,
        }
    author.submit(page, values, button="_save=Save")
    submit(author, late)
    return late
