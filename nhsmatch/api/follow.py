"""IndexFollower: keeps a worker serving the index that is current on disk.

With `matcher serve --workers N`, an admin write rebuilds and publishes the index in the worker that
took it (api/writes.py). Every other worker polls the index's `current` link; when it points to a
new build made for the corpus file as it now is, the worker loads that build, re-embedding nothing,
so a write is served by every worker within about `MATCHER_FOLLOW_SECONDS`. A `matcher build` run
beside the service is picked up the same way.
"""

from __future__ import annotations

import logging
import os
import threading

from ..index.build import CURRENT_LINK, read_current_manifest
from ..matcher.errors import MatcherError
from ..matcher.search import Matcher
from .state import MatcherState
from .writes import CorpusWriter, reload_matcher, serving_version

log = logging.getLogger(__name__)


class IndexFollower:
    def __init__(self, writer: CorpusWriter, state: MatcherState, *, interval_seconds: float) -> None:
        self.writer = writer
        self.state = state
        self.interval = interval_seconds
        self._seen: str | None = None  # the build the served matcher is known to match
        self._stop = threading.Event()

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self._run, name="index-follower", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.check()
            except (MatcherError, OSError) as err:  # a bad build on disk: keep serving the current matcher
                log.warning("not following the published index: %s", err)

    def check(self) -> bool:
        """Loads the published index if it serves a newer corpus than this worker does; True if it did."""
        build = self._current_build()
        if not self.state.is_ready or build in (None, self._seen):
            return False
        matcher = self.state.get()
        if self._published_version(matcher) == matcher.version:  # this worker made it, or serves it already
            self._seen = build
            return False
        # Under the corpus lock no one is mid-write, so the corpus file and the published index agree.
        with self.writer.store.locked():
            self._seen = self._current_build()
            matcher = self.state.get()  # this worker may have written meanwhile
            manifest = read_current_manifest(self.writer.index_dir)
            corpus = self.writer.store.load()
            if corpus.sha256 != manifest.corpus_sha256:
                log.warning("the published index was built for another corpus file; not following it")
                return False
            self.state.replace(reload_matcher(matcher, corpus, self.writer.index_dir))
        log.info("now serving the published index: %d partnerships", len(corpus.records))
        return True

    def _current_build(self) -> str | None:
        try:
            return os.readlink(self.writer.index_dir / CURRENT_LINK)
        except OSError:
            return None

    def _published_version(self, matcher: Matcher) -> str:
        manifest = read_current_manifest(self.writer.index_dir)
        return serving_version(manifest.corpus_sha256, matcher.embedder.model_id)
