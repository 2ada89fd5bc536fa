"""Bounded LRU caches for POST /v1/match: challenge embeddings and whole responses.

A widget on many sites sends the same few challenges again and again (examples, reloads, back
buttons); answering those from memory skips the model, the ranking and the JSON encoding. Keys
carry the matcher's `version` (corpus checksum and model), so a new index never serves old answers.
"""

from __future__ import annotations

import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import asdict, dataclass
from typing import Generic, TypeVar

from ..matcher.passages import tidy_spacing
from ..matcher.search import EmbeddedChallenge
from .schemas import MatchRequest

V = TypeVar("V")


@dataclass(frozen=True)
class CacheStats:
    size: int
    max_size: int
    hits: int
    misses: int

    @property
    def hit_rate(self) -> float:
        lookups = self.hits + self.misses
        return self.hits / lookups if lookups else 0.0

    def as_dict(self) -> dict[str, float]:
        return {**asdict(self), "hit_rate": round(self.hit_rate, 4)}


class LRUCache(Generic[V]):
    """Thread-safe; holds at most `max_size` entries (0 turns it off), evicting the least recently used."""

    def __init__(self, max_size: int) -> None:
        if max_size < 0:
            raise ValueError(f"max_size must be 0 or more, not {max_size}")
        self.max_size = max_size
        self._entries: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()
        self._hits = self._misses = 0

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            value = self._entries.get(key)
            if value is None:
                self._misses += 1
                return None
            self._entries.move_to_end(key)
            self._hits += 1
            return value

    def put(self, key: Hashable, value: V) -> None:
        if self.max_size == 0:
            return
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_size:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)

    def stats(self) -> CacheStats:
        with self._lock:
            return CacheStats(len(self._entries), self.max_size, self._hits, self._misses)


def normalise_challenge(text: str) -> str:
    """The same challenge however it was typed: Unicode-normalised, spacing made regular but for
    the blank lines and list items that divide its sentences."""
    return tidy_spacing(unicodedata.normalize("NFC", text))


class MatchCache:
    """The two caches behind POST /v1/match; `stats()` is what monitoring reads."""

    def __init__(self, *, results: int, embeddings: int) -> None:
        self.results: LRUCache[bytes] = LRUCache(results)
        self.embeddings: LRUCache[EmbeddedChallenge] = LRUCache(embeddings)

    @staticmethod
    def result_key(request: MatchRequest, version: str) -> Hashable:
        """Everything that changes a response: the challenge, the options and the matcher served."""
        options = request.model_dump_json(exclude={"challenge"})
        return (version, normalise_challenge(request.challenge), options)

    @staticmethod
    def embedding_key(model_text: str, version: str) -> Hashable:
        """The text the model reads (`Matcher.model_text`) and the matcher served."""
        return (version, normalise_challenge(model_text))

    def stats(self) -> dict[str, CacheStats]:
        return {"results": self.results.stats(), "embeddings": self.embeddings.stats()}
