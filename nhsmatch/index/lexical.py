"""Bm25Index: lexical scores from bm25s (Snowball-stemmed, English stop words), one index per field.

Built when the index is opened: it takes milliseconds for the shipped corpus (and about a second
per 10,000 records), so it needs no files of its own.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt


class Bm25Index:
    def __init__(self, texts_by_field: Mapping[str, Sequence[str]]) -> None:
        import bm25s
        import Stemmer

        logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets DEBUG when imported
        self._bm25s: Any = bm25s
        self._stemmer = Stemmer.Stemmer("english")
        self._indexes: dict[str, Any] = {}
        for field, texts in texts_by_field.items():
            index = bm25s.BM25(k1=1.2, b=0.75)
            index.index(self._tokenize(list(texts)), show_progress=False)
            self._indexes[field] = index

    def _tokenize(self, texts: list[str]) -> Any:
        return self._bm25s.tokenize(texts, stopwords="en", stemmer=self._stemmer, show_progress=False)

    def scores(self, query: str) -> npt.NDArray[np.float32]:
        """Per record: each field's BM25 divided by that field's best, averaged; 0..1."""
        tokens = self._bm25s.tokenize(
            [query], stopwords="en", stemmer=self._stemmer, show_progress=False, return_ids=False
        )[0]
        total: npt.NDArray[np.float32] | None = None
        for index in self._indexes.values():
            known = [t for t in tokens if t in index.vocab_dict]
            field_scores = np.asarray(index.get_scores(known), dtype=np.float32) if known else None
            if field_scores is None or field_scores.max() <= 0:
                field_scores = np.zeros(index.scores["num_docs"], dtype=np.float32)
            else:
                field_scores = field_scores / field_scores.max()
            total = field_scores if total is None else total + field_scores
        assert total is not None
        return total / len(self._indexes)
