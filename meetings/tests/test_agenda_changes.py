"""The agenda builder's services (``meetings.agenda``): each change places the item, renumbers
the agenda, is audited, and is refused in plain words (nothing written) when not allowed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from meetings import agenda as changes
from meetings.models import AgendaItem, Meeting
from moot import testing as t
from papers import services as papers
from papers.models import Document

pytestmark = pytest.mark.django_db


def agenda(meeting: Meeting) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in meeting.items.order_by("order")]


@pytest.fixture
def meeting():
    m = t.meeting(t.body("Builder Committee"), dt.date(2030, 5, 1))
    t.agenda_template(
        m.body,
        ("opening", "Apologies", "apologies"),
        ("closing", "Urgent business", "urgent_business"),
        ("exempt", "Exclusion of the press and public", "procedural"),
    )
    from meetings.agenda_templates import apply_template

    apply_template(m, actor=TEST_ACTOR)
    return m


def add(meeting, title, **fields) -> AgendaItem:
    return changes.add_item(AgendaItem(meeting=meeting, title=title, **fields), actor=TEST_ACTOR)


def test_new_business_goes_before_the_closing_items_and_exempt_business_last(meeting):
    add(meeting, "Budget")
    add(meeting, "Depot sale", part="exempt", exempt_paragraph=3)
    add(meeting, "Highways")
    assert agenda(meeting) == [
        ("1", "Apologies"),
        ("2", "Budget"),
        ("3", "Highways"),
        ("4", "Urgent business"),
        ("5", "Exclusion of the press and public"),
        ("6", "Depot sale"),
    ]
    assert AuditEntry.objects.filter(event="meetings.agenda_item_added").count() == 3


def test_a_sub_item_follows_its_items_last_sub_item(meeting):
    budget = add(meeting, "Budget")
    add(meeting, "Highways")
    add(meeting, "Revenue", parent=budget)
    capital = add(meeting, "Capital", parent=budget)
    add(meeting, "Schemes", parent=capital)
    assert agenda(meeting)[1:6] == [
        ("2", "Budget"),
        ("2(a)", "Revenue"),
        ("2(b)", "Capital"),
        ("2(b)(i)", "Schemes"),
        ("3", "Highways"),
    ]


def test_moving_takes_the_sub_items_along_and_renumbers(meeting):
    budget = add(meeting, "Budget")
    add(meeting, "Revenue", parent=budget)
    add(meeting, "Highways")
    changes.move_item(budget, "down", actor=TEST_ACTOR)
    assert agenda(meeting)[:5] == [
        ("1", "Apologies"),
        ("2", "Highways"),
        ("3", "Budget"),
        ("3(a)", "Revenue"),
        ("4", "Urgent business"),
    ]
    events = set(AuditEntry.objects.values_list("event", flat=True))
    assert {"meetings.agenda_reordered", "meetings.agenda_renumbered"} <= events


def test_the_first_cannot_go_up_nor_the_last_down(meeting):
    first = meeting.items.get(title="Apologies")
    last = meeting.items.get(title="Exclusion of the press and public")
    only = add(meeting, "Revenue", parent=add(meeting, "Budget"))
    for item, direction, message in [
        (first, "up", "“Apologies” is already the first item on the agenda."),
        (last, "down", "“Exclusion of the press and public” is already the last item on"),
        (only, "down", "“Revenue” is already the last sub-item of its item."),
        (first, "sideways", "Move an item up or down."),
    ]:
        with t.writes_nothing(), pytest.raises(ValidationError) as refused:
            changes.move_item(item, direction, actor=TEST_ACTOR)
        assert message in refused.value.messages[0]


def test_a_new_parent_makes_it_the_last_sub_item_and_none_puts_it_after(meeting):
    budget = add(meeting, "Budget")
    add(meeting, "Revenue", parent=budget)
    highways = add(meeting, "Highways")
    highways.parent = budget
    highways.title = "Highways capital"
    changes.change_item(highways, actor=TEST_ACTOR)
    assert agenda(meeting)[1:4] == [
        ("2", "Budget"),
        ("2(a)", "Revenue"),
        ("2(b)", "Highways capital"),
    ]
    revenue = meeting.items.get(title="Revenue")
    revenue.parent = None
    changes.change_item(revenue, actor=TEST_ACTOR)
    assert agenda(meeting)[1:5] == [
        ("2", "Budget"),
        ("2(a)", "Highways capital"),
        ("3", "Revenue"),
        ("4", "Urgent business"),
    ]


def test_nesting_too_deep_or_under_itself_is_refused(meeting):
    a = add(meeting, "A")
    b = add(meeting, "B", parent=a)
    c = add(meeting, "C", parent=b)
    other = add(meeting, "Other")
    numbers = agenda(meeting)
    for item, parent, message in [
        (a, c, "cannot be a sub-item of itself"),
        (a, other, "Its own sub-items would then be nested more than 2 levels"),
        (other, c, "nested at most 2 levels"),
    ]:
        item.parent = parent
        with t.writes_nothing(), pytest.raises(ValidationError) as refused:
            changes.change_item(item, actor=TEST_ACTOR)
        assert message in " ".join(refused.value.messages)
        item.refresh_from_db()
    assert agenda(meeting) == numbers


def test_removing_renumbers_and_refuses_an_item_with_sub_items_or_papers(
    meeting, settings, tmp_path
):
    settings.PRIVATE_ROOT = tmp_path
    budget = add(meeting, "Budget")
    revenue = add(meeting, "Revenue", parent=budget)
    highways = add(meeting, "Highways")
    doc = papers.save_document(Document(title="Highways report"), actor=TEST_ACTOR)
    papers.attach(highways, doc, actor=TEST_ACTOR)
    for item, message in [
        (budget, "Item 2 “Budget” has sub-items: remove them or move them"),
        (highways, "Item 3 “Highways” cannot be removed while other records refer to it (item"),
    ]:
        with t.writes_nothing(), pytest.raises(ValidationError) as refused:
            changes.remove_item(item, actor=TEST_ACTOR)
        assert message in refused.value.messages[0]
    changes.remove_item(revenue, actor=TEST_ACTOR)
    changes.remove_item(budget, actor=TEST_ACTOR)
    assert agenda(meeting)[:3] == [("1", "Apologies"), ("2", "Highways"), ("3", "Urgent business")]
    assert AuditEntry.objects.filter(event="meetings.agenda_item_removed").count() == 2


def test_renumber_puts_numbers_typed_anyhow_in_order(meeting):
    t.item(meeting, "99", "Typed in the back office", order=15)
    assert changes.renumber(meeting, actor=TEST_ACTOR) == 3  # all but "Apologies"
    assert agenda(meeting) == [
        ("1", "Apologies"),
        ("2", "Typed in the back office"),
        ("3", "Urgent business"),
        ("4", "Exclusion of the press and public"),
    ]
    with t.writes_nothing():
        assert changes.renumber(meeting, actor=TEST_ACTOR) == 0


def test_numbers_too_long_for_the_record_are_refused(meeting):
    for n in range(8):
        add(meeting, f"Report {n}")
    middle = add(meeting, "Middle", parent=add(meeting, "Parent"))  # item 10(a)
    for n in range(7):
        add(meeting, f"Sub {n}", parent=middle)  # up to 10(a)(vii): 10 characters
    numbers = agenda(meeting)
    with t.writes_nothing(), pytest.raises(ValidationError) as refused:
        add(meeting, "One too many", parent=middle)
    assert refused.value.messages == [
        "The agenda would need item numbers longer than 10 characters (10(a)(viii)): put "
        "fewer sub-items under one item."
    ]
    assert agenda(meeting) == numbers


@pytest.mark.parametrize("change", ["add", "change", "move", "remove", "renumber"])
def test_a_published_agenda_is_refused(change):
    meeting = Meeting.objects.get(
        body__slug="policy-and-resources-cabinet-committee", date="2017-09-15"
    )
    item = meeting.items.get(number="6")
    numbers = agenda(meeting)
    run = {
        "add": lambda: add(meeting, "Late report"),
        "change": lambda: changes.change_item(item, actor=TEST_ACTOR),
        "move": lambda: changes.move_item(item, "up", actor=TEST_ACTOR),
        "remove": lambda: changes.remove_item(item, actor=TEST_ACTOR),
        "renumber": lambda: changes.renumber(meeting, actor=TEST_ACTOR),
    }[change]
    with t.writes_nothing(), pytest.raises(ValidationError) as refused:
        run()
    assert "has been published, so you can no longer" in refused.value.messages[0]
    assert "urgent item" in refused.value.messages[0]
    assert agenda(meeting) == numbers
