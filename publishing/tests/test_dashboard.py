"""Deadline states, the on-time share (GL01) and democratic services' back-office pages."""

import datetime as dt

import pytest
from django.urls import reverse

from audit.testing import TEST_ACTOR
from council.dates import authority_today
from meetings.models import MeetingStatus
from publishing import dashboard, services, supplements
from publishing.dashboard import State
from publishing.deadlines import working_days_left
from publishing.historical import record_historical_publication
from publishing.models import AgendaPublication, ReportState, ReportWorkflow

from . import builders as b

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.mark.parametrize(
    "today, left, state",
    [
        (D(2029, 12, 31), 4, State.ON_TRACK),  # 2, 3, 4 and 7 Jan left (1 Jan: bank holiday)
        (D(2030, 1, 2), 3, State.DUE_SOON),
        (D(2030, 1, 4), 1, State.DUE_SOON),  # Friday: Monday is the deadline
        (D(2030, 1, 5), 1, State.DUE_SOON),  # Saturday
        (D(2030, 1, 7), 0, State.DUE_SOON),  # the deadline day itself
        (D(2030, 1, 8), -1, State.LATE),
    ],
)
def test_states_around_the_deadline(today, left, state):
    assert working_days_left(b.DEADLINE, today) == left
    assert dashboard.state_of(b.DEADLINE, None, today) == state


def test_published_states():
    on_time = AgendaPublication(on_time=True)
    late = AgendaPublication(on_time=False)
    unknown = AgendaPublication(on_time=None)
    today = D(2030, 1, 9)
    assert dashboard.state_of(b.DEADLINE, on_time, today) == State.PUBLISHED_ON_TIME
    assert dashboard.state_of(b.DEADLINE, late, today) == State.PUBLISHED_LATE
    assert dashboard.state_of(b.DEADLINE, unknown, today) == State.PUBLISHED


def test_upcoming_rows_carry_deadline_and_state():
    meeting = b.meeting()
    row = next(r for r in dashboard.upcoming(D(2030, 1, 2)) if r.meeting == meeting)
    assert (row.deadline, row.days_left, row.state) == (b.DEADLINE, 3, State.DUE_SOON)


def test_on_time_share_counts_meetings_with_every_publication_on_time(officer):
    days = [D(2031, 3, d) for d in (4, 5, 6, 7, 11)]
    on_time, late_supplement, late, cancelled, unpublished = (b.meeting(d) for d in days)
    services.publish_agenda(on_time, actor=officer, now=b.london(2031, 2, 1, 9))
    services.publish_agenda(late_supplement, actor=officer, now=b.london(2031, 2, 1, 9))
    b.paper(late_supplement, "2", "Late report")
    supplements.publish_supplement(late_supplement, actor=officer, now=b.london(2031, 3, 4, 9))
    services.publish_agenda(
        late, actor=officer, late_reason="Not ready", now=b.london(2031, 3, 6, 9)
    )
    cancelled.status = MeetingStatus.CANCELLED
    cancelled.save()
    share = dashboard.on_time_share(D(2031, 3, 1), D(2031, 3, 31))
    assert (share.meetings, share.counted, share.on_time, share.unpublished) == (4, 3, 1, 1)
    assert share.percent == 33
    historical = b.meeting(D(2031, 3, 12))
    record_historical_publication(historical, None, actor=TEST_ACTOR)
    share = dashboard.on_time_share(D(2031, 3, 1), D(2031, 3, 31))
    assert (share.unknown, share.counted) == (1, 3)


def test_dashboard_renders_for_staff(admin_client):
    meeting = b.meeting(authority_today() + dt.timedelta(days=60))
    response = admin_client.get(reverse("admin:publishing_dashboard"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Publication dashboard" in page and "GL01" in page
    assert str(meeting) in page and "On track" in page


def test_dashboard_period_shows_the_share(admin_client, officer):
    meeting = b.meeting(D(2031, 3, 4))
    services.publish_agenda(meeting, actor=officer, now=b.london(2031, 2, 1, 9))
    response = admin_client.get(
        reverse("admin:publishing_dashboard"), {"start": "2031-03-01", "end": "2031-03-31"}
    )
    assert response.status_code == 200
    assert "100% on time" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"start": "not a date"},
        {"start": "2031-02-30"},
        {"end": "99999-01-01"},
        {"start": "2031-03-31", "end": "2031-03-01"},
        {"start": "2031-03-31"},  # after the default "to" (today)
    ],
)
def test_bad_dates_give_a_form_error_not_a_500(admin_client, query):
    response = admin_client.get(reverse("admin:publishing_dashboard"), query)
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode() or "errornote" in (
        response.content.decode()
    )


def test_the_dashboard_is_for_staff_only(client):
    response = client.get(reverse("admin:publishing_dashboard"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_publish_page_publishes_and_explains_refusals(admin_client):
    meeting = b.meeting()
    b.paper(meeting, "2", "Unapproved", approved=False)
    url = reverse("admin:publishing_publish", args=[meeting.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert "is not approved for publication" in page.content.decode()
    refused = admin_client.post(url, {"late_reason": ""})
    assert refused.status_code == 400 and "Nothing was published" in refused.content.decode()
    assert not services.is_published(meeting)
    ok = b.meeting()
    done = admin_client.post(reverse("admin:publishing_publish", args=[ok.pk]), {"late_reason": ""})
    assert done.status_code == 302 and services.is_published(ok)
    again = admin_client.get(reverse("admin:publishing_publish", args=[ok.pk]))
    assert "Publish a supplementary agenda" in again.content.decode()


def test_workflow_actions_in_the_back_office(admin_client):
    (legal,) = b.steps("Legal")
    doc = b.report()
    row = ReportWorkflow.objects.create(document=doc)
    changelist = reverse("admin:publishing_reportworkflow_changelist")
    admin_client.post(changelist, {"action": "submit", "_selected_action": [row.pk], "index": 0})
    assert ReportWorkflow.objects.get(pk=row.pk).state == ReportState.SUBMITTED
    ask = admin_client.post(changelist, {"action": "sign_off", "_selected_action": [row.pk]})
    assert ask.status_code == 200 and "Sign off a clearance step" in ask.content.decode()
    admin_client.post(
        changelist,
        {
            "action": "sign_off",
            "_selected_action": [row.pk],
            "apply": "1",
            "step": legal.pk,
            "comment": "Fine",
        },
    )
    assert ReportWorkflow.objects.get(pk=row.pk).state == ReportState.CLEARED
    blank = admin_client.post(
        changelist,
        {"action": "return_to_draft", "_selected_action": [row.pk], "apply": "1", "reason": ""},
    )
    assert blank.status_code == 200 and "This field is required" in blank.content.decode()
    admin_client.post(changelist, {"action": "approve", "_selected_action": [row.pk], "index": 0})
    assert ReportWorkflow.objects.get(pk=row.pk).state == ReportState.APPROVED
    change = admin_client.get(reverse("admin:publishing_reportworkflow_change", args=[row.pk]))
    assert change.status_code == 200 and "Submission 1: Legal" in change.content.decode()


def test_admin_pages_render(admin_client):
    for name in ["clearancestep", "reportworkflow", "agendapublication", "publicationevent"]:
        assert admin_client.get(reverse(f"admin:publishing_{name}_changelist")).status_code == 200
    log = admin_client.get(reverse("admin:publishing_agendapublication_changelist"))
    assert reverse("admin:publishing_dashboard") in log.content.decode()
    assert admin_client.get(reverse("admin:publishing_reportworkflow_add")).status_code == 200


def test_lists_cost_the_same_few_queries_however_many_rows(
    admin_client, officer, django_assert_max_num_queries
):
    b.steps("Legal", "Finance")
    for n in range(4):
        meeting = b.meeting()
        b.paper(meeting, "2", f"Report {n}")
        services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
    for name in ["reportworkflow", "agendapublication", "publicationevent", "clearancestep"]:
        with django_assert_max_num_queries(12):
            response = admin_client.get(reverse(f"admin:publishing_{name}_changelist"))
        assert response.status_code == 200
    assert (
        "2 of 2"
        in admin_client.get(reverse("admin:publishing_reportworkflow_changelist")).content.decode()
    )
