"""Every publishing service checks its actor first: publication and the changes after it are
democratic services' act (a system actor, a command, is trusted); the report workflow's
submission, sign-off and return are an officer's. Anyone else is refused, nothing written.
Each writes its own event to the audit trail."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from audit.models import AuditEntry
from meetings.models import AgendaItem
from moot import testing as t
from papers.models import Classification, DocumentVersion, ItemPaper
from publishing import services, supplements, workflow
from publishing.historical import record_historical_publication
from publishing.models import AgendaPublication, PublicationEvent, ReportState

from . import builders as b

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(officer):
    chair = t.person("Chairperson")
    meeting = b.meeting(chair=chair)
    link = b.paper(meeting, "2", "Budget")
    services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
    b.paper(meeting, "3", "Late report")  # waits for a supplement
    return meeting, link, chair, b.meeting()  # and a meeting not yet published


def _steps(doc):
    return workflow.unsigned_steps(workflow.workflow_of(doc))


PUBLISHING = {
    "publish_agenda": lambda p, a: services.publish_agenda(p[3], actor=a, now=b.BEFORE),
    "publish_supplement": lambda p, a: supplements.publish_supplement(p[0], actor=a),
    "add_urgent_item": lambda p, a: services.add_urgent_item(
        p[0], number="9", title="Urgent", chair=p[2], reasons="A deadline.", actor=a
    ),
    "save_item": lambda p, a: services.save_item(
        AgendaItem(meeting=p[0], number="9", title="Urgent", urgent=True, urgency_chair=p[2]),
        actor=a,
    ),
    "withdraw_paper": lambda p, a: services.withdraw_paper(p[1], "Refused", actor=a),
    "replace_paper": lambda p, a: services.replace_paper(
        p[1].document, html="<p>Refused.</p>", reason="Refused", actor=a
    ),
    "reclassify_paper": lambda p, a: services.reclassify_paper(
        p[1].document, Classification.EXEMPT, 3, reason="Refused", actor=a
    ),
    "record_historical_publication": lambda p, a: record_historical_publication(
        p[3], b.BEFORE, actor=a
    ),
}


@pytest.mark.parametrize("service", PUBLISHING)
def test_only_democratic_services_publish_and_change_what_is_published(published, service):
    meeting, link, _, _ = published
    publications = AgendaPublication.objects.count()
    for actor in (t.account(perms=("publishing.add_agendapublication",)), AnonymousUser(), None):
        with t.writes_nothing(), pytest.raises(PermissionDenied):
            PUBLISHING[service](published, actor)
    assert AgendaPublication.objects.count() == publications
    assert ItemPaper.objects.filter(pk=link.pk).exists()
    assert link.document.versions.count() == 1
    assert not meeting.items.filter(number="9").exists()


WORKFLOW = {
    "submit_report": lambda doc, a: workflow.submit_report(doc, actor=a),
    "sign_off": lambda doc, a: workflow.sign_off(doc, _steps(doc)[0], actor=a),
    "return_to_draft": lambda doc, a: workflow.return_to_draft(doc, "Refused", actor=a),
    "approve_for_publication": lambda doc, a: workflow.approve_for_publication(doc, actor=a),
}


@pytest.mark.parametrize("service", WORKFLOW)
def test_the_report_workflow_refuses_anyone_but_an_officer(officer, service):
    b.steps("Legal")
    doc = b.report()
    if service != "submit_report":
        workflow.submit_report(doc, actor=officer)
    state = workflow.workflow_of(doc).state
    councillor = t.account(staff=False)
    for actor in (councillor, AnonymousUser(), None):
        with t.writes_nothing(), pytest.raises(PermissionDenied):
            WORKFLOW[service](doc, actor)
    assert workflow.workflow_of(doc).state == state


def test_publishing_writes_its_events(officer, django_capture_on_commit_callbacks):
    meeting = b.meeting()
    link = b.paper(meeting, "2", "Budget")
    with django_capture_on_commit_callbacks(execute=True):
        publication = services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
    by_officer = AuditEntry.objects.filter(actor=officer)

    def events(model: str, pk) -> set[str]:
        return set(
            by_officer.filter(content_type__model=model, object_id=str(pk)).values_list(
                "event", flat=True
            )
        )

    assert events("agendapublication", publication.pk) == {"publishing.agenda_published"}
    for history in PublicationEvent.objects.filter(publication=publication):
        assert events("publicationevent", history.pk) == {"publishing.agenda_published"}
    version = DocumentVersion.objects.get(document=link.document)
    assert events("documentversion", version.pk) == {"papers.version_published"}
    assert set(
        by_officer.filter(content_type__model="agendapack").values_list("event", flat=True)
    ) == {"papers.pack_requested"}

    b.paper(meeting, "3", "Late report")
    supplement = supplements.publish_supplement(meeting, actor=officer)
    assert events("agendapublication", supplement.pk) == {"publishing.supplement_published"}
    link_id = link.pk
    withdrawn = services.withdraw_paper(link, "Superseded", actor=officer)
    assert events("publicationevent", withdrawn.pk) == {"publishing.paper_withdrawn"}
    assert "publishing.paper_withdrawn" in events("itempaper", link_id)


def test_the_report_workflow_writes_its_events(officer):
    (legal,) = b.steps("Legal")
    doc = b.report()
    workflow.submit_report(doc, actor=officer)
    workflow.sign_off(doc, legal, actor=officer)
    workflow.approve_for_publication(doc, actor=officer)
    approved = workflow.workflow_of(doc)
    assert approved.state == ReportState.APPROVED
    entries = AuditEntry.objects.filter(content_type__model="reportworkflow", object_id=approved.pk)
    assert list(entries.order_by("pk").values_list("event", flat=True)) == [
        "publishing.report_submitted",
        "publishing.report_cleared",
        "publishing.report_approved",
    ]
    signoff = AuditEntry.objects.get(content_type__model="clearancesignoff", actor=officer)
    assert signoff.event == "publishing.report_signed_off"
