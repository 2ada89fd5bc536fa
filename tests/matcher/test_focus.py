import numpy as np
import pytest

from nhsmatch.matcher.focus import focused_vector, specificity, whole_less_background

PROBLEM, BACKGROUND = np.eye(2, dtype=np.float32)  # two sentences' (unit) vectors
SENTENCES = ["heart failure is diagnosed late", "we are a large system"]  # five words each


def test_specificity_is_the_best_records_cosine_minus_the_last_ones() -> None:
    nearest = np.array([[0.8, 0.6, 0.3], [0.5, 0.45, 0.4]], dtype=np.float32)
    np.testing.assert_allclose(specificity(nearest, np.ones((2, 3), dtype=np.int64)), [0.5, 0.1], rtol=1e-6)


def test_specificity_ignores_the_places_a_store_could_not_fill() -> None:
    """FAISS pads with row -1 (and a huge negative score) when it finds fewer records than asked."""
    nearest = np.array([[0.8, 0.6, -3.4e38], [-3.4e38, -3.4e38, -3.4e38]], dtype=np.float32)
    rows = np.array([[4, 7, -1], [-1, -1, -1]], dtype=np.int64)
    np.testing.assert_allclose(specificity(nearest, rows), [0.2, 0.0], rtol=1e-6)


def test_the_more_specific_sentence_pulls_the_vector_its_way() -> None:
    vectors = np.stack([PROBLEM, BACKGROUND])
    focused = focused_vector(SENTENCES, vectors, np.array([0.5, 0.1]), whole=None, sharpness=4, whole_share=0.5)
    plain = focused_vector(SENTENCES, vectors, np.array([0.5, 0.1]), whole=None, sharpness=4, whole_share=1.0)
    assert np.linalg.norm(focused) == pytest.approx(1.0)
    assert plain @ PROBLEM == pytest.approx(plain @ BACKGROUND)  # the words-weighted mean: both alike
    assert focused @ PROBLEM > plain @ PROBLEM > focused @ BACKGROUND
    sharper = focused_vector(SENTENCES, vectors, np.array([0.5, 0.1]), whole=None, sharpness=8, whole_share=0.5)
    assert sharper @ PROBLEM >= focused @ PROBLEM


def test_sentences_alike_in_specificity_are_weighed_by_words_alone() -> None:
    vectors = np.stack([PROBLEM, BACKGROUND])
    for same in (np.array([0.3, 0.3]), np.zeros(2)):  # zero: a corpus of one record
        focused = focused_vector(["one two three", "one"], vectors, same, whole=None, sharpness=4, whole_share=0.5)
        np.testing.assert_allclose(focused, np.array([3, 1]) / np.sqrt(10), rtol=1e-5)


def test_the_whole_challenges_vector_keeps_its_share() -> None:
    """From the one pass, the whole challenge's vector stands in for the sentences' plain mean."""
    vectors = np.stack([PROBLEM, BACKGROUND])
    whole = np.array([0.6, 0.8], dtype=np.float32)
    specific = np.array([0.5, 0.1])
    as_read = focused_vector(SENTENCES, vectors, specific, whole=whole, sharpness=4, whole_share=1.0)
    np.testing.assert_allclose(as_read, whole, rtol=1e-6)
    focused = focused_vector(SENTENCES, vectors, specific, whole=whole, sharpness=4, whole_share=0.5)
    assert focused @ PROBLEM > whole @ PROBLEM
    assert np.linalg.norm(focused) == pytest.approx(1.0)


def test_the_whole_loses_each_sentences_share_as_far_as_it_is_background() -> None:
    vectors = np.stack([PROBLEM, BACKGROUND])
    whole = np.array([0.6, 0.8], dtype=np.float32)
    np.testing.assert_allclose(whole_less_background(whole, SENTENCES, vectors, np.ones(2)), whole, rtol=1e-6)
    # The background sentence has half the words: half its direction goes, the rest stays.
    np.testing.assert_allclose(
        whole_less_background(whole, SENTENCES, vectors, np.array([1.0, 0.0])),
        [0.6, 0.3] / np.hypot(0.6, 0.3),
        rtol=1e-5,
    )
    # A long challenge's whole is the sentences' mean by words: background drops out of it.
    alone = whole_less_background(None, ["one two three", "one"], vectors, np.array([1.0, 0.0]))
    np.testing.assert_allclose(alone, PROBLEM, rtol=1e-6)
