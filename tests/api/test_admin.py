"""Admin writes through the real app: auth, validation, durability on disk, searchable at once."""

from __future__ import annotations

import hashlib
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from nhsmatch.api.app import create_app
from nhsmatch.api.settings import Settings
from nhsmatch.api.writes import rebuild_matcher
from nhsmatch.corpus import DEFAULT_CORPUS_PATH, load_corpus, load_vocabulary
from nhsmatch.index.build import load_index, read_current_manifest
from nhsmatch.index.embedder import SentenceTransformerEmbedder
from nhsmatch.matcher.search import Matcher
from tests.conftest import TINY_CORPUS_PATH
from tests.records import record

TOKEN = "test-admin-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def make_client(tmp_path: Path, base: Matcher, **overrides: object) -> TestClient:
    """An app over a copy of the tiny corpus; its index is built from `base`'s vectors (no embedding)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    corpus_path = tmp_path / "corpus.jsonl"
    shutil.copy(TINY_CORPUS_PATH, corpus_path)
    values: dict[str, object] = {
        "corpus_path": corpus_path,
        "index_dir": tmp_path / "index",
        "data_dir": tmp_path / "data",
        "admin_token": TOKEN,
        "rate_limit": "off",
        **overrides,
    }
    settings = Settings(**values)  # type: ignore[arg-type]
    matcher = rebuild_matcher(base, load_corpus(corpus_path), settings.index_dir)
    return TestClient(create_app(settings, matcher=matcher))


@pytest.fixture
def admin(tmp_path: Path, tiny_matcher: Matcher) -> Iterator[TestClient]:
    with make_client(tmp_path, tiny_matcher) as client:
        yield client


def corpus_ids(client: TestClient) -> list[str]:
    settings: Settings = client.app.state.settings  # type: ignore[attr-defined]
    return [r.id for r in load_corpus(settings.corpus_path).records]


def test_writes_are_403_with_instructions_when_no_token_is_configured(tmp_path: Path, tiny_matcher: Matcher) -> None:
    with make_client(tmp_path, tiny_matcher, admin_token=None) as client:
        response = client.post("/v1/partnerships", json=record(), headers=AUTH)
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "admin_disabled"
        assert "MATCHER_ADMIN_TOKEN" in response.json()["error"]["message"]
        assert client.delete("/v1/partnerships/bayer-bnssg-dwac-bristol").status_code == 403
        assert client.get("/v1/partnerships/bayer-bnssg-dwac-bristol").status_code == 200


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}])
def test_writes_without_the_right_token_are_401_before_the_body_is_looked_at(
    admin: TestClient, headers: dict[str, str]
) -> None:
    for response in (
        admin.post("/v1/partnerships", json=record(), headers=headers),
        admin.post("/v1/partnerships", json={"not": "a record"}, headers=headers),
        admin.put("/v1/partnerships/bayer-bnssg-dwac-bristol", json=record(), headers=headers),
        admin.delete("/v1/partnerships/bayer-bnssg-dwac-bristol", headers=headers),
    ):
        assert response.status_code == 401
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert response.json()["error"]["code"] == "admin_auth"
    assert len(corpus_ids(admin)) == 10


def test_an_added_record_is_durable_and_searchable_at_once(admin: TestClient) -> None:
    new = record(0)
    response = admin.post("/v1/partnerships", json=new, headers=AUTH)
    assert response.status_code == 201, response.text
    assert response.headers["location"] == f"/v1/partnerships/{new['id']}"
    assert response.json()["id"] == new["id"]
    # Read-your-write: the served matcher has it ...
    assert admin.get(f"/v1/partnerships/{new['id']}").json()["title"] == new["title"]
    found = admin.post("/v1/match", json={"challenge": "sickle cell crisis patients wait for pain relief in A&E"})
    assert found.json()["precedents"][0]["id"] == new["id"]
    assert admin.get("/readyz").json()["partnerships"] == 11
    # ... and so do the corpus file and the published index, which a restart would load without a rebuild.
    settings: Settings = admin.app.state.settings  # type: ignore[attr-defined]
    corpus = load_corpus(settings.corpus_path)
    assert corpus.records[-1].id == new["id"] and len(corpus.records) == 11
    assert read_current_manifest(settings.index_dir).corpus_sha256 == corpus.sha256
    assert len(load_index(settings.index_dir, corpus, SentenceTransformerEmbedder(), load_vocabulary()).records) == 11


def test_adding_an_existing_id_is_a_409_and_changes_nothing(admin: TestClient) -> None:
    settings: Settings = admin.app.state.settings  # type: ignore[attr-defined]
    before = settings.corpus_path.read_bytes()
    response = admin.post("/v1/partnerships", json=record(0, id="bayer-bnssg-dwac-bristol"), headers=AUTH)
    assert response.status_code == 409 and response.json()["error"]["code"] == "duplicate_partnership"
    assert settings.corpus_path.read_bytes() == before


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"region": "Atlantis"}, "region"),
        ({"colour": "red"}, "colour"),
        ({"outcomes": []}, "outcomes"),
        ({"id": "Not A Slug"}, "id"),
        ({"source_url": "javascript:alert(1)"}, "source_url"),
        ({"industry_partners": [], "other_partners": []}, "body"),
    ],
)
def test_invalid_records_are_422_naming_the_field_and_write_nothing(
    admin: TestClient, changes: dict[str, object], field: str
) -> None:
    settings: Settings = admin.app.state.settings  # type: ignore[attr-defined]
    before = settings.corpus_path.read_bytes()
    response = admin.post("/v1/partnerships", json=record(0, **changes), headers=AUTH)
    assert response.status_code == 422
    assert field in [problem["field"] for problem in response.json()["error"]["fields"]]
    assert settings.corpus_path.read_bytes() == before


def test_replace_changes_what_is_found(admin: TestClient) -> None:
    target = "gsk-nhs-lanarkshire-copd"
    replacement = record(3, id=target)
    response = admin.put(f"/v1/partnerships/{target}", json=replacement, headers=AUTH)
    assert response.status_code == 200, response.text
    assert admin.get(f"/v1/partnerships/{target}").json()["title"] == replacement["title"]
    found = admin.post("/v1/match", json={"challenge": "adder bite antivenom missing in a rural hospital"}).json()
    assert found["precedents"][0]["id"] == target
    assert corpus_ids(admin).index(target) == 1  # replaced in place, the file keeps its order

    mismatch = admin.put(f"/v1/partnerships/{target}", json=record(3, id="other-id"), headers=AUTH)
    assert mismatch.status_code == 422 and mismatch.json()["error"]["fields"][0]["field"] == "id"
    assert admin.put("/v1/partnerships/nope", json=record(3, id="nope"), headers=AUTH).status_code == 404


def test_delete_removes_from_listing_and_search(admin: TestClient) -> None:
    target = "bayer-bnssg-dwac-bristol"
    assert admin.delete(f"/v1/partnerships/{target}", headers=AUTH).status_code == 204
    assert admin.get(f"/v1/partnerships/{target}").status_code == 404
    found = admin.post("/v1/match", json={"challenge": "atrial fibrillation anticoagulation strokes", "limit": 50})
    assert target not in [p["id"] for p in found.json()["precedents"]]
    assert target not in corpus_ids(admin)
    again = admin.delete(f"/v1/partnerships/{target}", headers=AUTH)
    assert again.status_code == 404 and again.json()["error"]["code"] == "unknown_partnership"


def test_concurrent_writes_are_serialised_and_all_kept(admin: TestClient) -> None:
    statuses: list[int] = []

    def add(index: int) -> None:
        response = admin.post("/v1/partnerships", json=record(index, id_prefix="concurrent"), headers=AUTH)
        statuses.append(response.status_code)

    threads = [threading.Thread(target=add, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [201] * 6
    ids = corpus_ids(admin)
    assert len(ids) == 16 and {f"concurrent-{i}" for i in range(6)} <= set(ids)
    assert admin.get("/readyz").json()["partnerships"] == 16


def test_writes_never_touch_the_shipped_corpus(
    tmp_path: Path, full_matcher: Matcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = hashlib.sha256(DEFAULT_CORPUS_PATH.read_bytes()).hexdigest()
    settings = Settings(index_dir=tmp_path / "index", data_dir=tmp_path / "data", admin_token=TOKEN, rate_limit="off")
    assert "corpus_path" not in settings.model_fields_set
    matcher = rebuild_matcher(full_matcher, load_corpus(DEFAULT_CORPUS_PATH), settings.index_dir)
    with TestClient(create_app(settings, matcher=matcher)) as client:
        assert client.post("/v1/partnerships", json=record(1), headers=AUTH).status_code == 201
        assert client.get("/readyz").json()["partnerships"] == 346
    assert hashlib.sha256(DEFAULT_CORPUS_PATH.read_bytes()).hexdigest() == shipped
    working = load_corpus(tmp_path / "data" / "partnerships.jsonl")
    assert len(working.records) == 346 and working.records[-1].id == "test-write-1"
    # Unchanged records keep their lines byte for byte: the working copy is the shipped file plus one line.
    assert (tmp_path / "data" / "partnerships.jsonl").read_bytes().startswith(DEFAULT_CORPUS_PATH.read_bytes())


def test_write_cors_is_off_by_default_and_follows_its_own_allowlist(tmp_path: Path, tiny_matcher: Matcher) -> None:
    preflight = {"Origin": "https://admin.example.org", "Access-Control-Request-Method": "DELETE"}
    with make_client(tmp_path / "a", tiny_matcher) as client:
        assert "access-control-allow-origin" not in client.options("/v1/partnerships/x", headers=preflight).headers
    with make_client(tmp_path / "b", tiny_matcher, admin_cors_origins=["https://admin.example.org"]) as client:
        allowed = client.options("/v1/partnerships/x", headers=preflight)
        assert allowed.headers["access-control-allow-origin"] == "https://admin.example.org"
        assert "authorization" in allowed.headers["access-control-allow-headers"].lower()
        other = client.options("/v1/partnerships/x", headers={**preflight, "Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_a_write_in_one_worker_is_served_by_the_others(tmp_path: Path, tiny_matcher: Matcher) -> None:
    """Two apps over one corpus and index directory stand for two `serve --workers` processes."""
    from nhsmatch.api.writes import reload_matcher

    with make_client(tmp_path, tiny_matcher, follow_seconds=0) as writer:
        settings: Settings = writer.app.state.settings  # type: ignore[attr-defined]
        other_matcher = reload_matcher(tiny_matcher, load_corpus(settings.corpus_path), settings.index_dir)
        with TestClient(create_app(settings, matcher=other_matcher)) as other:
            follower = other.app.state.index_follower  # type: ignore[attr-defined]
            assert follower.check() is False  # nothing new yet
            new = record(0)
            assert writer.post("/v1/partnerships", json=new, headers=AUTH).status_code == 201
            assert other.get(f"/v1/partnerships/{new['id']}").status_code == 404  # not polled yet
            assert follower.check() is True
            assert other.get(f"/v1/partnerships/{new['id']}").json()["title"] == new["title"]
            found = other.post("/v1/match", json={"challenge": "sickle cell crisis patients wait for pain relief"})
            assert found.json()["precedents"][0]["id"] == new["id"]
            assert follower.check() is False  # the same build again: nothing to do
            assert writer.app.state.index_follower.check() is False  # type: ignore[attr-defined]  # its own build
            # A write taken by the other worker comes back the same way.
            assert other.delete(f"/v1/partnerships/{new['id']}", headers=AUTH).status_code == 204
            assert writer.app.state.index_follower.check() is True  # type: ignore[attr-defined]
            assert writer.get(f"/v1/partnerships/{new['id']}").status_code == 404
