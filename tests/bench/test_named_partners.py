"""bench.named_partners: every question's partner is found, and step 8 puts its work first more often."""

from __future__ import annotations

from dataclasses import replace

from bench.named_partners import QUESTIONS, figures
from nhsmatch.matcher.search import Matcher


def test_every_question_names_its_partner_and_its_work_comes_first_more_often(full_matcher: Matcher) -> None:
    for question, partner in QUESTIONS.items():
        assert full_matcher.match(question, limit=1).named_partners == [full_matcher.names.canonical(partner)]
    first, top3, _, _ = figures(full_matcher)
    unnamed_first, unnamed_top3, _, _ = figures(
        full_matcher.with_ranking(replace(full_matcher.ranking, named_partner_bonus=0, named_partner_topic_first=False))
    )
    assert first >= unnamed_first and top3 > unnamed_top3
    assert first >= 0.9
