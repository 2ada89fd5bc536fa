"""What the matcher needs from the outside world, not how it is done (index/ has the adapters)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]
Span = tuple[int, int]  # character offsets [start, end) of a part of a text; the end is not whitespace


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors, so inner product is cosine similarity."""

    model_id: str
    dimension: int

    def encode(self, texts: list[str], show_progress: bool = False) -> Vectors: ...

    def encode_spans(self, texts: list[str], spans: Sequence[Sequence[Span]]) -> list[Vectors]:
        """Per text, from one model pass: its vector (what `encode` gives), then a row per span,
        the mean of the span's token vectors (unit length; zero for a span past the model's token
        limit). The vectors of the sentences of a challenge as read in its context."""
        ...


class VectorStore(Protocol):
    """Nearest neighbours by inner product over the rows it was built from."""

    def search(
        self, queries: Vectors, top_k: int, allowed_rows: npt.NDArray[np.int64] | None = None
    ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]:
        """Scores and row numbers, best first; rows are -1 where fewer than top_k exist."""
        ...

    def __len__(self) -> int: ...


class LexicalScorer(Protocol):
    """Lexical relevance of every record to a query, in corpus order, each in 0..1."""

    def scores(self, query: str) -> npt.NDArray[np.float32]: ...

    def weighted_scores(self, parts: Sequence[tuple[str, float]]) -> npt.NDArray[np.float32]:
        """As `scores` for the parts' texts together, each part's words counting `weight` times."""
        ...
