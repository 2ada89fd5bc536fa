"""BatchingEmbedder: the same vectors as direct encoding, in fewer model calls."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from nhsmatch.index.batching import BatchingEmbedder
from nhsmatch.index.embedder import SentenceTransformerEmbedder
from nhsmatch.matcher.interfaces import Span, Vectors
from tests.conftest import DEV_QUERIES


class CountingEmbedder:
    """The real embedder, recording each call's size; `gate` holds calls until it is set."""

    def __init__(self, inner: SentenceTransformerEmbedder, gate: threading.Event | None = None) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dimension = inner.dimension
        self.gate = gate
        self.calls: list[int] = []

    def encode(self, texts: list[str], show_progress: bool = False) -> Vectors:
        self.calls.append(len(texts))
        if self.gate is not None:
            self.gate.wait()
        return self.inner.encode(texts)

    def encode_spans(self, texts: list[str], spans: Sequence[Sequence[Span]]) -> list[Vectors]:
        self.calls.append(len(texts))
        return self.inner.encode_spans(texts, spans)


def _wait_until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in 60 s"
        time.sleep(0.001)


def test_concurrent_calls_get_the_vectors_direct_encoding_gives(embedder: SentenceTransformerEmbedder) -> None:
    queries = DEV_QUERIES[:24]
    expected = embedder.encode(queries)
    counting = CountingEmbedder(embedder)
    batcher = BatchingEmbedder(counting, max_batch=8, max_wait_ms=5)
    barrier = threading.Barrier(len(queries))

    def encode_one(query: str) -> Vectors:
        barrier.wait()  # all threads call encode at once
        return batcher.encode([query])[0]

    with ThreadPoolExecutor(len(queries)) as pool:
        vectors = np.stack(list(pool.map(encode_one, queries)))
    np.testing.assert_allclose(vectors, expected, atol=1e-5)
    assert sum(counting.calls) == len(queries)
    assert all(size <= 8 for size in counting.calls)
    stats = batcher.stats()
    assert (stats.batches, stats.texts) == (len(counting.calls), len(queries))


def test_requests_queued_during_a_model_call_share_the_next_one(embedder: SentenceTransformerEmbedder) -> None:
    gate = threading.Event()
    counting = CountingEmbedder(embedder, gate)
    batcher = BatchingEmbedder(counting, max_batch=16, max_wait_ms=0)
    queries = DEV_QUERIES[:16]
    with ThreadPoolExecutor(len(queries)) as pool:
        first = pool.submit(batcher.encode, queries[:1])
        _wait_until(lambda: counting.calls == [1])  # the model is busy with the first request
        rest = [pool.submit(batcher.encode, [query]) for query in queries[1:]]
        _wait_until(lambda: batcher.queued() == 15)
        gate.set()
        vectors = np.concatenate([first.result(), *(future.result() for future in rest)])
    assert counting.calls == [1, 15]
    assert batcher.stats().largest_batch == 15
    np.testing.assert_allclose(vectors, embedder.encode(queries), atol=1e-5)


def test_sentences_read_in_context_share_a_model_call_with_plain_requests(
    embedder: SentenceTransformerEmbedder,
) -> None:
    challenge = "Our ICS serves 1.4 million people. Heart failure is diagnosed late."
    spans = [(0, 34), (35, len(challenge))]
    gate = threading.Event()
    counting = CountingEmbedder(embedder, gate)
    batcher = BatchingEmbedder(counting, max_batch=16, max_wait_ms=0)
    with ThreadPoolExecutor(3) as pool:
        first = pool.submit(batcher.encode, DEV_QUERIES[:1])
        _wait_until(lambda: counting.calls == [1])  # the model is busy: the next two queue up
        plain = pool.submit(batcher.encode, DEV_QUERIES[1:2])
        in_context = pool.submit(batcher.encode_spans, [challenge], [spans])
        _wait_until(lambda: batcher.queued() == 2)
        gate.set()
        first.result()
    assert counting.calls == [1, 2]
    np.testing.assert_allclose(plain.result(), embedder.encode(DEV_QUERIES[1:2]), atol=1e-5)
    np.testing.assert_allclose(in_context.result()[0], embedder.encode_spans([challenge], [spans])[0], atol=1e-5)


def test_no_texts_give_no_vectors_without_a_model_call(embedder: SentenceTransformerEmbedder) -> None:
    counting = CountingEmbedder(embedder)
    vectors = BatchingEmbedder(counting).encode([])
    assert vectors.shape == (0, embedder.dimension)
    assert counting.calls == [0]  # passed straight through, never queued for the batcher's threads


def test_large_calls_go_straight_to_the_model(embedder: SentenceTransformerEmbedder) -> None:
    counting = CountingEmbedder(embedder)
    batcher = BatchingEmbedder(counting, max_batch=4)
    vectors = batcher.encode(DEV_QUERIES[:10])
    assert counting.calls == [10]
    assert batcher.stats().batches == 0  # the batching worker was not involved
    assert vectors.shape == (10, embedder.dimension)


class FailingEmbedder:
    model_id = "failing"
    dimension = 4

    def encode(self, texts: list[str], show_progress: bool = False) -> Vectors:
        raise RuntimeError("model crashed")


def test_a_failed_model_call_raises_in_every_caller_and_the_batcher_goes_on() -> None:
    batcher = BatchingEmbedder(FailingEmbedder())
    for _ in range(2):
        with pytest.raises(RuntimeError, match="model crashed"):
            batcher.encode(["a challenge"])


def test_a_lone_call_goes_to_the_solo_embedder_and_concurrent_ones_do_not(
    embedder: SentenceTransformerEmbedder,
) -> None:
    gate = threading.Event()
    solo = CountingEmbedder(embedder, gate)
    inner = CountingEmbedder(embedder)
    batcher = BatchingEmbedder(inner, workers=2, solo=solo, max_wait_ms=0)
    with ThreadPoolExecutor(2) as pool:
        lone = pool.submit(batcher.encode, DEV_QUERIES[:1])
        _wait_until(lambda: solo.calls == [1])  # nothing else ran: the solo embedder, held at the gate
        concurrent = batcher.encode(DEV_QUERIES[1:2])  # one call is running: the per-call embedder
        assert inner.calls == [1]
        gate.set()
        np.testing.assert_allclose(lone.result(), embedder.encode(DEV_QUERIES[:1]), atol=1e-5)
    np.testing.assert_allclose(concurrent, embedder.encode(DEV_QUERIES[1:2]), atol=1e-5)
