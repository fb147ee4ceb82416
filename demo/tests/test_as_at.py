"""The demo is shown as at a day of its record (``Authority.as_at``, council/dates.py): by
default the day after its last meeting with papers, changed with ``moot demo --as-at``; on
that day every councillor in office has the division and group the packs state."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Max

from audit.models import AuditEntry
from council.dates import authority_today
from council.models import Authority, Person
from demo import kent
from demo.kent import people as P
from meetings.models import Meeting
from website.queries.members import members_index

pytestmark = pytest.mark.django_db

# Councillors the packs show sitting in 2017 only as Cabinet Members, with no group stated
# (004:98, 348–350, 671).
NO_GROUP_STATED_2017 = [
    "Miss S J Carey",
    "Mr E E C Hotson",
    "Mr J D Simmonds, MBE",
    "Mr P J Oakford",
]


def person(printed: str) -> Person:
    return Person.objects.get(slug=kent._slug(kent._fields(printed)))


def test_the_demo_is_shown_as_at_the_day_after_its_last_meeting_with_papers():
    last = Meeting.objects.filter(items__papers__isnull=False).aggregate(d=Max("date"))["d"]
    assert last == dt.date(2017, 9, 15)
    assert Authority.current().as_at == kent.AS_AT == last + dt.timedelta(days=1)
    assert authority_today() == dt.date(2017, 9, 16)


def test_councillors_in_office_have_the_groups_the_packs_state():
    index = members_index()
    assert index.day == kent.AS_AT and index.is_today
    assert len(index.councillors) == len(P.SITTING_2017) == 21
    groups = {c.person.pk: c.group.name if c.group else None for c in index.councillors}
    stated = {person(name).pk: group for name, group in P.GROUPS_2017.items()}
    assert {pk: groups[pk] for pk in stated} == stated
    assert [pk for pk in stated if groups[pk] is None] == []
    # Those the packs name without a group are the only ones not recorded.
    assert {pk for pk, g in groups.items() if g is None} == {
        person(name).pk for name in NO_GROUP_STATED_2017
    }


def test_councillors_have_the_divisions_the_packs_state():
    """No pack states a 2017 division; the select committee's list states 2013–17 ones, and
    on a day of that term every councillor it names has the division it gives."""
    Authority.objects.update(as_at=dt.date(2015, 10, 22))
    divisions = {
        c.person.pk: c.division.name if c.division else None for c in members_index().councillors
    }
    stated = {person(name).pk: division for name, division in P.DIVISIONS_2013.items()}
    assert {pk: divisions[pk] for pk in stated} == stated


def test_as_at_changes_the_date_of_a_loaded_demo_and_off_clears_it():
    call_command("demo", no_packs=True, verbosity=0, as_at="2017-06-17")
    authority = Authority.current()
    assert authority.as_at == dt.date(2017, 6, 17)
    entry = AuditEntry.objects.filter(
        object_id=str(authority.pk), actor_name="moot demo", action=AuditEntry.Action.UPDATE
    ).latest("pk")
    assert entry.changes == {"as_at": ["2017-09-16", "2017-06-17"]}
    call_command("demo", no_packs=True, verbosity=0, as_at="off")
    assert Authority.current().as_at is None
    # Run again without --as-at: an existing council keeps its date (here: none).
    call_command("demo", no_packs=True, verbosity=0)
    assert Authority.current().as_at is None


@pytest.mark.parametrize("value", ["2017-13-01", "16/09/2017", "yesterday", ""])
def test_a_bad_as_at_is_refused_and_nothing_changes(value):
    with pytest.raises(CommandError, match="is not a date: give it as YYYY-MM-DD"):
        call_command("demo", no_packs=True, verbosity=0, as_at=value)
    assert Authority.current().as_at == kent.AS_AT


def test_the_command_says_what_day_the_site_is_shown_as_at(capsys):
    call_command("demo", no_packs=True)
    assert "The site is shown as at Saturday 16 September 2017" in capsys.readouterr().out
