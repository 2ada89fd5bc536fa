"""Admin writes, end to end: where the writable corpus is, and how a write reaches the index.

Which file is written (never the corpus shipped inside the package):
- `MATCHER_CORPUS_PATH` set to a file of your own: that file is served and edited in place;
- otherwise: the working copy `MATCHER_DATA_DIR/partnerships.jsonl` (default `.matcher-data/`).
  It is served when it exists; the first write creates it from the shipped corpus.

A write, under one lock: validate the whole new corpus -> write it durably (fsync, atomic rename)
-> build the new index, re-embedding only new or changed records, and publish it atomically ->
swap the served matcher. The 2xx is sent after all of that, so an acknowledged write is on disk
and already searchable (read-your-write). Requests in flight finish on the old matcher; none sees a
half-built index. If the process dies after the corpus write but before the index is published,
the next start finds the index stale (corpus checksum differs from the manifest) and rebuilds it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..corpus import DEFAULT_CORPUS_PATH, Corpus
from ..corpus.store import CorpusStore
from ..index.build import build_index, load_index
from ..matcher.search import Matcher
from .settings import Settings
from .state import MatcherState

WORKING_COPY_NAME = "partnerships.jsonl"
log = logging.getLogger(__name__)


def _is_shipped(path: Path) -> bool:
    return path.resolve() == DEFAULT_CORPUS_PATH.resolve()


def corpus_store(settings: Settings) -> CorpusStore:
    """The writable corpus for these settings (see the module docstring for the rule)."""
    if "corpus_path" in settings.model_fields_set and not _is_shipped(settings.corpus_path):
        return CorpusStore(settings.corpus_path)
    return CorpusStore(settings.data_dir / WORKING_COPY_NAME, seed=settings.corpus_path)


def serving_version(corpus_sha256: str, model_id: str) -> str:
    """`Matcher.version`: what a matcher serves, so that caches and workers can tell."""
    return f"{corpus_sha256[:16]}:{model_id}"


def rebuild_matcher(old: Matcher, corpus: Corpus, index_dir: Path) -> Matcher:
    """A matcher for `corpus` like `old`, its index rebuilt reusing `old`'s vectors, published on disk."""
    build_index(corpus, old.embedder, old.vocabulary, index_dir, previous=old.corpus)
    return reload_matcher(old, corpus, index_dir)


def reload_matcher(old: Matcher, corpus: Corpus, index_dir: Path) -> Matcher:
    """A matcher like `old` serving `corpus` from the index published for it in `index_dir`."""
    return Matcher(
        load_index(index_dir, corpus, old.embedder, old.vocabulary),
        old.embedder,
        old.names,
        old.vocabulary,
        current_year=old.current_year,
        version=serving_version(corpus.sha256, old.embedder.model_id),
        ranking=old.ranking,
        thresholds=old.thresholds,
        places=old.places,
    )


class CorpusWriter:
    """Applies admin writes to the served corpus; one at a time."""

    def __init__(self, settings: Settings, state: MatcherState) -> None:
        self.store = corpus_store(settings)
        self.index_dir = settings.index_dir
        self.state = state
        self.on_write: Callable[[str, float], None] | None = None  # metrics hook: (operation, seconds)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="corpus-writer")

    def _apply(self, change: Callable[[CorpusStore], Corpus]) -> Corpus:
        with self.store.locked():
            old = self.state.get()  # 503 while the index loads; read under the lock, after any other write
            corpus = change(self.store)  # validated and fsynced, or raised without writing
            self.state.replace(rebuild_matcher(old, corpus, self.index_dir))
        return corpus

    def apply(self, operation: str, change: Callable[[CorpusStore], Corpus]) -> Corpus:
        """Runs `change` on the store and serves the result; returns once durable and searchable.

        The work runs on one dedicated thread: the index's arrays (megabytes) are then always
        allocated by the same thread, so they reuse one malloc arena instead of growing a new one in
        each of the server's worker threads (the soak showed ~30 MiB per write otherwise).
        """
        started = time.perf_counter()
        corpus = self._executor.submit(self._apply, change).result()
        seconds = time.perf_counter() - started
        log.info("%s applied: %d records served", operation, len(corpus.records), extra={"seconds": round(seconds, 3)})
        if self.on_write:
            self.on_write(operation, seconds)
        return corpus
