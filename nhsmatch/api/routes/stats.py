"""GET /v1/stats: cache hit rates and encoder batching, cheap enough to poll."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ...index.batching import BatchingEmbedder
from ..deps import CacheDep, StateDep

router = APIRouter(prefix="/v1", tags=["health"])


@router.get("/stats", summary="Cache hit rates and encoder batching of this worker")
def stats(cache: CacheDep, state: StateDep) -> dict[str, Any]:
    body: dict[str, Any] = {"cache": {name: s.as_dict() for name, s in cache.stats().items()}}
    embedder = state.get().embedder if state.is_ready else None
    if isinstance(embedder, BatchingEmbedder):
        batching = embedder.stats()
        body["batching"] = {
            "batches": batching.batches,
            "texts": batching.texts,
            "mean_batch": round(batching.mean_batch, 2),
            "largest_batch": batching.largest_batch,
        }
    return body
