"""``moot demo`` queues the published meetings' agenda packs for the task worker (demo/packs.py),
once; the meeting page says a queued pack is being prepared, and links it once built.

The session's demo council is loaded with ``--no-packs`` (conftest.py), so here a run of
``moot demo`` is the first to queue packs.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from meetings.models import Meeting
from papers.models import AgendaPack, ItemPaper, PackKind, PackStatus
from papers.tasks import build_pack_task
from publishing.state import published_exists
from website.tests.helpers import text

pytestmark = pytest.mark.django_db

PREPARING = "The agenda pack is being prepared"


def published() -> list[Meeting]:
    return list(Meeting.objects.filter(published_exists()))


def test_moot_demo_queues_each_published_meetings_packs_once(
    django_capture_on_commit_callbacks, capsys
):
    assert not AgendaPack.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo", verbosity=1)
    assert "No pack queued" not in capsys.readouterr().err
    meetings = published()
    assert len(meetings) >= 3
    for meeting in meetings:
        for kind in (PackKind.PUBLIC, PackKind.MEMBERS):
            pack = AgendaPack.objects.get(meeting=meeting, kind=kind, supplement=0)
            assert pack.status == PackStatus.QUEUED and not pack.file
            # Queued for the worker, not built here.
            task = DBTaskResult.objects.get(args_kwargs__args=[pack.pk])
            assert task.task_path.endswith("build_pack_task")
    assert AgendaPack.objects.count() == 2 * len(meetings)
    pr = AgendaPack.objects.get(
        meeting__body__name="Policy and Resources Cabinet Committee",
        meeting__date=dt.date(2017, 9, 15),
        kind=PackKind.PUBLIC,
    )
    assert pr.dispatch_date == dt.date(2017, 9, 7)  # the agenda's dispatch date, not today

    packs, tasks = AgendaPack.objects.count(), DBTaskResult.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo", verbosity=0)
    assert (AgendaPack.objects.count(), DBTaskResult.objects.count()) == (packs, tasks)


def test_the_meeting_page_says_a_queued_pack_is_being_prepared_then_links_it(
    client, django_capture_on_commit_callbacks
):
    from demo.loader import ACTOR
    from demo.packs import queue_packs

    # The published meeting with the fewest papers builds quickest.
    meeting = min(
        published(), key=lambda m: (ItemPaper.objects.filter(item__meeting=m).count(), m.pk)
    )
    assert PREPARING not in text(client.get(meeting.get_absolute_url()))
    with django_capture_on_commit_callbacks(execute=True):
        queue_packs(ACTOR)
    pack = AgendaPack.objects.get(meeting=meeting, kind=PackKind.PUBLIC, supplement=0)
    response = client.get(meeting.get_absolute_url())
    content = response.content.decode()
    assert f'<div class="govuk-inset-text">{PREPARING}.' in content
    assert "agenda-reports-pack.pdf" not in content

    build_pack_task.call(pack.pk)  # what the worker runs
    pack.refresh_from_db()
    assert pack.status == PackStatus.BUILT and pack.file
    response = client.get(meeting.get_absolute_url())
    content = response.content.decode()
    assert PREPARING not in content
    assert f'href="/meetings/{meeting.pk}/{meeting.slug}/agenda-reports-pack.pdf"' in content
    assert (
        client.get(f"/meetings/{meeting.pk}/{meeting.slug}/agenda-reports-pack.pdf").status_code
        == 200
    )
