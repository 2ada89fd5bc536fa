"""bench.languages: no English text the project holds, nor any of its sentences, is said not to be
English, and nearly every challenge in another language is."""

from __future__ import annotations

from bench.languages import OTHER_LANGUAGES, english_texts, not_english, sentences
from nhsmatch.matcher.search import Matcher


def test_no_english_text_is_said_not_to_be_english(full_matcher: Matcher) -> None:
    texts = [text for texts in english_texts(full_matcher).values() for text in texts]
    assert len(texts) > 1000
    assert not_english(full_matcher, texts) == []
    assert not_english(full_matcher, sentences(texts)) == []


def test_challenges_in_other_languages_are_said_not_to_be_english(full_matcher: Matcher) -> None:
    texts = [text for texts in OTHER_LANGUAGES.values() for text in texts]
    assert len(not_english(full_matcher, texts)) >= 0.9 * len(texts)
