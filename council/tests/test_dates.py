"""The authority's "today" (council/dates.py): a demonstration's own date when it has one,
else the real date in London; the authority row is read once per request."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from audit.actors import SystemActor
from council.dates import authority_now, authority_scope, authority_today
from council.models import Authority
from council.services import set_demonstration_date

pytestmark = pytest.mark.django_db


def test_a_demonstration_date_is_today(monkeypatch):
    set_demonstration_date(dt.date(2016, 2, 29), actor=SystemActor("test"))
    assert authority_today() == dt.date(2016, 2, 29)
    moment = dt.datetime(2026, 7, 1, 14, 30, tzinfo=timezone.get_current_timezone())
    monkeypatch.setattr(timezone, "localtime", lambda: moment)
    # The time of day is real; the day is the demonstration's.
    assert authority_now() == moment.replace(year=2016, month=2, day=29)


def test_a_council_without_one_uses_the_real_date(real_date):
    assert Authority.current().as_at is None
    assert authority_today() == timezone.localdate()
    assert authority_now().date() == timezone.localdate()


def test_no_authority_at_all_uses_the_real_date():
    Authority.objects.all().delete()
    assert authority_today() == timezone.localdate()


def test_within_a_scope_the_authority_is_read_once(django_assert_num_queries):
    with authority_scope(), django_assert_num_queries(1):
        for _ in range(3):
            authority_today()
    with django_assert_num_queries(2):  # outside a scope each call reads it
        authority_today()
        authority_today()


@pytest.mark.parametrize("value", ["2017-09-16", dt.datetime(2017, 9, 16, 10, 0), 20170916])
def test_the_service_refuses_what_is_not_a_date(value):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="must be a date"):
        set_demonstration_date(value, actor=SystemActor("test"))
    assert Authority.current().as_at == dt.date(2017, 9, 16)


def test_the_service_refuses_without_a_council():
    from django.core.exceptions import ValidationError

    Authority.objects.all().delete()
    with pytest.raises(ValidationError, match="no council record"):
        set_demonstration_date(dt.date(2017, 1, 1), actor=SystemActor("test"))


def test_the_municipal_year_runs_from_the_authority_s_start():
    from council.dates import municipal_year_dates, municipal_year_of

    assert municipal_year_of(dt.date(2016, 4, 30)) == 2015
    assert municipal_year_of(dt.date(2016, 5, 1)) == 2016
    assert municipal_year_dates(2016) == (dt.date(2016, 5, 1), dt.date(2017, 4, 30))
    Authority.objects.update(municipal_year_start_month=6, municipal_year_start_day=31)
    # No 31 June: the year starts on the month's last day.
    assert municipal_year_dates(2026) == (dt.date(2026, 6, 30), dt.date(2027, 6, 29))
    assert municipal_year_of(dt.date(2026, 6, 29)) == 2025
    Authority.objects.all().delete()
    assert municipal_year_dates(2026) == (dt.date(2026, 5, 1), dt.date(2027, 4, 30))
