"""Builds the index from a corpus and opens it again, rebuilding when it is missing or stale.

Layout of the index directory: ``builds/<build-id>/`` holds one complete build (vectors, FAISS
index, manifest) and ``current`` is a symlink to the one being served. A build is written to a
temporary directory, fsynced, and published by atomically replacing the symlink, so a reader or a
crash mid-build never sees a half-written index.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from .. import __version__
from ..corpus import Corpus, load_challenge_sentences
from ..corpus.store import fsync_directory
from ..matcher.background import ProblemSentences
from ..matcher.embedded import EmbeddedCorpus
from ..matcher.errors import IndexMismatchError, IndexNotBuiltError, MatcherError
from ..matcher.interfaces import Embedder, Vectors
from ..matcher.models import Partnership
from ..matcher.passages import (
    CONCEPT_SOURCES,
    FIELD_VIEWS,
    LEXICAL_FIELDS,
    Passage,
    concept_text,
    recipe_id,
    record_passages,
    view_texts,
)
from ..matcher.vocabulary import Concept, Vocabulary
from .faiss_store import FaissStore
from .lexical import Bm25Index
from .manifest import IndexManifest, file_sha256

log = logging.getLogger(__name__)

STORE_FILE = "document.faiss"
PASSAGES_FILE = "passages.npy"
CONCEPTS_FILE = "concepts.json"
PROBLEM_SENTENCES_FILE = "problem-sentences.npy"  # the classifier's coefficients, then its intercept
CURRENT_LINK = "current"


def build_index(
    corpus: Corpus,
    embedder: Embedder,
    vocabulary: Vocabulary,
    index_dir: Path,
    *,
    kind: str | None = None,
    progress: bool = False,
    previous: EmbeddedCorpus | None = None,
) -> IndexManifest:
    """Embeds every record and publishes the new build as the current index.

    With `previous` (the index being served, same model and recipe), records it already holds
    unchanged keep their vectors and only new or edited records are embedded: an admin write
    re-embeds one record, not the corpus.
    """
    started = time.perf_counter()
    records = corpus.records
    n = len(records)
    if previous is not None and np.shape(previous.views["document"])[1] != embedder.dimension:
        previous = None  # another model: nothing to reuse
    reused = _reusable_rows(records, previous)
    fresh = [row for row in range(n) if row not in reused]
    texts = [view_texts(record) for record in records]
    concepts = _find_concepts(records, texts, vocabulary, reused, previous)

    def expanded(row: int, view: str) -> str:
        return vocabulary.expand(texts[row][view], concepts[view][row])

    passages = {row: record_passages(records[row], row) for row in fresh}
    # One encode call for everything keeps batches full and gives one progress bar.
    all_texts = [expanded(row, name) for name in FIELD_VIEWS for row in fresh]
    all_texts += [vocabulary.expand(p.text) for row in fresh for p in passages[row]]
    vectors = embedder.encode(all_texts, show_progress=progress) if all_texts else None
    views, passage_vectors = _assemble(n, embedder.dimension, fresh, passages, vectors, reused, previous)
    passage_count = len(passage_vectors)
    store = FaissStore.build(views["document"], kind)
    lexical = Bm25Index.from_texts({view: [expanded(row, view) for row in range(n)] for view in LEXICAL_FIELDS})
    examples = load_challenge_sentences()
    # `previous` has the same model and recipe, so the same examples: nothing to refit.
    problem_sentences = previous.problem_sentences if previous else ProblemSentences.fit(embedder, examples)

    builds = index_dir / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    build_id = f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    staging = builds / f".staging-{build_id}"
    staging.mkdir()
    try:
        for name in FIELD_VIEWS:
            np.save(staging / f"{name}.npy", views[name])
        np.save(staging / PASSAGES_FILE, passage_vectors)
        store.save(staging / STORE_FILE)
        lexical.save(staging)
        _write_concepts(staging / CONCEPTS_FILE, concepts, vocabulary)
        np.save(staging / PROBLEM_SENTENCES_FILE, problem_sentences.as_array())
        manifest = IndexManifest(
            model_id=embedder.model_id,
            dimension=embedder.dimension,
            corpus_sha256=corpus.sha256,
            corpus_path=corpus.path,
            record_count=n,
            passage_count=passage_count,
            recipe_version=recipe_id(vocabulary.sha256, examples.sha256),
            index_kind=store.kind,
            built_at=datetime.now(UTC),
            build_seconds=round(time.perf_counter() - started, 3),
            package_version=__version__,
            file_sha256={path.name: file_sha256(path) for path in sorted(staging.iterdir())},
        )
        manifest.write(staging)
        _fsync_tree(staging)
        final = builds / build_id
        staging.rename(final)
        _publish(index_dir, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _remove_old_builds(builds, keep=final)
    return manifest


def _find_concepts(
    records: tuple[Partnership, ...],
    texts: list[dict[str, str]],
    vocabulary: Vocabulary,
    reused: dict[int, int],
    previous: EmbeddedCorpus | None,
) -> dict[str, list[tuple[Concept, ...]]]:
    """Per source and row, the concepts its text names; unchanged records keep those found before."""
    concepts: dict[str, list[tuple[Concept, ...]]] = {source: [] for source in CONCEPT_SOURCES}
    for row, record in enumerate(records):
        old = reused.get(row)
        if previous is not None and old is not None:
            for source in CONCEPT_SOURCES:
                concepts[source].append(tuple(previous.concepts[source][old]))
            continue
        sources = {"record": concept_text(record), **texts[row]}
        for source in CONCEPT_SOURCES:
            concepts[source].append(tuple(vocabulary.find(sources[source])))
    return concepts


def _write_concepts(path: Path, concepts: dict[str, list[tuple[Concept, ...]]], vocabulary: Vocabulary) -> None:
    number = {concept.name: i for i, concept in enumerate(vocabulary.concepts)}
    lists = {source: [[number[c.name] for c in row] for row in rows] for source, rows in concepts.items()}
    path.write_text(json.dumps(lists, separators=(",", ":")), encoding="utf-8")


def _read_concepts(path: Path, vocabulary: Vocabulary) -> dict[str, list[tuple[Concept, ...]]]:
    lists = json.loads(path.read_text(encoding="utf-8"))
    return {source: [tuple(vocabulary.concepts[i] for i in row) for row in lists[source]] for source in CONCEPT_SOURCES}


def _reusable_rows(records: tuple[Partnership, ...], previous: EmbeddedCorpus | None) -> dict[int, int]:
    """Row in the new corpus -> row in `previous`, for records whose embedded content is unchanged."""
    if previous is None:
        return {}
    reused = {}
    for row, record in enumerate(records):
        old = previous.row_of.get(record.id)
        if old is not None and previous.records[old] == record:
            reused[row] = old
    return reused


def _assemble(
    n: int,
    dimension: int,
    fresh: list[int],
    passages: dict[int, list[Passage]],
    vectors: Vectors | None,
    reused: dict[int, int],
    previous: EmbeddedCorpus | None,
) -> tuple[dict[str, Vectors], Vectors]:
    """The view and passage matrices in corpus order, from fresh vectors and reused rows."""
    views = {name: np.zeros((n, dimension), dtype=np.float32) for name in FIELD_VIEWS}
    fresh_views = len(FIELD_VIEWS) * len(fresh)
    for i, name in enumerate(FIELD_VIEWS):
        if vectors is not None:
            views[name][fresh] = vectors[i * len(fresh) : (i + 1) * len(fresh)]
        if previous is not None:
            for row, old in reused.items():
                views[name][row] = previous.views[name][old]
    chunks: list[Vectors] = []
    cursor = fresh_views
    for row in range(n):
        if previous is not None and row in reused:
            span = previous.passage_range(reused[row])
            chunks.append(np.asarray(previous.passage_vectors[span.start : span.stop], dtype=np.float32))
        elif vectors is not None:
            count = len(passages[row])
            chunks.append(np.asarray(vectors[cursor : cursor + count], dtype=np.float32))
            cursor += count
    passage_vectors = np.concatenate(chunks) if chunks else np.zeros((0, dimension), dtype=np.float32)
    return views, passage_vectors


def load_index(
    index_dir: Path, corpus: Corpus, embedder: Embedder, vocabulary: Vocabulary, *, verify: bool = True
) -> EmbeddedCorpus:
    """The current build, checked against the corpus, model and vocabulary it must serve."""
    directory = index_dir / CURRENT_LINK
    manifest = IndexManifest.read(directory)
    recipe = recipe_id(vocabulary.sha256, load_challenge_sentences().sha256)
    reason = manifest.stale_reason(model_id=embedder.model_id, corpus_sha256=corpus.sha256, recipe_version=recipe)
    if reason:
        raise IndexMismatchError(f"Index at {index_dir} is stale: {reason}; run `matcher build`.")
    if verify:
        for name, expected in manifest.file_sha256.items():
            path = directory / name
            if not path.is_file() or file_sha256(path) != expected:
                raise IndexNotBuiltError(f"Index file {path} is missing or corrupt; run `matcher build`.")
    try:
        # Memory-mapped: workers share one copy through the page cache. Plain ndarray views of the
        # maps, because np.memmap's subclass hooks cost microseconds on every row lookup.
        views = {name: np.asarray(np.load(directory / f"{name}.npy", mmap_mode="r")) for name in FIELD_VIEWS}
        passage_vectors = np.asarray(np.load(directory / PASSAGES_FILE, mmap_mode="r"))
    except (OSError, ValueError) as err:
        raise IndexNotBuiltError(f"Unreadable vectors in {directory}; run `matcher build`.") from err
    store = FaissStore.load(directory / STORE_FILE)
    try:
        lexical = Bm25Index.load(directory, LEXICAL_FIELDS)
        concepts = _read_concepts(directory / CONCEPTS_FILE, vocabulary)
        problem_sentences = ProblemSentences.from_array(np.load(directory / PROBLEM_SENTENCES_FILE))
    except (OSError, ValueError, KeyError, IndexError) as err:  # IndexError: a concept the vocabulary lacks
        raise IndexNotBuiltError(
            f"Unreadable lexical index, concepts or sentence classifier in {directory}; run `matcher build`."
        ) from err
    try:
        return EmbeddedCorpus(corpus.records, views, passage_vectors, store, lexical, concepts, problem_sentences)
    except ValueError as err:
        raise IndexMismatchError(f"Index at {index_dir} does not fit the corpus: {err}") from err


def open_index(
    index_dir: Path, corpus: Corpus, embedder: Embedder, vocabulary: Vocabulary, *, progress: bool = False
) -> EmbeddedCorpus:
    """Loads the index, first rebuilding it (and logging why) when it is missing, stale or corrupt."""
    try:
        return load_index(index_dir, corpus, embedder, vocabulary)
    except MatcherError as err:
        if not isinstance(err, IndexNotBuiltError | IndexMismatchError):
            raise
        log.warning("rebuilding the index: %s", err)
    manifest = build_index(corpus, embedder, vocabulary, index_dir, progress=progress)
    log.info("index built: %d records in %.1fs", manifest.record_count, manifest.build_seconds)
    return load_index(index_dir, corpus, embedder, vocabulary)


def read_current_manifest(index_dir: Path) -> IndexManifest:
    return IndexManifest.read(index_dir / CURRENT_LINK)


def _publish(index_dir: Path, build: Path) -> None:
    link = index_dir / CURRENT_LINK
    temporary = index_dir / f".{CURRENT_LINK}-{uuid.uuid4().hex[:8]}"
    temporary.symlink_to(build.relative_to(index_dir))
    os.replace(temporary, link)  # atomic: readers see the old build or the new one
    fsync_directory(index_dir)


STALE_STAGING_SECONDS = 3600  # a staging directory this old was left by a build that died


def _remove_old_builds(builds: Path, keep: Path) -> None:
    for old in builds.iterdir():
        if old == keep:
            continue
        if old.name.startswith(".staging-"):
            try:
                if time.time() - old.stat().st_mtime < STALE_STAGING_SECONDS:
                    continue  # maybe another build, still running
            except OSError:
                continue
        shutil.rmtree(old, ignore_errors=True)


def _fsync_tree(directory: Path) -> None:
    for path in directory.iterdir():
        with path.open("rb") as handle:
            os.fsync(handle.fileno())
    fsync_directory(directory)
