"""The summons services check their actor first: issuing a summons is democratic services'
act (the receiver of the publication signals is a system actor); a consent is recorded by
the member, or by an officer with the back office's permission. Anyone else is refused and
nothing is written; each writes its event."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from audit.models import AuditEntry
from moot import testing as t
from publishing.signals import agenda_published
from summons import consent
from summons.models import Decision, SummonsConsent, SummonsIssue
from summons.recipients import summoned
from summons.services import ACTOR, issue_summons, reissue_summons
from summons.testing import pr_meeting, publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return pr_meeting()


CASES = {
    "issue_summons": lambda m, a: issue_summons(m, publication(pk=9), actor=a),
    "reissue_summons": lambda m, a: reissue_summons(m, actor=a),
    "consent.record": lambda m, a: consent.record(
        summoned(m)[0], Decision.GIVEN, "refused@example.org", actor=a
    ),
}


@pytest.mark.parametrize("service", CASES)
def test_anyone_else_is_refused_and_nothing_is_written(meeting, service):
    issues = SummonsIssue.objects.count()
    for actor in (t.account(), AnonymousUser(), None):
        with t.writes_nothing(), pytest.raises(PermissionDenied):
            CASES[service](meeting, actor)
    assert SummonsIssue.objects.count() == issues
    assert not SummonsConsent.objects.filter(email="refused@example.org").exists()


def test_a_member_records_their_own_consent_and_an_officer_needs_the_permission(
    meeting, member_user
):
    member, other = summoned(meeting)[:2]
    own = member_user(member)
    entry = consent.record(member, Decision.GIVEN, "own@example.org", actor=own)
    assert (entry.recorded_by, entry.recorded_by_name) == (own, own.username)
    with pytest.raises(PermissionDenied, match="their own consent"):
        consent.record(other, Decision.GIVEN, "not-theirs@example.org", actor=own)
    office = t.account(perms=("summons.add_summonsconsent",))
    consent.record(
        other, Decision.GIVEN, "paper@example.org", effective=dt.date(2017, 1, 1), actor=office
    )
    events = AuditEntry.objects.filter(content_type__model="summonsconsent").values_list(
        "event", "actor_name"
    )
    assert {("summons.consent_recorded", own.username)} <= set(events)
    assert ("summons.consent_recorded", office.username) in set(events)


def test_the_summons_on_publication_is_issued_by_its_system_actor(meeting, publish):
    publish(agenda_published, meeting, publication())
    issue = SummonsIssue.objects.get(meeting=meeting)
    entry = AuditEntry.objects.get(content_type__model="summonsissue", object_id=str(issue.pk))
    assert (entry.event, entry.actor_name, entry.actor) == ("summons.issued", ACTOR.name, None)
    dispatch = AuditEntry.objects.filter(content_type__model="dispatchentry")
    assert set(dispatch.values_list("event", flat=True)) == {"summons.issued"}
