"""pool_spans: a part of a text's vector from the token vectors of the model's one pass."""

from __future__ import annotations

import numpy as np
import pytest

from nhsmatch.index.span_pooling import pool_spans

# "[CLS] Beds full . Staff short . [SEP] [PAD]": special and padding tokens have empty offsets.
OFFSETS = np.array([[0, 0], [0, 4], [5, 9], [9, 10], [11, 16], [17, 22], [22, 23], [0, 0], [0, 0]])
TOKENS = np.arange(9 * 2, dtype=np.float32).reshape(9, 2) + 1


def test_a_span_is_the_unit_mean_of_the_tokens_inside_it() -> None:
    pooled = pool_spans(TOKENS, OFFSETS, [(0, 10), (11, 23)])
    for row, tokens in enumerate([TOKENS[1:4], TOKENS[4:7]]):
        mean = tokens.mean(axis=0)
        np.testing.assert_allclose(pooled[row], mean / np.linalg.norm(mean), rtol=1e-6)
    assert pooled.dtype == np.float32


def test_a_span_the_model_did_not_read_to_its_end_is_a_zero_row() -> None:
    """The text was cut at the token limit after "Staff": the second sentence was half read."""
    cut = OFFSETS.copy()
    cut[5:] = 0
    pooled = pool_spans(TOKENS, cut, [(0, 10), (11, 23)])
    assert np.linalg.norm(pooled[0]) == pytest.approx(1.0)
    assert not pooled[1].any()
