"""Shared fixtures: the real bundled model, loaded once, and real FAISS indexes built once."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from nhsmatch.api.app import create_app
from nhsmatch.api.settings import Settings, get_settings
from nhsmatch.api.writes import serving_version
from nhsmatch.corpus import (
    DEFAULT_CORPUS_PATH,
    Corpus,
    load_corpus,
    load_organisation_names,
    load_places,
    load_vocabulary,
)
from nhsmatch.index.build import open_index
from nhsmatch.index.embedder import SentenceTransformerEmbedder
from nhsmatch.matcher.organisations import OrganisationNames
from nhsmatch.matcher.search import Matcher
from nhsmatch.matcher.vocabulary import Vocabulary

# No background index following in tests: a worker swapping in another matcher mid-test would make
# them depend on timing. Tests of the follower call IndexFollower.check() themselves.
os.environ.setdefault("MATCHER_FOLLOW_SECONDS", "0")

FIXTURES = Path(__file__).parent / "fixtures"
TINY_CORPUS_PATH = FIXTURES / "tiny.jsonl"
# The queries of the development evaluation set: realistic challenges, as users write them.
DEV_QUERIES = (FIXTURES / "dev_queries.txt").read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="session")
def embedder() -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder()


@pytest.fixture(scope="session")
def names() -> OrganisationNames:
    return load_organisation_names()


@pytest.fixture(scope="session")
def vocabulary() -> Vocabulary:
    return load_vocabulary()


@pytest.fixture(scope="session")
def tiny_corpus() -> Corpus:
    return load_corpus(TINY_CORPUS_PATH)


@pytest.fixture(scope="session")
def full_corpus() -> Corpus:
    return load_corpus(DEFAULT_CORPUS_PATH)


@pytest.fixture(scope="session")
def full_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("full-index")


@pytest.fixture(scope="session")
def full_matcher(
    full_corpus: Corpus,
    embedder: SentenceTransformerEmbedder,
    names: OrganisationNames,
    vocabulary: Vocabulary,
    full_index_dir: Path,
) -> Matcher:
    embedded = open_index(full_index_dir, full_corpus, embedder, vocabulary)
    version = serving_version(full_corpus.sha256, embedder.model_id)
    return Matcher(
        embedded, embedder, names, vocabulary, current_year=date.today().year, version=version, places=load_places()
    )


@pytest.fixture(scope="session")
def tiny_matcher(
    tiny_corpus: Corpus,
    embedder: SentenceTransformerEmbedder,
    names: OrganisationNames,
    vocabulary: Vocabulary,
    tmp_path_factory: pytest.TempPathFactory,
) -> Matcher:
    embedded = open_index(tmp_path_factory.mktemp("tiny-index"), tiny_corpus, embedder, vocabulary)
    version = serving_version(tiny_corpus.sha256, embedder.model_id)
    return Matcher(embedded, embedder, names, vocabulary, current_year=2026, version=version, places=load_places())


@pytest.fixture(scope="session")
def full_settings(full_index_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(index_dir=full_index_dir, data_dir=tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="session")
def client(full_settings: Settings, full_matcher: Matcher) -> Iterator[TestClient]:
    with TestClient(create_app(full_settings, matcher=full_matcher)) as test_client:
        yield test_client


@pytest.fixture
def matcher_env(monkeypatch: pytest.MonkeyPatch, full_index_dir: Path) -> Iterator[None]:
    """Points the environment-driven entry points (the CLI) at the session's full index."""
    monkeypatch.setenv("MATCHER_INDEX_DIR", str(full_index_dir))
    # A developer's working copy of the corpus (admin writes, .matcher-data/) must not be served here.
    monkeypatch.setenv("MATCHER_DATA_DIR", str(full_index_dir / "no-data"))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
