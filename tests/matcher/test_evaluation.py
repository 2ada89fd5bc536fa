import pytest

from nhsmatch.matcher.evaluation import (
    JudgedQuery,
    Ranked,
    diversity_at,
    evaluate,
    fit_strong_threshold,
    ndcg_at,
    ndcg_by_query,
    paired_difference,
    recall_at,
    reciprocal_rank,
)

JUDGMENTS = {"a": 2, "b": 1, "c": 0, "d": 2}


def test_ndcg_is_one_for_the_ideal_ranking_and_lower_otherwise() -> None:
    assert ndcg_at(["a", "d", "b", "c"], JUDGMENTS) == pytest.approx(1.0)
    assert ndcg_at(["c", "b", "a", "d"], JUDGMENTS) < ndcg_at(["a", "b", "d", "c"], JUDGMENTS) < 1
    assert ndcg_at(["x", "y"], JUDGMENTS) == 0.0


def test_recall_and_reciprocal_rank() -> None:
    assert recall_at(["a", "x", "y"], JUDGMENTS, k=10, min_grade=2) == 0.5
    assert recall_at(["b", "a"], JUDGMENTS, k=1, min_grade=1) == pytest.approx(1 / 3)
    assert recall_at(["a"], {"a": 0}, k=10, min_grade=1) is None
    assert reciprocal_rank(["c", "b", "d"], JUDGMENTS) == pytest.approx(1 / 3)


def test_no_precedent_queries_are_scored_on_flags_only() -> None:
    queries = [JudgedQuery("q1", "x", "known-item", JUDGMENTS), JudgedQuery("q2", "y", "no-precedent", {"a": 0})]
    ranked = {"q1": Ranked(["a", "d", "b"], False), "q2": Ranked(["a"], True)}
    scores = evaluate(queries, lambda q: ranked[q.qid])
    assert scores.ndcg_10 == pytest.approx(1.0)
    assert scores.no_precedent_flagged == 1.0 and scores.answerable_wrongly_flagged == 0.0


def test_threshold_fit_returns_the_interval_meeting_both_targets() -> None:
    tops = [(0.9, True)] * 9 + [(0.45, True)] + [(0.3, False)] * 5
    low, high = fit_strong_threshold(tops)
    assert 0.3 < low <= high < 0.9
    with pytest.raises(ValueError):
        fit_strong_threshold([(0.2, True)] * 5 + [(0.9, False)] * 5)


def test_diversity_counts_companies() -> None:
    companies = {"a": frozenset({"novartis"}), "b": frozenset({"novartis"}), "c": frozenset({"bayer"})}
    stats = diversity_at([["a", "b", "c"]], lambda i: companies[i])
    assert stats == {"distinct_companies_top10": 2.0, "one_company_over_3_top10": 0.0}


def test_paired_difference_brackets_the_mean_gain_and_repeats() -> None:
    gains = {f"q{i}": 0.8 for i in range(20)}
    base = {qid: 0.8 - (0.02 if i % 4 else 0.2) for i, qid in enumerate(gains)}  # 0.065 better on average
    difference = paired_difference(gains, base)
    assert difference.mean == pytest.approx(0.065) and difference.queries == 20
    assert 0.02 <= difference.low < difference.mean < difference.high <= 0.2
    assert paired_difference(gains, base) == difference
    same = paired_difference(gains, gains)
    assert (same.mean, same.low, same.high) == (0.0, 0.0, 0.0)


def test_ndcg_by_query_leaves_out_no_precedent_queries() -> None:
    queries = [JudgedQuery("q1", "x", "known-item", JUDGMENTS), JudgedQuery("q2", "y", "no-precedent", {"a": 0})]
    ranked = {"q1": Ranked(["c", "a"], False), "q2": Ranked(["a"], True)}
    assert ndcg_by_query(queries, ranked) == {"q1": pytest.approx(ndcg_at(["c", "a"], JUDGMENTS))}
