"""Vectors of parts of a text from the model's one pass over the whole (the challenge's sentences).

The model's vector of a text is the mean of its token vectors; the mean of the tokens inside one
sentence is that sentence's vector as read in its context. Reading the sentences this way costs
nothing beyond the pass the whole text needs, where encoding each sentence alone costs a third more
model time (README, *background about the asker*).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from ..matcher.interfaces import Span, Vectors


def pool_spans(tokens: Vectors, offsets: npt.NDArray[np.int64], spans: Sequence[Span]) -> Vectors:
    """Each span's unit-length mean of the token vectors inside it, from one text's token vectors
    and their character offsets (special and padding tokens have empty offsets). A span the model
    did not read to its end, because the text was cut at its token limit, gets a zero row."""
    offsets = np.asarray(offsets).reshape(-1, 2)
    bounds = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
    real = offsets[:, 1] > offsets[:, 0]
    inside = real & (offsets[:, 0] >= bounds[:, :1]) & (offsets[:, 1] <= bounds[:, 1:])  # spans x tokens
    sums = inside.astype(np.float32) @ tokens[: len(offsets)]  # one product: this runs per request
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    read = (bounds[:, 1:] <= offsets[real, 1].max(initial=0)) & (norms > 0)
    return np.asarray(np.where(read, sums / np.where(read, norms, 1), 0), dtype=np.float32)
