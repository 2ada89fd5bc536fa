import pytest

from nhsmatch.matcher.evaluation import (
    JudgedQuery,
    Ranked,
    diversity_at,
    evaluate,
    evaluate_partners,
    fit_strong_threshold,
    held_out_threshold,
    label_meanings,
    ndcg_at,
    ndcg_by_query,
    paired_difference,
    partner_judgments,
    recall_at,
    reciprocal_rank,
    shown_with_grades,
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


def test_label_meanings_count_what_the_judges_made_of_each_label() -> None:
    queries = [JudgedQuery("q1", "x", "known-item", JUDGMENTS), JudgedQuery("q2", "y", "no-precedent", {"a": 0})]
    ranked = {
        "q1": Ranked(["a", "b", "c", "unjudged"], False, labels=("strong", "strong", "partial", "weak")),
        "q2": Ranked(["a", "d"], True, labels=("partial", "weak")),
    }
    meanings = label_meanings(queries, ranked)
    assert meanings["strong"].shown == 2 and meanings["strong"].useful == 1.0 and meanings["strong"].wanted == 0.5
    # q2's "a" is graded 0 for q2, whatever it was for q1; "d" was never judged for q2
    assert meanings["partial"].shown == 2 and meanings["partial"].useful == 0.0 and meanings["partial"].judged == 1.0
    assert meanings["weak"].shown == 2 and meanings["weak"].judged == 0.0 and meanings["weak"].useful == 0.0
    assert set(label_meanings(queries, ranked, k=1)) == {"strong", "partial"}


def test_a_threshold_fitted_on_half_the_queries_is_checked_on_the_other_half() -> None:
    answerable = [(True, [(0.8, 2), (0.6, 1), (0.3, None)])] * 20
    without = [(False, [(0.35, 0), (0.2, None)])] * 8
    check = held_out_threshold(answerable + without, splits=50)
    assert check.splits == 50 and 0.35 < check.threshold_median < 0.8
    assert check.no_precedent_flagged == 1.0 and check.answerable_wrongly_flagged == 0.0
    # every held-out precedent above the threshold is the grade-2 one, or also the grade-1 one
    assert check.strong_useful == 1.0 and 0.5 <= check.strong_wanted <= 1.0
    with pytest.raises(ValueError):
        held_out_threshold([(True, [(0.2, 2)])] * 5 + [(False, [(0.9, 0)])] * 5, splits=10)


def test_shown_with_grades_pairs_each_top_score_with_its_grade() -> None:
    queries = [JudgedQuery("q1", "x", "known-item", JUDGMENTS), JudgedQuery("q2", "y", "no-precedent", {"a": 0})]
    ranked = {
        "q1": Ranked(["a", "unjudged", "b"], False, scores=(0.7, 0.6, 0.5)),
        "q2": Ranked(["a"], True, scores=(0.4,)),
    }
    assert shown_with_grades(queries, ranked, k=2) == [(True, [(0.7, 2), (0.6, None)]), (False, [(0.4, 0)])]


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


PARTNERS_OF = {"a": {"acme"}, "b": {"acme", "charity"}, "c": {"other"}, "d": {"bayer"}}


def test_a_partner_is_graded_by_the_judged_precedents_it_took_part_in() -> None:
    best, track_record = partner_judgments(JUDGMENTS, PARTNERS_OF.__getitem__)
    assert best == {"acme": 2, "charity": 1, "bayer": 2}  # "other" did only a grade-0 precedent
    assert track_record == {"acme": 3 + 1, "charity": 1, "bayer": 3}


def test_partner_scores_reward_naming_who_did_the_wanted_work_first() -> None:
    queries = [JudgedQuery("q1", "x", "known-item", JUDGMENTS), JudgedQuery("q2", "y", "no-precedent", {"a": 0})]

    def scores(partners: tuple[str, ...]):
        ranked = {"q1": Ranked([], False, partners), "q2": Ranked([], True, ("other",))}
        return evaluate_partners(queries, ranked, PARTNERS_OF.__getitem__)

    ideal, poor = scores(("acme", "bayer", "charity")), scores(("other", "charity", "bayer"))
    assert ideal.ndcg_5_best == pytest.approx(1.0) and ideal.ndcg_5_track_record == pytest.approx(1.0)
    assert ideal.first_did_a_grade2 == 1.0 and ideal.top5_without_useful == 0.0 and ideal.queries == 1
    assert poor.ndcg_5_best < 1 and poor.first_did_a_grade2 == 0.0
    assert poor.top5_without_useful == pytest.approx(1 / 3, abs=1e-4)
    # Ordered by the best precedent, acme and bayer tie; by track record acme, with two, comes first.
    swapped = scores(("bayer", "acme", "charity"))
    assert swapped.ndcg_5_best == pytest.approx(1.0) and swapped.ndcg_5_track_record < 1
