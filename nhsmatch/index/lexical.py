"""Bm25Index: lexical scores from bm25s (Snowball-stemmed, English stop words), one index per field.

Built when the index is opened: it takes milliseconds for the shipped corpus (and about a second
per 10,000 records), so it needs no files of its own.

Queries are tokenized and scored here rather than by `bm25s.tokenize` and `BM25.get_scores`, with
the same rules and the same index: those take a progress bar's global lock per call (which
serialises concurrent requests) and add each query term's postings in a Python loop.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from ..matcher.arrays import concatenated_ranges

TOKEN = re.compile(r"(?u)\b\w\w+\b")  # bm25s's (and scikit-learn's) default token pattern


class Bm25Index:
    def __init__(self, texts_by_field: Mapping[str, Sequence[str]]) -> None:
        import bm25s
        import Stemmer
        from bm25s.stopwords import STOPWORDS_EN

        logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets DEBUG when imported
        self._stemmer = Stemmer.Stemmer("english")
        self._stopwords = frozenset(STOPWORDS_EN)
        self._indexes: dict[str, Any] = {}
        for field, texts in texts_by_field.items():
            index = bm25s.BM25(k1=1.2, b=0.75)
            tokens = bm25s.tokenize(list(texts), stopwords="en", stemmer=self._stemmer, show_progress=False)
            index.index(tokens, show_progress=False)
            self._indexes[field] = index

    def query_tokens(self, query: str) -> list[str]:
        """What bm25s.tokenize makes of a text: lower-cased words of 2+ characters, stop words
        dropped, stemmed."""
        words = [w for w in TOKEN.findall(query.lower()) if w not in self._stopwords]
        return self._stemmer.stemWords(words)

    def scores(self, query: str) -> npt.NDArray[np.float32]:
        """Per record: each field's BM25 divided by that field's best, averaged; 0..1."""
        tokens = self.query_tokens(query)
        total: npt.NDArray[np.float32] | None = None
        for index in self._indexes.values():
            field_scores = _bm25(index, tokens)
            best = field_scores.max(initial=0.0)
            field_scores = field_scores / best if best > 0 else np.zeros_like(field_scores)
            total = field_scores if total is None else total + field_scores
        assert total is not None
        return total / len(self._indexes)


def _bm25(index: Any, tokens: list[str]) -> npt.NDArray[np.float32]:
    """The sum of each query token's precomputed BM25 postings (a token repeated counts again),
    gathered in one vectorised step from bm25s's compressed sparse columns."""
    vocabulary, matrix = index.vocab_dict, index.scores
    ids = np.array([vocabulary[t] for t in tokens if t in vocabulary], dtype=np.int64)
    starts = matrix["indptr"][ids]
    positions = concatenated_ranges(starts, matrix["indptr"][ids + 1] - starts)  # every posting of every token
    summed = np.bincount(matrix["indices"][positions], weights=matrix["data"][positions], minlength=matrix["num_docs"])
    return summed.astype(np.float32)
