"""The pack's pagination rules, checked for every shape of pack hypothesis can think of."""

from hypothesis import given
from hypothesis import strategies as st

from papers.pack.layout import lay_out


def test_the_seed_pack_of_15_september_2017():
    # Front sheet of 5 pages (the seed's first paper starts at 7), then the papers' lengths.
    layout = lay_out(5, [6, 4, 14, 6, 28, 34, 14, 32, 4, 4, 18])
    assert [(p.first, p.last) for p in layout.papers] == [
        (7, 12),
        (13, 16),
        (17, 30),
        (31, 36),
        (37, 64),
        (65, 98),
        (99, 112),
        (113, 144),
        (145, 148),
        (149, 152),
        (153, 170),
    ]
    assert layout.blanks == (6,)
    assert layout.total == 170


def test_odd_length_papers_are_followed_by_a_blank_page():
    layout = lay_out(4, [3, 1, 2])
    assert [(p.first, p.last) for p in layout.papers] == [(5, 7), (9, 9), (11, 12)]
    assert layout.blanks == (8, 10)
    assert layout.total == 12


@given(front=st.integers(1, 12), papers=st.lists(st.integers(1, 60), max_size=30))
def test_rules_hold_for_any_pack(front, papers):
    layout = lay_out(front, papers)
    used = set(range(1, front + 1)) | set(layout.blanks)
    previous_end = front
    for placed, length in zip(layout.papers, papers, strict=True):
        assert placed.first % 2 == 1, "every paper starts on an odd page"
        assert placed.last - placed.first + 1 == length
        # Only a single blank page, and only when needed, separates papers.
        gap = placed.first - previous_end - 1
        assert gap == (1 if previous_end % 2 == 1 else 0)
        assert (gap == 1) == (previous_end + 1 in layout.blanks)
        used |= set(range(placed.first, placed.last + 1))
        previous_end = placed.last
    assert layout.total % 2 == 0
    assert used == set(range(1, layout.total + 1)), "no page missing, none twice"
    assert len(used) == front + sum(papers) + len(layout.blanks)
