"""A report written in the workspace's form (papers/report_form.py), autosaved into its slot
(papers/drafts.py), with appendices (papers/appendices.py), by its author or democratic
services; previewed as printed without a trace (papers/report_preview.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from moot import pdf_text
from moot import testing as t
from papers import drafts
from papers import testing as made
from papers.appendices import add_appendix
from papers.authors import is_author, may_change
from papers.models import Classification, Document, PathwayStep, ReportDraft
from papers.report_form import (
    Contact,
    ReportFields,
    Signer,
    Step,
    save_written_report,
    start_report,
)
from papers.report_preview import preview_html, preview_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def item():
    meeting = t.meeting(t.body("Form Test Committee"), dt.date(2017, 10, 20))
    return t.item(meeting, "6", "Budget", kind="report")


def fields(**kw) -> ReportFields:
    base = dict(
        title="Budget monitoring",
        recommendations=[("NOTE", "the report")],
        no_background_documents=True,
        body="<h1>Introduction</h1><p>The budget.</p><script>alert(1)</script>",
    )
    return ReportFields(**(base | kw))


def test_an_officer_starts_a_report_and_is_its_author(item):
    author = t.account()  # an officer (staff) holding no permission
    signer, director = t.person("Formsigner"), t.person("Formdirector")
    doc = start_report(
        item,
        fields(
            signers=[Signer(signer, "Cabinet Member for Finance")],
            pathway=[Step(PathwayStep.Direction.PAST, item.meeting.body, date=dt.date(2017, 9, 1))],
            director=Contact(director, "Corporate Director", email="cd@example.org"),
        ),
        actor=author,
    )
    assert doc.created_by == author and is_author(author, doc) and may_change(author, doc)
    assert doc.attachments.get().item == item
    report = doc.report
    assert report.signers.get().capacity == "Cabinet Member for Finance"
    assert report.director == director and report.director_email == "cd@example.org"
    assert report.pathway.get().body == item.meeting.body
    assert [str(r) for r in report.recommendations.all()] == ["NOTE the report"]
    version = doc.versions.get()
    assert version.html == "<h2>Introduction</h2><p>The budget.</p>"  # sanitised
    assert version.created_by == author


def test_saving_adds_a_version_only_when_the_body_changed(item):
    author = t.account()
    doc = start_report(item, fields(), actor=author)
    assert save_written_report(doc, fields(summary="New summary."), actor=author) is False
    assert doc.versions.count() == 1 and doc.report.summary == "New summary."
    assert save_written_report(doc, fields(body="<p>Changed.</p>"), actor=author) is True
    assert doc.versions.count() == 2
    assert save_written_report(doc, fields(body=None, title="Renamed"), actor=author) is False
    doc.refresh_from_db()
    assert doc.title == "Renamed" and doc.versions.count() == 2


def test_only_the_author_and_democratic_services_change_it(item):
    author, other = t.account(), t.account()
    doc = start_report(item, fields(), actor=author)
    councillor = t.account(staff=False)
    for actor in (other, councillor):
        with t.writes_nothing(), pytest.raises(PermissionDenied):
            save_written_report(doc, fields(title="Taken over"), actor=actor)
        with t.writes_nothing(), pytest.raises(PermissionDenied):
            drafts.autosave(doc, {"title": ["x"]}, "<p>x</p>", actor=actor)
    with t.writes_nothing(), pytest.raises(PermissionDenied):
        start_report(item, fields(), actor=councillor)
    save_written_report(doc, fields(title="Checked"), actor=t.account(democratic_services=True))
    doc.refresh_from_db()
    assert doc.title == "Checked"


def test_the_report_header_names_the_author_by_their_account(item):
    named = t.account()
    person = t.person("Namedauthor")
    from access.models import Account

    Account.objects.filter(user=named).update(person=person)
    doc = start_report(item, fields(author=Contact(person)), actor=TEST_ACTOR)
    assert is_author(named, doc) and not is_author(t.account(), doc)
    save_written_report(doc, fields(summary="By the named author."), actor=named)


@pytest.mark.parametrize(
    "bad, message",
    [
        (dict(title="  "), "Enter the report's subject."),
        (dict(background_documents="A paper", no_background_documents=True), "not both"),
        (dict(classification=Classification.EXEMPT), "Schedule 12A"),
        (dict(body='<p><img src="https://example.org/x.png"></p><p onclick="x">Hi</p>'), None),
    ],
)
def test_bad_input_saves_nothing(item, bad, message):
    author = t.account()
    doc = start_report(item, fields(), actor=author)
    before = (doc.versions.count(), AuditEntry.objects.count())
    if message is None:  # sanitised, not refused: nothing external is kept
        save_written_report(doc, fields(**bad), actor=author)
        assert "example.org" not in doc.current_version().html
        assert "onclick" not in doc.current_version().html
        return
    with pytest.raises(ValidationError, match=message):
        save_written_report(doc, fields(**bad), actor=author)
    doc.refresh_from_db()
    assert doc.title == "Budget monitoring"
    assert (doc.versions.count(), AuditEntry.objects.count()) == before


def test_autosave_keeps_one_slot_and_makes_no_version(item):
    author = t.account()
    doc = start_report(item, fields(), actor=author)
    entries = AuditEntry.objects.count()
    for n in range(30):  # a minute of typing, autosaved every two seconds
        drafts.autosave(doc, {"title": [f"Budget {n}"]}, f"<p>Typed {n}</p>", actor=author)
    assert doc.versions.count() == 1
    draft = ReportDraft.objects.get(document=doc)
    assert draft.fields == {"title": ["Budget 29"]} and draft.html == "<p>Typed 29</p>"
    assert draft.base_version == 1 and draft.saved_by == author
    assert AuditEntry.objects.count() == entries + 1  # papers.draft_started, once
    save_written_report(doc, fields(body=draft.html), actor=author)
    assert doc.versions.count() == 2 and not ReportDraft.objects.filter(document=doc).exists()
    events = AuditEntry.objects.filter(event__startswith="papers.draft_")
    assert sorted(events.values_list("event", flat=True)) == [
        "papers.draft_saved",
        "papers.draft_started",
    ]


def test_autosave_refuses_what_is_too_big(item):
    author = t.account()
    doc = start_report(item, fields(), actor=author)
    with t.writes_nothing(), pytest.raises(ValidationError, match="too big"):
        drafts.autosave(doc, {}, "<p>" + "x" * (drafts.MAX_HTML + 1) + "</p>", actor=author)
    with t.writes_nothing(), pytest.raises(ValidationError, match="too big"):
        drafts.autosave(doc, {"summary": ["x" * drafts.MAX_FIELDS]}, "", actor=author)
    assert not ReportDraft.objects.exists()


def test_an_appendix_is_added_and_bad_files_refused(item, settings, tmp_path):
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path
    author = t.account()
    doc = start_report(item, fields(), actor=author)
    appendix, version = add_appendix(
        doc,
        title="Site plan",
        label="Appendix A",
        classification=Classification.EXEMPT,
        exempt_paragraph=3,
        upload=made.pdf(2),
        filename="plan.pdf",
        actor=author,
    )
    assert appendix.parent == doc and appendix.is_restricted and version.page_count == 2
    for bad in (
        dict(upload=b"not a pdf", filename="plan.pdf"),
        dict(upload=made.pdf(1), filename="plan.pdf", exempt_paragraph=None),
        dict(upload=made.pdf(1), filename="plan.exe"),
    ):
        with t.writes_nothing(), pytest.raises(ValidationError):
            add_appendix(
                doc,
                **(
                    dict(title="Again", label="", classification=Classification.EXEMPT)
                    | {"exempt_paragraph": 3}
                    | bad
                ),
                actor=author,
            )
    with t.writes_nothing(), pytest.raises(PermissionDenied):
        add_appendix(
            doc,
            title="Theirs",
            label="",
            classification=Classification.UNRESTRICTED,
            exempt_paragraph=None,
            upload=made.pdf(1),
            filename="x.pdf",
            actor=t.account(),
        )
    assert doc.appendices.count() == 1


def test_the_preview_prints_the_form_and_leaves_no_trace(item):
    author = t.account()
    doc = start_report(item, fields(), actor=author)
    entries, versions = AuditEntry.objects.count(), doc.versions.count()
    html = preview_html(
        doc, None, fields(title="Budget as previewed", body="<p>Not yet saved.</p>"), actor=author
    )
    assert "Budget as previewed" in html and "Not yet saved." in html and "NOTE" in html
    assert (AuditEntry.objects.count(), doc.versions.count()) == (entries, versions)
    assert Document.objects.get(pk=doc.pk).title == "Budget monitoring"
    new = preview_html(None, item, fields(title="A new one"), actor=author)
    assert "A new one" in new and not Document.objects.filter(title="A new one").exists()
    with pytest.raises(PermissionDenied):
        preview_html(doc, None, fields(), actor=t.account())


def test_the_preview_of_an_exempt_report_is_marked(item):
    author = t.account()
    doc = start_report(
        item, fields(classification=Classification.EXEMPT, exempt_paragraph=3), actor=author
    )
    text = pdf_text.text(
        preview_pdf(doc, None, fields(classification="exempt", exempt_paragraph=3), actor=author)
    )
    assert "NOT FOR PUBLICATION" in text and "paragraph 3" in text
