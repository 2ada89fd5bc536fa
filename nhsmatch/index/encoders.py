"""Chooses the encoder runtime: ONNX Runtime where it reproduces the model, torch otherwise."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Literal

from ..matcher.interfaces import Embedder
from .embedder import SentenceTransformerEmbedder, resolve_model
from .onnx_embedder import OnnxEmbedder, export_onnx, onnx_model_path, remove_superseded_exports, supports_onnx

log = logging.getLogger(__name__)

EncoderRuntime = Literal["onnx", "torch"]


def load_embedder(model: str, runtime: EncoderRuntime = "onnx", *, cache_dir: Path, threads: int = 0) -> Embedder:
    """The model's embedder; with "onnx", exports the graph into cache_dir on first use.

    Falls back to torch, with a warning, when the model's pipeline can't be exported or the export
    fails: the service is slower to start but serves the same vectors.
    """
    if runtime == "onnx":
        model_dir, model_id = resolve_model(model)
        if supports_onnx(model_dir):
            path = onnx_model_path(cache_dir, model_id)
            try:
                if not path.is_file():
                    log.info("exporting the encoder to %s (once per model)", path)
                    export_onnx(model_dir, path)
                    for old in remove_superseded_exports(path):
                        log.info("removed %s, exported for an older version", old.name)
                return OnnxEmbedder(model, path, threads=threads)
            except Exception as err:  # torch's exporter and onnxruntime raise many types; any means "use torch"
                log.warning("ONNX encoder unavailable, using torch: %s", err)
        else:
            log.warning("%s is not a pipeline the ONNX export reproduces; using torch", model_dir)
    return SentenceTransformerEmbedder(model, threads=threads)
