"""NHS and clinical vocabulary: finds concepts in text and expands text with their names.

The curated data lives in corpus/data/vocabulary.toml; this module only applies it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

# How a shared concept is put to the user, by kind.
_SHARED_LABELS = {
    "condition": "same condition",
    "setting": "same setting",
    "aim": "similar aim",
    "approach": "similar approach",
    "population": "same population",
    "workforce": "same workforce",
}


@dataclass(frozen=True)
class Concept:
    """`not_in`: phrases in which a term does not name the concept ("falls short" is no fall).
    `broader`: the family a named disease belongs to ("cancer" of "lung cancer"), found with it."""

    name: str
    kind: str
    terms: tuple[str, ...]
    not_in: tuple[str, ...] = ()
    broader: str | None = None


_WORD = re.compile(r"\w+")
TOPIC_KINDS = frozenset({"condition", "approach"})  # what a question or a plan is about (`Vocabulary.topics`)


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Every index where `word` occurs in `text`, found by plain substring search."""
    at = text.find(word)
    while at != -1:
        yield at
        at = text.find(word, at + 1)


def _blanked(match: re.Match[str]) -> str:
    """Spaces the length of a match: masks a phrase while every other position stays put."""
    return " " * len(match[0])


def _is_abbreviation(term: str) -> bool:
    return sum(c.isupper() for c in term) >= 2


def _term_pattern(term: str, *, exact_case: bool) -> str:
    def body(text: str) -> str:
        return re.escape(text).replace(r"\ ", r"[\s-]+")  # "follow up" also matches "follow-up"

    if not _is_abbreviation(term):
        return f"{body(term)}(?:s|es)?"
    # As written, or all in lower case as typed into a search box ("copd"); never in other cases,
    # which are names ("Tia", "Ed").
    forms = body(term) if exact_case else f"{body(term)}|{body(term.lower())}"
    return f"(?-i:(?:{forms})s?)"


def _terms_pattern(terms: Iterable[str], exact_case: frozenset[str]) -> re.Pattern[str]:
    """Any of the terms as whole words, longest first."""
    alternatives = [_term_pattern(t, exact_case=t in exact_case) for t in sorted(terms, key=len, reverse=True)]
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])", re.IGNORECASE)


def _first_words(phrases: Iterable[str]) -> frozenset[str]:
    """The lower-cased first words of phrases: where a match of one can start."""
    return frozenset(_WORD.findall(p.lower())[0] for p in phrases)


def _words_and_singulars(lowered: str) -> set[str]:
    """The words of a lower-cased text, with each plural's singular ("doacs": "doac")."""
    words = set(_WORD.findall(lowered))
    return words | {w[:-1] for w in words if w.endswith("s")} | {w[:-2] for w in words if w.endswith("es")}


class Vocabulary:
    """`sha256` identifies the source data, so indexes built with other expansions go stale."""

    def __init__(
        self,
        concepts: Iterable[Concept],
        sha256: str = "",
        *,
        exact_case: Iterable[str] = (),
        spelled_out: Mapping[str, str] | None = None,
        asked_of_any_partnership: Iterable[str] = (),
    ) -> None:
        """`exact_case`: abbreviations whose lower-case form means something else ("PAD", "pad"),
        matched only as written. `spelled_out`: what abbreviations among the terms stand for.
        `asked_of_any_partnership`: names of concepts that are no topic of a question (`topics`)."""
        self.concepts = tuple(concepts)
        self.sha256 = sha256
        exact = frozenset(exact_case)
        spelled_out = spelled_out or {}
        unknown = {c.kind for c in self.concepts} - set(_SHARED_LABELS)
        if unknown:
            raise ValueError(f"unknown concept kind(s) {sorted(unknown)}; use one of {sorted(_SHARED_LABELS)}")
        wordless = [t for c in self.concepts for t in c.terms if not _WORD.search(t)]
        if wordless:
            raise ValueError(f"term(s) {wordless} have no letter or digit; every term needs a word to match")
        abbreviations = {t for c in self.concepts for t in c.terms if _is_abbreviation(t)}
        if stray := sorted(exact - abbreviations):
            raise ValueError(f"exact_case {stray} must each be an abbreviation (two or more capitals) of a concept")
        if stray := sorted(set(spelled_out) - abbreviations):
            raise ValueError(f"spelled_out {stray} must each be an abbreviation (two or more capitals) of a concept")
        if blank := sorted(a for a, words in spelled_out.items() if not _WORD.search(words)):
            raise ValueError(f"spelled_out {blank} need words: what the abbreviation stands for")
        by_name = {c.name: c for c in self.concepts}
        self._family = {c.name: c.broader for c in self.concepts if c.broader}
        families = [(c, by_name.get(family)) for c in self.concepts if (family := c.broader)]
        if stray := sorted(c.name for c, family in families if not family or family.broader or family.kind != c.kind):
            raise ValueError(f"broader of {stray} must each name a concept of the same kind that has no broader")
        self._no_topic = frozenset(asked_of_any_partnership)
        if stray := sorted(self._no_topic - {c.name for c in self.concepts}):
            raise ValueError(f"asked_of_any_partnership {stray} must each be the name of a concept")
        self._patterns = [_terms_pattern(c.terms, exact) for c in self.concepts]
        if idle := [p for c, t in zip(self.concepts, self._patterns, strict=True) for p in c.not_in if not t.search(p)]:
            raise ValueError(f"not_in {idle} hold none of their concept's terms, so they would exclude nothing")
        self._not_in = [_terms_pattern(c.not_in, frozenset()) if c.not_in else None for c in self.concepts]
        self._spelled_out = [
            (_terms_pattern([abbreviation], exact), _WORD.findall(abbreviation.lower())[0], words)
            for abbreviation, words in spelled_out.items()
        ]
        # A term (or a not_in phrase) can only match where one of its first words starts, so a
        # concept is tried, and its not_in phrases masked, only where the text has one of those
        # words: the same concepts as scanning with every pattern, found many times faster.
        self._first_words = [_first_words(c.terms) for c in self.concepts]
        self._not_in_first_words = [_first_words(c.not_in) for c in self.concepts]

    def find(self, text: str) -> list[Concept]:
        """The concepts mentioned in a text, in vocabulary order."""
        lowered = text.lower()
        positions_kept = len(lowered) == len(text)  # else lower-casing moved them (rare letters): scan it all
        words = _words_and_singulars(lowered)
        found = []
        for concept, first_words, pattern, not_in, not_in_first_words in zip(
            self.concepts, self._first_words, self._patterns, self._not_in, self._not_in_first_words, strict=True
        ):
            if positions_kept and first_words.isdisjoint(words):
                continue
            searched = text
            if not_in is not None and not (positions_kept and not_in_first_words.isdisjoint(words)):
                searched = not_in.sub(_blanked, text)
            if (
                any(pattern.match(searched, at) for word in first_words & words for at in _occurrences(lowered, word))
                if positions_kept
                else pattern.search(searched)
            ):
                found.append(concept)
        named = {c.name for c in found}
        if families := {self._family[n] for n in named if n in self._family} - named:
            found = [c for c in self.concepts if c.name in named or c.name in families]  # a disease is its family too
        return found

    def topics(self, text: str) -> list[Concept]:
        """The conditions and approaches a text names, less those asked of any partnership: what a
        question or a statement of intent that names them is about (background.py)."""
        return [c for c in self.find(text) if c.kind in TOPIC_KINDS and c.name not in self._no_topic]

    def expand(self, text: str, concepts: Sequence[Concept] | None = None) -> str:
        """The text followed by the names of the concepts it mentions, so synonyms meet.
        Pass `concepts` when `find(text)` is already known."""
        names = [c.name for c in (self.find(text) if concepts is None else concepts)]
        return f"{text} ({'; '.join(names)})" if names else text

    def spell_out(self, text: str) -> str:
        """The text with the first of each abbreviation followed by what it stands for, in brackets
        ("AF (atrial fibrillation) detection"), unless those words are already in it. The model
        knows few NHS abbreviations: to it a challenge that is mostly abbreviations ("AF", "HF
        diagnoses missed") says little until they are spelled out, as for a reader new to the NHS."""
        lowered = text.lower()
        words = _words_and_singulars(lowered)
        found = [
            (match.start(), match.end(), spelled)
            for pattern, first_word, spelled in self._spelled_out
            if first_word in words and (match := pattern.search(text))
        ]
        insertions: list[tuple[int, str]] = []
        covered_to = -1
        for start, end, spelled in sorted(found, key=lambda f: (f[0], -f[1])):
            if start < covered_to:  # inside a longer abbreviation ("AMD" of "wet AMD")
                continue
            covered_to = end
            if spelled.lower() not in lowered:
                insertions.append((end, spelled))
        for at, spelled in reversed(insertions):
            text = f"{text[:at]} ({spelled}){text[at:]}"
        return text

    def most_specific(self, names: Iterable[str]) -> frozenset[str]:
        """The names less each family that a disease among them names more precisely ("cancer"
        beside "lung cancer")."""
        names = frozenset(names)
        return names - {self._family[n] for n in names if n in self._family}

    def within(self, a: str, b: str) -> bool:
        """Whether one of the two is the other's family ("lung cancer" and "cancer")."""
        return self._family.get(a) == b or self._family.get(b) == a

    @staticmethod
    def kind_order(kind: str) -> int:
        """Conditions first, then settings, aims, approaches, populations, workforce."""
        return list(_SHARED_LABELS).index(kind)

    @staticmethod
    def describe_shared(concepts: Iterable[Concept]) -> list[str]:
        """Plain-words lines such as "same condition: heart failure"."""
        return [f"{_SHARED_LABELS[c.kind]}: {c.name}" for c in concepts]

    def __len__(self) -> int:
        return len(self.concepts)
