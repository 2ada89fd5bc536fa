"""Speller: reads a typing slip in a challenge as the corpus word it was meant to be.

A slip in one long word ("diabtes", "anticoaulated") costs both halves of the ranking: BM25 finds no
such term and the model splits it into meaningless pieces. On the dev challenges, one slip each in
their longest vocabulary word cost 0.03 nDCG@10 (README, "Matching quality").

Cautious by design, so that a challenge written correctly is never changed:
- a word is left as typed when it is known: used by the corpus or the vocabulary, an English word
  (pyspellchecker's dictionary), the British spelling of one, or a plural of any of these;
- an unknown word becomes the most frequent corpus word one edit away (a letter dropped, added,
  changed or two swapped), and only corpus words are ever offered, never general English;
- only words of five or more letters, all in lower case or capitalised, are considered:
  abbreviations and short words have too many neighbours one edit away.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from spellchecker import SpellChecker

MIN_LENGTH = 5
_WORD = re.compile(r"[A-Za-z]+")
# British to US spelling, so that an English dictionary in US spelling knows "optimising".
_US_SPELLING = (
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ise", "ize"),
    ("our", "or"),
    ("ae", "e"),
    ("oe", "e"),
    ("tre", "ter"),
)


@cache
def _english() -> SpellChecker:
    return SpellChecker(distance=1)


class Speller:
    def __init__(self, word_counts: Counter[str]) -> None:
        self._counts = word_counts
        _english()  # loaded once per process, here rather than in the first request that needs it
        self._corpus = SpellChecker(language=None, distance=1)
        self._corpus.word_frequency.load_json(dict(word_counts))

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Speller:
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(_WORD.findall(text.lower()))
        return cls(counts)

    def correct(self, text: str) -> tuple[str, dict[str, str]]:
        """The text with its slips corrected, and each correction as {typed: read as}."""
        corrections: dict[str, str] = {}

        def read(match: re.Match[str]) -> str:
            word = match.group(0)
            if len(word) < MIN_LENGTH or not (word.islower() or (word[0].isupper() and word[1:].islower())):
                return word
            lower = word.lower()
            if self._known(lower):
                return word
            meant = self._corpus.correction(lower)
            if not meant or meant == lower:
                return word
            corrections[word] = meant.capitalize() if word[0].isupper() else meant
            return corrections[word]

        return _WORD.sub(read, text), corrections

    def _known(self, word: str) -> bool:
        forms = [word]
        if word.endswith("s"):
            forms.append(word[:-1])
        if word.endswith("es"):
            forms.append(word[:-2])
        for form in forms:
            if form in self._counts or form in _english():
                return True
            us = form
            for british, american in _US_SPELLING:
                us = us.replace(british, american)
            if us in _english():
                return True
        return False
