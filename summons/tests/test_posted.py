"""Recording the day paper summonses were left or posted (``record_posted``): democratic
services' act, audited per entry; a day before the issue or still to come is refused, and
nothing is saved."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from moot import testing as t
from summons.models import DispatchEntry
from summons.services import POSTED, issue_summons, record_posted
from summons.testing import pr_meeting, publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue():
    return issue_summons(pr_meeting(), publication(), actor=TEST_ACTOR)  # 7 September 2017


def test_the_day_is_recorded_and_audited(issue):
    entries = list(issue.dispatch.all()[:2])
    officer = t.account(democratic_services=True)
    record_posted(entries, dt.date(2017, 9, 7), actor=officer)
    assert set(issue.dispatch.filter(posted_on=dt.date(2017, 9, 7))) == set(entries)
    # A correction is a new day, audited again.
    record_posted(entries[:1], dt.date(2017, 9, 8), actor=officer)
    assert DispatchEntry.objects.get(pk=entries[0].pk).posted_on == dt.date(2017, 9, 8)
    audit = AuditEntry.objects.filter(content_type__model="dispatchentry", event=POSTED)
    assert audit.count() == 3 and set(audit.values_list("actor", flat=True)) == {officer.pk}


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (dt.date(2017, 9, 6), "issued on 7 September 2017: it cannot have been left or posted"),
        (timezone.localdate() + dt.timedelta(days=2), "has not come yet"),
    ],
)
def test_an_impossible_day_is_refused(issue, day, message):
    with t.writes_nothing(), pytest.raises(ValidationError, match=message):
        record_posted(list(issue.dispatch.all()), day, actor=TEST_ACTOR)
    assert not DispatchEntry.objects.filter(posted_on__isnull=False).exists()


def test_one_issue_at_a_time_and_someone_to_record(issue):
    other = issue_summons(issue.meeting, publication(pk=2), actor=TEST_ACTOR)
    mixed = [issue.dispatch.first(), other.dispatch.first()]
    with t.writes_nothing():
        with pytest.raises(ValidationError, match="one summons issue at a time"):
            record_posted(mixed, dt.date(2017, 9, 8), actor=TEST_ACTOR)
        with pytest.raises(ValidationError, match="Choose the members"):
            record_posted([], dt.date(2017, 9, 8), actor=TEST_ACTOR)


def test_anyone_but_democratic_services_is_refused(issue):
    entries = list(issue.dispatch.all())
    for actor in (t.account(perms=("summons.change_dispatchentry",)), AnonymousUser(), None):
        with t.writes_nothing(), pytest.raises(PermissionDenied):
            record_posted(entries, dt.date(2017, 9, 8), actor=actor)
    assert not DispatchEntry.objects.filter(posted_on__isnull=False).exists()
