"""The report's pages in the workspace: the one form (new and saved), its bad input, autosave,
the rows without JavaScript, the Word document filling the header, appendices, and who
reaches which report."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest
from django.test import Client

from audit.models import AuditEntry
from moot import testing as t
from papers import testing as made
from papers.models import Classification, Document, ReportDraft
from papers.report_form import ReportFields, start_report

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path


def text(response) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def signed_in(user) -> Client:
    return t.verified_login(Client(), user)


@pytest.fixture
def item():
    meeting = t.meeting(t.body("Views Test Committee"), dt.date(2017, 10, 20))
    return t.item(meeting, "7", "Road safety", kind="report")


FORM = {
    "title": "Road safety strategy",
    "classification": "unrestricted",
    "rec_verb": ["agree", ""],
    "rec_text": ["the strategy", ""],
    "no_background_documents": "on",
    "body": "The strategy.\n\nIts <b>second</b> paragraph? No: plain text & escaped.",
}


def test_an_officer_writes_a_new_report_and_edits_what_was_saved(item):
    author = t.account()
    client = signed_in(author)
    page = client.get(f"/office/reports/new/?item={item.pk}")
    assert page.status_code == 200 and "Write a report" in text(page)
    assert 'value="Road safety"' in page.content.decode()  # the item's title to start with
    body = dict(FORM, body="The strategy.\n\nIts second paragraph & more.")
    response = client.post(f"/office/reports/new/?item={item.pk}", body)
    doc = Document.objects.get(title="Road safety strategy")
    assert response.status_code == 302 and response["Location"] == f"/office/reports/{doc.pk}/"
    assert doc.created_by == author and doc.attachments.get().item == item
    assert (
        doc.current_version().html == "<p>The strategy.</p><p>Its second paragraph &amp; more.</p>"
    )
    page = client.get(response["Location"])
    html = page.content.decode()
    # The regression of the admin: the saved body comes back in the form, ready to edit.
    assert "&lt;p&gt;The strategy.&lt;/p&gt;" in html
    assert 'value="AGREE"' in html and "the strategy</textarea>" in html
    assert "Saved “Road safety strategy”: version 1." in text(page)
    assert "Submit for clearance" in text(page)
    again = dict(FORM, body=doc.current_version().html, summary="Safer roads.")
    client.post(f"/office/reports/{doc.pk}/", again)
    assert doc.versions.count() == 1 and doc.report.summary == "Safer roads."


def test_bad_input_is_refused_with_the_error_summary_and_kept(item):
    client = signed_in(t.account())
    before = AuditEntry.objects.count()
    bad = dict(
        FORM,
        title="",
        date="31/02/2018",
        classification="exempt",
        rec_verb=["NOTE"],
        rec_text=[""],
        author_email="not an address",
        background_documents="Cabinet report, 2016",
        step_direction=["past"],
        step_where=["Cabinet"],
        step_date=["next Tuesday"],
        step_note=[""],
    )
    response = client.post(f"/office/reports/new/?item={item.pk}", bad)
    assert response.status_code == 400
    page, html = text(response), unescape(response.content.decode())
    assert "There is a problem" in page
    for message, anchor in [
        ("Enter the report's subject.", "#title"),
        ("Choose the paragraph of Schedule 12A it is exempt under.", "#exempt_paragraph"),
        ("Write recommendation 1, or clear its verb.", "#rec_text-0"),
        ("List the background documents or tick “None”, not both.", "#background_documents"),
        ("Enter the report author's email like name@kent.gov.uk.", "#author_email"),
    ]:
        assert f'<a href="{anchor}">{message}</a>' in html, message
    assert 'href="#date"' in html and 'href="#step_date-0"' in html
    assert 'value="31/02/2018"' in html and 'value="not an address"' in html  # kept as typed
    assert "Cabinet report, 2016</textarea>" in html
    assert (
        AuditEntry.objects.count() == before
        and not Document.objects.filter(attachments__item=item).exists()
    )


def test_rows_are_added_and_moved_without_javascript(item):
    client = signed_in(t.account())
    values = dict(FORM, rec_verb=["NOTE", "AGREE"], rec_text=["first", "second"], move="rec:1:up")
    response = client.post(f"/office/reports/new/?item={item.pk}", values)
    html = response.content.decode()
    assert response.status_code == 200 and html.index(">second<") < html.index(">first<")
    response = client.post(f"/office/reports/new/?item={item.pk}", dict(values, move="rec:add"))
    assert response.content.decode().count('name="rec_text"') == 4  # two, an added, a blank
    assert not Document.objects.filter(attachments__item=item).exists()  # nothing saved


def test_autosave_starts_the_report_then_keeps_the_slot(item):
    author = t.account()
    client = signed_in(author)
    refused = client.post(f"/office/reports/new/autosave/?item={item.pk}", {"title": ""})
    assert refused.status_code == 400 and "give the report's subject" in refused.json()["message"]
    answer = client.post(f"/office/reports/new/autosave/?item={item.pk}", FORM).json()
    doc = Document.objects.get(title="Road safety strategy")
    assert answer["url"] == f"/office/reports/{doc.pk}/"
    assert answer["message"].startswith("Saved at ")
    for n in range(5):
        client.post(answer["autosave"], dict(FORM, summary=f"Draft {n}", body="<p>Typed</p>"))
    assert not doc.versions.exists()
    draft = ReportDraft.objects.get(document=doc)
    assert draft.fields["summary"] == ["Draft 4"] and draft.html == "<p>Typed</p>"
    page = client.get(f"/office/reports/{doc.pk}/")
    assert "autosaved" in text(page) and "Draft 4</textarea>" in page.content.decode()
    client.post(f"/office/reports/{doc.pk}/", {"discard": "1"})
    assert not ReportDraft.objects.filter(document=doc).exists()
    other = signed_in(t.account()).post(answer["autosave"], FORM)
    assert other.status_code == 404  # not their report


def test_who_reaches_a_report(item):
    author = t.account()
    doc = start_report(item, ReportFields(title="Mine"), actor=author)
    assert signed_in(author).get(f"/office/reports/{doc.pk}/").status_code == 200
    assert signed_in(t.account()).get(f"/office/reports/{doc.pk}/").status_code == 404
    assert signed_in(t.account(staff=False)).get(f"/office/reports/{doc.pk}/").status_code == 403
    ds = signed_in(t.account(democratic_services=True)).get(f"/office/reports/{doc.pk}/")
    assert ds.status_code == 200 and "Save the report" in text(ds)
    assert Client().get(f"/office/reports/{doc.pk}/").status_code == 302  # to sign in
    assert signed_in(author).get("/office/reports/new/?item=999999").status_code == 404
    assert signed_in(author).get("/office/reports/new/").status_code == 404


def test_a_word_report_fills_the_header_and_its_body(item):
    t.person("Wordsigner", forenames="Ada", initials="A")
    client = signed_in(t.account())
    word = made.word_document(
        "By: Ada Wordsigner, Cabinet Member for Highways",
        "To: Views Test Committee – 20 October 2017",
        "Subject: Winter gritting",
        "Classification: Unrestricted",
        "Summary: How the roads are gritted.",
        "Recommendations:",
        ("List Number", "NOTE the plan."),
        "Background documents: None",
        ("Heading 1", "1. Introduction"),
        "1.1 Salt is stocked in October.",
    )
    response = client.post(
        f"/office/reports/new/word/?item={item.pk}",
        {"word": made_upload(word, "gritting.docx")},
    )
    doc = Document.objects.get(attachments__item=item)
    assert response.status_code == 302
    assert doc.title == "Winter gritting" and doc.report.summary == "How the roads are gritted."
    html = doc.current_version().html
    assert "Salt is stocked" in html and "How the roads are gritted" not in html  # not twice
    page = text(client.get(response["Location"]))
    assert "From gritting.docx (now version 1)" in page and "Filled in:" in page
    bad = client.post(f"/office/reports/{doc.pk}/word/", {"word": made_upload(b"x", "a.docx")})
    assert bad.status_code == 400 and "a.docx: is not a Word" in text(bad)
    none = client.post(f"/office/reports/{doc.pk}/word/", {})
    assert none.status_code == 400 and "Choose the Word document" in text(none)
    assert doc.versions.count() == 1


def test_the_word_field_is_what_its_label_and_the_error_summary_point_to(item):
    """The label of the Word upload and the error summary's link name ``#word``: the file
    input, the only element of the page with that id (the section's heading had it too)."""
    client = signed_in(t.account())
    shown = client.get(f"/office/reports/new/?item={item.pk}")
    refused = client.post(f"/office/reports/new/word/?item={item.pk}", {})
    assert refused.status_code == 400
    for response in (shown, refused):
        html = response.content.decode()
        assert len(re.findall(r'\bid="word"', html)) == 1
        assert re.search(r'<input[^>]*id="word"[^>]*type="file"', html)
        assert '<label class="govuk-label" for="word">' in html
    assert 'href="#word"' in refused.content.decode()


def test_appendices_from_the_form(item):
    author = t.account()
    client = signed_in(author)
    doc = start_report(item, ReportFields(title="With appendices"), actor=author)
    url = f"/office/reports/{doc.pk}/appendices/"
    upload = {
        "appendix_title": "Site plan",
        "appendix_label": "Appendix A",
        "appendix_classification": "exempt",
        "appendix_paragraph": "",
    }
    refused = client.post(url, dict(upload, appendix_file=made_upload(made.pdf(1), "p.pdf")))
    assert refused.status_code == 400 and "paragraph of Schedule 12A" in text(refused)
    assert 'value="Site plan"' in refused.content.decode()  # kept
    done = client.post(
        url, dict(upload, appendix_paragraph="3", appendix_file=made_upload(made.pdf(2), "p.pdf"))
    )
    assert done.status_code == 302
    appendix = doc.appendices.get()
    assert appendix.classification == Classification.EXEMPT and appendix.exempt_paragraph == 3
    assert "Appendix A: Site plan" in text(client.get(f"/office/reports/{doc.pk}/"))


def made_upload(data: bytes, name: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)
