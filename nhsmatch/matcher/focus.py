"""A long challenge's vector, leaning towards the sentences that say what the problem is.

The model reads at most so many word pieces of one text (the bundled one 256, about 1,200
characters), so a long challenge is read sentence by sentence. Long ones are mostly background:
leaders often say who they are before what is wrong ("Our ICS serves 1.4 million people across four
places ..."), and the model reads every word alike, so background pulls the vector towards records
with background like it. A sentence about the problem has a few clearly closest records; one about
the asker's organisation is about as close to many. So each sentence is weighted by its words times
its *specificity* (its best record's cosine minus its SPECIFICITY_RANK-th best), relative to the
challenge's most specific sentence and raised to a power (`Ranking.focus_sharpness`). The plain
mean of the sentences' vectors, weighted by words, keeps a share (`Ranking.focus_whole_share`), so
that a challenge whose every sentence is about the problem reads much as its whole text would.
That mean stands in for the whole text's vector, which the model cannot give: on the dev
set the two rank alike. README, *background about the asker*, has the measurements.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from .interfaces import Vectors

SPECIFICITY_RANK = 21


def specificity(similarities: npt.NDArray[np.float32], rows: npt.NDArray[np.int64]) -> npt.NDArray[np.float32]:
    """Per sentence: its best record's cosine minus its last one's, from a vector store's answer for
    each sentence (cosines best first; row -1 where it found fewer records than asked)."""
    found = rows >= 0
    last = np.where(found, similarities, np.inf).min(axis=1, initial=np.inf)
    best = np.where(found, similarities, -np.inf).max(axis=1, initial=-np.inf)
    return np.asarray(np.where(found.any(axis=1), best - last, 0.0), dtype=np.float32)


def focused_vector(
    sentences: Sequence[str],
    sentence_vectors: Vectors,
    sentence_specificity: npt.NDArray[np.float32],
    *,
    sharpness: float,
    whole_share: float,
) -> Vectors:
    """The sentences' vectors weighted by words (`whole_share` of it) and by words x relative
    specificity ** sharpness (the rest); unit length."""
    words = np.array([len(sentence.split()) for sentence in sentences], dtype=np.float32)
    relative = np.ones_like(words)
    most = float(sentence_specificity.max(initial=0.0))
    if most > 0:  # a corpus of one record gives every sentence 0: weigh by words alone
        relative = np.maximum(sentence_specificity / most, 1e-3) ** sharpness
    vectors = np.asarray(sentence_vectors)
    mixed = whole_share * _unit(words @ vectors) + (1 - whole_share) * _unit((words * relative) @ vectors)
    return _unit(mixed)


def _unit(vector: npt.NDArray[np.float32]) -> Vectors:
    return np.asarray(vector / np.linalg.norm(vector), dtype=np.float32)
