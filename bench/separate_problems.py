"""Two problems in one challenge: `python -m bench.separate_problems` (about 90 s).

A leader may put two problems in one challenge. Each of 80 seeded pairs of answerable dev
challenges that share no useful precedent is joined into one challenge ("<first> Separately,
<second>"), as written and in the words of `bench.paraphrase`'s two blind sets of rewrites (written
by sessions that saw only the challenges). Each half keeps its own judgments. Prints, for the
shipped ranking and for the same reading the challenge as one problem: how often the challenge is
read as separate problems; nDCG@10 of the one list shown against each half's judgments (the first
half, the second, and the lower of the two); and how often both halves have a useful precedent
(grade 1 or 2) among the first three shown.

Then the same for the pairs as written, joined by other writers' words (`bench.transitions`): the
40 read while the matcher's list of openings was written, and the 40 not read until it was done;
and joined within one sentence, as typed in one breath ("<first>, and separately <second>").

Then the other side: how many challenges that state one problem are read as several. These are the
dev challenges, the three sets of rewrites, `bench.questions`' follow-ups, `bench.new_topics`'
challenges, and each answerable dev challenge with three background sentences of `bench.context`
before it and three after it; and, apart, each of those challenges of more than one sentence with
words that go on with the same problem (`bench.transitions`) before its second sentence.

Last, whether a problem with no precedent is named as such beside one that has some: each
answerable dev challenge joined with each "no precedent" one ("<answerable> Separately, <none>").
Of those read as two problems, how often `no_strong_precedent_for` (or `no_strong_precedent`) names
the second, and how often it names the first when that one alone has a strong precedent.
"""

from __future__ import annotations

import itertools
import random
from statistics import fmean

from nhsmatch.api.cli import load_configured_matcher
from nhsmatch.corpus import DEFAULT_DEV_QUERIES_PATH
from nhsmatch.matcher.evaluation import JudgedQuery, load_judged_queries, ndcg_at
from nhsmatch.matcher.passages import sentence_spans
from nhsmatch.matcher.search import Matcher, Ranking

from . import context, new_topics, questions
from .paraphrase import BLIND_REWRITES, BLIND_REWRITES_2, REWRITES
from .transitions import BLIND_NEW_PROBLEM, BLIND_SAME_PROBLEM, OPEN_NEW_PROBLEM, OPEN_SAME_PROBLEM

PAIRS = 80
SEED = 0
CONNECTIVES = ["", "Separately, ", "A second problem: ", "We also have another issue. "]
# Within one sentence, as typed in one breath: "<first>, and separately <second>".
CLAUSE_CONNECTIVES = [", and separately ", "; separately, ", " and separately ", ", and on a different note, "]
RANKINGS = {"shipped": Ranking(), "read as one problem": Ranking(separate_problems=False)}


def useful(q: JudgedQuery) -> set[str]:
    return {record for record, grade in q.judgments.items() if grade}


def pairs(queries: list[JudgedQuery]) -> list[tuple[JudgedQuery, JudgedQuery, str]]:
    """Seeded pairs of challenges with no useful precedent in common, each with its connective."""
    rng = random.Random(SEED)
    unrelated = [(a, b) for a, b in itertools.combinations(queries, 2) if not useful(a) & useful(b)]
    rng.shuffle(unrelated)
    return [(a, b, rng.choice(CONNECTIVES)) for a, b in unrelated[:PAIRS]]


def joined(first: str, second: str, connective: str) -> str:
    return f"{context.as_sentence(first)} {continued(connective, context.as_sentence(second))}"


def joined_in_one_sentence(first: str, second: str, connective: str) -> str:
    return f"{first.rstrip(' .!?')}{continued(connective, context.as_sentence(second))}"


def continued(connective: str, sentence: str) -> str:
    """The sentence after the connective, in lower case after words that run on into it."""
    runs_on = connective.rstrip()[-1:].isalpha() or connective.rstrip().endswith((",", "-"))
    if runs_on and not sentence[1:2].isupper():  # "A&E" and "GP" keep their capitals
        sentence = sentence[:1].lower() + sentence[1:]
    return connective + sentence


def two_problems(matcher: Matcher, joined_pairs: list[tuple[JudgedQuery, JudgedQuery, str]]) -> tuple[float, ...]:
    """Share read as separate problems; each half's nDCG@10, the lower of the two; both useful in the top 3."""
    rows = []
    for a, b, text in joined_pairs:
        result = matcher.match(text, limit=10)
        shown = [p.record.id for p in result.precedents]
        first, second = ndcg_at(shown, a.judgments), ndcg_at(shown, b.judgments)
        both = all(useful(q) & set(shown[:3]) for q in (a, b))
        rows.append((bool(result.separate_problems), first, second, min(first, second), both))
    return tuple(fmean(column) for column in zip(*rows, strict=True))


def written_and_rewritten(queries: list[JudgedQuery]) -> list[str]:
    """The dev challenges as written and the three sets of rewrites."""
    return [q.query for q in queries] + [*REWRITES.values(), *BLIND_REWRITES.values(), *BLIND_REWRITES_2.values()]


def one_problem_texts(queries: list[JudgedQuery]) -> list[str]:
    answerable = [q for q in queries if q.has_precedent]
    texts = written_and_rewritten(queries)
    texts += [text for follow_ups in questions.FOLLOW_UPS.values() for text in follow_ups]
    texts += [challenge for half in (new_topics.OPEN, new_topics.HELD_OUT) for challenge in half.values()]
    rng = random.Random(SEED)
    background = [*context.BACKGROUND.values(), *context.HELD_OUT, *context.BLIND]
    for q in answerable:
        texts += [f"{sentence} {q.query}" for sentence in rng.sample(background, 3)]
        texts += [f"{context.as_sentence(q.query)} {sentence}" for sentence in rng.sample(background, 3)]
    return texts


def same_problem_texts(queries: list[JudgedQuery], connectives: list[str]) -> list[str]:
    """The dev challenges and rewrites of more than one sentence, with words that go on with the same
    problem (one of `connectives` in turn) before the second sentence."""
    split = [(text, sentence_spans(text)) for text in written_and_rewritten(queries)]
    several = [(text, spans[1][0]) for text, spans in split if len(spans) > 1]
    return [
        f"{text[:start]}{continued(connective, text[start:])}"
        for (text, start), connective in zip(several, itertools.cycle(connectives), strict=False)
    ]


def print_table(base: Matcher, columns: dict[str, list[tuple[JudgedQuery, JudgedQuery, str]]]) -> None:
    print(f"{'ranking':22}" + "".join(f"{name:>44}" for name in columns))
    for label, ranking in RANKINGS.items():
        matcher = base.with_ranking(ranking)
        cells = [two_problems(matcher, joined_pairs) for joined_pairs in columns.values()]
        print(
            f"{label:22}"
            + "".join(f"{f'{s:.0%} / {f:.3f} {t:.3f} {lo:.3f} / {both:.0%}':>44}" for s, f, t, lo, both in cells)
        )


def print_read_as_several(base: Matcher, label: str, texts: list[str]) -> None:
    split = [text for text in texts if base.match(text, limit=1).separate_problems]
    print(f"\n{label}: {len(split)} of {len(texts)}")
    for text in split:
        print(f"  {text[:150]}")


def no_precedent_halves(base: Matcher, queries: list[JudgedQuery]) -> None:
    answerable = [q for q in queries if q.has_precedent]
    strong_alone = {q.qid: not base.match(q.query, limit=1).no_strong_precedent for q in answerable}
    results = [
        (a, base.match(joined(a.query, none.query, "Separately, "), limit=10))
        for a in answerable
        for none in queries
        if not none.has_precedent
    ]
    split = [(a, r) for a, r in results if len(r.separate_problems) == 2]
    second = sum(r.no_strong_precedent or 1 in r.no_strong_precedent_for for _, r in split)
    first = sum(strong_alone[a.qid] and (r.no_strong_precedent or 0 in r.no_strong_precedent_for) for a, r in split)
    print(f"\n{len(results)} answerable dev challenges joined with a no-precedent one: {len(split)} read as two;")
    print(f"no strong precedent said of the second {second}, of the first (strong alone) {first}")


def main() -> None:
    queries = load_judged_queries(DEFAULT_DEV_QUERIES_PATH)
    answerable = [q for q in queries if q.has_precedent]
    chosen = pairs(answerable)
    columns = {
        name: [(a, b, joined(texts(a), texts(b), connective)) for a, b, connective in chosen]
        for name, texts in {
            "as written": lambda q: q.query,
            "blind rewrites": lambda q: BLIND_REWRITES[q.qid],
            "blind, second set": lambda q: BLIND_REWRITES_2[q.qid],
        }.items()
    }
    base = load_configured_matcher()
    print(f"{PAIRS} pairs of answerable dev challenges joined into one: read as separate / nDCG@10 of the first")
    print("half, the second, the lower of the two / both halves with a useful precedent in the top 3")
    print_table(base, columns)
    print("\nThe pairs as written, joined by other writers' words (bench.transitions), each used twice")
    print_table(
        base,
        {
            name: [(a, b, joined(a.query, b.query, c)) for (a, b, _), c in zip(chosen, connectives * 2, strict=True)]
            for name, connectives in {"read while writing": OPEN_NEW_PROBLEM, "not read": BLIND_NEW_PROBLEM}.items()
        },
    )
    print('\nThe pairs as written, joined within one sentence ("<first>, and separately <second>")')
    print_table(
        base,
        {
            "within one sentence": [
                (a, b, joined_in_one_sentence(a.query, b.query, c))
                for (a, b, _), c in zip(chosen, itertools.cycle(CLAUSE_CONNECTIVES), strict=False)
            ]
        },
    )
    print_read_as_several(base, "challenges stating one problem read as several", one_problem_texts(queries))
    for name, connectives in {"read while writing": OPEN_SAME_PROBLEM, "not read": BLIND_SAME_PROBLEM}.items():
        label = f"with words going on with the same problem ({name}), read as several"
        print_read_as_several(base, label, same_problem_texts(queries, connectives))
    no_precedent_halves(base, queries)


if __name__ == "__main__":
    main()
