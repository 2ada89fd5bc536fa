"""BatchingEmbedder: concurrent encode calls share one model call.

A small machine runs a few model calls well but many at once badly (and on its CPU a batch costs
about the same per text as single calls, README "Performance"). So request threads queue texts
and `workers` threads (one per core by default) each encode whatever is queued in one call. While
calls run, new requests queue up and form the next batch, so a lone request never waits for
company; a worker waits up to `max_wait_ms` for more texts only when its previous batch was
shared, that is, under load. A call with nothing else running or queued can go to `solo`, the same
model set to use every core, because one thread per call is best under load but slow for a lone
request. `encode_spans` calls (a challenge's sentences read in its one pass) share model calls too.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..matcher.interfaces import Embedder, Span, Vectors


@dataclass
class _Request:
    texts: list[str]
    spans: Sequence[Sequence[Span]] | None = None  # None: only the texts' vectors are wanted
    done: threading.Event = field(default_factory=threading.Event)
    read: list[Vectors] | None = None  # per text, as `encode_spans` gives it
    error: BaseException | None = None


@dataclass(frozen=True)
class BatchingStats:
    batches: int  # model calls made
    texts: int  # texts encoded by them
    largest_batch: int

    @property
    def mean_batch(self) -> float:
        return self.texts / self.batches if self.batches else 0.0


class BatchingEmbedder:
    """Wraps an Embedder; thread-safe. Calls of more than `max_batch` texts (index builds) go
    straight to the model."""

    def __init__(
        self,
        inner: Embedder,
        *,
        max_batch: int = 16,
        max_wait_ms: float = 2.0,
        workers: int = 1,
        solo: Embedder | None = None,
    ) -> None:
        self.inner = inner
        self.solo = solo
        self.model_id = inner.model_id
        self.dimension = inner.dimension
        self.max_batch = max_batch
        self.max_wait = max_wait_ms / 1000
        self._queue: deque[_Request] = deque()
        self._ready = threading.Condition()
        self.workers = workers
        self._started = False
        self._busy = 0  # workers in a model call
        self._batches = self._texts = self._largest = 0

    def encode(self, texts: list[str], show_progress: bool = False) -> Vectors:
        if not texts or len(texts) > self.max_batch or show_progress:
            return self.inner.encode(texts, show_progress=show_progress)
        return np.concatenate(self._queued(_Request(list(texts))))

    def encode_spans(self, texts: list[str], spans: Sequence[Sequence[Span]]) -> list[Vectors]:
        if len(texts) > self.max_batch:
            return self.inner.encode_spans(texts, spans)
        return self._queued(_Request(list(texts), spans))

    def _queued(self, request: _Request) -> list[Vectors]:
        """Waits for the model call that reads the request's texts."""
        with self._ready:
            if not self._started:  # started on first use, so that forked processes each get their own
                for number in range(self.workers):
                    threading.Thread(target=self._run, name=f"encode-batcher-{number}", daemon=True).start()
                self._started = True
            self._queue.append(request)
            self._ready.notify()
        request.done.wait()
        if request.error is not None:
            raise request.error
        assert request.read is not None
        return request.read

    def queued(self) -> int:
        """Requests waiting for the next model call."""
        with self._ready:
            return len(self._queue)

    def stats(self) -> BatchingStats:
        with self._ready:
            return BatchingStats(self._batches, self._texts, self._largest)

    def _run(self) -> None:
        previous_size = 0
        while True:
            batch = self._take_batch(wait=previous_size > 1)
            texts = [text for request in batch for text in request.texts]
            previous_size = len(batch)
            with self._ready:
                self._batches += 1
                self._texts += len(texts)
                self._largest = max(self._largest, len(texts))
                alone = self._busy == 0 and not self._queue
                self._busy += 1
            embedder = self.solo if alone and self.solo is not None else self.inner
            try:
                if any(request.spans for request in batch):
                    spans = [s for request in batch for s in (request.spans or [()] * len(request.texts))]
                    read = embedder.encode_spans(texts, spans)
                else:
                    read = list(embedder.encode(texts)[:, None])  # a row per text, as encode_spans gives
            except BaseException as err:  # every caller of the failed batch gets the error
                for request in batch:
                    request.error = err
                    request.done.set()
                continue
            finally:
                with self._ready:
                    self._busy -= 1
            start = 0
            for request in batch:
                request.read = read[start : start + len(request.texts)]
                start += len(request.texts)
                request.done.set()

    def _take_batch(self, *, wait: bool) -> list[_Request]:
        """Queued requests up to max_batch texts; encode() keeps each request within max_batch."""
        with self._ready:
            while not self._queue:
                self._ready.wait()
            deadline = time.monotonic() + (self.max_wait if wait else 0.0)
            batch: list[_Request] = []
            size = 0
            while True:
                while self._queue and size + len(self._queue[0].texts) <= self.max_batch:
                    request = self._queue.popleft()
                    batch.append(request)
                    size += len(request.texts)
                remaining = deadline - time.monotonic()
                if self._queue or size >= self.max_batch or remaining <= 0:
                    return batch
                self._ready.wait(remaining)
