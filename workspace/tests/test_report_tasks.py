"""Clearance as a task in the workspace: the people a step names see the report on their home
page and act from it; refusals show the service's message; the author sees their reports;
an exempt report is withheld from an officer not entitled to it."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from access.models import ExemptAccess
from audit.testing import TEST_ACTOR
from moot import testing as t
from papers.models import Classification
from papers.report_form import ReportFields, start_report
from publishing import workflow
from publishing.models import ClearanceSignoff, ClearanceStep, ReportState

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def signed_in(user) -> Client:
    return t.verified_login(Client(), user)


@pytest.fixture
def setup():
    team = Group.objects.create(name="Legal Services")
    step = ClearanceStep.objects.create(name="Legal", order=1, group=team)
    lawyer = t.account("lawyer-ws")
    lawyer.groups.add(team)
    author = t.account("author-ws")
    meeting = t.meeting(t.body("Tasks Test Committee"), dt.date(2017, 10, 20))
    item = t.item(meeting, "3", "Libraries", kind="report")
    fields = ReportFields(
        title="Library opening hours",
        recommendations=[("AGREE", "the hours")],
        no_background_documents=True,
        body="<p>The hours.</p>",
    )
    doc = start_report(item, fields, actor=author)
    return step, lawyer, author, doc


def test_the_author_submits_and_the_lawyer_signs_off_from_home(setup):
    step, lawyer, author, doc = setup
    home = text(signed_in(author).get("/office/"))
    assert "Your reports" in home and "Library opening hours : draft" in home
    assert "Meetings coming up" not in home  # democratic services' work is not theirs
    response = signed_in(author).post(f"/office/reports/{doc.pk}/submit/")
    assert response.status_code == 302
    assert workflow.workflow_of(doc).state == ReportState.SUBMITTED
    lawyer_client = signed_in(lawyer)
    home = text(lawyer_client.get("/office/"))
    assert "Waiting for your clearance" in home and "Library opening hours" in home
    assert "Sign off Legal for Library opening hours" in home
    response = lawyer_client.post(
        f"/office/reports/{doc.pk}/steps/{step.pk}/", {"comment": "Lawful.", "next": "home"}
    )
    assert response.status_code == 302 and response["Location"] == "/office/"
    assert ClearanceSignoff.objects.get(document=doc).comment == "Lawful."
    page = text(lawyer_client.get(f"/office/reports/{doc.pk}/"))
    assert "Legal signed off" in page and "“Lawful.”" in page
    assert "Save the report" not in page  # the lawyer reviews; the author writes
    ds = signed_in(t.account(democratic_services=True))
    assert "Library opening hours" in text(ds.get("/office/")).split("Reports to approve")[1]
    assert ds.post(f"/office/reports/{doc.pk}/approve/", {"next": "home"}).status_code == 302
    assert workflow.workflow_of(doc).state == ReportState.APPROVED


def test_refusals_show_the_services_message_and_keep_what_was_typed(setup):
    step, lawyer, author, doc = setup
    workflow.submit_report(doc, actor=author)
    refused = signed_in(lawyer).post(f"/office/reports/{doc.pk}/return/", {"reason": "  "})
    assert refused.status_code == 400
    assert "Say why the report is returned: the author needs to know." in text(refused)
    colleague = t.account()  # an officer, not in Legal Services, not the author
    assert (
        signed_in(colleague).post(f"/office/reports/{doc.pk}/steps/{step.pk}/").status_code == 404
    )
    step.group.user_set.add(author)  # the author, now in the team, may not clear their own
    refused = signed_in(author).post(
        f"/office/reports/{doc.pk}/steps/{step.pk}/", {"comment": "Self-signed."}
    )
    assert refused.status_code == 400
    assert "someone else must sign off “Legal”" in text(refused)
    assert not ClearanceSignoff.objects.exists()
    ds = signed_in(t.account(democratic_services=True))
    refused = ds.post(f"/office/reports/{doc.pk}/approve/")
    assert refused.status_code == 400 and "“Legal” has not signed off" in text(refused)
    returned = signed_in(lawyer).post(f"/office/reports/{doc.pk}/return/", {"reason": "Redo 2."})
    assert returned.status_code == 302 and workflow.workflow_of(doc).state == ReportState.DRAFT
    assert "returned: Redo 2." in text(signed_in(author).get("/office/"))


def test_an_exempt_report_is_withheld_from_a_reviewer_not_entitled(setup):
    step, lawyer, author, doc = setup
    doc.classification, doc.exempt_paragraph = Classification.EXEMPT, 3
    doc.title = "Secret depot sale"
    doc.save()
    workflow.submit_report(doc, actor=TEST_ACTOR)
    client = signed_in(lawyer)
    home = text(client.get("/office/"))
    assert "Secret depot sale" not in home
    assert "A report withheld from you (exempt or confidential)" in home
    page = client.get(f"/office/reports/{doc.pk}/")
    assert page.status_code == 403 and "Secret depot sale" not in text(page)
    assert client.get(f"/office/reports/{doc.pk}/pdf/").status_code == 403
    assert not ExemptAccess.objects.filter(document=doc).exists()  # nothing was shown
    writer = signed_in(author)
    assert writer.get(f"/office/reports/{doc.pk}/").status_code == 200  # they wrote it
    writer.post(f"/office/reports/{doc.pk}/autosave/", {"title": "Secret depot sale"})
    seen = ExemptAccess.objects.get(document=doc)  # the view, logged once; autosaves are not
    assert (seen.username, seen.surface) == ("author-ws", "back_office")
