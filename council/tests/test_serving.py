"""Who serves on a body on a day (council/serving.py): the one-at-a-time answer
(``serving_members``) and the whole-period one (``ServingRecord``) agree."""

import datetime as dt

import pytest

from council.models import Body, BodyKind
from council.serving import ServingRecord, serving_members

pytestmark = pytest.mark.django_db


def test_the_record_of_a_period_agrees_with_each_day_s_members(django_assert_max_num_queries):
    bodies = list(Body.objects.filter(memberships__isnull=False).distinct().order_by("pk")[:8])
    bodies += list(Body.objects.filter(kind=BodyKind.COUNCIL))
    days = [dt.date(2013, 5, 1) + dt.timedelta(days=97 * n) for n in range(18)]
    with django_assert_max_num_queries(2):
        record = ServingRecord(bodies, days[0], days[-1])
    checked = 0
    for body in bodies:
        for day in days:
            expected = set(serving_members(body, day))
            assert set(record.members(body, day)) == expected, (body, day)
            checked += bool(expected)
    assert checked > 20, "the demo's memberships were not found"
