"""Request ids, JSON access logs that never hold the challenge, and Prometheus metrics."""

from __future__ import annotations

import io
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from nhsmatch.api.app import create_app
from nhsmatch.api.observability import JsonFormatter, RequestIdFilter
from nhsmatch.api.settings import Settings
from nhsmatch.matcher.search import Matcher
from tests.conftest import TINY_CORPUS_PATH

SECRET_CHALLENGE = "Mrs Example at 12 Acacia Avenue has untreated atrial fibrillation"


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    """Everything logged while the test runs, formatted as `matcher serve` formats it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)


def app_with(tmp_path: Path, matcher: Matcher, **overrides: object) -> TestClient:
    values = {"corpus_path": TINY_CORPUS_PATH, "index_dir": tmp_path, "rate_limit": "off", **overrides}
    return TestClient(create_app(Settings(**values), matcher=matcher))  # type: ignore[arg-type]


def test_request_ids_are_echoed_or_made(client: TestClient) -> None:
    given = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    made = client.get("/healthz", headers={"X-Request-ID": "not sane; <script> " * 20})
    assert made.headers["x-request-id"] != "abc-123" and len(made.headers["x-request-id"]) == 32


def test_access_logs_are_json_with_request_id_and_never_hold_the_challenge(
    tmp_path: Path, tiny_matcher: Matcher, json_log: io.StringIO
) -> None:
    client = app_with(tmp_path, tiny_matcher)
    response = client.post("/v1/match", json={"challenge": SECRET_CHALLENGE}, headers={"X-Request-ID": "req-42"})
    assert response.status_code == 200
    client.get("/v1/partnerships", params={"region": "London"})
    client.post("/v1/match", json={"challenge": SECRET_CHALLENGE, "limit": 99})  # a 422 isn't logged with it either
    text = json_log.getvalue()
    assert "Acacia" not in text and "atrial" not in text
    lines = [json.loads(line) for line in text.splitlines()]
    access = [line for line in lines if line["logger"] == "nhsmatch.access"]
    match_line = next(line for line in access if line.get("request_id") == "req-42")
    assert match_line["method"] == "POST" and match_line["path"] == "/v1/match"
    assert match_line["route"] == "/v1/match" and match_line["status"] == 200 and match_line["duration_ms"] > 0
    assert match_line["pid"] == os.getpid()  # tells `serve --workers N` processes apart
    listing = next(line for line in access if line["route"] == "/v1/partnerships")
    assert listing["path"] == "/v1/partnerships" and "London" not in json.dumps(listing)  # no query string


def test_challenges_are_logged_only_when_enabled(tmp_path: Path, tiny_matcher: Matcher, json_log: io.StringIO) -> None:
    client = app_with(tmp_path, tiny_matcher, log_challenges=True)
    client.post("/v1/match", json={"challenge": SECRET_CHALLENGE}, headers={"X-Request-ID": "req-7"})
    logged = [json.loads(line) for line in json_log.getvalue().splitlines()]
    assert any("Acacia" in line["message"] and line.get("request_id") == "req-7" for line in logged)


def test_metrics_count_requests_per_route_and_describe_the_index(tmp_path: Path, tiny_matcher: Matcher) -> None:
    client = app_with(tmp_path, tiny_matcher)
    client.post("/v1/match", json={"challenge": "copd"})
    client.get("/v1/partnerships/bayer-bnssg-dwac-bristol")
    client.get("/v1/partnerships/nope")
    client.get("/no/such/path")
    response = client.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    samples = {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }

    def value(name: str, **labels: str) -> float:
        return samples[(name, tuple(sorted(labels.items())))]

    assert value("matcher_http_requests_total", method="POST", route="/v1/match", status="200") == 1
    route = "/v1/partnerships/{record_id}"
    assert value("matcher_http_requests_total", method="GET", route=route, status="200") == 1
    assert value("matcher_http_requests_total", method="GET", route=route, status="404") == 1
    assert value("matcher_http_requests_total", method="GET", route="unmatched", status="404") == 1
    assert value("matcher_http_request_duration_seconds_count", method="POST", route="/v1/match") == 1
    assert value("matcher_index_records") == 10 and value("matcher_ready") == 1
    assert ("matcher_cache_hit_ratio", ()) not in samples  # no cache wired in this app


def test_metrics_read_the_cache_stats_hook_and_the_index_build_time(
    tmp_path: Path, tiny_matcher: Matcher, tiny_corpus: object, embedder: object
) -> None:
    from nhsmatch.index.build import build_index

    manifest = build_index(tiny_corpus, embedder, tiny_matcher.vocabulary, tmp_path, previous=tiny_matcher.corpus)  # type: ignore[arg-type]
    client = app_with(tmp_path, tiny_matcher)
    client.app.state.cache_stats = lambda: {"hits": 3, "misses": 1}  # type: ignore[attr-defined]
    families = {family.name: family for family in text_string_to_metric_families(client.get("/metrics").text)}
    assert families["matcher_cache_hit_ratio"].samples[0].value == 0.75
    assert families["matcher_index_build_seconds"].samples[0].value == manifest.build_seconds
