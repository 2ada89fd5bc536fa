"""bench.useful_records: its challenges are about the records the dev set finds useful but never
wants (and no other set targets), and the shipped ranking finds their known answers."""

from __future__ import annotations

from pathlib import Path

from bench import new_topics
from bench.useful_records import HELD_OUT, OPEN
from nhsmatch.corpus import DEFAULT_DEV_QUERIES_PATH, Corpus
from nhsmatch.matcher.evaluation import load_judged_queries
from nhsmatch.matcher.search import Matcher
from tests.bench.test_fresh_challenges import FRESH


def test_known_answers_are_the_records_the_dev_set_finds_useful_but_never_wants(full_corpus: Corpus) -> None:
    def graded(paths: tuple[Path, ...], grades: set[int]) -> set[str]:
        return {r for path in paths for q in load_judged_queries(path) for r, g in q.judgments.items() if g in grades}

    wanted = graded((DEFAULT_DEV_QUERIES_PATH, FRESH), {2})
    untargeted = graded((DEFAULT_DEV_QUERIES_PATH,), {1}) - wanted - set(new_topics.OPEN) - set(new_topics.HELD_OUT)
    chosen = sorted(untargeted & {record.id for record in full_corpus.records})
    assert list(OPEN) == chosen[0::2] and list(HELD_OUT) == chosen[1::2]  # halves alternate by id


def test_the_shipped_ranking_finds_known_answers_the_dev_set_never_wants(full_matcher: Matcher) -> None:
    answers = list(new_topics.known_answers(full_matcher, OPEN | HELD_OUT).values())
    assert sum(a.rank == 1 for a in answers) >= 0.8 * len(answers)
    assert sum(a.rank is not None and a.rank <= 10 for a in answers) >= 0.95 * len(answers)
    assert not any(a.flagged for a in answers)  # every challenge here has a precedent
