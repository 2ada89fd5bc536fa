"""OnnxEmbedder: the same sentence-transformers model run by ONNX Runtime, without torch.

The graph (transformer, mean pooling, L2 normalisation; the token vectors as a second output, for
`encode_spans`) is exported once from the model with torch and cached under the index directory;
serving then needs only onnxruntime and `tokenizers`, which import in a fraction of the time torch
does. Its vectors match sentence-transformers' to cosine 0.99999 (tests/index/test_onnx_embedder.py),
so an index built by either serves queries from both.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..matcher.errors import ModelLoadError
from ..matcher.interfaces import Span, Vectors
from .embedder import resolve_model
from .span_pooling import pool_spans

EXPORT_VERSION = "2"  # bump when export_onnx changes, so cached graphs are exported again
_UNVERSIONED_NAME = re.compile(r"encoder-[0-9a-f]{16}\.onnx")  # how graphs were named before
_SUPPORTED_MODULES = [
    "sentence_transformers.models.Transformer",
    "sentence_transformers.models.Pooling",
    "sentence_transformers.models.Normalize",
]
_DEFAULT_MAX_TOKENS = 256
# What one model call costs beyond its tokens, in tokens: small matrix products run below the
# CPU's speed, so a lone short text costs about as much as 30 more tokens in a batch (measured
# on 2 cores with all-MiniLM-L6-v2).
CALL_COST_TOKENS = 32


def supports_onnx(model_dir: Path) -> bool:
    """True for the pipelines export_onnx reproduces: transformer, mean pooling, normalisation."""
    try:
        modules = json.loads((model_dir / "modules.json").read_text(encoding="utf-8"))
        pooling = json.loads((model_dir / modules[1]["path"] / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, IndexError, KeyError):
        return False
    modes = {key for key, value in pooling.items() if key.startswith("pooling_mode_") and value}
    return (
        [m.get("type") for m in modules] == _SUPPORTED_MODULES
        and modes == {"pooling_mode_mean_tokens"}
        and (model_dir / "tokenizer.json").is_file()
    )


def onnx_model_path(cache_dir: Path, model_id: str) -> Path:
    """Where the exported graph of a model lives; the name changes with the model and the exporter."""
    return cache_dir / f"encoder-{_model_key(model_id)}-v{EXPORT_VERSION}.onnx"


def remove_superseded_exports(path: Path) -> list[Path]:
    """Deletes the graphs older exporters wrote for the same model as `path`, and those named before
    the exporter's version was part of the name: about 90 MB each that nothing reads again. A
    service already running on one keeps its copy in memory. Returns what it deleted."""
    model_key = path.name.split("-")[1]
    superseded = [
        old
        for old in path.parent.glob("encoder-*.onnx")
        if old != path and (old.name.startswith(f"encoder-{model_key}-v") or _UNVERSIONED_NAME.fullmatch(old.name))
    ]
    for old in superseded:
        old.unlink(missing_ok=True)
    return superseded


def _model_key(model_id: str) -> str:
    return hashlib.sha256(model_id.encode()).hexdigest()[:16]


def export_onnx(model_dir: Path, out: Path) -> None:
    """Exports the model's graph with pooling and normalisation built in (imports torch: slow)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights are local; never reach for a hub
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # its "Loading weights" bar; a build reports its own progress

    class _Pooled(torch.nn.Module):
        def __init__(self, model: Any) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1), hidden

    # Eager attention traces to a plain graph; SDPA's shape checks would be frozen into it.
    model = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()
    example = torch.ones(2, 8, dtype=torch.int64)
    names = ["input_ids", "attention_mask", "token_type_ids"]
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}")
    try:
        # The TorchScript exporter warns that it is legacy and about traced shape checks; it is the
        # one that needs no extra packages, and the equivalence tests check what it produces.
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                _Pooled(model),
                (example, example, torch.zeros_like(example)),
                str(partial),
                input_names=names,
                output_names=["embedding", "token_embeddings"],
                dynamic_axes={name: {0: "batch", 1: "tokens"} for name in [*names, "token_embeddings"]}
                | {"embedding": {0: "batch"}},
                opset_version=17,
                dynamo=False,
            )
        os.replace(partial, out)  # atomic: a concurrent reader never sees half a graph
    finally:
        partial.unlink(missing_ok=True)


class OnnxEmbedder:
    """Encodes texts to L2-normalised float32 vectors with ONNX Runtime."""

    def __init__(self, model: str, onnx_path: Path, *, threads: int = 0, batch_size: int = 32) -> None:
        model_dir, self.model_id = resolve_model(model)
        import onnxruntime
        from tokenizers import Tokenizer

        try:
            self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
            options = onnxruntime.SessionOptions()
            options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
            options.intra_op_num_threads = threads or os.cpu_count() or 1
            options.inter_op_num_threads = 1
            # Idle threads would otherwise spin for a while after each call, taking the CPU that
            # the request threads need on a small machine.
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            self._session = onnxruntime.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        except Exception as err:  # onnxruntime raises its own untyped errors
            raise ModelLoadError(f"Could not load the ONNX encoder at {onnx_path}: {err}") from err
        self._tokenizer.enable_truncation(_max_tokens(model_dir))
        self._tokenizer.no_padding()  # tokenizer.json may pad to a fixed width; _run pads per call
        self._inputs = [i.name for i in self._session.get_inputs()]
        self.dimension: int = int(self._session.get_outputs()[0].shape[1])
        self.batch_size = batch_size

    def encode(self, texts: list[str], show_progress: bool = False) -> Vectors:
        if not texts:  # an empty vocabulary has no concept names to encode
            return np.empty((0, self.dimension), dtype=np.float32)
        return np.concatenate(self.encode_spans(texts, [()] * len(texts)))

    def encode_spans(self, texts: list[str], spans: Sequence[Sequence[Span]]) -> list[Vectors]:
        encodings = self._tokenizer.encode_batch(texts)
        lengths = np.array([len(e.ids) for e in encodings])
        order = np.argsort(lengths, kind="stable")
        read: list[Vectors] = [np.empty(0, dtype=np.float32)] * len(texts)
        for batch in padding_aware_batches(lengths[order].tolist(), self.batch_size):
            rows = order[batch]
            with_spans = any(spans[i] for i in rows)  # the token vectors are copied out only if needed
            embedding, tokens = self._run([encodings[i] for i in rows], with_tokens=with_spans)
            for position, i in enumerate(rows):
                pooled = np.empty((0, self.dimension), dtype=np.float32)
                if spans[i]:
                    offsets = np.array(encodings[i].offsets)
                    pooled = pool_spans(tokens[position, : len(offsets)], offsets, spans[i])
                read[i] = np.vstack([embedding[position : position + 1], pooled])
        return read

    def _run(self, encodings: list[Any], *, with_tokens: bool) -> tuple[Vectors, Vectors]:
        """One model call: the texts' vectors and, `with_tokens`, their token vectors (else empty).
        Texts are padded to the longest, which costs as if they were that long."""
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        outputs = ["embedding", "token_embeddings"] if with_tokens else ["embedding"]
        embedding, *tokens = self._session.run(outputs, {name: feeds[name] for name in self._inputs})
        return np.asarray(embedding, dtype=np.float32), np.asarray(tokens[0] if tokens else [], dtype=np.float32)


def padding_aware_batches(lengths: list[int], max_batch: int) -> list[slice]:
    """Splits texts sorted by token count into model calls of least total cost.

    A call costs about CALL_COST_TOKENS plus its size times its longest text, so one short text
    batched with a long one pays for the long one; mixed challenges are best split by length.
    Exact by dynamic programming over the sorted lengths: O(len(lengths) * max_batch).
    """
    best = [0.0] + [float("inf")] * len(lengths)
    start_of = [0] * (len(lengths) + 1)
    for end in range(1, len(lengths) + 1):
        for start in range(max(0, end - max_batch), end):
            cost = best[start] + CALL_COST_TOKENS + (end - start) * lengths[end - 1]
            if cost < best[end]:
                best[end], start_of[end] = cost, start
    batches: list[slice] = []
    end = len(lengths)
    while end > 0:
        batches.append(slice(start_of[end], end))
        end = start_of[end]
    return batches[::-1]


def _max_tokens(model_dir: Path) -> int:
    try:
        config = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
        return int(config.get("max_seq_length", _DEFAULT_MAX_TOKENS))
    except (OSError, ValueError):
        return _DEFAULT_MAX_TOKENS
