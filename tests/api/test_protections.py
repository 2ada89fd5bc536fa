"""Public-endpoint protections: rate limiting, body size limit, security headers, unknown fields."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from nhsmatch.api.app import create_app
from nhsmatch.api.security import DOCS_CSP, PAGE_CSP
from nhsmatch.api.settings import Settings
from nhsmatch.matcher.search import Matcher
from tests.conftest import TINY_CORPUS_PATH


def app_with(tmp_path: Path, matcher: Matcher, **overrides: object) -> TestClient:
    settings = Settings(corpus_path=TINY_CORPUS_PATH, index_dir=tmp_path, **overrides)  # type: ignore[arg-type]
    return TestClient(create_app(settings, matcher=matcher))


def test_rate_limit_answers_429_with_retry_after_per_client(tmp_path: Path, tiny_matcher: Matcher) -> None:
    client = app_with(tmp_path, tiny_matcher, rate_limit="3/minute")
    for _ in range(3):
        assert client.get("/v1/facets").status_code == 200
    limited = client.post("/v1/match", json={"challenge": "asthma"})
    assert limited.status_code == 429
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    error = limited.json()["error"]
    assert error["code"] == "rate_limited" and "3 per 1 minute" in error["message"]
    # Health checks and metrics are exempt; another client has its own allowance.
    assert client.get("/healthz").status_code == 200 and client.get("/readyz").status_code == 200
    assert client.get("/metrics").status_code == 200
    other = TestClient(client.app, client=("192.0.2.7", 40000))
    assert other.get("/v1/facets").status_code == 200


def test_rate_limited_reads_keep_their_cors_headers_so_the_widget_can_see_the_429(
    tmp_path: Path, tiny_matcher: Matcher
) -> None:
    client = app_with(tmp_path, tiny_matcher, rate_limit="1/minute")
    origin = {"Origin": "https://ics.example.org"}
    assert client.get("/v1/facets", headers=origin).status_code == 200
    limited = client.get("/v1/facets", headers=origin)
    assert limited.status_code == 429 and limited.headers["access-control-allow-origin"] == "*"


def test_rate_limit_off_disables_it(tmp_path: Path, tiny_matcher: Matcher) -> None:
    client = app_with(tmp_path, tiny_matcher, rate_limit="off")
    assert all(client.get("/v1/facets").status_code == 200 for _ in range(30))


def test_a_bad_rate_limit_setting_is_refused() -> None:
    with pytest.raises(ValueError, match="rate limit"):
        Settings(rate_limit="lots")


def test_bodies_over_the_limit_are_413_unread(tmp_path: Path, tiny_matcher: Matcher) -> None:
    client = app_with(tmp_path, tiny_matcher, rate_limit="off", max_body_bytes=2048)
    big = {"challenge": "x" * 4000}
    response = client.post("/v1/match", json=big)
    assert response.status_code == 413 and response.json()["error"]["code"] == "request_too_large"

    def chunks():  # no Content-Length: the limit applies to what arrives
        yield b'{"challenge": "'
        for _ in range(10):
            yield b"y" * 500
        yield b'"}'

    streamed = client.post("/v1/match", content=chunks(), headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413
    assert client.post("/v1/match", json={"challenge": "asthma in schools"}).status_code == 200


def test_unknown_fields_are_rejected_with_a_clear_message(client: TestClient) -> None:
    response = client.post("/v1/match", json={"challenge": "asthma", "filter": {"regions": ["London"]}})
    assert response.status_code == 422
    (problem,) = response.json()["error"]["fields"]
    assert problem["field"] == "filter" and "unknown field" in problem["problem"]


def test_security_headers_on_every_response(client: TestClient) -> None:
    for response in (
        client.get("/v1/facets"),
        client.get("/v1/partnerships/nope"),
        client.post("/v1/match", json={}),
        client.get("/no/such/route"),
    ):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"


def test_the_page_gets_a_strict_csp_and_the_docs_keep_working(tmp_path: Path, tiny_matcher: Matcher) -> None:
    from fastapi.responses import HTMLResponse

    client = app_with(tmp_path, tiny_matcher)
    app = client.app

    @app.get("/csp-probe", include_in_schema=False)  # type: ignore[attr-defined]
    def probe() -> HTMLResponse:  # stands in for the page, which is served the same way
        return HTMLResponse("<!doctype html><title>x</title>")

    page = client.get("/csp-probe")
    assert page.headers["content-security-policy"] == PAGE_CSP
    assert "'unsafe-inline'" not in PAGE_CSP and "default-src 'self'" in PAGE_CSP
    assert page.headers["x-content-type-options"] == "nosniff"
    docs = client.get("/docs")
    assert docs.status_code == 200 and docs.headers["content-security-policy"] == DOCS_CSP
    assert "https://" not in docs.text  # Swagger UI comes from this service, not a CDN
    assert client.get("/static-offline-docs/swagger-ui-bundle.js").status_code == 200
