"""Bm25Index: lexical scores from bm25s (Snowball-stemmed, English stop words), one index per field.

Built with the rest of the index and saved in its build directory: tokenizing a large corpus takes
seconds (about 1.5 s per 10,000 records), which a server start should not pay.

Queries are tokenized and scored here rather than by `bm25s.tokenize` and `BM25.get_scores`, with
the same rules and the same index: those take a progress bar's global lock per call (which
serialises concurrent requests) and add each query term's postings in a Python loop.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ..matcher.arrays import concatenated_ranges

TOKEN = re.compile(r"(?u)\b\w\w+\b")  # bm25s's (and scikit-learn's) default token pattern


class Bm25Index:
    """One bm25s index per field; built from texts at index build time and saved beside the
    vectors, so that opening an index loads (memory-maps) it instead of re-tokenizing the corpus."""

    def __init__(self, indexes: Mapping[str, Any]) -> None:
        import Stemmer
        from bm25s.stopwords import STOPWORDS_EN

        self._indexes = dict(indexes)
        self._stemmer = Stemmer.Stemmer("english")
        self._stopwords = frozenset(STOPWORDS_EN)

    @classmethod
    def from_texts(cls, texts_by_field: Mapping[str, Sequence[str]]) -> Bm25Index:
        import Stemmer

        bm25s = _bm25s()
        stemmer = Stemmer.Stemmer("english")
        indexes = {}
        for field, texts in texts_by_field.items():
            index = bm25s.BM25(k1=1.2, b=0.75)
            index.index(
                bm25s.tokenize(list(texts), stopwords="en", stemmer=stemmer, show_progress=False), show_progress=False
            )
            indexes[field] = index
        return cls(indexes)

    def save(self, directory: Path) -> None:
        """Writes each field's index as flat files `lexical-<field>.*` in `directory`."""
        for field, index in self._indexes.items():
            index.save(directory, **_file_names(field), show_progress=False)

    @classmethod
    def load(cls, directory: Path, fields: Sequence[str]) -> Bm25Index:
        bm25s = _bm25s()
        indexes = {}
        for field in fields:
            index = bm25s.BM25.load(directory, **_file_names(field), mmap=True, show_progress=False)
            # Plain ndarray views of the maps: np.memmap's subclass hooks cost microseconds per lookup.
            index.scores = {k: np.asarray(v) if isinstance(v, np.ndarray) else v for k, v in index.scores.items()}
            indexes[field] = index
        return cls(indexes)

    def query_tokens(self, query: str) -> list[str]:
        """What bm25s.tokenize makes of a text: lower-cased words of 2+ characters, stop words
        dropped, stemmed."""
        words = [w for w in TOKEN.findall(query.lower()) if w not in self._stopwords]
        return self._stemmer.stemWords(words)

    def scores(self, query: str) -> npt.NDArray[np.float32]:
        """Per record: each field's BM25 divided by that field's best, averaged; 0..1."""
        return self.weighted_scores([(query, 1.0)])

    def weighted_scores(self, parts: Sequence[tuple[str, float]]) -> npt.NDArray[np.float32]:
        """As `scores` for the parts' texts together, each part's tokens counting `weight` times
        (a sentence about the asker less than one about the problem: matcher/background.py)."""
        tokenized = [(self.query_tokens(text), weight) for text, weight in parts if weight > 0]
        tokens = [token for part, _ in tokenized for token in part]
        weights = [weight for part, weight in tokenized for _ in part]
        total: npt.NDArray[np.float32] | None = None
        for index in self._indexes.values():
            field_scores = _bm25(index, tokens, weights)
            best = field_scores.max(initial=0.0)
            field_scores = field_scores / best if best > 0 else np.zeros_like(field_scores)
            total = field_scores if total is None else total + field_scores
        assert total is not None
        return total / len(self._indexes)


def _bm25s() -> Any:
    """The bm25s module, imported late (it is slow to import) and kept quiet."""
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets DEBUG when imported
    return bm25s


def _file_names(field: str) -> dict[str, str]:
    prefix = f"lexical-{field}"
    return {
        "data_name": f"{prefix}.data.npy",
        "indices_name": f"{prefix}.indices.npy",
        "indptr_name": f"{prefix}.indptr.npy",
        "vocab_name": f"{prefix}.vocab.json",
        "params_name": f"{prefix}.params.json",
        "nnoc_name": f"{prefix}.nonoccurrence.npy",
    }


def _bm25(index: Any, tokens: list[str], weights: list[float]) -> npt.NDArray[np.float32]:
    """The sum of each query token's precomputed BM25 postings times its weight (a token repeated
    counts again), gathered in one vectorised step from bm25s's compressed sparse columns."""
    vocabulary, matrix = index.vocab_dict, index.scores
    known = [(vocabulary[t], w) for t, w in zip(tokens, weights, strict=True) if t in vocabulary]
    ids = np.array([i for i, _ in known], dtype=np.int64)
    starts = matrix["indptr"][ids]
    counts = matrix["indptr"][ids + 1] - starts
    positions = concatenated_ranges(starts, counts)  # every posting of every token
    scores = matrix["data"][positions]
    if any(w != 1.0 for _, w in known):
        scores = scores * np.repeat(np.array([w for _, w in known], dtype=np.float32), counts)
    summed = np.bincount(matrix["indices"][positions], weights=scores, minlength=matrix["num_docs"])
    return summed.astype(np.float32)
