"""Small vectorised helpers shared by the ranking and the lexical index."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


def concatenated_ranges(starts: npt.NDArray[np.integer], counts: npt.NDArray[np.integer]) -> npt.NDArray[np.int64]:
    """The indices starts[0] .. starts[0] + counts[0] - 1, then those of the next range, and so on,
    as one array built without a Python loop."""
    starts, counts = np.asarray(starts, dtype=np.int64), np.asarray(counts, dtype=np.int64)
    return np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(counts.sum(), dtype=np.int64)
