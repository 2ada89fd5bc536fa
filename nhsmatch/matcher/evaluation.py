"""Ranking quality against graded judgments (0 not useful, 1 useful, 2 definitely wanted).

- nDCG@10 with gains 2^grade - 1, ideal ranking from the query's judgments;
- recall@10 of grade-2 items, and recall@5 of grade >= 1 items;
- MRR: reciprocal rank of the first grade-2 item (the precedent the asker would definitely want).
Queries whose judgments are all 0 ("no precedent") have no relevant items: they are left out of
those means and scored instead on whether the ranking flags them as having no strong precedent.
How much one ranking beats another comes with a paired bootstrap interval: on a few dozen queries,
a difference of a few hundredths can be noise.
Likely partners are scored on the same judgments: the judges graded precedents, so a partner's
grade is the best grade of the judged precedents it took part in (who did the work the asker
wants), and its track record the sum of their gains (how much of it).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True)
class JudgedQuery:
    qid: str
    query: str
    kind: str
    judgments: dict[str, int]

    @property
    def has_precedent(self) -> bool:
        return any(grade > 0 for grade in self.judgments.values())


@dataclass(frozen=True)
class Ranked:
    """What a ranking returned for one query: ids best first, its "no strong precedent" flag, the
    likely partners it named (organisation keys, best first), and the match label and score of each id."""

    ids: list[str]
    no_strong_precedent: bool
    partners: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    scores: tuple[float, ...] = ()


def load_judged_queries(path: Path) -> list[JudgedQuery]:
    queries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            queries.append(JudgedQuery(raw["qid"], raw["query"], raw.get("kind", ""), raw["judgments"]))
    return queries


def _gain(grade: int) -> int:
    return 2**grade - 1


def _ndcg(ranked_gains: Sequence[float], all_gains: Iterable[float], k: int) -> float:
    def dcg(gains: Sequence[float]) -> float:
        return sum(gain / math.log2(rank + 2) for rank, gain in enumerate(gains[:k]))

    ideal = dcg(sorted(all_gains, reverse=True))
    return dcg(ranked_gains) / ideal if ideal else 0.0


def ndcg_at(ids: Sequence[str], judgments: dict[str, int], k: int = 10) -> float:
    return _ndcg([_gain(judgments.get(i, 0)) for i in ids], map(_gain, judgments.values()), k)


def recall_at(ids: Sequence[str], judgments: dict[str, int], k: int, min_grade: int) -> float | None:
    relevant = {i for i, grade in judgments.items() if grade >= min_grade}
    return len(relevant & set(ids[:k])) / len(relevant) if relevant else None


def reciprocal_rank(ids: Sequence[str], judgments: dict[str, int], min_grade: int = 2) -> float:
    return next((1 / rank for rank, i in enumerate(ids, start=1) if judgments.get(i, 0) >= min_grade), 0.0)


@dataclass(frozen=True)
class Scores:
    ndcg_10: float
    recall_10_grade2: float
    recall_5_relevant: float
    mrr: float
    no_precedent_flagged: float  # share of no-precedent queries flagged (want high)
    answerable_wrongly_flagged: float  # share of answerable queries flagged (want low)
    queries: int


def _mean(values: Sequence[float | None]) -> float:
    """The mean of the values a query has (None: not defined for it), to 4 places; 0 when none has one."""
    present = [v for v in values if v is not None]
    return round(fmean(present), 4) if present else 0.0


def evaluate(queries: Sequence[JudgedQuery], rank: Callable[[JudgedQuery], Ranked]) -> Scores:
    answerable = [q for q in queries if q.has_precedent]
    without = [q for q in queries if not q.has_precedent]
    results = {q.qid: rank(q) for q in queries}
    return Scores(
        ndcg_10=_mean(list(ndcg_by_query(queries, results).values())),
        recall_10_grade2=_mean([recall_at(results[q.qid].ids, q.judgments, 10, 2) for q in answerable]),
        recall_5_relevant=_mean([recall_at(results[q.qid].ids, q.judgments, 5, 1) for q in answerable]),
        mrr=_mean([reciprocal_rank(results[q.qid].ids, q.judgments) for q in answerable]),
        no_precedent_flagged=_mean([float(results[q.qid].no_strong_precedent) for q in without]),
        answerable_wrongly_flagged=_mean([float(results[q.qid].no_strong_precedent) for q in answerable]),
        queries=len(queries),
    )


@dataclass(frozen=True)
class PartnerScores:
    ndcg_5_best: float  # partners ordered by the best precedent they did
    ndcg_5_track_record: float  # ... by how much judged-useful work they did
    first_did_a_grade2: float  # share of queries whose first partner did a grade-2 precedent
    top5_without_useful: float  # share of the first 5 partners with no judged-useful precedent
    queries: int


def partner_judgments(
    judgments: Mapping[str, int], partners_of: Callable[[str], Iterable[str]]
) -> tuple[dict[str, int], dict[str, int]]:
    """Each organisation's grade (its best judged precedent's) and track record (the gains of its
    useful judged precedents, summed), from a query's precedent judgments."""
    best: dict[str, int] = {}
    track_record: dict[str, int] = {}
    for record_id, grade in judgments.items():
        if grade > 0:
            for partner in set(partners_of(record_id)):
                best[partner] = max(best.get(partner, 0), grade)
                track_record[partner] = track_record.get(partner, 0) + _gain(grade)
    return best, track_record


def evaluate_partners(
    queries: Sequence[JudgedQuery], ranked: Mapping[str, Ranked], partners_of: Callable[[str], Iterable[str]]
) -> PartnerScores:
    """How well the likely partners of the answerable queries match the partners of the judged
    precedents (nDCG@5 on both partner gains, first partner, unsupported share of the first 5)."""
    best_ndcg, track_ndcg, first, unsupported = [], [], [], []
    for query in (q for q in queries if q.has_precedent):
        partners = ranked[query.qid].partners
        best, track_record = partner_judgments(query.judgments, partners_of)
        best_ndcg.append(_ndcg([_gain(best.get(p, 0)) for p in partners], map(_gain, best.values()), 5))
        track_ndcg.append(_ndcg([track_record.get(p, 0) for p in partners], track_record.values(), 5))
        first.append(float(bool(partners) and best.get(partners[0], 0) == 2))
        if partners:
            unsupported.append(sum(p not in best for p in partners[:5]) / len(partners[:5]))
    return PartnerScores(_mean(best_ndcg), _mean(track_ndcg), _mean(first), _mean(unsupported), len(best_ndcg))


@dataclass(frozen=True)
class LabelMeaning:
    """What one match label meant on the judgments, over the precedents shown with it."""

    shown: int
    judged: float  # share the judges saw; unjudged ones count as not useful, so the next two are lower bounds
    useful: float  # share graded >= 1
    wanted: float  # share graded 2


def label_meanings(
    queries: Sequence[JudgedQuery], ranked: Mapping[str, Ranked], k: int = 10
) -> dict[str, LabelMeaning]:
    """How often a precedent labelled strong, partial or weak in the top k of any query (no-precedent
    ones included: a label must mean the same whatever was asked) was one the judges wanted: the
    check that the labels' thresholds, fitted on one set of challenges, still hold on another."""
    grades: dict[str, list[int | None]] = {}
    for query in queries:
        result = ranked[query.qid]
        for record_id, label in zip(result.ids[:k], result.labels[:k], strict=False):
            grades.setdefault(label, []).append(query.judgments.get(record_id))
    return {
        label: LabelMeaning(
            shown=len(found),
            judged=_mean([float(g is not None) for g in found]),
            useful=_mean([float((g or 0) >= 1) for g in found]),
            wanted=_mean([float(g == 2) for g in found]),
        )
        for label in ("strong", "partial", "weak")
        if (found := grades.get(label))
    }


def ndcg_by_query(queries: Sequence[JudgedQuery], results: Mapping[str, Ranked]) -> dict[str, float]:
    """nDCG@10 of each answerable query, by qid (what `evaluate` averages)."""
    return {q.qid: ndcg_at(results[q.qid].ids, q.judgments) for q in queries if q.has_precedent}


@dataclass(frozen=True)
class Difference:
    """How much a ranking beats a baseline, query by query: the mean and its 95 % interval."""

    mean: float
    low: float
    high: float
    queries: int


def paired_difference(
    ranking: Mapping[str, float], baseline: Mapping[str, float], *, resamples: int = 10_000, seed: int = 0
) -> Difference:
    """Mean per-query difference with a paired bootstrap interval: the queries are resampled with
    replacement, so the interval says how far the mean could move on another set of queries like
    these. Seeded, so a run is repeatable."""
    differences = np.array([ranking[qid] - baseline[qid] for qid in ranking])
    if len(differences) == 0:
        return Difference(0.0, 0.0, 0.0, 0)
    rows = np.random.default_rng(seed).integers(0, len(differences), (resamples, len(differences)))
    low, high = np.percentile(differences[rows].mean(axis=1), [2.5, 97.5])
    return Difference(
        round(float(differences.mean()), 4), round(float(low), 4), round(float(high), 4), len(differences)
    )


def diversity_at(
    ids_by_query: Sequence[Sequence[str]], companies_of: Callable[[str], frozenset[str]], k: int = 10
) -> dict[str, float]:
    """How varied the top k is: distinct companies, and how often one company holds more than 3."""
    distinct, crowded = [], []
    for ids in ids_by_query:
        counts: dict[str, int] = {}
        for record_id in ids[:k]:
            for company in companies_of(record_id):
                counts[company] = counts.get(company, 0) + 1
        distinct.append(len(counts))
        crowded.append(float(max(counts.values(), default=0) > 3))
    return {
        "distinct_companies_top10": round(fmean(distinct), 2) if distinct else 0.0,
        "one_company_over_3_top10": round(fmean(crowded), 4) if crowded else 0.0,
    }


def fit_strong_threshold(top_scores: Sequence[tuple[float, bool]]) -> tuple[float, float]:
    """The interval of "strong" thresholds meeting both targets on labelled top-1 scores.

    `top_scores` pairs each query's best score with whether it has a precedent. A threshold t flags
    a query when its best score is below t. Targets: flag >= 80 % of no-precedent queries and
    <= 10 % of answerable ones. The middle of the interval is the robust choice.
    """
    without = sorted(score for score, answerable in top_scores if not answerable)
    answerable = sorted(score for score, has in top_scores if has)
    candidates = sorted({round(s + d, 4) for s, _ in top_scores for d in (-1e-4, 1e-4)})

    def meets(t: float) -> bool:
        flagged = sum(s < t for s in without) / len(without) if without else 1.0
        wrongly = sum(s < t for s in answerable) / len(answerable) if answerable else 0.0
        return flagged >= 0.8 and wrongly <= 0.1

    feasible = [t for t in candidates if meets(t)]
    if not feasible:
        raise ValueError("no threshold meets both targets on these queries")
    return min(feasible), max(feasible)


@dataclass(frozen=True)
class HeldOutThreshold:
    """The "strong" threshold fitted on random halves of the queries and checked on the other halves."""

    splits: int
    threshold_median: float
    threshold_5th: float
    threshold_95th: float
    # Means over the held-out halves; None when no half had such queries.
    no_precedent_flagged: float | None
    flagged_at_least_80: float | None  # share of splits meeting that target on the held-out half
    answerable_wrongly_flagged: float | None
    wrongly_flagged_at_most_10: float | None
    strong_useful: float | None  # held-out precedents labelled strong that the judges graded >= 1
    strong_wanted: float | None  # ... graded 2


Shown = Sequence[tuple[bool, Sequence[tuple[float, int | None]]]]


def shown_with_grades(queries: Sequence[JudgedQuery], ranked: Mapping[str, Ranked], k: int = 10) -> Shown:
    """Per query: whether it has a precedent, and its top k's (score, grade or None if unjudged)."""
    shown = []
    for query in queries:
        result = ranked[query.qid]
        top = zip(result.ids[:k], result.scores[:k], strict=True)
        shown.append((query.has_precedent, [(score, query.judgments.get(i)) for i, score in top]))
    return shown


def best_score(precedents: Sequence[tuple[float, int | None]]) -> float:
    return max((score for score, _ in precedents), default=0.0)


def held_out_threshold(shown: Shown, *, splits: int = 300, seed: int = 0) -> HeldOutThreshold:
    """How well a threshold fitted on one set of challenges holds on another like it. `shown` has,
    for each query, whether it has a precedent and its shown precedents' (score, grade or None)
    (`shown_with_grades`). Each split fits on a random half (the middle of its feasible interval) and scores
    the flags and the strong labels on the other half; halves with no feasible threshold are skipped."""
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(splits):
        order = rng.permutation(len(shown))
        fit_half = [shown[i] for i in order[: len(shown) // 2]]
        held_out = [shown[i] for i in order[len(shown) // 2 :]]
        try:
            low, high = fit_strong_threshold([(best_score(precedents), has) for has, precedents in fit_half])
        except ValueError:
            continue
        threshold = (low + high) / 2
        flags = [(has, best_score(precedents) < threshold) for has, precedents in held_out]
        without = [flagged for has, flagged in flags if not has]
        answerable = [flagged for has, flagged in flags if has]
        strong = [grade or 0 for _, precedents in held_out for score, grade in precedents if score >= threshold]
        rows.append(
            (
                threshold,
                fmean(without) if without else math.nan,
                fmean(answerable) if answerable else math.nan,
                fmean(g >= 1 for g in strong) if strong else math.nan,
                fmean(g == 2 for g in strong) if strong else math.nan,
            )
        )
    if not rows:
        raise ValueError("no half of these queries has a feasible threshold")
    thresholds, flagged, wrongly, useful, wanted = (np.array(column, dtype=float) for column in zip(*rows, strict=True))
    return HeldOutThreshold(
        splits=len(rows),
        threshold_median=round(float(np.median(thresholds)), 4),
        threshold_5th=round(float(np.percentile(thresholds, 5)), 4),
        threshold_95th=round(float(np.percentile(thresholds, 95)), 4),
        no_precedent_flagged=_defined_mean(flagged),
        flagged_at_least_80=_defined_mean(np.where(np.isnan(flagged), np.nan, flagged >= 0.8)),
        answerable_wrongly_flagged=_defined_mean(wrongly),
        wrongly_flagged_at_most_10=_defined_mean(np.where(np.isnan(wrongly), np.nan, wrongly <= 0.1)),
        strong_useful=_defined_mean(useful),
        strong_wanted=_defined_mean(wanted),
    )


def _defined_mean(values: npt.NDArray[np.float64]) -> float | None:
    """The mean over the splits where a figure is defined (NaN: a held-out half had no such query)."""
    defined = values[~np.isnan(values)]
    return round(float(defined.mean()), 4) if len(defined) else None
