"""Speller: reads a typing slip in a challenge as the corpus word it was meant to be.

A slip in one long word ("diabtes", "anticoaulated") costs both halves of the ranking: BM25 finds no
such term and the model splits it into meaningless pieces. On the dev challenges, one slip each in
their longest vocabulary word cost 0.03 nDCG@10 (README, "Matching quality").

Cautious by design, so that a challenge written correctly is never changed:
- a word is left as typed when it is known: used by the corpus or the vocabulary, an English word
  (pyspellchecker's dictionary), the British spelling of one, a plural of any of these, or a
  contraction typed without its apostrophe ("arent", "didnt");
- an unknown word becomes the most frequent corpus word one edit away (a letter dropped, added,
  changed or two swapped), and only corpus words are ever offered, never general English;
- only words of five or more letters, all in lower case or capitalised, are considered:
  abbreviations and short words have too many neighbours one edit away;
- a text most of whose words are unknown and one edit from no corpus word is left as typed: it is
  in another language (NHS Wales's leaders may write in Welsh, and its "derbyn", admitted, is one
  edit from the corpus's "Derby") or not in words, and the few of its words near one are not slips;
  so is such a sentence in a text that reads as English (a bilingual Welsh and English challenge).

The same test tells the asker when a challenge does not read as English (the model reads English
only, so its matches will be poor), as does a text most of whose letters are not Latin (Urdu,
Bengali, Chinese): those have no upper and lower case, so none of their words is considered.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from typing import NamedTuple

from spellchecker import SpellChecker

from .passages import sentence_spans

MIN_LENGTH = 5
# A text with at least this many words that are unknown and one edit from no corpus word, and more
# of them than other words, is not English.
FOREIGN_AT_UNREADABLE = 3
_WORD = re.compile(r"[^\W\d_]+")  # letters, accented ones too: "hospitalisés" is one word
# A word as typed, with what an apostrophe joins to it: "couldn't" is not "couldn", a slip for "could".
_TYPED_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
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


def english_word(word: str) -> bool:
    """Whether a word in lower case is an English one: in the dictionary the speller trusts, in its
    British spelling or as a plural."""
    return any(form in _english() for form in _dictionary_forms(word))


def word_frequency(word: str) -> int:
    """How often the dictionary the speller trusts met a word in lower case (as `english_word` reads
    it); 0 if never. Names it met are rare: "pfizer" 50, "siemens" 50, against "pathway" 1,474."""
    return max(_english().word_frequency[form] for form in _dictionary_forms(word))


def _dictionary_forms(word: str) -> Iterator[str]:
    """The word and its singular, each as written and in US spelling."""
    for form in _singulars(word):
        us = form
        for british, american in _US_SPELLING:
            us = us.replace(british, american)
        yield from (form, us)


def _singulars(word: str) -> list[str]:
    """The word and what it is the plural of, if it is one."""
    return [word, *([word[:-1]] if word.endswith("s") else []), *([word[:-2]] if word.endswith("es") else [])]


class Reading(NamedTuple):
    """A text as the speller reads it: with its slips corrected, each correction as {typed: read as},
    and whether it reads as English at all."""

    text: str
    corrections: dict[str, str]
    in_english: bool = True


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

    def read(self, text: str) -> Reading:
        """The text with its slips corrected; one that does not read as English is left as typed,
        and so is each sentence that does not in one that does (a bilingual Welsh and English text)."""
        meant = {word: self._meant(word) for word in set(_considered_words(text)) if not self._known(word)}
        if not _mostly_latin(text) or _foreign(text, meant):
            return Reading(text, {}, in_english=False)
        foreign = [(start, end) for start, end in sentence_spans(text) if _foreign(text[start:end], meant)]
        corrections: dict[str, str] = {}

        def corrected(match: re.Match[str]) -> str:
            word = match.group(0)
            reading = meant.get(word.lower()) if _considered(word) else None
            if reading is None or any(start <= match.start() < end for start, end in foreign):
                return word
            corrections[word] = reading.capitalize() if word[0].isupper() else reading
            return corrections[word]

        return Reading(_TYPED_WORD.sub(corrected, text), corrections)

    def _meant(self, word: str) -> str | None:
        """The corpus word one edit away that an unknown word was meant to be, if any."""
        meant = self._corpus.correction(word)
        return meant if meant and meant != word else None

    def _known(self, word: str) -> bool:
        return any(form in self._counts for form in _singulars(word)) or english_word(word) or _contraction(word)


def _contraction(word: str) -> bool:
    """Whether a word is a contraction typed without its apostrophe, as people type into a search
    box: "arent" is "aren't", not a slip for "parent"; "theyre" is "they're"."""
    return any(f"{word[:-n]}'{word[-n:]}" in _english() for n in (1, 2))


def _considered_words(text: str) -> list[str]:
    return [word.lower() for word in _TYPED_WORD.findall(text) if _considered(word)]


def _foreign(text: str, meant: dict[str, str | None]) -> bool:
    """True when at least FOREIGN_AT_UNREADABLE of the text's words, and more than half of those
    considered, are unknown and one edit from no corpus word (`meant`: the unknown words' readings)."""
    considered = _considered_words(text)
    unreadable = sum(word in meant and meant[word] is None for word in considered)
    return unreadable >= FOREIGN_AT_UNREADABLE and unreadable * 2 > len(considered)


def _considered(word: str) -> bool:
    """Long enough to correct, neither an abbreviation nor in capitals, and not a contraction or a
    possessive ("shouldn't", "Parkinson's"), whose parts are no words of the corpus."""
    cased = word.islower() or (word[0].isupper() and word[1:].islower())
    return len(word) >= MIN_LENGTH and word.isalpha() and cased


def _mostly_latin(text: str) -> bool:
    """True when at least half the text's letters are Latin ("é" is; Urdu's, Bengali's are not); a
    text with no letters at all is not in words."""
    letters = "".join(_WORD.findall(text))
    return sum(unicodedata.name(letter, "").startswith("LATIN") for letter in letters) * 2 >= len(letters) > 0
