"""What a sentence about what the problem is *not* costs: `python -m bench.asides` (about 25 seconds).

Leaders often say what is already fine before or after their problem ("Our diabetes care is fine;
the problem is ..."). This adds such a sentence about another topic (one whose vocabulary concepts
the challenge does not name) to each answerable dev challenge, before or after it, drawn at random
(5 seeded draws), and prints nDCG@10 against the challenges as written (the baseline, same run)
with the dismissing clauses set aside (matcher/asides.py, shipped) and searched like the rest.
One set of sentences was written with the list of dismissals (it shows the mechanism works), a
second after it, held out (how far the list reaches phrasing it was not written for). The list was
later widened from dismissals other sessions wrote; of the two sets written blind after that, the
first was measured and then used to widen it again, and the second is held out.
"""

from __future__ import annotations

import random
from statistics import fmean

from bench.context import Rewrite, as_sentence, mean_ndcg
from nhsmatch.api.cli import load_configured_matcher
from nhsmatch.corpus import DEFAULT_DEV_QUERIES_PATH
from nhsmatch.matcher.evaluation import JudgedQuery, load_judged_queries
from nhsmatch.matcher.search import Matcher, Ranking

TOPICS = [
    "diabetes care",
    "atrial fibrillation",
    "cancer screening",
    "COPD",
    "talking therapies",
    "childhood immunisation",
    "hip and knee surgery",
    "dermatology",
    "heart failure",
    "maternity services",
]
DISMISSALS = [
    "{Topic} is not the problem here.",
    "Our {topic} services are working well; that is not what we are asking about.",
    "We are not looking for help with {topic}.",
    "This has nothing to do with {topic}.",
    "Our {topic} pathway is fine.",
    "{Topic} is under control in our area.",
    # Held out when first written; the list was then extended for the three it missed.
    "{Topic} isn't an issue for us.",
    "We don't need help with {topic}.",
    "Our {topic} work is in hand.",
    "We're happy with our {topic}.",
    "It's not about {topic}.",
    "{Topic} is not a priority for this work.",
    "We have no concerns about {topic}.",
    "Please ignore {topic}; it's fine.",
]
# Written after the list was last extended, and not used to extend it: how far it reaches phrasing
# it was not written for.
HELD_OUT_DISMISSALS = [
    "{Topic} is not something we need help with.",
    "We've got {topic} sorted.",
    "{Topic} is already well covered here.",
    "There are no problems with our {topic}.",
    "Leave {topic} aside.",
    "{Topic} isn't the focus.",
    "We are satisfied with how {topic} is run.",
    "Our {topic} is in good shape.",
]
# Written blind by a helper session after the list was widened (session 25) from 119 dismissals
# another helper wrote; measured as held out, then used to widen the list again.
WIDENED_WITH = [
    "We don't need any help with {topic}.",
    "We're not looking at {topic} at the moment, so please leave that out.",
    "Our performance on {topic} is in good shape and needs no further attention.",
    "Please exclude {topic} from the results, as that sits outside the scope of this review.",
    "Honestly, the one area that's going fine for us is {topic}.",
    "There are no concerns locally about {topic}.",
    "I'd rather not see anything on {topic} — another team already has that covered.",
    "{Topic}: not a concern for us, so skip it.",
    "Ignore {topic} — that's all sorted.",
    "The ICB has confirmed we are meeting our targets for {topic}, "
    "so that area is not a priority for this piece of work.",
    "Don't bother with {topic}, that's not our issue.",
    "Anything relating to {topic} can be disregarded for the purposes of this query.",
]
# Written blind by a third helper session after that; never used to extend the list.
HELD_OUT_DISMISSALS_2 = [
    "{Topic}: not an issue here. Disregard.",
    "For the avoidance of doubt, matters relating to {topic} fall outside the scope of this enquiry "
    "and should be excluded.",
    "Honestly, we've got {topic} well sorted at our end, so please don't send me anything on that one!",
    "no need for {topic} stuff, thats all fine for us",
    "Please, I do not need information about {topic}, this one we have already under control.",
    "Our performance on {topic} is strong, so leave it off the list.",
    "Anything to do with {topic} sits with another team entirely, so skip it.",
    "Happy with where we are on {topic}, so don't bother pulling that in.",
    "The board has already signed off our approach to {topic} and we're comfortable with it, "
    "so there's no call to surface material there.",
    "Leave out {topic} - that's not what's keeping me up at night.",
    "pls exclude {topic}, already covered",
    "We have no concerns regarding {topic} at this time and would ask that it not feature in what comes back.",
]
DRAWS = 5
RANKINGS = {"shipped": Ranking(), "dismissals searched": Ranking(set_aside_dismissals=False)}


def dismissal_draw(matcher: Matcher, queries: list[JudgedQuery], seed: int, dismissals: list[str]) -> Rewrite:
    rng = random.Random(seed)
    drawn: dict[str, tuple[str, bool]] = {}
    for q in queries:
        named = {c.name for c in matcher.vocabulary.find(q.query)}
        topic = rng.choice([t for t in TOPICS if not named & {c.name for c in matcher.vocabulary.find(t)}])
        sentence = rng.choice(dismissals).format(topic=topic, Topic=topic[0].upper() + topic[1:])
        drawn[q.qid] = (sentence, rng.random() < 0.5)

    def rewrite(q: JudgedQuery) -> str:
        sentence, before = drawn[q.qid]
        return f"{sentence} {q.query}" if before else f"{as_sentence(q.query)} {sentence}"

    return rewrite


def main() -> None:
    queries = [q for q in load_judged_queries(DEFAULT_DEV_QUERIES_PATH) if q.has_precedent]
    base = load_configured_matcher()
    drawn = {
        "written with it": [dismissal_draw(base, queries, seed, DISMISSALS) for seed in range(DRAWS)],
        "held out": [dismissal_draw(base, queries, seed, HELD_OUT_DISMISSALS) for seed in range(DRAWS)],
        "widened with": [dismissal_draw(base, queries, seed, WIDENED_WITH) for seed in range(DRAWS)],
        "held out, second": [dismissal_draw(base, queries, seed, HELD_OUT_DISMISSALS_2) for seed in range(DRAWS)],
    }
    print(f"nDCG@10 over {len(queries)} answerable dev challenges, a sentence on what the problem is not added")
    print(f"{'ranking':22}{'as written':>12}" + "".join(f"{column:>18}" for column in drawn))
    for label, ranking in RANKINGS.items():
        matcher = base.with_ranking(ranking)
        row = [mean_ndcg(matcher, queries, lambda q: q.query)]
        row += [fmean(mean_ndcg(matcher, queries, draw) for draw in draws) for draws in drawn.values()]
        print(f"{label:22}" + f"{row[0]:>12.3f}" + "".join(f"{value:>18.3f}" for value in row[1:]))


if __name__ == "__main__":
    main()
