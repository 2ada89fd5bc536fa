"""MatcherState: the matcher being served, loaded in the background so liveness answers at once."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from ..matcher.errors import IndexNotBuiltError, MatcherError
from ..matcher.search import Matcher

log = logging.getLogger(__name__)


class MatcherState:
    def __init__(self, matcher: Matcher | None = None) -> None:
        self._matcher = matcher
        self.error: str | None = None
        self._ready = threading.Event()
        if matcher is not None:
            self._ready.set()

    @property
    def is_ready(self) -> bool:
        return self._matcher is not None

    def load_in_background(self, load: Callable[[], Matcher]) -> threading.Thread:
        def run() -> None:
            try:
                self._matcher = load()
                log.info("ready: %d partnerships", len(self._matcher.records))
            except MatcherError as err:
                self.error = str(err)
                log.error("could not load the matcher: %s", err)
            except Exception as err:  # a bug; readyz must still answer, and say so
                self.error = f"{type(err).__name__}: {err}"
                log.exception("could not load the matcher")
            finally:
                self._ready.set()

        thread = threading.Thread(target=run, name="load-matcher", daemon=True)
        thread.start()
        return thread

    def wait(self, timeout: float | None = None) -> bool:
        return self._ready.wait(timeout)

    def get(self) -> Matcher:
        if self._matcher is None:
            raise IndexNotBuiltError(self.error or "The index is still loading; retry in a few seconds.")
        return self._matcher

    def replace(self, matcher: Matcher) -> None:
        """Swaps in a new matcher; requests already running finish on the old one."""
        self._matcher = matcher
