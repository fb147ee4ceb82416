"""An officer who clears reports, not entitled to exempt information: the exempt report and the
public report with an exempt appendix are submitted for a clearance step their team signs
off (``test_a_reviewer_without_entitlement_sees_no_more`` crawls the workspace as them)."""

from __future__ import annotations

USERNAME = "canary-reviewer"
STEP = "Canary clearance"


def _reports(canary):
    from papers.models import Document

    exempt = Document.objects.get(title=f"Exempt report {canary}")
    appendix = Document.objects.get(title=f"Exempt appendix {canary}")
    return exempt, appendix.parent


def plant(meeting, exempt_item, canary):
    from django.contrib.auth.models import Group, User

    from access.models import Account
    from audit.testing import TEST_ACTOR
    from papers.models import Recommendation
    from publishing import workflow
    from publishing.models import ClearanceStep

    team = Group.objects.create(name="Canary Legal")
    ClearanceStep.objects.create(name=STEP, order=99, group=team)
    user = User.objects.create_user(USERNAME, password="Long-enough-pass-1", is_staff=True)
    Account.objects.create(user=user, democratic_services=False)
    user.groups.add(team)
    for report in _reports(canary):
        Recommendation.objects.create(report=report.report, verb="NOTE", text="the report")
        workflow.submit_report(report, actor=TEST_ACTOR)


def check(meeting, canary):
    from publishing.models import ReportState, ReportWorkflow

    for report in _reports(canary):
        assert ReportWorkflow.objects.get(document=report).state == ReportState.SUBMITTED
