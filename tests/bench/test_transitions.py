"""bench.transitions: the list of openings finds most of the ways other writers begin a second
problem, takes few of their ways of going on with the same one for a new problem, and opens no
problem in a record's sentences."""

from __future__ import annotations

import pytest

from bench.transitions import BLIND_NEW_PROBLEM, BLIND_SAME_PROBLEM, OPEN_NEW_PROBLEM, OPEN_SAME_PROBLEM
from nhsmatch.corpus import load_corpus
from nhsmatch.matcher.passages import sentence_spans
from nhsmatch.matcher.problems import opens_new_problem

NEXT = "Our radiology equipment is old and patients wait weeks for a scan."


def share_opening(connectives: list[str]) -> float:
    return sum(opens_new_problem(connective + NEXT) for connective in connectives) / len(connectives)


@pytest.mark.parametrize(
    ("new", "same"), [(OPEN_NEW_PROBLEM, OPEN_SAME_PROBLEM), (BLIND_NEW_PROBLEM, BLIND_SAME_PROBLEM)]
)
def test_other_writers_second_problems_are_found_and_their_continuations_mostly_not(
    new: list[str], same: list[str]
) -> None:
    assert len(new) == len(same) == 40
    assert share_opening(new) >= 0.8
    assert share_opening(same) <= 0.15


def test_no_sentence_of_a_record_opens_a_new_problem() -> None:
    texts = [" ".join([r.challenge, r.intervention, *r.outcomes]) for r in load_corpus().records]
    sentences = [text[start:end] for text in texts for start, end in sentence_spans(text)]
    assert len(sentences) > 1000
    assert [s for s in sentences if opens_new_problem(s)] == []
