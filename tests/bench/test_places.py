"""bench.places: naming where the asker is leaves the ranking nearly as it was, unlike searching the place."""

from __future__ import annotations

from dataclasses import replace

from bench.places import answerable, figures
from nhsmatch.matcher.search import Matcher


def test_a_named_place_changes_the_ranking_less_read_as_our_area_than_as_words(full_matcher: Matcher) -> None:
    queries = answerable()[::8]  # a spread of both judged sets, for time
    written, named, same_first, _ = figures(full_matcher, queries)
    as_words = full_matcher.with_ranking(replace(full_matcher.ranking, places_as_anywhere=False))
    _, named_as_words, same_first_as_words, _ = figures(as_words, queries)
    assert named > named_as_words and same_first > same_first_as_words
    assert abs(named - written) < 0.01
