"""A challenge's vector, leaning towards the sentences that say what the problem is.

Leaders often say who they are before what is wrong ("Our ICS serves 1.4 million people across four
places ..."), and the model reads every word alike, so background pulls the vector towards records
with background like it. A sentence about the problem has a few clearly closest records; one about
the asker's organisation is about as close to many. So each sentence is weighted by its words times
its *specificity* (its best record's cosine minus its SPECIFICITY_RANK-th best), relative to the
challenge's most specific sentence and raised to a power (`Ranking.focus_sharpness`); specificity
alone does not tell a description of the asker's organisation from a problem, so it is first
multiplied by each sentence's weight as one about the problem (background.py). The whole
challenge's vector keeps a share (`Ranking.focus_whole_share`), so that a challenge whose every
sentence is about the problem reads much as it would without focus; the background's share of it
is taken out first (`whole_less_background`), or it would come back in full through the whole.

The sentences' vectors are pooled from the model's one pass over the whole challenge
(index/span_pooling.py), which costs little more than no focus. A sentence read so has attended to
the whole challenge, background included, so part of the whole's vector is taken from it
(`apart_from_context`). A long challenge (`Ranking.focus_alone_above_chars`), whose background would
colour every sentence, or one longer than the model reads in one pass (the bundled one: 256 word
pieces, about 1,200 characters), has its sentences encoded one by one instead, and the mean of
their vectors, weighted by words, stands in for the whole challenge's. README, *background about
the asker*, has the measurements.
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


def apart_from_context(sentence_vectors: Vectors, whole: Vectors, removal: float) -> Vectors:
    """Sentences' vectors read in context, each less `removal` x the whole text's vector; unit length."""
    apart = np.asarray(sentence_vectors) - removal * np.asarray(whole)
    return np.asarray(apart / np.linalg.norm(apart, axis=1, keepdims=True), dtype=np.float32)


def whole_less_background(
    whole: Vectors | None, sentences: Sequence[str], sentence_vectors: Vectors, weights: npt.NDArray[np.float32]
) -> Vectors:
    """The whole challenge's vector with each sentence's share of it (by words) taken away as far
    as the sentence counts less than fully (background.py); unit length. `sentence_vectors` are the
    sentences as the whole was read: pooled from its one pass, or, with `whole` None (a long
    challenge, whose whole is the sentences' mean weighted by words), encoded alone."""
    words = _words(sentences)
    vectors = np.asarray(sentence_vectors)
    if whole is None:
        return _unit((words * weights) @ vectors)
    return _unit(np.asarray(whole) - ((1 - weights) * words / words.sum()) @ vectors)


def focused_vector(
    sentences: Sequence[str],
    sentence_vectors: Vectors,
    sentence_specificity: npt.NDArray[np.float32],
    *,
    whole: Vectors | None,
    sharpness: float,
    whole_share: float,
) -> Vectors:
    """The whole challenge's vector (`whole_share` of it; None: the sentences' mean weighted by
    words) and the sentences' vectors weighted by words x relative specificity ** sharpness (the
    rest); unit length."""
    words = _words(sentences)
    relative = np.ones_like(words)
    most = float(sentence_specificity.max(initial=0.0))
    if most > 0:  # a corpus of one record gives every sentence 0: weigh by words alone
        relative = np.maximum(sentence_specificity / most, 1e-3) ** sharpness
    vectors = np.asarray(sentence_vectors)
    whole = _unit(words @ vectors) if whole is None else np.asarray(whole, dtype=np.float32)
    return _unit(whole_share * whole + (1 - whole_share) * _unit((words * relative) @ vectors))


def _words(sentences: Sequence[str]) -> npt.NDArray[np.float32]:
    return np.array([len(sentence.split()) for sentence in sentences], dtype=np.float32)


def _unit(vector: npt.NDArray[np.float32]) -> Vectors:
    return np.asarray(vector / np.linalg.norm(vector), dtype=np.float32)
