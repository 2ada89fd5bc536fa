"""`matcher eval`: ranking quality on graded judgments, BM25-only vs dense-only vs shipped, and the
quality of the likely partners each names."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

import click
import numpy as np

from ...corpus import DEFAULT_DEV_QUERIES_PATH
from ...index.lexical import Bm25Index
from ...matcher.errors import UnknownPartnershipError
from ...matcher.evaluation import (
    Difference,
    JudgedQuery,
    LabelMeaning,
    Ranked,
    Shown,
    best_score,
    diversity_at,
    evaluate,
    evaluate_partners,
    fit_strong_threshold,
    held_out_threshold,
    label_meanings,
    load_judged_queries,
    ndcg_by_query,
    paired_difference,
    shown_with_grades,
)
from ...matcher.search import Matcher, Ranking

# Our two halves alone, the hybrid before the feedback and diversity steps, and what ships.
VARIANTS = {
    "bm25-only": Ranking(mode="lexical", company_penalty=0),
    "dense-only": Ranking(mode="dense", company_penalty=0),
    "hybrid, no feedback": Ranking(feedback_depth=0, company_penalty=0),
    "hybrid, no diversity": Ranking(company_penalty=0),
    "shipped": Ranking(),
}
HALVES = ("bm25-only", "dense-only")
TARGET_GAIN = 0.05  # nDCG@10 the shipped ranking should add over the better half (issue 3)


@click.command(name="eval")
@click.option(
    "--queries",
    "queries_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=DEFAULT_DEV_QUERIES_PATH,
    show_default="the bundled dev set",
    help="Judgments (JSONL).",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("eval-results.json"),
    show_default=True,
    help="Where the JSON results go.",
)
@click.option("--fit", is_flag=True, help="Also print the 'strong' thresholds that meet the no-precedent targets.")
def eval_command(queries_path: Path, output: Path, fit: bool) -> None:
    """Score the ranking against graded judgments: nDCG@10, recall@10 (grade 2), recall@5, MRR."""
    from ..cli import configure_logging, load_configured_matcher

    configure_logging("WARNING")
    queries = load_judged_queries(queries_path)
    base = load_configured_matcher()
    results, rankings = {}, {}
    partners_of = _partners_of(base)
    for name, baseline in plain_baselines(base, queries).items():
        results[name] = _scored(base, queries, baseline, flags=False)
    for name, ranking in VARIANTS.items():
        matcher = base.with_ranking(ranking)
        rankings[name] = {q.qid: rank_challenge(matcher, q.query) for q in queries}
        results[name] = _scored(base, queries, rankings[name], flags=True)
        results[name]["partners"] = asdict(evaluate_partners(queries, rankings[name], partners_of))
    _print_table(results)
    _print_partner_table({name: row["partners"] for name, row in results.items() if "partners" in row})
    # Only the shipped scores are on the scale the label thresholds were fitted to.
    labels = label_meanings(queries, rankings["shipped"])
    results["shipped"]["labels"] = {label: asdict(meaning) for label, meaning in labels.items()}
    _print_label_table(labels)
    better_half = max(HALVES, key=lambda name: results[name]["ndcg_10"] or 0.0)
    gain = paired_difference(ndcg_by_query(queries, rankings["shipped"]), ndcg_by_query(queries, rankings[better_half]))
    _print_gain(better_half, gain)
    fitted = None
    if fit:
        fitted = _report_threshold_fit(shown_with_grades(queries, rankings["shipped"]), base.thresholds.strong)
    gain_over_better_half = {"over": better_half, "target": TARGET_GAIN, **asdict(gain)}
    report = {"queries": str(queries_path), "results": results, "shipped_gain": gain_over_better_half}
    if fitted:
        report["strong_threshold"] = fitted
    output.write_text(json.dumps(report, indent=2), encoding="utf-8")
    click.echo(f"\nWrote {output}")


def plain_baselines(matcher: Matcher, queries: list[JudgedQuery]) -> dict[str, dict[str, Ranked]]:
    """Textbook baselines on the records as written: no vocabulary, one text per record."""
    records = matcher.records
    texts = [f"{r.title}. {r.challenge} {r.intervention} {' '.join(r.outcomes)}" for r in records]
    bm25 = Bm25Index.from_texts({"document": texts})
    vectors = matcher.embedder.encode(texts)
    query_vectors = matcher.embedder.encode([q.query for q in queries])

    def top(scores: np.ndarray) -> Ranked:
        return Ranked([records[i].id for i in np.argsort(-scores, kind="stable")[:20]], False)

    return {
        "bm25, plain text": {q.qid: top(bm25.scores(q.query)) for q in queries},
        "dense, one vector": {q.qid: top(vectors @ query_vectors[i]) for i, q in enumerate(queries)},
    }


def _scored(
    matcher: Matcher, queries: list[JudgedQuery], ranked: dict[str, Ranked], *, flags: bool
) -> dict[str, float | None]:
    """The quality and diversity figures of one ranking, companies counted as the diversity step does."""
    scores = asdict(evaluate(queries, lambda q: ranked[q.qid]))
    if not flags:  # these baselines have no notion of a strong match
        scores["no_precedent_flagged"] = scores["answerable_wrongly_flagged"] = None
    return scores | diversity_at([ranked[q.qid].ids for q in queries], matcher.companies_of)


def rank_challenge(matcher: Matcher, challenge: str) -> Ranked:
    """The top 20 as `matcher eval` scores them."""
    result = matcher.match(challenge, limit=20)
    partners = tuple(matcher.names.key(p.name) for p in result.partners)
    labels = tuple(p.match for p in result.precedents)
    scores = tuple(p.score for p in result.precedents)
    return Ranked([p.record.id for p in result.precedents], result.no_strong_precedent, partners, labels, scores)


def _partners_of(matcher: Matcher) -> Callable[[str], set[str]]:
    """The organisations a record's likely partners come from, keyed as the partner ranking keys them."""

    def partners_of(record_id: str) -> set[str]:
        try:
            record = matcher.get(record_id)
        except UnknownPartnershipError:  # judged against another corpus: a precedent no ranking can find
            return set()
        return {matcher.names.key(p.name) for p in record.non_nhs_partners}

    return partners_of


def _print_table(results: dict[str, dict[str, float | None]]) -> None:
    columns = [
        ("ndcg_10", "nDCG@10"),
        ("recall_10_grade2", "R@10 (2)"),
        ("recall_5_relevant", "R@5 (>=1)"),
        ("mrr", "MRR"),
        ("no_precedent_flagged", "no-prec flagged"),
        ("answerable_wrongly_flagged", "wrongly flagged"),
        ("distinct_companies_top10", "companies@10"),
        ("one_company_over_3_top10", ">3 of one@10"),
    ]
    click.echo(f"{'ranking':22}" + "".join(f"{title:>17}" for _, title in columns))
    for name, row in results.items():
        cells = (f"{row[key]:>17.4f}" if row[key] is not None else f"{'n/a':>17}" for key, _ in columns)
        click.echo(f"{name:22}" + "".join(cells))


def _print_partner_table(results: dict[str, dict[str, float]]) -> None:
    columns = [
        ("ndcg_5_best", "nDCG@5 best"),
        ("ndcg_5_track_record", "nDCG@5 track"),
        ("first_did_a_grade2", "first did a 2"),
        ("top5_without_useful", "top 5 unsupported"),
    ]
    click.echo("\nlikely partners, scored by the judged precedents each took part in")
    click.echo(f"{'ranking':22}" + "".join(f"{title:>19}" for _, title in columns))
    for name, row in results.items():
        click.echo(f"{name:22}" + "".join(f"{row[key]:>19.4f}" for key, _ in columns))


def _print_label_table(labels: dict[str, LabelMeaning]) -> None:
    click.echo("\nwhat each match label meant, shipped, top 10 of every query (unjudged = not useful)")
    click.echo(f"{'label':22}" + "".join(f"{title:>17}" for title in ("shown", "judged", "useful (>=1)", "wanted (2)")))
    for label, m in labels.items():
        click.echo(f"{label:22}{m.shown:>17}{m.judged:>17.4f}{m.useful:>17.4f}{m.wanted:>17.4f}")


def _report_threshold_fit(shown: Shown, shipped_strong: float) -> dict[str, object] | None:
    """Prints the "strong" thresholds that meet the flag targets on the shipped ranking's top 10s,
    and how one fitted on half the queries fares on the other half; returns them for the JSON
    (None: no threshold meets them)."""
    try:
        low, high = fit_strong_threshold([(best_score(found), has) for has, found in shown])
        check = held_out_threshold(shown)
    except ValueError as error:
        click.echo(f"\nstrong threshold: {error}")
        return None
    click.echo(
        f"\nstrong threshold: feasible {low:.4f}..{high:.4f}, middle {(low + high) / 2:.4f} (shipped: {shipped_strong})"
    )

    def share(value: float | None, digits: int = 1) -> str:
        return "n/a" if value is None else f"{value:.{digits}%}"

    click.echo(
        f"fitted on random halves, checked on the other halves ({check.splits} splits):\n"
        f"  threshold {check.threshold_5th:.3f}..{check.threshold_95th:.3f} in 90 % of splits "
        f"(median {check.threshold_median:.3f})\n"
        f"  no-precedent flagged {share(check.no_precedent_flagged)} "
        f"(>= 80 % in {share(check.flagged_at_least_80, 0)} of splits)\n"
        f"  answerable wrongly flagged {share(check.answerable_wrongly_flagged)} "
        f"(<= 10 % in {share(check.wrongly_flagged_at_most_10, 0)} of splits)\n"
        f"  labelled strong: {share(check.strong_useful)} useful, {share(check.strong_wanted)} wanted"
    )
    return {"feasible": [low, high], "held_out": asdict(check)}


def _print_gain(better_half: str, gain: Difference) -> None:
    verdict = "met" if gain.mean >= TARGET_GAIN else "not met"
    click.echo(
        f"\nshipped - {better_half} (the better half): {gain.mean:+.4f} nDCG@10, 95 % interval "
        f"{gain.low:+.4f} to {gain.high:+.4f} (paired bootstrap over {gain.queries} answerable queries); "
        f"target {TARGET_GAIN:+.2f}: {verdict}"
    )
