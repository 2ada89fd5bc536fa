"""OnnxEmbedder: equivalent to the sentence-transformers reference, and torch-free when serving."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nhsmatch.index.embedder import BUNDLED_MODEL, SentenceTransformerEmbedder, bundled_model_path
from nhsmatch.index.encoders import load_embedder
from nhsmatch.index.onnx_embedder import (
    EXPORT_VERSION,
    OnnxEmbedder,
    onnx_model_path,
    padding_aware_batches,
    remove_superseded_exports,
    supports_onnx,
)
from tests.conftest import DEV_QUERIES


@pytest.fixture(scope="module")
def encoder_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("encoders")


@pytest.fixture(scope="module")
def onnx_embedder(encoder_cache: Path) -> OnnxEmbedder:
    embedder = load_embedder(BUNDLED_MODEL, "onnx", cache_dir=encoder_cache, threads=2)
    assert isinstance(embedder, OnnxEmbedder)
    return embedder


def test_vectors_match_the_reference_on_the_dev_queries(
    onnx_embedder: OnnxEmbedder, embedder: SentenceTransformerEmbedder
) -> None:
    onnx_vectors = onnx_embedder.encode(DEV_QUERIES)
    reference = embedder.encode(DEV_QUERIES)
    assert onnx_vectors.dtype == np.float32
    assert onnx_vectors.shape == reference.shape
    np.testing.assert_allclose(np.linalg.norm(onnx_vectors, axis=1), 1.0, atol=1e-5)
    assert float(np.min(np.sum(onnx_vectors * reference, axis=1))) >= 0.999
    assert onnx_embedder.model_id == embedder.model_id  # same vectors, so the same index serves both


def test_padding_in_a_batch_does_not_change_a_vector(onnx_embedder: OnnxEmbedder) -> None:
    texts = ["Strokes.", DEV_QUERIES[0], DEV_QUERIES[1] * 8]  # the last is truncated at 256 tokens
    together = onnx_embedder.encode(texts)
    alone = np.concatenate([onnx_embedder.encode([text]) for text in texts])
    np.testing.assert_allclose(together, alone, atol=1e-5)


def test_no_texts_give_no_vectors(onnx_embedder: OnnxEmbedder, embedder: SentenceTransformerEmbedder) -> None:
    # A matcher over an empty vocabulary encodes no concept names.
    assert onnx_embedder.encode([]).shape == embedder.encode([]).shape == (0, embedder.dimension)


BACKGROUND_AND_PROBLEM = "Our ICS serves 1.4 million people. Heart failure is diagnosed late, in A&E."
SENTENCES = [(0, 34), (35, len(BACKGROUND_AND_PROBLEM))]


def test_sentences_read_in_one_pass_match_the_reference(
    onnx_embedder: OnnxEmbedder, embedder: SentenceTransformerEmbedder
) -> None:
    (read,) = onnx_embedder.encode_spans([BACKGROUND_AND_PROBLEM], [SENTENCES])
    (reference,) = embedder.encode_spans([BACKGROUND_AND_PROBLEM], [SENTENCES])
    assert read.shape == reference.shape == (3, 384)  # the whole text, then each sentence
    assert float(np.min(np.sum(read * reference, axis=1))) >= 0.999
    np.testing.assert_allclose(read[0], onnx_embedder.encode([BACKGROUND_AND_PROBLEM])[0], atol=1e-5)
    np.testing.assert_allclose(reference[0], embedder.encode([BACKGROUND_AND_PROBLEM])[0], atol=1e-5)
    # In context, not alone: the sentence has attended to the background.
    alone = onnx_embedder.encode(["Heart failure is diagnosed late, in A&E."])[0]
    assert 0.5 < float(read[2] @ alone) < 0.99


def test_sentences_read_in_a_shared_call_are_read_as_alone(onnx_embedder: OnnxEmbedder) -> None:
    long_text = DEV_QUERIES[1] * 8  # cut at 256 tokens
    texts = ["Strokes.", BACKGROUND_AND_PROBLEM, long_text]
    spans = [[], SENTENCES, [(0, 20), (len(long_text) - 20, len(long_text))]]
    together = onnx_embedder.encode_spans(texts, spans)
    for text, text_spans, read in zip(texts, spans, together, strict=True):
        np.testing.assert_allclose(read, onnx_embedder.encode_spans([text], [text_spans])[0], atol=1e-5)
    assert together[0].shape == (1, 384)
    assert np.linalg.norm(together[2][1]) == pytest.approx(1.0)
    assert not together[2][2].any()  # past the model's token limit: a zero row


def test_the_export_is_reused(encoder_cache: Path, onnx_embedder: OnnxEmbedder) -> None:
    path = onnx_model_path(encoder_cache, onnx_embedder.model_id)
    exported_at = path.stat().st_mtime_ns
    load_embedder(BUNDLED_MODEL, "onnx", cache_dir=encoder_cache)
    assert path.stat().st_mtime_ns == exported_at
    assert [p.name for p in encoder_cache.iterdir()] == [path.name]  # no partial files left behind


def test_an_export_removes_the_graphs_older_exporters_wrote_for_its_model(tmp_path: Path) -> None:
    current = onnx_model_path(tmp_path, "bundled-model")
    older = current.with_name(current.name.replace(f"-v{EXPORT_VERSION}", "-v1"))
    unversioned = tmp_path / "encoder-0123456789abcdef.onnx"
    other_model = onnx_model_path(tmp_path, "another-model")
    for path in (current, older, unversioned, other_model):
        path.write_bytes(b"graph")
    assert sorted(remove_superseded_exports(current)) == sorted([older, unversioned])
    assert sorted(tmp_path.iterdir()) == sorted([current, other_model])


def test_serving_with_an_exported_encoder_never_imports_torch(encoder_cache: Path, onnx_embedder: OnnxEmbedder) -> None:
    script = (
        "import sys; from pathlib import Path; from nhsmatch.index.encoders import load_embedder; "
        f"e = load_embedder('bundled', 'onnx', cache_dir=Path({str(encoder_cache)!r})); "
        "print(type(e).__name__, e.encode(['too many strokes']).shape, 'torch' in sys.modules)"
    )
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert output.split() == ["OnnxEmbedder", "(1,", "384)", "False"]


def test_a_pipeline_the_export_cannot_reproduce_falls_back_to_torch(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    model_dir = tmp_path / "cls-model"
    shutil.copytree(bundled_model_path(), model_dir)
    pooling = model_dir / "1_Pooling" / "config.json"
    config = json.loads(pooling.read_text()) | {"pooling_mode_mean_tokens": False, "pooling_mode_cls_token": True}
    pooling.write_text(json.dumps(config))
    assert supports_onnx(bundled_model_path())
    assert not supports_onnx(model_dir)
    with caplog.at_level(logging.WARNING):
        embedder = load_embedder(str(model_dir), "onnx", cache_dir=tmp_path / "encoders")
    assert isinstance(embedder, SentenceTransformerEmbedder)
    assert "using torch" in caplog.text
    assert not (tmp_path / "encoders").exists()


def test_padding_aware_batches_split_by_length_and_cover_every_text() -> None:
    even = padding_aware_batches([40] * 20, 16)
    assert len(even) == 2  # as few calls as max_batch allows when padding costs nothing
    assert [i for batch in even for i in range(20)[batch]] == list(range(20))
    mixed = [10, 11, 12, 12, 200, 210]
    batches = padding_aware_batches(mixed, 16)
    assert batches == [slice(0, 4), slice(4, 6)]  # the short texts don't pay for the long ones
    assert padding_aware_batches([], 16) == []
    assert padding_aware_batches([30], 16) == [slice(0, 1)]
