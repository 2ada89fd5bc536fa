"""FaissStore: inner-product neighbours over L2-normalised vectors.

Exact (flat) search up to HNSW_THRESHOLD vectors, where it is fast enough and needs no tuning;
HNSW beyond it, where exact search grows linearly with the corpus.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ..matcher.errors import IndexNotBuiltError
from ..matcher.interfaces import Vectors

HNSW_THRESHOLD = 50_000
_HNSW_NEIGHBOURS = 32
_HNSW_EF_CONSTRUCTION = 200
_HNSW_EF_SEARCH = 128


def _faiss() -> Any:
    import faiss  # imported on first use: it is not needed to start the web server's routes

    return faiss


class FaissStore:
    def __init__(self, index: Any) -> None:
        self._index = index

    @classmethod
    def build(cls, vectors: Vectors, kind: str | None = None) -> FaissStore:
        faiss = _faiss()
        dimension = vectors.shape[1]
        kind = kind or ("hnsw" if len(vectors) > HNSW_THRESHOLD else "flat")
        if kind == "flat":
            index = faiss.IndexFlatIP(dimension)
        elif kind == "hnsw":
            index = faiss.IndexHNSWFlat(dimension, _HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = _HNSW_EF_CONSTRUCTION
            index.hnsw.efSearch = _HNSW_EF_SEARCH
        else:
            raise ValueError(f"unknown index kind {kind!r}; use 'flat' or 'hnsw'")
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        return cls(index)

    @property
    def kind(self) -> str:
        return "hnsw" if "HNSW" in type(self._index).__name__ else "flat"

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def search(
        self, queries: Vectors, top_k: int, allowed_rows: npt.NDArray[np.int64] | None = None
    ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]:
        faiss = _faiss()
        params = None
        if allowed_rows is not None:
            selector = faiss.IDSelectorBatch(np.ascontiguousarray(allowed_rows, dtype=np.int64))
            params = (
                faiss.SearchParametersHNSW(sel=selector, efSearch=max(_HNSW_EF_SEARCH, top_k))
                if self.kind == "hnsw"
                else faiss.SearchParameters(sel=selector)
            )
        scores, rows = self._index.search(np.ascontiguousarray(queries, dtype=np.float32), top_k, params=params)
        return scores, rows

    def save(self, path: Path) -> None:
        _faiss().write_index(self._index, str(path))

    @classmethod
    def load(cls, path: Path) -> FaissStore:
        try:
            return cls(_faiss().read_index(str(path)))
        except RuntimeError as err:
            raise IndexNotBuiltError(f"Unreadable FAISS index at {path}; run `matcher build`.") from err
