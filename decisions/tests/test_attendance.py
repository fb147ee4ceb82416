"""Attendance statistics on member pages, from published minutes only."""

import datetime as dt
import re

import pytest

from audit.testing import TEST_ACTOR
from council import services as council
from council.models import Membership, Role
from moot import testing as t
from proceedings.attendance import record_attendance
from proceedings.minutes import add_minute
from proceedings.models import MinutesRecord, MinutesStatus
from website.queries.attendance import attendance_stats

from .builders import DEC_10, council_meeting, person, publish

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return response.content.decode()


def county_council_row(page: str) -> list[int]:
    row = re.search(r">County Council</a></th>(.*?)</tr>", page, re.S).group(1)
    return [int(n) for n in re.findall(r">(\d+)</td>", row)]


def test_a_member_present(client, published):
    stats = attendance_stats(person("r-a-marsh"))
    assert (
        stats.overall.expected,
        stats.overall.present,
        stats.overall.apologies,
        stats.overall.absent,
        stats.overall.substitute,
    ) == (1, 1, 0, 0, 0)
    page = text(client.get("/members/r-a-marsh/"))
    assert "Mr R A Marsh was expected at 1 meeting and was present at 1 (100%)." in page
    assert county_council_row(page) == [1, 1, 0, 0, 0]  # expected, present, apologies, absent, sub
    assert "How these figures are worked out" in page


def test_a_member_who_sent_apologies(client, published):
    page = text(client.get("/members/baldock/"))
    assert (
        "Mr Baldock was expected at 1 meeting and was present at 0 (0%), sent apologies "
        "for 1." in page
    )
    assert county_council_row(page) == [1, 0, 1, 0, 0]


def test_unpublished_attendance_does_not_count(client, published):
    later = council_meeting(DEC_10)
    record_attendance(later, person("r-a-marsh"), "present", actor=TEST_ACTOR)
    record_attendance(later, person("baldock"), "absent", actor=TEST_ACTOR)
    add_minute(later, "Apologies", actor=TEST_ACTOR)
    assert attendance_stats(person("baldock")).overall.expected == 1  # draft: not counted
    publish(later)
    stats = attendance_stats(person("baldock"))
    assert (stats.overall.expected, stats.overall.apologies, stats.overall.absent) == (2, 1, 1)
    assert "and was absent without apologies from 1" in text(client.get("/members/baldock/"))
    assert attendance_stats(person("r-a-marsh")).overall.present == 2
    MinutesRecord.objects.filter(meeting=council_meeting()).update(status=MinutesStatus.DRAFT)
    assert attendance_stats(person("r-a-marsh")).overall.present == 1


def test_substitutes_and_several_bodies(client, published):
    body = t.body("Test Scrutiny Committee", seats=3)
    start = dt.date(2015, 5, 1)
    marsh, allen, sub = person("r-a-marsh"), person("baldock"), t.person("Substitute")
    for p in (marsh, allen):
        council.save_membership(
            Membership(body=body, person=p, role=Role.MEMBER, start=start), actor=TEST_ACTOR
        )
    first = t.meeting(body, dt.date(2015, 11, 3))
    record_attendance(first, marsh, "present", actor=TEST_ACTOR)
    record_attendance(first, sub, "present", substitute_for=allen, actor=TEST_ACTOR)
    add_minute(first, "Apologies", actor=TEST_ACTOR)
    publish(first)
    second = t.meeting(body, dt.date(2015, 12, 1))
    record_attendance(second, marsh, "apologies", actor=TEST_ACTOR)
    record_attendance(second, allen, "present", actor=TEST_ACTOR)
    add_minute(second, "Apologies", actor=TEST_ACTOR)
    publish(second)
    s = attendance_stats(sub)
    assert (s.overall.expected, s.overall.substitute) == (0, 1)
    page = text(client.get(f"/members/{sub.slug}/"))
    assert "attended 1 meeting as a substitute for another member" in page
    m = attendance_stats(marsh)
    assert (m.overall.expected, m.overall.present, m.overall.apologies) == (3, 2, 1)
    by_body = {t.body.name: (t.expected, t.present, t.apologies) for t in m.bodies}
    assert by_body == {"County Council": (1, 1, 0), "Test Scrutiny Committee": (2, 1, 1)}
    a = attendance_stats(allen)
    # Not listed at the first meeting, where a substitute sat for him: apologies.
    assert (a.overall.expected, a.overall.present, a.overall.apologies, a.overall.not_recorded) == (
        3,
        1,
        2,
        0,
    )
    page = text(client.get("/members/r-a-marsh/"))
    assert "All bodies" in page and "Test Scrutiny Committee" in page
