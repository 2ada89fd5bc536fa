"""Assembles a ready Matcher from settings: corpus, organisation names, model and index."""

from __future__ import annotations

import os
import sys
from datetime import date

from ..corpus import load_organisation_names, load_places, load_vocabulary
from ..index.batching import BatchingEmbedder
from ..index.build import open_index
from ..index.encoders import load_embedder
from ..index.onnx_embedder import OnnxEmbedder
from ..matcher.interfaces import Embedder
from ..matcher.search import Matcher
from .settings import Settings
from .writes import corpus_store, serving_version

ENCODER_CACHE = "encoders"  # under the index directory, beside the builds


def load_settings_embedder(settings: Settings, *, threads: int | None = None) -> Embedder:
    """The configured model on the configured runtime; `threads` per model call (default: settings)."""
    return load_embedder(
        settings.model,
        settings.encoder,
        cache_dir=settings.index_dir / ENCODER_CACHE,
        threads=threads or settings.encoder_threads,
    )


def _tune_threads_for_serving() -> None:
    """Concurrent requests are the parallelism, so:
    - one BLAS/OpenMP thread: a ranking's small matrix products run fastest on one, and threads of
      their own fight the requests for the cores (16 ms instead of 0.05 ms for the passage scores
      on a busy 2-core machine);
    - a 1 ms GIL switch interval instead of 5 ms: a cached answer waits less for a thread that is
      ranking another request."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)
    sys.setswitchinterval(0.001)


def load_matcher(settings: Settings, *, progress: bool = False) -> Matcher:
    """Validates the corpus, loads the model, and opens the index (rebuilding it if stale).

    Queries go through a BatchingEmbedder, so that concurrent requests share model calls.
    """
    store = corpus_store(settings)
    store.load()  # a bad corpus fails here, before the model loads
    names = load_organisation_names(settings.organisations_path)
    vocabulary = load_vocabulary(settings.vocabulary_path)
    places = load_places(settings.places_path)
    embedder = load_settings_embedder(settings)
    with store.reading() as corpus:  # a stale index is rebuilt from the corpus as it is now
        embedded = open_index(settings.index_dir, corpus, embedder, vocabulary, progress=progress)
    _tune_threads_for_serving()
    version = serving_version(corpus.sha256, embedder.model_id)
    calls = settings.encoder_calls or os.cpu_count() or 1
    # A lone request is encoded on all this worker's cores by a second ONNX session (~100 MB):
    # torch's thread count is global to the process, so it gets no such session.
    solo = load_settings_embedder(settings, threads=calls) if calls > 1 and isinstance(embedder, OnnxEmbedder) else None
    batching = BatchingEmbedder(
        embedder, max_batch=settings.batch_size, max_wait_ms=settings.batch_wait_ms, workers=calls, solo=solo
    )
    return Matcher(
        embedded, batching, names, vocabulary, current_year=date.today().year, version=version, places=places
    )
