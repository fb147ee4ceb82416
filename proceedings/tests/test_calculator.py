"""Properties of the vote-result calculator."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from proceedings.counts import compute_result

n = st.integers(min_value=0, max_value=200)


@given(n, n, n)
def test_simple_majority_ignores_abstentions(f, a, ab):
    if f == a:
        with pytest.raises(ValidationError):
            compute_result(f, a, ab)
        assert compute_result(f, a, ab, casting_vote="for") == "carried"
        assert compute_result(f, a, ab, casting_vote="against") == "lost"
    else:
        expected = "carried" if f > a else "lost"
        assert compute_result(f, a, ab) == expected == compute_result(f, a, 0)
        with pytest.raises(ValidationError):
            compute_result(f, a, ab, casting_vote="for")


@given(n, n, n)
def test_two_thirds_of_voting(f, a, ab):
    result = compute_result(f, a, ab, majority="two_thirds_voting")
    assert result == ("carried" if f > 0 and 3 * f >= 2 * (f + a) else "lost")
    # Carried under two-thirds implies carried under a simple majority, barring ties.
    if result == "carried" and f != a:
        assert compute_result(f, a, ab) == "carried"


@given(n, n, n, st.integers(min_value=1, max_value=300))
def test_two_thirds_of_members(f, a, ab, members):
    result = compute_result(f, a, ab, majority="two_thirds_members", members=members)
    assert result == ("carried" if 3 * f >= 2 * members else "lost")
    with pytest.raises(ValidationError):
        compute_result(f, a, ab, majority="two_thirds_members", members=members, casting_vote="for")


def test_fixed_examples():
    assert compute_result(64, 4, 4) == "carried"
    assert compute_result(62, 3, 1) == "carried"
    assert compute_result(54, 27, 0, majority="two_thirds_voting") == "carried"
    assert compute_result(53, 27, 0, majority="two_thirds_voting") == "lost"
    assert compute_result(56, 0, 0, majority="two_thirds_members", members=84) == "carried"
    assert compute_result(55, 0, 0, majority="two_thirds_members", members=84) == "lost"
