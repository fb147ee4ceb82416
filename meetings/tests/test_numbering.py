"""Agenda numbers from the order of the items (``meetings.numbering``), for any agenda."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from meetings.models import MAX_SUB_ITEM_DEPTH, ItemKind, NumberingStyle
from meetings.numbering import Entry, letters, numbers, roman, tree_order

KINDS = [ItemKind.APOLOGIES, ItemKind.MINUTES, ItemKind.REPORT, ItemKind.PROCEDURAL]


@st.composite
def agendas(draw) -> list[Entry]:
    """Any agenda: items in any order, sub-items up to the depth allowed under earlier ones."""
    size = draw(st.integers(0, 30))
    entries: list[Entry] = []
    depth: dict[int, int] = {}
    for key in range(1, size + 1):
        parents = [e.key for e in entries if depth[e.key] < MAX_SUB_ITEM_DEPTH]
        parent = draw(st.one_of(st.none(), st.sampled_from(parents))) if parents else None
        depth[key] = 0 if parent is None else depth[parent] + 1
        entries.append(
            Entry(
                key=key,
                parent=parent,
                order=draw(st.integers(0, 50)),
                kind=draw(st.sampled_from(KINDS)),
                exempt=draw(st.booleans()),
            )
        )
    return draw(st.permutations(entries))


@given(agendas(), st.sampled_from(list(NumberingStyle)))
def test_every_item_gets_one_number_of_its_own(entries, style):
    found = numbers(entries, style)
    assert set(found) == {e.key for e in entries}
    assert len(set(found.values())) == len(entries)


@given(agendas())
def test_items_are_numbered_one_up_in_order_and_sub_items_after_their_item(entries):
    found = numbers(entries)
    listed = tree_order(entries)
    top = [found[e.key] for e, depth in listed if depth == 0]
    assert top == [str(n) for n in range(1, len(top) + 1)]
    position = {e.key: i for i, (e, _) in enumerate(listed)}
    for e, depth in listed:
        if depth:
            assert found[e.key].startswith(found[e.parent] + "(")
            assert position[e.key] > position[e.parent]
    # The order is the items' order: each level sorted by it.
    for e, _ in listed:
        siblings = [s for s, _ in listed if s.parent == e.parent]
        assert [s.order for s in siblings] == sorted(s.order for s in siblings)


@given(agendas())
def test_sections_run_a_then_b_with_exempt_business_in_c(entries):
    found = numbers(entries, NumberingStyle.SECTIONS)
    top = [(e, found[e.key]) for e, depth in tree_order(entries) if depth == 0]
    for e, number in top:
        assert (number[0] == "C") == e.exempt
    public = [number[0] for e, number in top if not e.exempt]
    assert public == sorted(public)  # every A comes before every B
    for letter in "ABC":
        run = [int(n[1:]) for _, n in top if n[0] == letter]
        assert run == list(range(1, len(run) + 1))


def test_the_seeds_forms():
    agenda = [
        Entry(1, None, 10, ItemKind.APOLOGIES),
        Entry(2, None, 20, ItemKind.MINUTES),
        Entry(3, None, 30),
        Entry(4, 3, 1),
        Entry(5, 3, 2),
        Entry(6, 5, 1),
        Entry(7, None, 40, exempt=True),
    ]
    assert numbers(agenda) == {1: "1", 2: "2", 3: "3", 4: "3(a)", 5: "3(b)", 6: "3(b)(i)", 7: "4"}
    assert numbers(agenda, NumberingStyle.SECTIONS) == {
        1: "A1",
        2: "A2",
        3: "B1",
        4: "B1(a)",
        5: "B1(b)",
        6: "B1(b)(i)",
        7: "C1",
    }


def test_letters_and_numerals():
    assert [letters(n) for n in (1, 2, 26, 27, 52, 53)] == ["a", "b", "z", "aa", "az", "ba"]
    assert [roman(n) for n in (1, 4, 9, 14, 40, 90)] == ["i", "iv", "ix", "xiv", "xl", "xc"]
