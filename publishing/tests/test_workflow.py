"""The report workflow: draft → submitted → cleared → approved for publication."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from audit.actors import SystemActor
from audit.testing import TEST_ACTOR
from papers import services as papers
from publishing import workflow
from publishing.models import ClearanceSignoff, ReportState, ReportWorkflow

from .builders import report, steps, user

pytestmark = pytest.mark.django_db


def test_missing_for_submission_lists_everything_the_author_must_do():
    doc = report(recommendations=False, background=False, content=False)
    missing = workflow.missing_for_submission(doc)
    assert missing == [
        "The report has no content yet: write it or upload it.",
        "The background documents are not stated: list them or state “None”.",
        "The report has no recommendations.",
    ]
    assert workflow.missing_for_submission(report()) == []


def test_submit_refuses_with_the_list_and_saves_nothing(officer):
    doc = report(recommendations=False, background=False)
    with pytest.raises(ValidationError) as refused:
        workflow.submit_report(doc, actor=officer)
    assert refused.value.messages == [
        "The background documents are not stated: list them or state “None”.",
        "The report has no recommendations.",
    ]
    assert not ReportWorkflow.objects.filter(document=doc).exists()


def test_an_appendix_without_content_or_paragraph_is_listed():
    doc = report()
    papers.save_document(
        type(doc)(kind="appendix", title="Plan", label="Appendix A", parent=doc), actor=TEST_ACTOR
    )
    assert workflow.missing_for_submission(doc) == ["Appendix A has no content yet."]


def test_signoffs_clear_the_report_and_approval_needs_them_all(officer):
    legal, finance = steps("Legal", "Finance")
    doc = report()
    assert workflow.submit_report(doc, actor=officer).state == ReportState.SUBMITTED
    workflow.sign_off(doc, legal, "Checked the powers.", actor=officer)
    with pytest.raises(ValidationError) as refused:
        workflow.approve_for_publication(doc, actor=officer)
    assert refused.value.messages == ["“Finance” has not signed off “Budget monitoring”."]
    assert ReportWorkflow.objects.get(document=doc).state == ReportState.SUBMITTED
    workflow.sign_off(doc, finance, actor=officer)
    assert ReportWorkflow.objects.get(document=doc).state == ReportState.CLEARED
    approved = workflow.approve_for_publication(doc, actor=officer)
    assert approved.state == ReportState.APPROVED and approved.approved_version == 1
    assert approved.approved_by == officer
    assert workflow.is_approved(doc)
    signoff = ClearanceSignoff.objects.get(document=doc, step=legal)
    assert (signoff.by, signoff.comment, signoff.submission) == (officer, "Checked the powers.", 1)


def test_a_step_signs_off_once_per_submission(officer):
    (legal,) = steps("Legal")
    doc = report()
    workflow.submit_report(doc, actor=officer)
    workflow.sign_off(doc, legal, actor=officer)
    with pytest.raises(ValidationError, match="already signed off"):
        workflow.sign_off(doc, legal, actor=officer)
    assert ClearanceSignoff.objects.filter(document=doc).count() == 1


def test_a_draft_cannot_be_signed_off_or_approved(officer):
    (legal,) = steps("Legal")
    doc = report()
    with pytest.raises(ValidationError, match="only a submitted report"):
        workflow.sign_off(doc, legal, actor=officer)
    with pytest.raises(ValidationError, match="only a submitted"):
        workflow.approve_for_publication(doc, actor=officer)
    assert not ClearanceSignoff.objects.exists()


def test_return_to_draft_needs_a_reason_and_the_next_submission_new_signoffs(officer):
    (legal,) = steps("Legal")
    doc = report()
    workflow.submit_report(doc, actor=officer)
    workflow.sign_off(doc, legal, actor=officer)
    with pytest.raises(ValidationError, match="Say why"):
        workflow.return_to_draft(doc, "  ", actor=officer)
    assert ReportWorkflow.objects.get(document=doc).state == ReportState.CLEARED
    returned = workflow.return_to_draft(doc, "Figures out of date.", actor=officer)
    assert (returned.state, returned.returned_reason) == (ReportState.DRAFT, "Figures out of date.")
    again = workflow.submit_report(doc, actor=officer)
    assert (again.state, again.submission) == (ReportState.SUBMITTED, 2)
    assert workflow.unsigned_steps(again) == [legal]  # the first round's sign-off stays, unused
    assert ClearanceSignoff.objects.filter(document=doc).count() == 1


def test_a_report_changed_after_approval_is_no_longer_approved(officer):
    doc = report()
    workflow.submit_report(doc, actor=officer)
    workflow.approve_for_publication(doc, actor=officer)
    assert workflow.is_approved(doc)
    papers.add_version(doc, html="<p>Changed figures.</p>", actor=TEST_ACTOR)
    assert not workflow.is_approved(doc)


def test_only_democratic_services_approve():
    doc = report()
    author = user(democratic_services=False)
    workflow.submit_report(doc, actor=author)
    with pytest.raises(PermissionDenied):
        workflow.approve_for_publication(doc, actor=author)
    assert ReportWorkflow.objects.get(document=doc).state == ReportState.CLEARED


def test_a_signoff_needs_a_signer():
    """Never a sign-off without its signer: a call without one fails, a signed-out user and a
    signed-in account that is not an officer are refused, and nothing is recorded."""
    (legal,) = steps("Legal")
    doc = report()
    workflow.submit_report(doc, actor=SystemActor("author"))
    with pytest.raises(TypeError):
        workflow.sign_off(doc, legal)  # the actor is required
    with pytest.raises(PermissionDenied, match="Sign in"):
        workflow.sign_off(doc, legal, actor=AnonymousUser())
    with pytest.raises(PermissionDenied, match="Only officers"):
        workflow.sign_off(doc, legal, actor=user(democratic_services=False, staff=False))
    assert not ClearanceSignoff.objects.filter(document=doc).exists()
    assert ReportWorkflow.objects.get(document=doc).state == ReportState.SUBMITTED
