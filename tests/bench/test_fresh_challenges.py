"""The second judged set (bench/data/fresh_challenges.jsonl) holds together, and bench.pool pools
what every ranking `matcher eval` prints puts near the top."""

from __future__ import annotations

import json
from collections import Counter

from bench import FRESH_CHALLENGES_PATH as FRESH
from bench.pool import pools
from nhsmatch.api.commands.eval_cmd import VARIANTS, plain_baselines, rank_challenge
from nhsmatch.corpus import Corpus
from nhsmatch.matcher.evaluation import JudgedQuery, load_judged_queries
from nhsmatch.matcher.search import Matcher


def test_the_fresh_set_is_judged_over_bundled_records_like_the_dev_set(full_corpus: Corpus) -> None:
    queries = load_judged_queries(FRESH)
    known = {record.id for record in full_corpus.records}
    assert Counter(q.kind for q in queries) == {"known-item": 36, "broad": 8, "no-precedent": 6}
    for q in queries:
        assert set(q.judgments) <= known and set(q.judgments.values()) <= {0, 1, 2}
        assert (q.kind == "no-precedent") == (max(q.judgments.values()) == 0)
    # Each known-item challenge was written from one record, which the judges, not told which, graded 2.
    sources = {row["qid"]: row["source"] for row in map(json.loads, FRESH.read_text().splitlines()) if "source" in row}
    judgments = {q.qid: q.judgments for q in queries}
    assert len(sources) == 36
    assert all(judgments[qid][source] == 2 for qid, source in sources.items())


def test_a_pool_holds_the_top_of_every_ranking_in_the_same_shuffled_order(full_matcher: Matcher) -> None:
    queries = [
        JudgedQuery("a", "too many heart failure patients diagnosed only after an emergency admission", "", {}),
        JudgedQuery("b", "Our wet AMD clinics are full and patients travel a long way for injections.", "", {}),
    ]
    pooled = pools(full_matcher, queries, depth=5)
    assert pooled == pools(full_matcher, queries, depth=5)
    baselines = plain_baselines(full_matcher, queries).values()
    for q in queries:
        assert len(set(pooled[q.qid])) == len(pooled[q.qid])
        tops = [baseline[q.qid].ids[:5] for baseline in baselines]
        tops += [rank_challenge(full_matcher.with_ranking(r), q.query).ids[:5] for r in VARIANTS.values()]
        assert set(pooled[q.qid]) == {record_id for top in tops for record_id in top}
        assert pooled[q.qid] != sorted(pooled[q.qid])  # shuffled, so its order gives no ranking away
