"""Once per publication (publishing/once.py): the summons issued and the subscribers told make
one audited row for each publication, and a second signal for it does nothing."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from feeds import notify
from feeds.models import NoticeKind, PublicationNotice
from meetings.models import Meeting
from publishing.once import publication_key, record_once
from summons.models import IssueKind, SummonsIssue

pytestmark = pytest.mark.django_db

AT = timezone.make_aware(dt.datetime(2017, 9, 7, 9, 30))


@pytest.fixture
def meeting() -> Meeting:
    return Meeting.objects.order_by("date", "pk").first()


def entries(row) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(object_id=str(row.pk), event="test.handled"))


@pytest.mark.parametrize(
    "model, kind", [(SummonsIssue, IssueKind.AGENDA), (PublicationNotice, NoticeKind.AGENDA)]
)
def test_a_publication_is_recorded_once_and_audited(meeting, model, kind):
    publication = SimpleNamespace(pk=41, published_at=AT)
    row = record_once(model, meeting, kind, publication, actor=TEST_ACTOR, event="test.handled")
    assert row is not None and row.published_at == AT
    assert row.publication_key == publication_key(publication) == f"41@{AT.isoformat()}"
    assert [e.actor_name for e in entries(row)] == ["tests"]
    again = record_once(model, meeting, kind, publication, actor=TEST_ACTOR, event="test.handled")
    assert again is None
    assert model.objects.filter(meeting=meeting).count() == 1
    assert len(entries(row)) == 1
    # Another publication (a supplement published later) is a row of its own.
    later = SimpleNamespace(pk=42, published_at=AT + dt.timedelta(days=2))
    assert record_once(model, meeting, kind, later, actor=TEST_ACTOR, event="test.handled")
    assert model.objects.filter(meeting=meeting).count() == 2


def test_telling_subscribers_is_audited_and_not_for_anyone(meeting):
    publication = SimpleNamespace(pk=7, published_at=AT)
    officer = User.objects.create_user("not-democratic-services", password="Long-enough-pass-1")
    with pytest.raises(PermissionDenied):
        notify.notify(meeting, publication, NoticeKind.AGENDA, actor=officer)
    assert not PublicationNotice.objects.filter(meeting=meeting).exists()
    notice = notify.notify(meeting, publication, NoticeKind.AGENDA, actor=notify.ACTOR)
    entry = AuditEntry.objects.get(object_id=str(notice.pk), event=notify.NOTIFIED)
    assert entry.actor_name == notify.ACTOR.name
    assert notify.notify(meeting, publication, NoticeKind.AGENDA, actor=notify.ACTOR) is None
