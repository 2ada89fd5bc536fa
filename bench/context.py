"""What a sentence of background costs: `python -m bench.context`.

Leaders often open with their organisation ("Our ICS serves 1.4 million people ...") before the
problem. This adds one such sentence, written for the check, before and after each dev challenge
and prints nDCG@10 of the shipped ranking and of its two halves, against the challenges as written
(the baseline, in the same run). About twenty seconds.
"""

from __future__ import annotations

from nhsmatch.api.cli import load_configured_matcher
from nhsmatch.corpus import DEFAULT_DEV_QUERIES_PATH
from nhsmatch.matcher.evaluation import load_judged_queries, ndcg_at
from nhsmatch.matcher.search import Matcher, Ranking

BACKGROUND = {
    "the system": (
        "Our integrated care system serves around 1.4 million people across four places, with three acute "
        "trusts, a combined community and mental health trust, 31 primary care networks and an active "
        "voluntary sector."
    ),
    "money": (
        "Like every system, we have a financial gap to close this year and next, and our boards have agreed "
        "that new work must show a clear return within two years."
    ),
    "plain": (
        "We are a large organisation serving around a million people across a wide area, and we would like "
        "to learn from others who have faced this before."
    ),
}
RANKINGS = {
    "shipped": Ranking(),
    "dense-only": Ranking(mode="dense", company_penalty=0),
    "bm25-only": Ranking(mode="lexical", company_penalty=0),
}


def mean_ndcg(matcher: Matcher, texts: dict[str, str], judgments: dict[str, dict[str, int]]) -> float:
    scores = [
        ndcg_at([p.record.id for p in matcher.match(text, limit=10).precedents], judgments[qid])
        for qid, text in texts.items()
    ]
    return sum(scores) / len(scores)


def main() -> None:
    queries = [q for q in load_judged_queries(DEFAULT_DEV_QUERIES_PATH) if q.has_precedent]
    judgments = {q.qid: q.judgments for q in queries}
    base = load_configured_matcher()
    columns = ["as written"] + [f"{name} {where}" for name in BACKGROUND for where in ("before", "after")]
    print(f"nDCG@10 over {len(queries)} answerable dev challenges, one sentence of background added")
    print(f"{'ranking':12}" + "".join(f"{c:>19}" for c in columns))
    for label, ranking in RANKINGS.items():
        matcher = base.with_ranking(ranking)
        row = [mean_ndcg(matcher, {q.qid: q.query for q in queries}, judgments)]
        for sentence in BACKGROUND.values():
            row.append(mean_ndcg(matcher, {q.qid: f"{sentence} {q.query}" for q in queries}, judgments))
            row.append(mean_ndcg(matcher, {q.qid: f"{q.query} {sentence}" for q in queries}, judgments))
        print(f"{label:12}" + "".join(f"{value:>19.3f}" for value in row))


if __name__ == "__main__":
    main()
