"""schemathesis against the live OpenAPI schema: every operation, admin ones with the token.

Each operation gets up to MAX_EXAMPLES generated requests (valid and invalid); every response
must be no 5xx and conform to the schema (status code documented, body and headers valid).
"""

from __future__ import annotations

import shutil
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, assume, given, settings
from schemathesis import GenerationMode

from nhsmatch.api.app import create_app
from nhsmatch.api.settings import Settings
from nhsmatch.api.writes import rebuild_matcher
from nhsmatch.corpus import load_corpus
from nhsmatch.matcher.search import Matcher
from tests.conftest import TINY_CORPUS_PATH

MAX_EXAMPLES = 25
TOKEN = "schemathesis-admin-token-0123456789"


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory, tiny_matcher: Matcher) -> Any:
    workdir = tmp_path_factory.mktemp("schemathesis")
    corpus_path = workdir / "corpus.jsonl"
    shutil.copy(TINY_CORPUS_PATH, corpus_path)
    app_settings = Settings(
        corpus_path=corpus_path,
        index_dir=workdir / "index",
        data_dir=workdir / "data",
        admin_token=TOKEN,
        rate_limit="off",  # the limiter is tested on its own; here it would only answer 429s
    )
    matcher = rebuild_matcher(tiny_matcher, load_corpus(corpus_path), app_settings.index_dir)
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(app_settings, matcher=matcher))


OPERATIONS = (
    "POST /v1/match",
    "GET /v1/partnerships",
    "POST /v1/partnerships",
    "GET /v1/partnerships/{record_id}",
    "PUT /v1/partnerships/{record_id}",
    "DELETE /v1/partnerships/{record_id}",
    "GET /v1/partnerships/{record_id}/similar",
    "GET /v1/facets",
    "GET /v1/stats",
    "GET /healthz",
    "GET /readyz",
)
# Operations whose schema can describe an invalid request (a body, query or constrained path
# parameter); the rest accept anything a request to them can carry.
ACCEPTING_ANYTHING = {
    "GET /v1/partnerships/{record_id}",
    "GET /v1/facets",
    "GET /v1/stats",
    "GET /healthz",
    "GET /readyz",
}
CASES = [(label, GenerationMode.POSITIVE) for label in OPERATIONS] + [
    (label, GenerationMode.NEGATIVE) for label in OPERATIONS if label not in ACCEPTING_ANYTHING
]


def test_the_schema_has_exactly_these_operations(api_schema: Any) -> None:
    assert {f"{op.method.upper()} {op.path}" for op in _operations(api_schema)} == set(OPERATIONS)


# schemathesis' own pytest integration (`from_fixture`) does not run under pytest 9, so each
# operation's hypothesis strategy is driven here directly: the same generation and checks.
@pytest.mark.parametrize(("label", "mode"), CASES, ids=[f"{label}-{mode.value}" for label, mode in CASES])
def test_every_operation_conforms_and_never_5xx(api_schema: Any, label: str, mode: GenerationMode) -> None:
    (operation,) = [op for op in _operations(api_schema) if f"{op.method.upper()} {op.path}" == label]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def run(case: Any) -> None:
        if mode is GenerationMode.POSITIVE:
            assume(not _breaks_a_cross_field_rule(case))
            if case.method == "PUT" and isinstance(case.body, dict):
                case.body["id"] = case.path_parameters["record_id"]  # the one rule tying path to body
        case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"})

    run()


def _breaks_a_cross_field_rule(case: Any) -> bool:
    """Rules across fields that JSON Schema can't state (they are in the field descriptions)."""
    body = case.body if isinstance(case.body, dict) else {}
    query = case.query or {}

    def after(first: object, second: object) -> bool:
        numbers = (int, float)
        return isinstance(first, numbers) and isinstance(second, numbers) and first > second

    filters = body.get("filters") if isinstance(body.get("filters"), dict) else {}
    no_partners = "id" in body and not body.get("industry_partners") and not body.get("other_partners")
    return (
        no_partners
        or after(body.get("start_year"), body.get("end_year"))
        or after(filters.get("year_from"), filters.get("year_to"))
        or after(query.get("year_from"), query.get("year_to"))
    )


def _operations(api_schema: Any) -> list[Any]:
    return [result.ok() for result in api_schema.get_all_operations()]


def test_rate_limited_answers_conform_too(tmp_path_factory: pytest.TempPathFactory, tiny_matcher: Matcher) -> None:
    app_settings = Settings(
        corpus_path=TINY_CORPUS_PATH, index_dir=tmp_path_factory.mktemp("limited"), rate_limit="3/minute"
    )
    limited = schemathesis.openapi.from_asgi("/openapi.json", create_app(app_settings, matcher=tiny_matcher))
    statuses = []
    for label in ("GET /v1/facets", "POST /v1/match"):
        (operation,) = [op for op in _operations(limited) if f"{op.method.upper()} {op.path}" == label]

        @given(case=operation.as_strategy())
        @settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case: Any) -> None:
            if not _breaks_a_cross_field_rule(case):
                statuses.append(case.call_and_validate().status_code)

        run()
    assert 429 in statuses
