from pathlib import Path

import numpy as np
import pytest

from nhsmatch.index.faiss_store import FaissStore


def normalised(rows: int, dim: int = 16, seed: int = 0) -> np.ndarray:
    vectors = np.random.default_rng(seed).normal(size=(rows, dim)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def brute_force(vectors: np.ndarray, query: np.ndarray, top_k: int) -> tuple[np.ndarray, np.ndarray]:
    scores = vectors @ query
    order = np.argsort(-scores)[:top_k]
    return scores[order], order


@pytest.mark.parametrize("kind", ["flat", "hnsw"])
def test_search_agrees_with_brute_force(kind: str) -> None:
    vectors, queries = normalised(500), normalised(20, seed=1)
    store = FaissStore.build(vectors, kind)
    assert store.kind == kind and len(store) == 500
    scores, rows = store.search(queries, 10)
    recall = []
    for q in range(len(queries)):
        expected_scores, expected_rows = brute_force(vectors, queries[q], 10)
        recall.append(len(set(rows[q]) & set(expected_rows)) / 10)
        if kind == "flat":
            assert np.array_equal(rows[q], expected_rows)
            assert np.allclose(scores[q], expected_scores, atol=1e-5)
    assert np.mean(recall) >= 0.98


@pytest.mark.parametrize("kind", ["flat", "hnsw"])
def test_allowed_rows_restrict_results(kind: str) -> None:
    vectors = normalised(200)
    allowed = np.arange(0, 200, 7, dtype=np.int64)
    _, rows = FaissStore.build(vectors, kind).search(vectors[:3], 5, allowed)
    assert set(rows.ravel()) <= set(allowed.tolist())


def test_save_load_round_trip(tmp_path: Path) -> None:
    vectors = normalised(50)
    store = FaissStore.build(vectors)
    store.save(tmp_path / "s.faiss")
    loaded = FaissStore.load(tmp_path / "s.faiss")
    assert np.array_equal(store.search(vectors[:2], 5)[1], loaded.search(vectors[:2], 5)[1])


def test_size_picks_the_index_kind() -> None:
    assert FaissStore.build(normalised(10)).kind == "flat"
