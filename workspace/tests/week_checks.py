"""What the officer's week (``test_officer_week``) did: checked in the record, then on the
public site as anyone sees it (a browser context signed in as nobody)."""

from __future__ import annotations

from django.urls import reverse
from playwright.sync_api import expect

from meetings.models import Meeting
from papers.models import Classification, Document, SourceKind
from proceedings.models import (
    Action,
    Attendance,
    Declaration,
    Minute,
    MinutesRecord,
    Motion,
    RecordedVote,
)
from publishing.models import AgendaPublication, ClearanceSignoff, ReportState, ReportWorkflow
from summons.models import IssueKind, SummonsIssue

from .week import BODY, LATE, REPORT, Sitting
from .week_clerk import ACTION, LATE_RESOLVED, MINUTES_RESOLVED, RESOLVED

STANDARD = [
    "Introduction/Webcast announcement",
    "Apologies and Substitutes",
    "Declarations of Interest by Members in items on the Agenda",
]


def check_the_record(
    meeting: Meeting, officer, author, sitting: Sitting, *, in_the_admin: bool = False
) -> None:
    """The week's record. ``in_the_admin``: the admin made one meeting, not the programme's
    eleven, did not record who wrote the reports, and printed the Word report's header in its
    body (it cannot read it)."""
    made = Meeting.objects.filter(body=meeting.body, date__gte=meeting.date).count()
    assert made == (1 if in_the_admin else 11)
    items = list(meeting.items.order_by("order"))
    assert [i.number for i in items] == ["1", "2", "3", "4", "5", "6"]
    assert [i.title for i in items[:3]] == STANDARD
    assert items[3].title.startswith("Minutes of the meeting held on")
    assert [(i.title, i.kind) for i in items[4:]] == [(REPORT, "report"), (LATE, "report")]
    _check_papers(items, officer, author, in_the_admin=in_the_admin)
    _check_publication(meeting, items, officer, sitting.members)
    _check_proceedings(meeting, items, sitting)


def _check_papers(items, officer, author, *, in_the_admin: bool) -> None:
    report = Document.objects.get(title=REPORT)
    late = Document.objects.get(title=LATE)
    for doc in (report, late):
        # A paper added in the admin does not record who added it: its author is unknown to
        # the separation of duties (``papers.authors``).
        assert doc.created_by == (None if in_the_admin else author)
        assert list(doc.attachments.values_list("item__title", flat=True)) == [doc.title]
        workflow = ReportWorkflow.objects.get(document=doc)
        assert workflow.state == ReportState.APPROVED and workflow.approved_by == officer
        assert workflow.approved_version == doc.current_version().number
        signoff = ClearanceSignoff.objects.get(document=doc)
        assert (signoff.step.name, signoff.by) == ("Legal", officer)
    version = report.current_version()
    assert "<li><p>Borrowing limits</p></li>" in version.html
    assert [(r.verb, r.text) for r in report.report.recommendations.all()] == [
        ("ENDORSE", "the Treasury Management Strategy for 2028-29.")
    ]
    appendices = {a.label: a for a in report.appendices.all()}
    assert set(appendices) == {"Appendix A", "Appendix B"}
    a, b = appendices["Appendix A"], appendices["Appendix B"]
    assert (a.classification, a.current_version().source_kind) == (
        Classification.UNRESTRICTED,
        SourceKind.PDF,
    )
    assert (b.classification, b.exempt_paragraph) == (Classification.EXEMPT, 3)
    assert b.current_version().source_kind == SourceKind.DOCX
    # The Word report: its header read into the report's fields, not printed in its body.
    header = late.report
    assert header.to_body.name == BODY and header.no_background_documents
    assert [(r.verb, r.text) for r in header.recommendations.all()] == [
        ("NOTE", "the options for the offices;"),
        ("ENDORSE", "the move to Sessions House."),
    ]
    assert [(s.person.surname, s.capacity) for s in header.signers.all()] == [
        ("Gough", "Leader of the Council"),
        ("Spore", "Director of Infrastructure"),
    ]
    body = late.current_version().html
    assert "1.1 The council's offices in Maidstone are under review." in body.replace("&#x27;", "'")
    assert ("Recommendations" in body) is in_the_admin  # the header printed twice, or not


def _check_publication(meeting, items, officer, members) -> None:
    agenda, supplement = AgendaPublication.objects.filter(meeting=meeting).order_by("number")
    assert (agenda.number, agenda.on_time, agenda.published_by) == (0, True, officer)
    assert (supplement.number, supplement.published_by) == (1, officer)
    late_link = items[5].papers.get()
    assert supplement.papers == [late_link.pk]
    issue = SummonsIssue.objects.get(meeting=meeting, kind=IssueKind.AGENDA)
    assert sorted(issue.dispatch.values_list("person_id", flat=True)) == sorted(
        p.pk for p in members
    )  # nobody has consented to email: every member's summons is left or posted


def _check_proceedings(meeting, items, sitting: Sitting) -> None:
    statuses = dict(Attendance.objects.filter(meeting=meeting).values_list("person_id", "status"))
    away = {sitting.away.pk, sitting.replaced.pk}
    assert statuses == {
        **{p.pk: "present" for p in sitting.members if p.pk not in away},
        **dict.fromkeys(away, "apologies"),
        sitting.substitute.pk: "present",
    }
    sub = Attendance.objects.get(meeting=meeting, person=sitting.substitute)
    assert sub.substitute_for == sitting.replaced
    assert Attendance.objects.get(meeting=meeting, in_chair=True).person == sitting.chair
    declaration = Declaration.objects.get(meeting=meeting)
    assert (declaration.item, declaration.participation) == (items[4], "took_part")

    motions = list(Motion.objects.filter(meeting=meeting).order_by("pk"))  # as moved
    original, amendment, amended, noted = motions
    assert (original.kind, original.outcome) == ("substantive", "superseded")
    assert (amendment.kind, amendment.amends, amendment.outcome) == (
        "amendment",
        original,
        "carried",
    )
    assert (amended.arose_from, amended.outcome, amended.vote.method) == (
        amendment,
        "carried",
        "recorded",
    )
    present = len(sitting.present)
    assert (amendment.vote.votes_for, amendment.vote.votes_against) == (present - 3, 3)
    vote = amended.vote
    assert (vote.votes_for, vote.votes_against, vote.abstentions) == (present - 2, 1, 1)
    by_name = {
        rv.person.formal_name: rv.choice
        for rv in RecordedVote.objects.filter(vote=vote).select_related("person")
    }
    assert by_name == sitting.votes and len(by_name) == present
    assert (noted.item, noted.outcome) == (items[5], "without_vote")

    minutes = list(Minute.objects.filter(meeting=meeting).order_by("number"))
    assert [(m.number, m.item) for m in minutes] == [(n, items[n]) for n in range(1, 6)]
    assert sitting.substitute.formal_name in minutes[0].text
    assert [r.parts for r in minutes[2].resolutions.all()] == [MINUTES_RESOLVED]
    report, late = minutes[3].resolutions.get(), minutes[4].resolutions.get()
    assert (report.motion, report.parts) == (amended, RESOLVED)
    assert (late.motion, late.parts) == (noted, LATE_RESOLVED)
    action = Action.objects.get(meeting=meeting)
    owner = sitting.action_owner
    assert (action.kind, action.minute, action.owner) == ("action", minutes[3], owner)
    assert owner is not None and owner not in sitting.members
    assert MinutesRecord.objects.get(meeting=meeting).status == "published_draft"


def check_the_public_site(browser, site: str, meeting: Meeting) -> None:
    """The agenda with both papers and the public appendix; the exempt appendix nowhere; the
    supplement in the document history; the draft minutes with the recorded vote."""
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    exempt = Document.objects.get(label="Appendix B", parent__title=REPORT)
    response = page.goto(site + meeting.get_absolute_url())
    assert response.status == 200
    main = page.locator("main")
    for text in (REPORT, LATE, "Prudential indicators"):
        expect(main).to_contain_text(text)
    html = page.content()
    assert "Approved lending list" not in html and "lending-list.docx" not in html
    paper = reverse("website:paper", args=[meeting.pk, meeting.slug, exempt.pk])
    assert page.goto(site + paper).status in (403, 404)
    page.goto(site + reverse("publishing:history", args=[meeting.pk]))
    expect(page.locator("main")).to_contain_text("Supplementary agenda 1")
    page.goto(site + reverse("proceedings:minutes", args=[meeting.pk, meeting.slug]))
    minutes = page.locator("main")
    for part in RESOLVED + LATE_RESOLVED:
        expect(minutes).to_contain_text(part)
    expect(minutes).to_contain_text(ACTION)
    assert "Approved lending list" not in page.content()
    context.close()
