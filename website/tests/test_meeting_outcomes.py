"""A held meeting's page leads with what happened (its minutes, decisions, votes, attendance
and declarations, each in summary with a link to the detail) and the agenda follows; an
upcoming meeting's page keeps its agenda first. Nothing minuted in closed session shows."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.urls import reverse

from audit.actors import SystemActor
from meetings.models import AgendaItem, ItemKind, Meeting
from moot import testing as t
from proceedings.attendance import record_attendance, record_declaration, remove_nil_declarations
from proceedings.minutes import add_minute, add_resolution
from proceedings.models import Attendance, AttendanceStatus
from proceedings.public import public_resolutions, public_votes, published_meetings
from proceedings.votes import add_motion, record_vote
from summons.testing import CANARY

from .helpers import PR, meeting, publish, text
from .papers_setup import pack
from .publication_setup import cancel, future_meeting
from .test_query_counts import count

pytestmark = pytest.mark.django_db

SEPT_15 = dt.date(2017, 9, 15)
WHAT_HAPPENED = "What happened"
NOT_YET = "Minutes not yet published."


@pytest.fixture
def minuted() -> Meeting:
    """The demo meeting whose minutes are published (as a draft)."""
    return published_meetings().select_related("body").order_by("date").first()


def page(client, m: Meeting) -> tuple[str, str]:
    response = client.get(m.get_absolute_url())
    assert response.status_code == 200
    return text(response), html.unescape(response.content.decode())


def present(m: Meeting) -> list:
    return [
        a.person
        for a in Attendance.objects.filter(meeting=m, status=AttendanceStatus.PRESENT)
        .select_related("person")
        .order_by("order")
    ]


def test_a_held_meeting_leads_with_its_minutes_decisions_and_votes(client, minuted):
    words, content = page(client, minuted)
    minutes_url = reverse("proceedings:minutes", args=[minuted.pk, minuted.slug])
    agenda = content.index('id="agenda"')
    assert content.index(WHAT_HAPPENED) < agenda
    assert content.index(f'href="{minutes_url}"') < agenda
    assert "Draft – unconfirmed" in words
    decisions = list(public_resolutions().filter(minute__meeting=minuted))
    votes = list(public_votes().filter(motion__meeting=minuted))
    assert decisions and votes  # the demo's minutes record both
    for r in decisions:
        link = content.index(f'href="{reverse("decisions:decision", args=[r.pk])}"')
        assert link < agenda
        assert f"{r.minute.number}. {r.minute.title}" in words
        if r.minute.item_id:  # and the item it was on, further down the page
            assert f'href="#{r.minute.item.anchor}"' in content
            assert content.index(f'id="{r.minute.item.anchor}"') > agenda
    for v in votes:
        assert content.index(f'href="{reverse("decisions:vote", args=[v.pk])}"') < agenda
        assert (
            f"For {v.votes_for}, Against {v.votes_against}, Abstain {v.abstentions} – "
            f"{v.get_result_display()}"
        ) in words


def test_attendance_is_counted_with_a_link_to_who_attended(client, minuted):
    words, content = page(client, minuted)
    rows = Attendance.objects.filter(meeting=minuted)
    n_present = rows.filter(status=AttendanceStatus.PRESENT).count()
    n_apologies = rows.filter(status=AttendanceStatus.APOLOGIES).count()
    assert n_present
    assert f"{n_present} present, {n_apologies} sent apologies" in words
    minutes_url = reverse("proceedings:minutes", args=[minuted.pk, minuted.slug])
    assert f'href="{minutes_url}#attendance"' in content
    # The minutes have the anchor, on the list of who was present.
    minutes = client.get(minutes_url).content.decode()
    assert minutes.index('id="attendance"') < minutes.index("PRESENT:")


def test_declarations_are_listed_and_those_on_exempt_business_never(client, minuted):
    words, _ = page(client, minuted)
    assert "No interests were declared." in words  # the demo's minutes say so
    remove_nil_declarations(minuted, actor=SystemActor("test"))
    public_item = (
        minuted.items.filter(parent__isnull=True)
        .exclude(kind=ItemKind.DECLARATIONS)
        .order_by("order")
        .first()
    )
    exempt_item = t.item(
        minuted, "99", f"Property disposal {CANARY}", part="exempt", exempt_paragraph=3
    )
    first, second = present(minuted)[:2]
    record_declaration(
        minuted,
        public_item,
        first,
        "other",
        "A governor of a school",
        "took_part",
        actor=SystemActor("test"),
    )
    record_declaration(
        minuted,
        exempt_item,
        second,
        "other",
        f"Owns {CANARY} shares",
        "left_room",
        actor=SystemActor("test"),
    )
    motion = add_motion(
        minuted,
        "substantive",
        f"That {CANARY} be sold",
        item=exempt_item,
        actor=SystemActor("test"),
    )
    record_vote(motion, "show_of_hands", counts=(5, 1, 0), actor=SystemActor("test"))
    words, content = page(client, minuted)
    summary = content[content.index(WHAT_HAPPENED) : content.index('id="agenda"')]
    assert (
        f"{first.formal_name}: other interest in item {public_item.number}, "
        f"{public_item.title} (took part)"
    ) in text_of(summary)
    assert f'href="#{public_item.anchor}"' in summary
    assert f'href="{first.get_absolute_url()}"' in summary
    assert second.formal_name not in text_of(summary)
    assert CANARY not in summary and "No interests were declared." not in words
    assert reverse("decisions:vote", args=[motion.vote.pk]) not in content


def text_of(fragment: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", fragment)).strip()


def test_a_held_meeting_without_minutes_says_so_above_its_agenda(client):
    m = meeting(PR, SEPT_15)
    words, content = page(client, m)
    assert content.index(WHAT_HAPPENED) < content.index(NOT_YET) < content.index('id="agenda"')
    main = content[content.index("<main") : content.index("</main>")]
    assert "/minutes/" not in main and "/decisions/" not in main and "/votes/" not in main


def test_the_packs_come_before_the_notice_of_the_meeting(client, settings, tmp_path):
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path
    m = publish(meeting(PR, SEPT_15))
    pack(m, pages=3)
    _, content = page(client, m)
    link = content.index('href="' + reverse("website:agenda_pack", args=[m.pk, m.slug]))
    h1_end = content.index("</h1>")
    assert h1_end < link < content.index(WHAT_HAPPENED) < content.index("Webcasting notice")
    assert link < content.index(">Venue<")


def test_an_upcoming_meeting_keeps_its_agenda_first(client):
    m = publish(future_meeting())
    words, content = page(client, m)
    assert WHAT_HAPPENED not in words and NOT_YET not in words
    assert content.index('id="agenda"') < content.index("Webcasting notice")
    assert "Budget Monitoring" in words


def test_a_meeting_that_was_cancelled_does_not_say_what_happened(client):
    m = cancel(meeting(PR, SEPT_15))
    words, _ = page(client, m)
    assert "This meeting has been cancelled." in words
    assert WHAT_HAPPENED not in words


def more_record(m: Meeting, start: int, n: int) -> None:
    """``n`` more decisions (with their votes), declarations and officers in attendance."""
    items = list(
        AgendaItem.objects.filter(meeting=m, parent__isnull=True)
        .exclude(kind=ItemKind.DECLARATIONS)
        .order_by("order")
    )
    for i in range(start, start + n):
        minute = add_minute(m, f"Extra minute {i}", item=items[i], actor=SystemActor("test"))
        motion = add_motion(
            m, "substantive", f"Extra motion {i}", item=items[i], actor=SystemActor("test")
        )
        record_vote(motion, "show_of_hands", counts=(5, i, 0), actor=SystemActor("test"))
        add_resolution(
            minute, "RESOLVED that:", [f"extra {i}"], motion=motion, actor=SystemActor("test")
        )
        record_declaration(
            m,
            items[i],
            present(m)[i],
            "other",
            f"Interest {i}",
            "took_part",
            actor=SystemActor("test"),
        )
        record_attendance(
            m,
            t.person(),
            AttendanceStatus.IN_ATTENDANCE,
            capacity="Officer",
            actor=SystemActor("test"),
        )


def test_the_minuted_meeting_page_queries_do_not_grow_with_its_record(client, minuted):
    remove_nil_declarations(minuted, actor=SystemActor("test"))
    more_record(minuted, 0, 1)
    url = minuted.get_absolute_url()
    before = count(client, url)
    more_record(minuted, 1, 3)
    words, _ = page(client, minuted)
    assert "Extra minute 3" in words and "Extra motion 3" in words
    assert count(client, url) == before
