"""bench.abbreviations: a challenge in NHS shorthand finds what the same challenge in words finds."""

from __future__ import annotations

from dataclasses import replace

from bench.abbreviations import agreement, load_blind_pairs
from nhsmatch.matcher.search import Matcher


def test_blind_shorthand_finds_what_its_words_find_once_spelled_out(full_matcher: Matcher) -> None:
    sets = load_blind_pairs()
    assert {name: len(pairs) for name, pairs in sets.items()} == {"blind": 40, "blind, held out": 40}
    overlap, same_first, flagged_apart = agreement(full_matcher, sets["blind"])
    as_typed = full_matcher.with_ranking(replace(full_matcher.ranking, spell_out_abbreviations=False))
    typed_overlap, _, typed_flagged_apart = agreement(as_typed, sets["blind"])
    assert overlap >= 0.7 and same_first >= 0.5 and flagged_apart <= 0.15
    assert overlap - typed_overlap >= 0.1 and flagged_apart < typed_flagged_apart
