import bm25s
import numpy as np
import pytest

from nhsmatch.corpus import load_corpus
from nhsmatch.index.lexical import Bm25Index, _bm25


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [f"{r.title}. {r.challenge} {r.intervention}" for r in load_corpus().records]


@pytest.fixture(scope="module")
def index(texts: list[str]) -> Bm25Index:
    return Bm25Index.from_texts({"document": texts})


def test_query_tokens_are_what_bm25s_makes_of_the_text(index: Bm25Index, texts: list[str]) -> None:
    for text in [*texts[:50], "AF, A&E and the ED's 4-hour target", ""]:
        expected = bm25s.tokenize([text], stopwords="en", stemmer=index._stemmer, show_progress=False, return_ids=False)
        assert index.query_tokens(text) == expected[0]


def test_scores_equal_bm25s_own_scoring(index: Bm25Index, texts: list[str]) -> None:
    bm25 = index._indexes["document"]
    for text in [*texts[:40:3], "heart failure heart failure admissions", "nothing in the vocabulary: zzqx"]:
        tokens = [t for t in index.query_tokens(text) if t in bm25.vocab_dict]
        expected = bm25.get_scores(tokens) if tokens else np.zeros(len(texts))
        tokens = index.query_tokens(text)
        np.testing.assert_allclose(_bm25(bm25, tokens, [1.0] * len(tokens)), expected, rtol=1e-5, atol=1e-6)


def test_field_scores_are_normalised_to_the_best_record(index: Bm25Index) -> None:
    scores = index.scores("community pharmacy hypertension case finding")
    assert scores.max() == pytest.approx(1.0) and scores.min() >= 0
    assert not index.scores("zzqx").any()


def test_weighted_parts_count_their_words_by_their_weight(index: Bm25Index) -> None:
    problem, background = "community pharmacy hypertension case finding", "a teaching hospital with 12,000 staff"
    np.testing.assert_array_equal(index.weighted_scores([(problem, 1.0)]), index.scores(problem))
    np.testing.assert_allclose(index.weighted_scores([(problem, 1.0), (background, 0.0)]), index.scores(problem))
    bm25 = index._indexes["document"]
    tokens = index.query_tokens(problem)
    halved = [0.5 if t == tokens[0] else 1.0 for t in tokens]
    counted_half = _bm25(bm25, tokens, halved)
    np.testing.assert_allclose(
        counted_half + _bm25(bm25, tokens[:1], [0.5]), _bm25(bm25, tokens, [1.0] * len(tokens)), rtol=1e-5
    )
    # less weight on the background, and the records it alone would bring come down
    mixed = index.weighted_scores([(problem, 1.0), (background, 1.0)])
    leaning = index.weighted_scores([(problem, 1.0), (background, 0.1)])
    best_for_background = int(np.argmax(index.scores(background)))
    assert leaning[best_for_background] < mixed[best_for_background]
