"""bench.new_topics: its challenges are about the records no dev challenge finds useful, and the
shipped ranking finds their known answers and the organisations behind them."""

from __future__ import annotations

from bench.new_topics import HELD_OUT, OPEN, known_answers
from nhsmatch.corpus import DEFAULT_DEV_QUERIES_PATH, Corpus
from nhsmatch.matcher.evaluation import load_judged_queries
from nhsmatch.matcher.search import Matcher


def test_known_answers_are_the_records_no_dev_challenge_finds_useful(full_corpus: Corpus) -> None:
    useful = {
        record_id
        for query in load_judged_queries(DEFAULT_DEV_QUERIES_PATH)
        for record_id, grade in query.judgments.items()
        if grade > 0
    }
    untouched = sorted(record.id for record in full_corpus.records if record.id not in useful)
    assert list(OPEN) == untouched[0::2] and list(HELD_OUT) == untouched[1::2]  # halves alternate by id


def test_the_shipped_ranking_finds_known_answers_and_their_partners_on_new_topics(full_matcher: Matcher) -> None:
    answers = list(known_answers(full_matcher, OPEN | HELD_OUT).values())
    assert sum(a.rank is not None and a.rank <= 10 for a in answers) >= 0.95 * len(answers)
    assert sum(a.flagged for a in answers) <= 0.1 * len(answers)  # every challenge here has a precedent
    assert sum(a.partner_rank is not None and a.partner_rank <= 5 for a in answers) >= 0.9 * len(answers)
