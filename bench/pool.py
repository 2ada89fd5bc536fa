"""Pool records for judging new challenges: `python -m bench.pool CHALLENGES [--depth 15] [--parts 5]`.

CHALLENGES is JSONL with `qid` and `query` (other fields are kept out of the judges' files). Each
challenge's pool is the union of the top DEPTH records of every ranking `matcher eval` prints, the
plain baselines included, shuffled (seeded) so a judge cannot tell which ranking found what. The
pools are written round-robin to PARTS files, `to-judge-K.jsonl` beside CHALLENGES, one per judge:
`{"qid", "query", "candidates": [record ids]}`. With every ranking's top DEPTH judged, no top 10
scored against the judgments holds a record no judge saw (README, *New challenges, newly judged*).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from nhsmatch.api.cli import load_configured_matcher
from nhsmatch.api.commands.eval_cmd import VARIANTS, plain_baselines, rank_challenge
from nhsmatch.matcher.evaluation import JudgedQuery
from nhsmatch.matcher.search import Matcher

SEED = 7


def pools(matcher: Matcher, queries: list[JudgedQuery], depth: int) -> dict[str, list[str]]:
    """Per challenge, the records in the top `depth` of any ranking, in a seeded random order."""
    pooled: dict[str, set[str]] = {q.qid: set() for q in queries}
    for baseline in plain_baselines(matcher, queries).values():
        for q in queries:
            pooled[q.qid].update(baseline[q.qid].ids[:depth])
    for ranking in VARIANTS.values():
        variant = matcher.with_ranking(ranking)
        for q in queries:
            pooled[q.qid].update(rank_challenge(variant, q.query).ids[:depth])
    rng = random.Random(SEED)
    shuffled = {}
    for qid, ids in pooled.items():
        shuffled[qid] = sorted(ids)
        rng.shuffle(shuffled[qid])
    return shuffled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("challenges", type=Path)
    parser.add_argument("--depth", type=int, default=15)
    parser.add_argument("--parts", type=int, default=5, help="how many judges share the challenges")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.challenges.read_text(encoding="utf-8").splitlines() if line.strip()]
    queries = [JudgedQuery(row["qid"], row["query"], "", {}) for row in rows]
    pooled = pools(load_configured_matcher(), queries, args.depth)
    for part in range(args.parts):
        lines = [
            json.dumps({"qid": q.qid, "query": q.query, "candidates": pooled[q.qid]}) + "\n"
            for q in queries[part :: args.parts]
        ]
        (args.challenges.parent / f"to-judge-{part + 1}.jsonl").write_text("".join(lines), encoding="utf-8")
    sizes = [len(ids) for ids in pooled.values()]
    print(f"{len(queries)} challenges, {sum(sizes)} records to judge ({min(sizes)}–{max(sizes)} each)")


if __name__ == "__main__":
    main()
