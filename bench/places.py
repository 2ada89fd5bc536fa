"""Challenges that say where the asker is: `python -m bench.places` (about a minute).

ICB, trust and PCN managers say where they are ("In Lincolnshire, ...", "We're a PCN in Leeds.").
No dev or new-set challenge names the asker's place, so `matcher eval` cannot tell what a place does
to the ranking. Each answerable challenge of both judged sets is asked again naming a place, in each
of the ways below (written before any was ranked), the place one of the corpus's own localities
(which draw records most), taken in turn. Prints, with the places read as "our area" (shipped) and
searched as words: nDCG@10 against the judgments, beside the challenges as written; the share whose
first precedent is the one as written; and the share in which a record from the place named comes
into the top 5 though it was not there as written. Then how long finding places takes.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from statistics import fmean, median

from nhsmatch.api.cli import load_configured_matcher
from nhsmatch.corpus import DEFAULT_DEV_QUERIES_PATH
from nhsmatch.matcher.evaluation import JudgedQuery, load_judged_queries, ndcg_at
from nhsmatch.matcher.search import Matcher

from . import FRESH_CHALLENGES_PATH

WAYS = (
    "In {place}, {challenge_lowered}",
    "We're an ICB in {place}. {challenge}",
    "Our trust ({place}): {challenge}",
    "{challenge} This is across {place}.",
    "{challenge} we're a pcn in {place_lowered}",
)
PLACES = (
    "Lincolnshire",
    "Greater Manchester",
    "Nottingham",
    "Leeds",
    "Gloucestershire",
    "Sunderland",
    "Cornwall",
    "Kent and Medway",
    "Wirral",
    "Grampian",
    "Swansea",
    "Belfast",
    "Hertfordshire",
    "North West London",
    "Oxford",
)


def answerable() -> list[JudgedQuery]:
    queries = [*load_judged_queries(DEFAULT_DEV_QUERIES_PATH), *load_judged_queries(FRESH_CHALLENGES_PATH)]
    return [q for q in queries if any(q.judgments.values())]


def placed(queries: list[JudgedQuery]) -> Iterator[tuple[JudgedQuery, str, str]]:
    """Each challenge asked in each way, naming a place: (query, the challenge, the place)."""
    for i, query in enumerate(queries):
        text = query.query.strip()
        for w, way in enumerate(WAYS):
            place = PLACES[(i + w) % len(PLACES)]
            challenge = way.format(
                place=place,
                place_lowered=place.lower(),
                challenge=text if text.endswith((".", "?", "!")) else f"{text}.",
                challenge_lowered=text[0].lower() + text[1:],
            )
            yield query, challenge, place


def figures(matcher: Matcher, queries: list[JudgedQuery]) -> tuple[float, float, float, float]:
    """nDCG@10 as written and naming a place, the share with the same first precedent, and the share
    with a record from the place in the top 5 that was not there as written."""
    as_written = {q.qid: [p.record for p in matcher.match(q.query, limit=10).precedents] for q in queries}
    named, same_first, drawn = [], [], []
    for query, challenge, place in placed(queries):
        shown = [p.record for p in matcher.match(challenge, limit=10).precedents]
        named.append(ndcg_at([r.id for r in shown], query.judgments))
        same_first.append(shown[0].id == as_written[query.qid][0].id)
        before = {r.id for r in as_written[query.qid][:5]}
        from_place = [r for r in shown[:5] if place.lower() in r.locality.lower() and r.id not in before]
        drawn.append(bool(from_place))
    written = [ndcg_at([r.id for r in as_written[q.qid]], q.judgments) for q in queries]
    return fmean(written), fmean(named), fmean(same_first), fmean(drawn)


def main() -> None:
    base = load_configured_matcher()
    queries = answerable()
    print(f"{len(queries)} answerable challenges, each asked {len(WAYS)} ways naming a place")
    print(f"{'places read':22}{'nDCG as written':>17}{'naming a place':>16}{'same first':>12}{'place drawn':>13}")
    for label, matcher in (
        ("as our area (shipped)", base),
        ("as words", base.with_ranking(replace(base.ranking, places_as_anywhere=False))),
    ):
        written, named, same_first, drawn = figures(matcher, queries)
        print(f"{label:22}{written:>17.4f}{named:>16.4f}{same_first:>12.0%}{drawn:>13.0%}")
    challenges = [challenge for _, challenge, _ in placed(queries)]
    times = []
    for _ in range(5):
        start = time.perf_counter()
        for challenge in challenges:
            base.places.named_in(challenge)
            base.places.as_anywhere(challenge)
        times.append((time.perf_counter() - start) / len(challenges))
    print(f"finding places and reading them as our area: median {median(times) * 1e6:.0f} µs per challenge (5 runs)")


if __name__ == "__main__":
    main()
