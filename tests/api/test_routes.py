"""Every route and its errors, through the real app with the real model and index."""

import time

import pytest
from fastapi.testclient import TestClient

from nhsmatch.api.app import create_app
from nhsmatch.api.errors import ERROR_STATUS
from nhsmatch.api.settings import Settings
from nhsmatch.matcher import errors
from nhsmatch.matcher.search import Matcher
from tests.conftest import TINY_CORPUS_PATH

AF_CHALLENGE = "Patients with atrial fibrillation are not anticoagulated and we have too many strokes"


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready", "partnerships": 345}


def test_readiness_is_503_until_the_index_loads(tmp_path: object) -> None:
    app = create_app(Settings(corpus_path=TINY_CORPUS_PATH, index_dir=tmp_path))  # type: ignore[arg-type]
    with TestClient(app) as client:
        first = client.get("/readyz")
        if first.status_code == 503:  # normally: the model takes seconds to load
            assert first.json()["status"] == "loading"
            assert client.post("/v1/match", json={"challenge": "x"}).status_code == 503
        assert app.state.matcher_state.wait(timeout=120)
        assert client.get("/readyz").json() == {"status": "ready", "partnerships": 10}


def test_match_returns_precedents_partners_and_peers(client: TestClient) -> None:
    response = client.post("/v1/match", json={"challenge": AF_CHALLENGE, "limit": 5})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "precedents",
        "partners",
        "nhs_peers",
        "no_strong_precedent",
        "corrected_words",
        "set_aside",
        "read_as_background",
        "separate_problems",
        "no_strong_precedent_for",
        "not_in_english",
        "named_partners",
        "alternatives_to",
        "places",
    }
    assert body["corrected_words"] == {} and body["set_aside"] == [] and body["read_as_background"] == []
    assert body["named_partners"] == [] and body["alternatives_to"] == [] and body["places"] == []
    assert body["separate_problems"] == [] and body["no_strong_precedent_for"] == []
    assert body["not_in_english"] is False
    assert len(body["precedents"]) == 5
    top = body["precedents"][0]
    for field in (
        "id",
        "title",
        "score",
        "why",
        "match",
        "challenge",
        "intervention",
        "outcomes",
        "industry_partners",
        "region",
        "locality",
        "source_url",
    ):
        assert field in top
    assert "atrial fibrillation" in f"{top['title']} {top['challenge']}".lower()
    assert body["partners"][0].keys() >= {"name", "type", "score", "precedent_ids", "evidence"}
    assert body["nhs_peers"][0].keys() >= {"name", "type", "score", "precedent_ids"}


def test_match_applies_filters(client: TestClient) -> None:
    body = client.post(
        "/v1/match",
        json={"challenge": AF_CHALLENGE, "filters": {"regions": ["South West"], "arrangements": ["joint working"]}},
    ).json()
    assert body["precedents"]
    assert all(p["region"] == "South West" and p["arrangement"] == "joint working" for p in body["precedents"])


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "challenge"),
        ({"challenge": ""}, "challenge"),
        ({"challenge": "   \n\t "}, "challenge"),
        ({"challenge": "x" * 5001}, "challenge"),
        ({"challenge": "ok", "limit": 0}, "limit"),
        ({"challenge": "ok", "limit": 51}, "limit"),
        ({"challenge": "ok", "colour": "red"}, "colour"),
        ({"challenge": "ok", "filters": {"year_from": 1800}}, "filters.year_from"),
    ],
)
def test_match_rejects_bad_input_naming_the_field(client: TestClient, payload: dict[str, object], field: str) -> None:
    response = client.post("/v1/match", json=payload)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_request"
    assert field in [f["field"] for f in error["fields"]]


def test_unknown_filter_values_list_the_allowed_values(client: TestClient) -> None:
    response = client.post("/v1/match", json={"challenge": "ok", "filters": {"regions": ["Atlantis"]}})
    assert response.status_code == 422
    (problem,) = response.json()["error"]["fields"]
    assert problem["field"] == "filters.regions[0]"
    assert "Atlantis" in problem["problem"] and "London" in problem["allowed"]


def test_malformed_json_is_a_422(client: TestClient) -> None:
    response = client.post("/v1/match", content=b"{nope", headers={"Content-Type": "application/json"})
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request"


def test_list_partnerships_filters_and_paginates(client: TestClient) -> None:
    page = client.get("/v1/partnerships", params={"region": "London", "limit": 5, "offset": 5}).json()
    assert page["total"] == 64 and page["offset"] == 5 and len(page["items"]) == 5
    assert all(item["region"] == "London" for item in page["items"])
    both = client.get("/v1/partnerships", params=[("region", "Wales"), ("region", "Scotland")]).json()
    assert both["total"] == 39
    bad = client.get("/v1/partnerships", params={"therapy_area": "astrology"})
    assert bad.status_code == 422 and "cardiovascular" in bad.json()["error"]["fields"][0]["allowed"]
    reversed_years = client.get("/v1/partnerships", params={"year_from": 2020, "year_to": 2010})
    assert reversed_years.status_code == 422 and "year_from" in reversed_years.json()["error"]["message"]


def test_get_one_partnership_and_404(client: TestClient) -> None:
    record = client.get("/v1/partnerships/bayer-bnssg-dwac-bristol").json()
    assert record["id"] == "bayer-bnssg-dwac-bristol" and record["region"] == "South West"
    missing = client.get("/v1/partnerships/no-such-thing")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "unknown_partnership"
    assert "no-such-thing" in missing.json()["error"]["message"]


def test_similar_partnerships(client: TestClient) -> None:
    body = client.get("/v1/partnerships/bayer-bnssg-dwac-bristol/similar", params={"limit": 3}).json()
    assert body["id"] == "bayer-bnssg-dwac-bristol" and len(body["similar"]) == 3
    assert all(p["id"] != "bayer-bnssg-dwac-bristol" for p in body["similar"])
    assert client.get("/v1/partnerships/nope/similar").status_code == 404


def test_facets_count_every_value(client: TestClient) -> None:
    facets = client.get("/v1/facets").json()
    regions = {f["value"]: f["count"] for f in facets["regions"]}
    assert regions["London"] == 64 and sum(regions.values()) == 345 and "UK-wide" in regions
    assert {f["value"] for f in facets["outcome_statuses"]} == {"reported", "expected"}
    assert facets["years"]["min"] <= 2006 and facets["years"]["max"] >= 2024


def test_cors_allows_reads_from_any_origin_but_no_writes(client: TestClient) -> None:
    preflight = client.options(
        "/v1/match", headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST"}
    )
    assert preflight.headers["access-control-allow-origin"] == "*"
    read = client.get("/v1/facets", headers={"Origin": "https://example.org"})
    assert read.headers["access-control-allow-origin"] == "*"
    write = client.options(
        "/v1/partnerships", headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in write.headers


def test_openapi_documents_every_field(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/v1/match", "/v1/partnerships", "/v1/partnerships/{record_id}", "/v1/facets", "/readyz"} <= set(
        schema["paths"]
    )
    filters = schema["components"]["schemas"]["Filters"]["properties"]
    assert "Atlantis" not in str(filters) and "London" in str(filters["regions"])
    assert client.get("/docs").status_code == 200


def test_every_matcher_error_has_a_status() -> None:
    def subclasses(cls: type) -> set[type]:
        return {sub for direct in cls.__subclasses__() for sub in {direct} | subclasses(direct)}

    import nhsmatch.api.auth  # noqa: F401  (the API's own errors, wherever they are defined)

    defined = {
        obj
        for obj in vars(errors).values()
        if isinstance(obj, type) and issubclass(obj, errors.MatcherError) and obj is not errors.MatcherError
    }
    assert defined | subclasses(errors.MatcherError) == set(ERROR_STATUS)


def test_responses_are_quick_enough_to_be_interactive(client: TestClient) -> None:
    # Not a benchmark (see bench/): a guard against an accidental per-request model reload.
    started = time.perf_counter()
    for _ in range(3):
        client.post("/v1/match", json={"challenge": AF_CHALLENGE})
    assert time.perf_counter() - started < 30


def test_match_reports_what_it_left_out_and_what_it_read_as_about_the_asker(client: TestClient) -> None:
    background = "We are a teaching hospital trust with two main sites and 9,000 staff."
    challenge = f"{background} Our diabetes outcomes are fine. People wait over a year for hip and knee replacements."
    response = client.post("/v1/match", json={"challenge": challenge, "limit": 3})
    assert response.status_code == 200
    assert response.json()["set_aside"] == ["Our diabetes outcomes are fine."]
    assert response.json()["read_as_background"] == [background]


def test_match_reports_the_places_it_searched_as_our_area(client: TestClient) -> None:
    challenge = "In Lincolnshire, nurses can't locate infusion pumps or free beds across the hospital"
    body = client.post("/v1/match", json={"challenge": challenge, "limit": 3}).json()
    assert body["places"] == [{"name": "Lincolnshire", "regions": ["Midlands"]}]
    assert not any("Lincoln" in p["locality"] for p in body["precedents"])


def test_match_says_when_a_challenge_does_not_read_as_english(client: TestClient) -> None:
    urdu = "دل کی ناکامی کے بہت سے مریضوں کی تشخیص صرف ایمرجنسی میں ہوتی ہے"  # heart failure found only in emergencies
    response = client.post("/v1/match", json={"challenge": urdu, "limit": 3})
    assert response.status_code == 200
    assert response.json()["not_in_english"] is True and response.json()["no_strong_precedent"] is True


def test_match_reports_the_separate_problems_it_searched_one_at_a_time(client: TestClient) -> None:
    af, mpn = (
        "People with AF are not anticoagulated.",
        "Our haematology clinics are overloaded with stable MPN follow-ups.",
    )
    response = client.post("/v1/match", json={"challenge": f"{af} {mpn}", "limit": 4})
    assert response.status_code == 200
    assert response.json()["separate_problems"] == [af, mpn]
    assert [p["for_problem"] for p in response.json()["precedents"]] == [0, 1, 0, 1]
    assert response.json()["no_strong_precedent_for"] == []
    dental = "Separately, children wait over a year for dental extractions under general anaesthetic."
    response = client.post("/v1/match", json={"challenge": f"{af} {dental}", "limit": 2})
    assert response.json()["no_strong_precedent_for"] == [1] and response.json()["no_strong_precedent"] is False


def test_the_api_reads_a_challenge_in_bullet_points_as_the_matcher_does(
    client: TestClient, full_matcher: Matcher
) -> None:
    """The API keeps the line breaks that divide sentences (and so the focus), as the matcher reads them."""
    challenge = "- Our ICB serves 1.2 million people\n- Heart failure is diagnosed late, in A&E\n- Nurses are stretched"
    response = client.post("/v1/match", json={"challenge": challenge, "limit": 5})
    expected = [(p.record.id, round(p.score, 4)) for p in full_matcher.match(challenge, limit=5).precedents]
    assert [(p["id"], round(p["score"], 4)) for p in response.json()["precedents"]] == expected


def test_match_reports_the_typing_slips_it_read_as_corpus_words(client: TestClient) -> None:
    response = client.post("/v1/match", json={"challenge": "Diabtes patients need insulin pumps", "limit": 3})
    assert response.status_code == 200
    assert response.json()["corrected_words"] == {"Diabtes": "Diabetes"}


def test_match_names_the_other_conditions_of_a_precedent_about_another(client: TestClient) -> None:
    response = client.post("/v1/match", json={"challenge": "our MSK physio waiting list is over a year", "limit": 5})
    precedents = response.json()["precedents"]
    other = {c for p in precedents for c in p["other_conditions"]}
    assert "mental health" in other and response.json()["no_strong_precedent"] is True
    assert all(p["other_conditions"] == [] for p in precedents if "musculoskeletal" in " ".join(p["shared_concepts"]))
