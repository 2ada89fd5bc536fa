"""The ranking's array helpers against their plain definitions."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nhsmatch.matcher.arrays import best_first, concatenated_ranges

# Few distinct values, so that ties (equal scores) are common.
scores = arrays(np.float64, st.integers(1, 60), elements=st.sampled_from([0.0, 0.25, 0.5, 0.5001, 1.0]))


@given(scores, st.integers(1, 80))
def test_best_first_is_the_head_of_a_stable_descending_sort(values: np.ndarray, k: int) -> None:
    np.testing.assert_array_equal(best_first(values, k), np.argsort(-values, kind="stable")[:k])


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 5)), max_size=10))
def test_concatenated_ranges_lists_every_range_in_order(ranges: list[tuple[int, int]]) -> None:
    starts = np.array([s for s, _ in ranges], dtype=np.int64)
    counts = np.array([c for _, c in ranges], dtype=np.int64)
    expected = [i for s, c in ranges for i in range(s, s + c)]
    assert concatenated_ranges(starts, counts).tolist() == expected
