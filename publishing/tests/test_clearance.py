"""Clearance as a task (publishing/clearance.py, publishing/workflow.py): a step names who signs
it off; the author never signs off a step that keeps duties separate, nor approves their own
report; what was said is kept."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import override_settings

from moot import testing as t
from publishing import clearance, workflow
from publishing.models import ClearanceSignoff, ClearanceStep, ReportState

from .builders import report

pytestmark = pytest.mark.django_db


def written_by(author):
    doc = report()
    doc.created_by = author
    doc.save(update_fields=["created_by"])
    return doc


@pytest.fixture
def legal():
    team = Group.objects.create(name="Legal Services")
    step = ClearanceStep.objects.create(name="Legal", order=1, group=team)
    lawyer = t.account("lawyer")
    lawyer.groups.add(team)
    return step, lawyer


def test_only_those_the_step_names_sign_it_off(legal):
    step, lawyer = legal
    named = t.account("finance-officer")
    step.users.add(named)
    doc = report()
    workflow.submit_report(doc, actor=t.account())
    for outsider in (t.account(), t.account(democratic_services=True)):
        with t.writes_nothing(), pytest.raises(PermissionDenied, match="Only Legal Services"):
            workflow.sign_off(doc, step, actor=outsider)
    assert clearance.who_acts(step) == "Legal Services, or finance-officer"
    assert clearance.may_act(named, step) and clearance.may_act(lawyer, step)
    workflow.sign_off(doc, step, "The powers are right.", actor=lawyer)
    assert workflow.workflow_of(doc).state == ReportState.CLEARED


def test_the_author_cannot_sign_off_a_separated_step_nor_approve(legal):
    step, lawyer = legal
    doc = written_by(lawyer)  # a lawyer who wrote the report
    workflow.submit_report(doc, actor=lawyer)
    with t.writes_nothing(), pytest.raises(PermissionDenied, match="someone else must sign off"):
        workflow.sign_off(doc, step, actor=lawyer)
    assert not ClearanceSignoff.objects.filter(document=doc).exists()
    colleague = t.account()
    colleague.groups.add(step.group)
    workflow.sign_off(doc, step, actor=colleague)
    author_in_ds = written_by(t.account(democratic_services=True))
    author = author_in_ds.created_by
    step2 = ClearanceStep.objects.create(name="Finance", order=2)  # open to any officer
    workflow.submit_report(author_in_ds, actor=author)
    workflow.sign_off(author_in_ds, step, actor=colleague)
    with t.writes_nothing(), pytest.raises(PermissionDenied):
        workflow.sign_off(author_in_ds, step2, actor=author)
    workflow.sign_off(author_in_ds, step2, actor=colleague)
    with t.writes_nothing(), pytest.raises(PermissionDenied, match="another officer"):
        workflow.approve_for_publication(author_in_ds, actor=author)
    approved = workflow.approve_for_publication(
        author_in_ds, actor=t.account(democratic_services=True)
    )
    assert approved.state == ReportState.APPROVED


def test_separation_is_configurable_per_step_and_for_approval(legal):
    step, lawyer = legal
    step.separate_from_author = False
    step.save()
    doc = written_by(lawyer)
    workflow.submit_report(doc, actor=lawyer)
    workflow.sign_off(doc, step, actor=lawyer)  # allowed on this step
    ds_author = t.account(democratic_services=True)
    own = written_by(ds_author)
    step.users.add(ds_author)
    workflow.submit_report(own, actor=ds_author)
    workflow.sign_off(own, step, actor=ds_author)
    with override_settings(MOOT_AUTHOR_MAY_APPROVE=True):
        assert workflow.approve_for_publication(own, actor=ds_author).state == "approved"


def test_returns_need_someone_involved_and_what_was_said_is_kept(legal):
    step, lawyer = legal
    author = t.account()
    doc = written_by(author)
    workflow.submit_report(doc, actor=author)
    with t.writes_nothing(), pytest.raises(PermissionDenied, match="return it"):
        workflow.return_to_draft(doc, "Not mine to say", actor=t.account())
    workflow.return_to_draft(doc, "The figures are out of date.", actor=lawyer)
    workflow.submit_report(doc, actor=author)
    workflow.sign_off(doc, step, "Now right.", actor=lawyer)
    workflow.return_to_draft(doc, "One more change.", actor=author)  # the author withdraws it
    said = [(s.what, s.text, s.who) for s in clearance.history(doc)]
    assert said == [
        ("Returned to draft", "One more change.", author.username),
        ("Legal signed off", "Now right.", "lawyer"),
        ("Returned to draft", "The figures are out of date.", "lawyer"),
    ]


def test_what_waits_for_whom(legal):
    step, lawyer = legal
    finance = ClearanceStep.objects.create(name="Finance", order=2)  # any officer
    doc = report()
    workflow.submit_report(doc, actor=t.account())
    waiting = clearance.waiting_for(lawyer)
    assert [(w.workflow.document, w.steps) for w in waiting] == [(doc, [step, finance])]
    workflow.sign_off(doc, step, actor=lawyer)
    assert [w.steps for w in clearance.waiting_for(lawyer)] == [[finance]]
    assert clearance.waiting_for(t.account(staff=False)) == []
