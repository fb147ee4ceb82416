"""publish_agenda: refusals (nothing saved), the happy path, the deadline boundary."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.actors import SystemActor
from papers.models import AgendaPack, Classification, DocumentVersion, PackKind
from publishing import services, signals
from publishing.models import AgendaPublication, EventKind, PublicationEvent

from . import builders as b

pytestmark = pytest.mark.django_db


def nothing_saved(meeting):
    assert not AgendaPublication.objects.filter(meeting=meeting).exists()
    assert not PublicationEvent.objects.filter(meeting=meeting).exists()
    assert not AgendaPack.objects.filter(meeting=meeting).exists()
    assert not DocumentVersion.objects.filter(
        document__attachments__item__meeting=meeting, published_at__isnull=False
    ).exists()
    assert not services.is_published(meeting)


@pytest.fixture
def receiver():
    calls = []

    def record(sender, **kwargs):
        calls.append(kwargs)

    signals.agenda_published.connect(record)
    yield calls
    signals.agenda_published.disconnect(record)


def test_a_meeting_without_items_is_refused(officer):
    meeting = b.meeting()
    meeting.items.all().delete()
    with pytest.raises(ValidationError, match="has no agenda items"):
        services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
    nothing_saved(meeting)


def test_unapproved_reports_are_listed_and_nothing_saved(officer):
    meeting = b.meeting()
    b.paper(meeting, "2", "Approved report")
    b.paper(meeting, "3", "Budget", approved=False)
    b.paper(meeting, "4", "Parking", approved=False)
    with pytest.raises(ValidationError) as refused:
        services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
    assert refused.value.messages == [
        "The report “Budget” (item 3) is not approved for publication.",
        "The report “Parking” (item 4) is not approved for publication.",
    ]
    nothing_saved(meeting)


def test_past_the_deadline_without_a_reason_is_refused(officer):
    meeting = b.meeting()
    b.paper(meeting, "2", "Budget")
    with pytest.raises(ValidationError) as refused:
        services.publish_agenda(meeting, actor=officer, late_reason="  ", now=b.AFTER)
    assert refused.value.messages == [
        "The deadline for publishing with five clear days was Monday 7 January 2030. "
        "Give the reason the agenda is published late (it is kept with the record)."
    ]
    nothing_saved(meeting)


def test_a_published_meeting_is_refused_a_second_agenda(officer):
    meeting = b.meeting()
    services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
    with pytest.raises(ValidationError, match="already published; publish a supplementary"):
        services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
    assert AgendaPublication.objects.filter(meeting=meeting).count() == 1


def test_only_democratic_services_publish():
    meeting = b.meeting()
    with pytest.raises(PermissionDenied):
        services.publish_agenda(meeting, actor=b.user(democratic_services=False), now=b.BEFORE)
    nothing_saved(meeting)


def test_publishing_opens_everything_and_signals_once_after_commit(
    officer, receiver, django_capture_on_commit_callbacks
):
    meeting = b.meeting()
    budget = b.paper(meeting, "2", "Budget").document
    exempt = b.paper(
        meeting, "3", "Land sale", classification=Classification.EXEMPT, paragraph=3
    ).document
    appendix = b.appendix(budget, "Appendix A", "Figures")
    with django_capture_on_commit_callbacks(execute=True):
        publication = services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
        assert receiver == []  # nobody hears of it before the commit
    assert receiver == [
        {"signal": signals.agenda_published, "meeting": meeting, "publication": publication}
    ]
    publication.refresh_from_db()
    assert publication.published_at == b.BEFORE
    assert (publication.deadline, publication.on_time, publication.late_reason) == (
        b.DEADLINE,
        True,
        "",
    )
    assert (publication.kind, publication.number, publication.published_by) == (
        "agenda",
        0,
        officer,
    )
    assert services.is_published(meeting) and services.published_at(meeting) == b.BEFORE
    for doc in (budget, exempt, appendix):
        assert doc.current_version().published_at is not None
    packs = AgendaPack.objects.filter(meeting=meeting)
    assert sorted(packs.values_list("kind", "supplement")) == [
        (PackKind.MEMBERS, 0),
        (PackKind.PUBLIC, 0),
    ]
    assert packs.first().dispatch_date == dt.date(2030, 1, 3)
    events = list(PublicationEvent.objects.filter(meeting=meeting).order_by("pk"))
    assert [e.kind for e in events] == [EventKind.AGENDA_PUBLISHED] + [
        EventKind.PAPER_PUBLISHED
    ] * 3
    assert {e.document for e in events[1:]} == {budget, exempt, appendix}
    assert all(e.at == b.BEFORE and e.by == officer for e in events)


def test_late_publication_with_a_reason_is_recorded_as_late(officer):
    meeting = b.meeting()
    publication = services.publish_agenda(
        meeting, actor=officer, late_reason="Reports were not ready.", now=b.AFTER
    )
    assert (publication.on_time, publication.late_reason) == (False, "Reports were not ready.")
    event = PublicationEvent.objects.get(meeting=meeting, kind=EventKind.AGENDA_PUBLISHED)
    assert event.note == "Published late: Reports were not ready."


def test_a_paper_without_background_documents_stated_is_refused(officer):
    meeting = b.meeting()
    b.paper(meeting, "2", "Budget", approved=False, background=False)
    with pytest.raises(ValidationError) as refused:
        services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
    assert "“Budget” does not state its background documents: list them or state “None”." in (
        refused.value.messages
    )
    nothing_saved(meeting)


@pytest.mark.parametrize(
    "moment, late",
    [
        (b.london(2030, 1, 7, 23, 59, 59), False),  # the last second of the deadline day
        (b.london(2030, 1, 8, 0, 0, 0), True),  # the first second after it
    ],
)
def test_the_deadline_runs_to_midnight_at_the_end_of_the_deadline_day(officer, moment, late):
    meeting = b.meeting()
    if late:
        with pytest.raises(ValidationError, match="Give the reason"):
            services.publish_agenda(meeting, actor=officer, now=moment)
        nothing_saved(meeting)
    else:
        assert services.publish_agenda(meeting, actor=officer, now=moment).on_time


def test_the_deadline_day_ends_at_london_midnight_in_summer_time(officer):
    # Meeting Tuesday 16 July 2030; five clear days back to Tuesday 9 July; deadline Monday 8.
    meeting = b.meeting(dt.date(2030, 7, 16))
    utc = dt.UTC
    late_in_london = dt.datetime(2030, 7, 8, 23, 30, tzinfo=utc)  # 00:30 BST on the 9th
    with pytest.raises(ValidationError, match="Monday 8 July 2030"):
        services.publish_agenda(meeting, actor=officer, now=late_in_london)
    on_time = services.publish_agenda(
        meeting, actor=officer, now=dt.datetime(2030, 7, 8, 22, 30, tzinfo=utc)
    )
    assert on_time.on_time and on_time.deadline == dt.date(2030, 7, 8)


def test_published_exists_filters_querysets():
    from meetings.models import Meeting

    published, draft = b.meeting(), b.meeting()
    services.publish_agenda(published, now=b.BEFORE, actor=SystemActor("test"))
    found = set(
        Meeting.objects.filter(pk__in=[published.pk, draft.pk]).filter(services.published_exists())
    )
    assert found == {published}


def test_a_failing_listener_does_not_undo_or_fail_the_publication(
    officer, django_capture_on_commit_callbacks, caplog
):
    def broken(sender, **kwargs):
        raise RuntimeError("summons service down")

    signals.agenda_published.connect(broken)
    try:
        meeting = b.meeting()
        with django_capture_on_commit_callbacks(execute=True):
            services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
    finally:
        signals.agenda_published.disconnect(broken)
    assert services.is_published(meeting)
    assert "summons service down" in caplog.text
