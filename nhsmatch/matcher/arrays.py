"""Small vectorised helpers shared by the ranking and the lexical index."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


def concatenated_ranges(starts: npt.NDArray[np.integer], counts: npt.NDArray[np.integer]) -> npt.NDArray[np.int64]:
    """The indices starts[0] .. starts[0] + counts[0] - 1, then those of the next range, and so on,
    as one array built without a Python loop."""
    starts, counts = np.asarray(starts, dtype=np.int64), np.asarray(counts, dtype=np.int64)
    return np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(counts.sum(), dtype=np.int64)


def best_first(values: npt.NDArray[np.floating], k: int) -> npt.NDArray[np.int64]:
    """np.argsort(-values, kind="stable")[:k]: the k largest, largest first, ties in index order,
    sorting only those that can be among them (a full sort of 10,000 scores takes 0.6 ms)."""
    if len(values) > k:
        kth_largest = -np.partition(-values, k - 1)[k - 1]
        contenders = np.flatnonzero(values >= kth_largest)  # every tie at the edge, in index order
        return contenders[np.argsort(-values[contenders], kind="stable")[:k]].astype(np.int64)
    return np.argsort(-values, kind="stable").astype(np.int64)
