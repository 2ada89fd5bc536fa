"""The match caches: bounded LRU, keyed on everything that changes a response, hit rate reported."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient

from nhsmatch.api.app import create_app
from nhsmatch.api.cache import LRUCache, MatchCache, normalise_challenge
from nhsmatch.api.schemas import MatchRequest
from nhsmatch.api.settings import Settings
from nhsmatch.matcher.search import Matcher
from tests.conftest import TINY_CORPUS_PATH

AF_CHALLENGE = "Patients with atrial fibrillation are not anticoagulated and we have too many strokes"


def test_lru_is_bounded_and_evicts_the_least_recently_used() -> None:
    cache: LRUCache[int] = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "a" is now the most recently used
    cache.put("c", 3)
    assert len(cache) == 2
    assert cache.get("b") is None
    assert (cache.get("a"), cache.get("c")) == (1, 3)
    stats = cache.stats()
    assert (stats.size, stats.max_size, stats.hits, stats.misses) == (2, 2, 3, 1)
    assert stats.hit_rate == 0.75
    assert stats.as_dict() == {"size": 2, "max_size": 2, "hits": 3, "misses": 1, "hit_rate": 0.75}


def test_size_zero_turns_the_cache_off() -> None:
    cache: LRUCache[int] = LRUCache(0)
    cache.put("a", 1)
    assert cache.get("a") is None
    assert len(cache) == 0
    with pytest.raises(ValueError, match="0 or more"):
        LRUCache(-1)


def test_result_keys_differ_by_options_and_version_but_not_by_spacing() -> None:
    base = MatchRequest(challenge="Too many  strokes\n in Bristol")
    key = MatchCache.result_key(base, "v1")
    assert MatchCache.result_key(MatchRequest(challenge=" Too many strokes in Bristol "), "v1") == key
    for other in (
        MatchRequest(challenge="Too many strokes in Leeds"),
        MatchRequest(challenge=base.challenge, limit=3),
        MatchRequest(challenge=base.challenge, filters={"regions": ["London"]}),  # type: ignore[arg-type]
        MatchRequest(challenge=base.challenge, near=["London"]),
    ):
        assert MatchCache.result_key(other, "v1") != key
    assert MatchCache.result_key(base, "v2") != key


def test_spacing_is_made_regular_but_for_the_breaks_between_sentences() -> None:
    typed = "  Our problems:\n\n\n - beds  are\n full\n   • staff  short "
    assert normalise_challenge(typed) == "Our problems:\n\n- beds are full\n• staff short"


@pytest.fixture
def cached_client(full_settings: Settings, full_matcher: Matcher) -> TestClient:
    settings = full_settings.model_copy(update={"cache_size": 2})
    return TestClient(create_app(settings, matcher=full_matcher))


def _cache_stats(client: TestClient) -> dict[str, dict[str, float]]:
    stats: dict[str, dict[str, float]] = client.get("/v1/stats").json()["cache"]
    return stats


def test_a_repeated_match_is_answered_from_the_cache(cached_client: TestClient) -> None:
    first = cached_client.post("/v1/match", json={"challenge": AF_CHALLENGE, "limit": 3})
    again = cached_client.post("/v1/match", json={"challenge": f"  {AF_CHALLENGE} ", "limit": 3})
    assert again.status_code == 200
    assert again.json() == first.json()
    assert again.headers["content-type"] == "application/json"
    stats = _cache_stats(cached_client)
    assert stats["results"] | {"hit_rate": 0.5} == {"size": 1, "max_size": 2, "hits": 1, "misses": 1, "hit_rate": 0.5}

    filtered = cached_client.post("/v1/match", json={"challenge": AF_CHALLENGE, "filters": {"regions": ["London"]}})
    assert {p["region"] for p in filtered.json()["precedents"]} == {"London"}
    stats = _cache_stats(cached_client)
    assert (stats["results"]["misses"], stats["embeddings"]["hits"]) == (2, 1)  # new filters, same embedding


def test_challenges_the_model_reads_alike_share_one_embedding(cached_client: TestClient) -> None:
    cached_client.post("/v1/match", json={"challenge": AF_CHALLENGE})
    with_aside_and_slip = f"Our diabetes outcomes are fine. {AF_CHALLENGE.replace('fibrillation', 'fibrilation')}"
    answer = cached_client.post("/v1/match", json={"challenge": with_aside_and_slip}).json()
    assert (answer["set_aside"], answer["corrected_words"]) == (
        ["Our diabetes outcomes are fine."],
        {"fibrilation": "fibrillation"},
    )
    stats = _cache_stats(cached_client)
    assert (stats["results"]["misses"], stats["embeddings"]["hits"], stats["embeddings"]["misses"]) == (2, 1, 1)


def test_the_cache_misses_once_the_matcher_version_changes(cached_client: TestClient, full_matcher: Matcher) -> None:
    request = {"challenge": AF_CHALLENGE, "limit": 2}
    cached_client.post("/v1/match", json=request)
    rebuilt = Matcher(
        replace(full_matcher.corpus),
        full_matcher.embedder,
        full_matcher.names,
        full_matcher.vocabulary,
        current_year=full_matcher.current_year,
        version="another corpus",
        places=full_matcher.places,
    )
    cached_client.app.state.matcher_state.replace(rebuilt)  # type: ignore[attr-defined]
    cached_client.post("/v1/match", json=request)
    stats = _cache_stats(cached_client)
    assert (stats["results"]["hits"], stats["results"]["misses"]) == (0, 2)
    assert (stats["embeddings"]["hits"], stats["embeddings"]["misses"]) == (0, 2)


def test_cached_embeddings_are_the_model_s(full_matcher: Matcher) -> None:
    cache = MatchCache(results=4, embeddings=4)
    vector = full_matcher.embedder.encode([AF_CHALLENGE])[0]
    cache.embeddings.put(MatchCache.embedding_key(AF_CHALLENGE, "v1"), vector)
    cached = cache.embeddings.get(MatchCache.embedding_key(f"{AF_CHALLENGE}  ", "v1"))
    assert cached is not None
    np.testing.assert_array_equal(cached, vector)


def test_the_served_encoder_batches_and_reports_it(tmp_path: Path) -> None:
    app = create_app(Settings(corpus_path=TINY_CORPUS_PATH, index_dir=tmp_path))
    with TestClient(app) as client:
        assert app.state.matcher_state.wait(timeout=300)
        before = client.get("/v1/stats").json()["batching"]  # start-up encodes the concept names
        assert client.post("/v1/match", json={"challenge": AF_CHALLENGE}).status_code == 200
        after = client.get("/v1/stats").json()["batching"]
    assert (after["batches"] - before["batches"], after["texts"] - before["texts"]) == (1, 1)
    assert after["largest_batch"] >= 1 and after["mean_batch"] >= 1
