"""A summons to nobody is refused: publishing an agenda when nobody serves on the body on the
meeting's date needs an explicit reason (kept with the record); democratic services can
re-issue the summons once the membership is fixed; a supplement says "further to the summons
already sent" only to a member who was sent one."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from council.models import Membership, Role
from moot import testing as t
from publishing import services
from publishing.models import AgendaPublication, EventKind, PublicationEvent
from publishing.tests import builders as b
from summons import consent
from summons.models import Decision, DispatchEntry, EmailKind, EmailLog, IssueKind, SummonsIssue
from summons.services import issue_summons, reissue_summons

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(db):
    return b.user()


@pytest.fixture
def empty(settings, tmp_path, immediate_tasks):
    """A committee meeting with nobody serving on the body that day."""
    settings.PRIVATE_ROOT = tmp_path
    return b.meeting(members=0)


def join(meeting, surname: str, email: str | None = None):
    person = t.person(surname)
    Membership.objects.create(
        body=meeting.body,
        person=person,
        role=Role.MEMBER,
        start=meeting.date - dt.timedelta(days=30),
    )
    if email:
        consent.record(
            person, Decision.GIVEN, email, effective=dt.date(2020, 1, 1), actor=TEST_ACTOR
        )
    return person


def test_publishing_with_nobody_to_summon_is_refused_and_nothing_saved(empty, officer):
    with pytest.raises(ValidationError, match="Nobody serves on .* summons to no one"):
        services.publish_agenda(empty, actor=officer, now=b.BEFORE)
    assert not AgendaPublication.objects.filter(meeting=empty).exists()
    assert not SummonsIssue.objects.filter(meeting=empty).exists()


def test_an_override_reason_publishes_and_is_kept_with_the_record(
    empty, officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publication = services.publish_agenda(
            empty, actor=officer, now=b.BEFORE, override_reason="Members are appointed on Monday."
        )
    event = PublicationEvent.objects.get(publication=publication, kind=EventKind.AGENDA_PUBLISHED)
    assert "Published with nobody to summon: Members are appointed on Monday." in event.note
    trail = AuditEntry.objects.filter(
        object_id=str(event.pk), content_type__model="publicationevent"
    )
    assert any("Members are appointed" in str(e.changes) for e in trail)


def test_the_publish_page_refuses_with_the_message_and_takes_the_override(
    empty, admin_client, django_capture_on_commit_callbacks
):
    url = reverse("admin:publishing_publish", args=[empty.pk])
    page = admin_client.get(url).content.decode()
    assert "Nobody serves on" in page and 'name="override_reason"' in page
    refused = admin_client.post(url, {"late_reason": "", "override_reason": ""})
    assert refused.status_code == 400
    assert "Nothing was published" in refused.content.decode()
    assert not services.is_published(empty)
    with django_capture_on_commit_callbacks(execute=True):
        done = admin_client.post(
            url, {"late_reason": "", "override_reason": "Appointments are due on Monday."}
        )
    assert done.status_code == 302
    assert services.is_published(empty)


def test_the_publish_command_refuses_and_takes_the_override(empty):
    with pytest.raises(CommandError, match="Nobody serves on"):
        call_command("publish", str(empty.pk), "--late-reason", "late")
    call_command(
        "publish",
        str(empty.pk),
        "--late-reason",
        "late",
        "--override-reason",
        "Appointments are due on Monday.",
    )
    assert services.is_published(empty)


@pytest.fixture
def published_to_nobody(empty, officer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_agenda(
            empty, actor=officer, now=b.BEFORE, override_reason="Appointments are due on Monday."
        )
    return empty


def test_reissue_sends_to_the_members_appointed_since_and_only_once(published_to_nobody, officer):
    meeting = published_to_nobody
    first = SummonsIssue.objects.get(meeting=meeting)
    assert not first.dispatch.exists()
    assert not EmailLog.objects.filter(meeting=meeting).exists()
    emailed = join(meeting, "Emailed", "emailed@example.org")
    posted = join(meeting, "Posted")
    issue = reissue_summons(meeting, actor=officer)
    assert issue.kind == IssueKind.AGENDA and issue.pk != first.pk
    assert EmailLog.objects.get(meeting=meeting, kind=EmailKind.SUMMONS).person == emailed
    assert list(DispatchEntry.objects.filter(issue=issue).values_list("person", flat=True)) == [
        posted.pk
    ]
    entry = AuditEntry.objects.get(object_id=str(issue.pk), content_type__model="summonsissue")
    assert entry.actor == officer and "Emailed" in entry.changes["reissued_to"][1]
    with pytest.raises(ValidationError, match="already been summoned"):
        reissue_summons(meeting, actor=officer)
    late = join(meeting, "Late")
    again = reissue_summons(meeting, actor=officer)
    assert [e.person for e in again.dispatch.all()] == [late]


def test_reissue_is_refused_before_publication_with_nobody_serving_and_to_others(
    empty, officer, published_to_nobody
):
    with pytest.raises(ValidationError, match="Nobody serves on"):
        reissue_summons(published_to_nobody, actor=officer)
    with pytest.raises(PermissionDenied):
        reissue_summons(published_to_nobody, actor=b.user(democratic_services=False))
    unpublished = b.meeting()
    with pytest.raises(ValidationError, match="not published yet"):
        reissue_summons(unpublished, actor=officer)


def test_the_back_office_action_reissues_the_summons(published_to_nobody, admin_client):
    meeting = published_to_nobody
    issue = SummonsIssue.objects.get(meeting=meeting)
    printed = admin_client.get(reverse("admin:summons_summonsissue_print", args=[issue.pk]))
    assert "nothing to post" not in printed.content.decode()
    assert "Nobody was summoned by this issue" in printed.content.decode()
    member = join(meeting, "Appointed")
    response = admin_client.post(
        reverse("admin:summons_summonsissue_changelist"),
        {"action": "reissue", "_selected_action": [issue.pk]},
        follow=True,
    )
    assert "summons re-issued (0 emailed, 1 to post)" in response.content.decode()
    assert DispatchEntry.objects.filter(issue__meeting=meeting, person=member).exists()
    refused = admin_client.post(
        reverse("admin:summons_summonsissue_changelist"),
        {"action": "reissue", "_selected_action": [issue.pk]},
        follow=True,
    )
    assert "already been summoned" in refused.content.decode()


def test_a_supplement_says_further_to_the_summons_only_to_those_sent_one(
    published_to_nobody, officer
):
    meeting = published_to_nobody
    summoned = join(meeting, "Summoned", "summoned@example.org")
    reissue_summons(meeting, actor=officer)
    newcomer = join(meeting, "Newcomer", "newcomer@example.org")
    # As the supplement's publication signal does (summons.services.on_publication).
    issue_summons(
        meeting,
        SimpleNamespace(pk=None, published_at=b.BEFORE),
        IssueKind.SUPPLEMENT,
        actor=TEST_ACTOR,
    )
    to_summoned = EmailLog.objects.get(kind=EmailKind.SUPPLEMENT, person=summoned)
    to_newcomer = EmailLog.objects.get(kind=EmailKind.SUPPLEMENT, person=newcomer)
    assert "Further to the summons already sent" in to_summoned.text
    assert "Further to the summons already sent" not in to_newcomer.text
    assert "A supplementary agenda has been published" in to_newcomer.text
