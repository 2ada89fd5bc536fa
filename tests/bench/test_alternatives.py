"""bench.alternatives: a partner asked to be looked past is read so, and its work and name give way."""

from __future__ import annotations

from dataclasses import replace

from bench.alternatives import figures, load_questions
from nhsmatch.matcher.search import Matcher


def test_questions_asking_for_others_are_read_so_and_put_others_first(full_matcher: Matcher) -> None:
    first = [q for q in load_questions() if q.set == "first"]
    others = [q for q in first if q.kind == "alternatives"]
    theirs = [q for q in first if q.kind == "theirs"]
    assert len(others) == 30 and len(theirs) == 20
    shipped = figures(full_matcher, others)
    before = figures(full_matcher.with_ranking(replace(full_matcher.ranking, look_past_partners=False)), others)
    assert shipped.read_as_alternatives >= 0.9 and before.read_as_alternatives == 0
    assert shipped.first_is_theirs <= 0.1 < 0.8 <= before.first_is_theirs
    assert shipped.among_first_5_partners <= 0.1 < 0.8 <= before.among_first_5_partners
    own_work = figures(full_matcher, theirs)
    assert own_work.read_as_alternatives == 0 and own_work.first_is_theirs >= 0.9
