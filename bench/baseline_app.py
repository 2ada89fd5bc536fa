"""The naive baseline: per request, SentenceTransformer.encode the challenge and search a flat
FAISS index of the same document vectors the service builds, returning the top records.

Nothing is batched, cached or precomputed beyond the index: what a first version would do.
Run: python -m bench.baseline_app --index-dir DIR --port PORT
"""

from __future__ import annotations

import argparse
import os
from typing import Any

import numpy as np
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from nhsmatch.corpus import load_corpus
from nhsmatch.index.embedder import bundled_model_path


class BaselineRequest(BaseModel):
    challenge: str = Field(min_length=1, max_length=5000)
    limit: int = Field(10, ge=1, le=50)


def create_baseline_app(index_dir: str) -> FastAPI:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import faiss
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(bundled_model_path()), device="cpu")
    vectors = np.load(os.path.join(index_dir, "current", "document.npy"))
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    records = [record.model_dump() for record in load_corpus().records]
    app = FastAPI()

    @app.get("/readyz")
    def readyz() -> dict[str, str]:
        return {"status": "ready"}

    @app.post("/v1/match")
    def match(request: BaselineRequest) -> JSONResponse:
        query = model.encode([request.challenge], normalize_embeddings=True, convert_to_numpy=True)
        scores, rows = index.search(np.asarray(query, dtype=np.float32), request.limit)
        precedents: list[dict[str, Any]] = [
            {**records[row], "score": float(score)} for row, score in zip(rows[0], scores[0], strict=True) if row >= 0
        ]
        return JSONResponse({"precedents": precedents})

    return app


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index-dir", required=True)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    app = create_baseline_app(args.index_dir)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
